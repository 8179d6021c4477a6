import Foundation
import XCTest

@testable import SCIMGenKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a pull request can plant in the committed output folder, tried on the built binary as CI
/// and a docs engineer would run it: links, FIFOs, devices, a hand-edited manifest, a second run,
/// a read-only folder. Nothing may be written, read, printed or removed outside what scimgen wrote,
/// and nothing may hang: every run is killed after `limit` seconds, which fails the test.
final class OutputAttackTests: XCTestCase {
    /// Ends a run that hangs; no test asserts a time.
    let limit = 120.0

    func scimgen(
        _ arguments: [String], in workspace: Workspace, environment: [String: String]? = nil,
        user: BuiltBinary.User = .current, file: StaticString = #filePath, line: UInt = #line
    ) throws -> Workspace.Run {
        try XCTUnwrap(
            BuiltBinary.run(arguments, in: workspace.root, environment: environment, user: user, timeout: limit, file: file, line: line),
            file: file, line: line)
    }

    /// A workspace with a generated, committed-looking Site.
    func generated() throws -> Workspace {
        let workspace = try Workspace()
        let run = try scimgen(["generate"], in: workspace)
        XCTAssertEqual(run.code, 0, "\(run)")
        return workspace
    }

    func link(_ path: String, to target: String, in workspace: Workspace) throws {
        try? FileManager.default.removeItem(at: workspace.url(path))
        try FileManager.default.createSymbolicLink(atPath: workspace.url(path).path, withDestinationPath: target)
    }

    func isLink(_ path: String, in workspace: Workspace) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: workspace.url(path).path))?[.type] as? FileAttributeType == .typeSymbolicLink
    }

    /// The message for something that is not a regular file where a generated file belongs.
    func notAFile(_ path: String, _ kind: String) -> String {
        "\(path): error: is \(kind) where scimgen keeps a generated file; scimgen never follows links and reads or replaces "
            + "only regular files in the output folder; remove it and run 'scimgen generate' again"
    }

    /// Messages with every run token replaced by `<token>`.
    func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: #"\.[0-9a-f]{16}\.scimgen-tmp"#, with: ".<token>.scimgen-tmp", options: .regularExpression)
    }

    // MARK: - 1. Links at temporary names

    func testLinksAtTemporaryNamesAreNeverWrittenThrough() throws {
        let workspace = try generated()
        try FileManager.default.createDirectory(at: workspace.url("outside"), withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.url("Site/lusid").path).filter { $0.hasSuffix(".md") }
        XCTAssertFalse(names.isEmpty)
        for name in names {
            try link("Site/lusid/.\(name).scimgen-tmp", to: "../../outside/\(name)", in: workspace)
            try link("Site/lusid/.\(name).0123456789abcdef.scimgen-tmp", to: "../../outside/\(name)-2", in: workspace)
        }
        try workspace.edit("Vendors/lusid/vendor.json", "\"name\": \"LUSID\"", "\"name\": \"LUSID Next\"")
        let run = try scimgen(["generate"], in: workspace)
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertEqual(run.err, "")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: workspace.url("outside").path), [], "nothing written through a link")
        for name in names {
            XCTAssertTrue(isLink("Site/lusid/.\(name).scimgen-tmp", in: workspace), "a planted link is left as it is")
            XCTAssertFalse(isLink("Site/lusid/\(name)", in: workspace), "no link renamed into place")
        }
        XCTAssertTrue(try XCTUnwrap(workspace.read("Site/lusid/tutorial.md")).contains("LUSID Next"))
        XCTAssertEqual(try scimgen(["check"], in: workspace).code, 0)
    }

    // MARK: - 2. The manifest as a stranger's data

    func testManifestLinesNeverRemoveWhatScimgenDidNotWrite() throws {
        let workspace = try generated()
        let lusid = workspace.files(under: "Site/lusid")
        try workspace.write("Site/notes.md", "hand-written\n")
        try workspace.write("outside.md", "outside\n")
        try workspace.write("Site/thousandeyes/tutorial.md", "edited by hand\n")
        try FileManager.default.moveItem(at: workspace.url("Vendors/thousandeyes"), to: workspace.url("thousandeyes-away"))
        let manifest = try XCTUnwrap(workspace.read(".Site.scimgen-manifest"))
        let first = manifest.split(separator: "\n").count + 1
        let hash = { (text: String) in SHA256.hex(Array(text.utf8)) }
        try workspace.write(
            ".Site.scimgen-manifest",
            manifest + "\(hash("x"))  lusid\n\(hash("a guess"))  notes.md\n\(hash("outside\n"))  ../outside.md\n"
                + "\(hash("x"))  /etc/passwd\nrm -rf /\n")

        let run = try scimgen(["generate"], in: workspace)
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertEqual(
            run.err.split(separator: "\n"),
            [
                ".Site.scimgen-manifest:\(first + 2): warning: lists '../outside.md', which leaves the output folder with '..'; the line is ignored",
                ".Site.scimgen-manifest:\(first + 3): warning: lists '/etc/passwd', which is absolute; the line is ignored",
                ".Site.scimgen-manifest:\(first + 4): warning: is not '<sha-256>  <path>'; the line is ignored, so scimgen will neither replace nor remove the file it names",
                "Site/lusid: warning: is listed in the manifest but is a folder, not a file scimgen wrote; left in place and no longer listed",
                "Site/notes.md: warning: is no longer generated, but its bytes are not what scimgen wrote; left in place and no longer listed; delete it if nobody needs it",
                "Site/thousandeyes/tutorial.md: warning: is no longer generated, but its bytes are not what scimgen wrote; left in place and no longer listed; delete it if nobody needs it",
            ])
        XCTAssertEqual(workspace.files(under: "Site/lusid"), lusid, "a folder named in the manifest is left whole")
        XCTAssertEqual(workspace.read("Site/notes.md"), "hand-written\n")
        XCTAssertEqual(workspace.read("outside.md"), "outside\n")
        XCTAssertEqual(workspace.files(under: "Site/thousandeyes"), ["tutorial.md"], "the files scimgen wrote go, the edited one stays")
        XCTAssertEqual(workspace.read("Site/thousandeyes/tutorial.md"), "edited by hand\n")
        let check = try scimgen(["check"], in: workspace)
        XCTAssertEqual(check.code, 0, "\(check)")
    }

    /// On macOS and Windows `LUSID/tutorial.md` is `lusid/tutorial.md`: a manifest line naming a generated
    /// file in another letter case, with its right hash, must not make generate remove what it just kept.
    func testAManifestLineInAnotherLetterCaseNeverRemovesAGeneratedFile() throws {
        let workspace = try generated()
        let tutorial = try XCTUnwrap(workspace.read("Site/lusid/tutorial.md"))
        // On Linux the other spelling is a file of its own, holding the same bytes; the rule is the same.
        try FileManager.default.createDirectory(at: workspace.url("Site/LUSID"), withIntermediateDirectories: true)
        try tutorial.write(to: workspace.url("Site/LUSID/tutorial.md"), atomically: false, encoding: .utf8)
        let hash = SHA256.hex(Array(tutorial.utf8))
        let manifest = try XCTUnwrap(workspace.read(".Site.scimgen-manifest"))
        try (manifest + "\(hash)  LUSID/tutorial.md\n").write(to: workspace.url(".Site.scimgen-manifest"), atomically: false, encoding: .utf8)
        let run = try scimgen(["generate"], in: workspace)
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertEqual(
            run.err,
            "Site/LUSID/tutorial.md: warning: is listed in the manifest and differs from a generated file only by letter case "
                + "or Unicode normalization, so on macOS and Windows it is that file; left in place and no longer listed\n")
        XCTAssertEqual(workspace.read("Site/LUSID/tutorial.md"), tutorial)
        XCTAssertEqual(workspace.read("Site/lusid/tutorial.md"), tutorial)
        XCTAssertFalse(try XCTUnwrap(workspace.read(".Site.scimgen-manifest")).contains("LUSID"))
    }

    // MARK: - 3. Nothing outside the folder is read or printed

    func testCheckNeverReadsOrPrintsThroughALink() throws {
        let workspace = try generated()
        try link("Site/index.md", to: "/proc/self/environ", in: workspace)
        try link("Site/lusid", to: "/etc", in: workspace)
        var environment = ProcessInfo.processInfo.environment
        environment["SCIMGEN_TEST_SECRET"] = "hunter2-secret-value"
        let check = try scimgen(["check"], in: workspace, environment: environment)
        XCTAssertEqual(check.code, 1)
        XCTAssertFalse(check.err.contains("hunter2"), check.err)
        XCTAssertFalse(check.err.contains("root:"), check.err)
        let lines = check.err.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { $0.contains(": error: ") }, [
            notAFile("Site/index.md", "a link"),
            "Site/lusid: error: is a link where scimgen needs a folder; scimgen never follows links in the output folder; "
                + "remove it and run 'scimgen generate' again",
        ])

        let generate = try scimgen(["generate"], in: workspace, environment: environment)
        XCTAssertEqual(generate.code, 1)
        XCTAssertEqual(
            generate.err,
            "Site/lusid: error: is a link where scimgen needs a folder; scimgen never follows links in the output folder; "
                + "remove it and run 'scimgen generate' again\n")
        XCTAssertTrue(isLink("Site/index.md", in: workspace))
        XCTAssertTrue(isLink("Site/lusid", in: workspace))
    }

    /// `check` prints a diff of a stale file and of the manifest; a planted file of thousands of lines
    /// that share nothing with the generated one once made the diff keep a row of reaches per edit:
    /// 2.7 GB and 13 s for a 13,000-line tutorial, more than 5 GB for a manifest of 30,000 comment lines.
    func testTheDiffOfAPlantedFileStaysSmall() throws {
        let workspace = try generated()
        try (1...13_000).map { "line \($0)\n" }.joined().write(to: workspace.url("Site/lusid/tutorial.md"), atomically: false, encoding: .utf8)
        let manifest = try XCTUnwrap(workspace.read(".Site.scimgen-manifest"))
        try ("# planted\n" + manifest + (1...30_000).map { "# line \($0)\n" }.joined())
            .write(to: workspace.url(".Site.scimgen-manifest"), atomically: false, encoding: .utf8)
        let check = try XCTUnwrap(
            BuiltBinary.run(["check"], in: workspace.root, timeout: limit, memoryLimit: 1 << 30))
        XCTAssertEqual(check.code, 1, "\(check)")
        let lines = check.err.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { $0.contains(": error: ") }, [
            ".Site.scimgen-manifest: error: stale: generated content differs",
            "Site/lusid/tutorial.md: error: stale: generated content differs",
        ])
        XCTAssertEqual(lines.first { $0.hasPrefix("-") && !$0.hasPrefix("---") }, "-# planted", check.err)
        XCTAssertTrue(lines.contains("-line 1"), check.err)
    }

    // MARK: - 4. FIFOs, devices and huge files

    func testFIFOsAndDevicesNeitherHangNorExhaustMemory() throws {
        let workspace = try generated()
        try FileManager.default.removeItem(at: workspace.url("Site/lusid/tutorial.md"))
        XCTAssertEqual(mkfifo(workspace.url("Site/lusid/tutorial.md").path, 0o644), 0)
        try link("Site/thousandeyes/tutorial.md", to: "/dev/zero", in: workspace)
        // A sparse file of 4 GiB costs nothing on disk; reading it whole would exhaust memory.
        let huge = open(workspace.url("Site/thrive-lxp/tutorial.md").path, O_WRONLY | O_TRUNC)
        XCTAssertEqual(ftruncate(huge, 4 << 30), 0)
        close(huge)

        let check = try scimgen(["check"], in: workspace)
        XCTAssertEqual(check.code, 1)
        XCTAssertEqual(check.err.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init), [
            notAFile("Site/lusid/tutorial.md", "a FIFO"),
            notAFile("Site/thousandeyes/tutorial.md", "a link"),
            "Site/thrive-lxp/tutorial.md: error: stale: generated content differs",
        ])

        let generate = try scimgen(["generate"], in: workspace)
        XCTAssertEqual(generate.code, 1)
        XCTAssertEqual(generate.err, notAFile("Site/lusid/tutorial.md", "a FIFO") + "\n")

        try FileManager.default.removeItem(at: workspace.url("Site/lusid/tutorial.md"))
        try FileManager.default.removeItem(at: workspace.url("Site/thousandeyes/tutorial.md"))
        let repaired = try scimgen(["generate"], in: workspace)
        XCTAssertEqual(repaired.code, 0, "\(repaired)")
        XCTAssertEqual(
            repaired.out, "wrote 3 files, \(try generatedCount() - 3) unchanged, removed 0 in Site\n",
            "the huge file is replaced without being read")
    }

    func testAManifestThatIsAFIFOOrALinkToADeviceIsRefused() throws {
        let workspace = try generated()
        let message = notAFile(".Site.scimgen-manifest", "a FIFO") + "\n"
        try FileManager.default.removeItem(at: workspace.url(".Site.scimgen-manifest"))
        XCTAssertEqual(mkfifo(workspace.url(".Site.scimgen-manifest").path, 0o644), 0)
        for command in ["check", "generate"] {
            let run = try scimgen([command], in: workspace)
            XCTAssertEqual(run.code, 1)
            XCTAssertEqual(run.err, message)
        }
        try link(".Site.scimgen-manifest", to: "/dev/zero", in: workspace)
        let run = try scimgen(["generate"], in: workspace)
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(run.err, notAFile(".Site.scimgen-manifest", "a link") + "\n")
    }

    // MARK: - 7. One run at a time, and the errno of the call that failed

    func testTwoGeneratesAtOnceBothSucceedOrOneWaits() throws {
        let workspace = try generated()
        try workspace.edit("Vendors/lusid/vendor.json", "\"name\": \"LUSID\"", "\"name\": \"LUSID Next\"")
        let group = DispatchGroup()
        let runs = RunSlots()
        let (root, limit) = (workspace.root, limit)
        for index in 0..<2 {
            DispatchQueue.global().async(group: group) {
                runs.set(index, BuiltBinary.run(["generate"], in: root, timeout: limit))
            }
        }
        group.wait()
        let locked = "Site: error: another scimgen run holds this folder (waited 5 s); run again when it has finished\n"
        for run in runs.all {
            let run = try XCTUnwrap(run)
            XCTAssertTrue(run.code == 0 || (run.code == 1 && run.err == locked), "\(run)")
            if run.code == 0 { XCTAssertEqual(run.err, "") }
        }
        XCTAssertEqual(try scimgen(["check"], in: workspace).code, 0)
    }

    func testASecondGenerateWaitsBrieflyThenSaysWhoHoldsTheFolder() throws {
        let workspace = try generated()
        let folder = open(workspace.url("Site").path, O_RDONLY | O_DIRECTORY)
        defer { close(folder) }
        XCTAssertEqual(flock(folder, LOCK_EX), 0)
        let run = try scimgen(["generate"], in: workspace)
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(run.err, "Site: error: another scimgen run holds this folder (waited 5 s); run again when it has finished\n")
    }

    func testAReadOnlyFolderReportsPermissionDenied() throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(at: workspace.url("Site"), withIntermediateDirectories: true)
        let user: BuiltBinary.User
        if getuid() == 0 {
            // root writes anywhere: run as nobody, who may create the manifest beside Site but not write in it.
            XCTAssertTrue(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "setpriv (util-linux) is needed to drop root")
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: workspace.root.path)
            user = .nobody
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: workspace.url("Site").path)
            user = .current
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: workspace.url("Site").path) }
        let run = try scimgen(["generate"], in: workspace, user: user)
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(run.err, "Site/lucid-all-products: error: cannot create the folder: Permission denied (EACCES)\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: workspace.url("Site").path), [])
    }

    // MARK: - 8. The sweep removes only scimgen's own temporary files

    func testAUsersOwnTemporaryNamedFilesSurviveTheSweep() throws {
        let workspace = try generated()
        let leftover = "Site/lusid/.tutorial.md.fedcba9876543210.scimgen-tmp"
        let own = ["Site/.x.scimgen-tmp", "Site/lusid/.tutorial.md.scimgen-tmp", "Site/lusid/.notes.0123456789abcdef.scimgen-tmp"]
        for path in own + [leftover] { try workspace.write(path, "mine\n") }
        let manifest = try XCTUnwrap(workspace.read(".Site.scimgen-manifest"))
        try workspace.write(".Site.scimgen-manifest", manifest + "# unfinished run fedcba9876543210\n")

        let run = try scimgen(["generate"], in: workspace)
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertEqual(run.out, "wrote 0 files, \(try generatedCount()) unchanged, removed 0 in Site\n")
        for path in own { XCTAssertEqual(workspace.read(path), "mine\n", path) }
        XCTAssertNil(workspace.read(leftover), "the interrupted run's own temporary file goes")
        XCTAssertEqual(workspace.read(".Site.scimgen-manifest"), manifest, "the finished run drops the mark")
    }

    // MARK: - Fuzzing

    func testTheFuzzTargetSurvivesHostileManifestsAndOutputTrees() throws {
        // Selector 4 reads mutated manifests, selector 5 builds mutated trees of links, FIFOs and folders;
        // both then run check and generate, and trap if anything outside changes or a success is not whole.
        let run = try XCTUnwrap(
            BuiltBinary.run(["150", "20261201", "4,5"], in: Workspace.repository, program: "scimgen-fuzz", timeout: 600))
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertTrue(run.out.hasPrefix("150 inputs, 0 crashes, "), "\(run)")
    }

    /// How many files a full generate writes for the committed inputs.
    private func generatedCount() throws -> Int {
        let loaded = SiteLoader.load(
            vendors: Workspace.repository.appendingPathComponent("Vendors"), vendorsDisplay: "Vendors",
            templates: Workspace.repository.appendingPathComponent("Templates"), templatesDisplay: "Templates")
        return try SiteGenerator.generate(try XCTUnwrap(loaded.input)).count
    }
}

/// Results gathered from concurrent runs.
private final class RunSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [Int: Workspace.Run?] = [:]

    func set(_ index: Int, _ run: Workspace.Run?) {
        lock.lock()
        runs[index] = run
        lock.unlock()
    }

    var all: [Workspace.Run?] {
        lock.lock()
        defer { lock.unlock() }
        return runs.keys.sorted().map { runs[$0]! }
    }
}
