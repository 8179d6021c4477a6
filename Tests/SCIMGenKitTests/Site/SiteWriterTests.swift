import Foundation
import XCTest

@testable import SCIMGenKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The writer's promises: only changed bytes are written, stale generated files are removed,
/// nothing it did not write is touched, and nothing lands outside the output folder.
final class SiteWriterTests: XCTestCase {
    /// A scratch folder holding the output folder `Site`, its manifest, and `outside` for escapes.
    var scratch: URL!
    var root: URL { scratch.appendingPathComponent("Site") }
    var outside: URL { scratch.appendingPathComponent("outside") }
    var writer: SiteWriter { SiteWriter(root: root, display: "Site", lockWait: 0.2) }

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("scimgen-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: scratch)
    }

    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    var manifest: String? {
        FileManager.default.contents(atPath: scratch.appendingPathComponent(".Site.scimgen-manifest").path)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    func setManifest(_ text: String) throws {
        try Data(text.utf8).write(to: scratch.appendingPathComponent(".Site.scimgen-manifest"))
    }

    /// `<sha-256>  <path>` for `text`.
    func entry(_ path: String, _ text: String) -> String { SHA256.hex(bytes(text)) + "  " + path + "\n" }

    /// Every entry below `url` that is not a folder, links included, relative and sorted.
    func tree(_ url: URL? = nil) -> [String] {
        let base = url ?? root
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            let type = (try? FileManager.default.attributesOfItem(atPath: base.appendingPathComponent(path).path))?[.type] as? FileAttributeType
            if type != .typeDirectory { files.append(path) }
        }
        return files.sorted()
    }

    // MARK: - Writing and removing

    func testWritesChangesOnlyAndRemovesStaleFiles() throws {
        let first = try writer.write(["a/x.md": bytes("x1"), "a/scim/y.json": bytes("y1"), "index.md": bytes("i")])
        XCTAssertEqual(first.written, ["a/scim/y.json", "a/x.md", "index.md"])
        XCTAssertEqual(first.line, "wrote 3 files, 0 unchanged, removed 0")
        XCTAssertEqual(tree(), ["a/scim/y.json", "a/x.md", "index.md"], "the manifest is kept beside the folder")
        XCTAssertEqual(
            manifest,
            String(decoding: SiteManifest.header, as: UTF8.self) + entry("a/scim/y.json", "y1") + entry("a/x.md", "x1") + entry("index.md", "i"))

        let modified = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("a/x.md").path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.01)
        let second = try writer.write(["a/x.md": bytes("x1"), "index.md": bytes("i2")])
        XCTAssertEqual(second.written, ["index.md"])
        XCTAssertEqual(second.unchanged, 1)
        XCTAssertEqual(second.removed, ["a/scim/y.json"])
        XCTAssertEqual(tree(), ["a/x.md", "index.md"], "the empty scim folder goes too")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("a/scim").path))
        let after = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("a/x.md").path)[.modificationDate] as? Date
        XCTAssertEqual(modified, after, "an unchanged file is not rewritten")
        XCTAssertEqual(manifest, String(decoding: SiteManifest.header, as: UTF8.self) + entry("a/x.md", "x1") + entry("index.md", "i2"))

        let third = try writer.write(["a/x.md": bytes("x1"), "index.md": bytes("i2")])
        XCTAssertEqual(third.line, "wrote 0 files, 2 unchanged, removed 0")
        XCTAssertEqual(third.warnings, [])
    }

    func testNeverTouchesFilesItDidNotWrite() throws {
        try write("README.md", "mine")
        try write("index.md", "hand")
        XCTAssertThrowsError(try writer.write(["index.md": bytes("generated")])) { error in
            XCTAssertEqual(
                "\(error)", "Site/index.md: error: exists and was not written by scimgen; move it away or delete it, then generate again")
        }
        XCTAssertEqual(read("index.md"), "hand")
        XCTAssertEqual(tree(), ["README.md", "index.md"])
        XCTAssertNil(manifest, "a refused run writes nothing, not even the manifest")
        _ = try writer.write(["other.md": bytes("o")])
        _ = try writer.write([:])
        XCTAssertEqual(tree(), ["README.md", "index.md"])
    }

    func testAFileAlreadyHoldingTheGeneratedBytesIsTakenOver() throws {
        try write("index.md", "same")
        let summary = try writer.write(["index.md": bytes("same")])
        XCTAssertEqual(summary.line, "wrote 0 files, 1 unchanged, removed 0")
        XCTAssertEqual(manifest, String(decoding: SiteManifest.header, as: UTF8.self) + entry("index.md", "same"))
    }

    func testRefusesPathsThatLeaveTheFolder() throws {
        for path in ["../x.md", "/etc/x", "a/../../x", "a//b", "./a", "a\\b", "a/\u{1}", "", String(repeating: "n", count: 201)] {
            XCTAssertThrowsError(try writer.write([path: bytes("x")]), path)
        }
        XCTAssertEqual(tree(), [])
        XCTAssertEqual(tree(outside), [])
    }

    func testScopedRunsLeaveOtherFilesAlone() throws {
        _ = try writer.write(["a/t.md": bytes("a"), "b/t.md": bytes("b"), "b/scim/S.json": bytes("s"), "index.md": bytes("i")])
        let kinds: OutputKinds = .docs
        let summary = try writer.write(["a/t.md": bytes("a2")]) { kinds.covers(path: $0, vendors: ["a"]) }
        XCTAssertEqual(summary.removed, [])
        XCTAssertEqual(tree(), ["a/t.md", "b/scim/S.json", "b/t.md", "index.md"])
        let scimOnly = try writer.write([:]) { OutputKinds.scim.covers(path: $0, vendors: nil) }
        XCTAssertEqual(scimOnly.removed, ["b/scim/S.json"])
        XCTAssertEqual(tree(), ["a/t.md", "b/t.md", "index.md"])
        XCTAssertEqual(
            manifest,
            String(decoding: SiteManifest.header, as: UTF8.self) + entry("a/t.md", "a2") + entry("b/t.md", "b") + entry("index.md", "i"))
    }

    func testTheManifestIsNamedAfterTheFolderBesideIt() throws {
        let cases: [(String, String)] = [
            ("Site", ".Site.scimgen-manifest"), ("G", ".G.scimgen-manifest"), ("build/scim", "build/.scim.scimgen-manifest"),
            ("/srv/out/", "/srv/.out.scimgen-manifest"), ("/out", "/.out.scimgen-manifest"), ("b/G", "b/.G.scimgen-manifest"),
        ]
        for (display, manifest) in cases {
            let url = URL(fileURLWithPath: display.hasPrefix("/") ? display : "/work/" + display)
            let name = OutputFolder.manifestName(for: OutputFolder.split(url.path).name)
            XCTAssertEqual(OutputFolder.join(OutputFolder.parentDisplay(of: display), name), manifest, display)
        }
        XCTAssertEqual(OutputFolder.parentDisplay(of: "."), "./..")
        XCTAssertEqual(OutputFolder.split("/").name, "")
        let short = SiteWriter(root: scratch.appendingPathComponent("G"), display: "G")
        XCTAssertEqual(try short.write(["index.md": bytes("i")]).written, ["index.md"])
        XCTAssertNotNil(FileManager.default.contents(atPath: scratch.appendingPathComponent(".G.scimgen-manifest").path))
        XCTAssertEqual(SiteWriter.manifestURL(for: scratch.appendingPathComponent("G")).lastPathComponent, ".G.scimgen-manifest")
        XCTAssertThrowsError(try SiteWriter(root: URL(fileURLWithPath: "/"), display: "/").write([:])) { error in
            XCTAssertEqual(
                "\(error)",
                "/: error: scimgen keeps its manifest beside the output folder, so the output folder cannot be '/'; choose another --out")
        }
    }

    // MARK: - What the folder may hold

    func testALinkWhereAFolderBelongsIsRefused() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("acme"), withDestinationURL: outside)
        XCTAssertThrowsError(try writer.write(["acme/tutorial.md": bytes("x")])) { error in
            XCTAssertEqual(
                "\(error)",
                "Site/acme: error: is a link where scimgen needs a folder; scimgen never follows links in the output folder; "
                    + "remove it and run 'scimgen generate' again")
        }
        XCTAssertEqual(tree(outside), [])
    }

    func testALinkOrAFolderWhereAFileBelongsIsRefused() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a/tutorial.md"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("index.md"), withDestinationURL: outside.appendingPathComponent("target"))
        for (path, kind) in [("index.md", "a link"), ("a/tutorial.md", "a folder")] {
            XCTAssertThrowsError(try writer.write([path: bytes("x")])) { error in
                XCTAssertEqual(
                    "\(error)",
                    "Site/\(path): error: is \(kind) where scimgen keeps a generated file; scimgen never follows links and reads "
                        + "or replaces only regular files in the output folder; remove it and run 'scimgen generate' again")
            }
        }
        XCTAssertEqual(tree(outside), [])
        XCTAssertNil(manifest)
    }

    func testTheOutputFolderMayNotBeALink() throws {
        try FileManager.default.createSymbolicLink(at: root, withDestinationURL: outside)
        XCTAssertThrowsError(try writer.write(["index.md": bytes("x")])) { error in
            XCTAssertEqual(
                "\(error)",
                "Site: error: the output folder is a link; scimgen writes only into a real folder; pass the folder it leads to as --out")
        }
        XCTAssertEqual(tree(outside), [])
    }

    func testAManifestThatIsALinkIsRefused() throws {
        try FileManager.default.createSymbolicLink(
            at: scratch.appendingPathComponent(".Site.scimgen-manifest"), withDestinationURL: URL(fileURLWithPath: "/proc/self/environ"))
        XCTAssertThrowsError(try writer.write(["index.md": bytes("x")])) { error in
            XCTAssertEqual(
                "\(error)",
                ".Site.scimgen-manifest: error: is a link where scimgen keeps a generated file; scimgen never follows links and reads "
                    + "or replaces only regular files in the output folder; remove it and run 'scimgen generate' again")
        }
    }

    func testATemporaryNameTakenByALinkIsNeverWrittenThrough() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let descriptor = open(root.path, O_RDONLY | O_DIRECTORY)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        let folder = FolderHandle(descriptor: descriptor, display: "Site")
        let token = RunToken()
        let target = outside.appendingPathComponent("target")
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent(token.temporaryName(for: "index.md")), withDestinationURL: target)
        XCTAssertThrowsError(try folder.write(bytes("x"), to: "index.md", token: token)) { error in
            XCTAssertEqual(
                "\(error)",
                "Site/index.md: error: cannot create the temporary file '.index.md.\(token).scimgen-tmp': File exists (EEXIST)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
        XCTAssertNil(read("index.md"))
    }

    // MARK: - The manifest as a stranger's data

    func testManifestEntriesThatAreNotScimgensFilesAreLeftAlone() throws {
        _ = try writer.write(["a/t.md": bytes("a"), "a/scim/S.json": bytes("s"), "b/t.md": bytes("b"), "index.md": bytes("i")])
        try write("notes.md", "hand-written")
        try write("b/t.md", "b, edited by hand")
        try Data("outside".utf8).write(to: outside.appendingPathComponent("o.md"))
        try setManifest(
            manifest! + entry("a", "anything") + entry("notes.md", "a guess") + entry("../outside/o.md", "outside")
                + "not an entry\n" + entry("a/scim", "anything"))
        // `a` and `b` are no longer generated.
        let summary = try writer.write(["index.md": bytes("i")])
        XCTAssertEqual(summary.removed, ["a/scim/S.json", "a/t.md"])
        XCTAssertEqual(summary.warnings.map(\.description), [
            ".Site.scimgen-manifest:8: warning: lists '../outside/o.md', which leaves the output folder with '..'; the line is ignored",
            ".Site.scimgen-manifest:9: warning: is not '<sha-256>  <path>'; the line is ignored, so scimgen will neither replace nor remove the file it names",
            "Site/a: warning: is listed in the manifest but is a folder, not a file scimgen wrote; left in place and no longer listed",
            "Site/a/scim: warning: is listed in the manifest but is a folder, not a file scimgen wrote; left in place and no longer listed",
            "Site/b/t.md: warning: is no longer generated, but its bytes are not what scimgen wrote; left in place and no longer listed; delete it if nobody needs it",
            "Site/notes.md: warning: is no longer generated, but its bytes are not what scimgen wrote; left in place and no longer listed; delete it if nobody needs it",
        ])
        XCTAssertEqual(tree(), ["b/t.md", "index.md", "notes.md"])
        XCTAssertEqual(tree(outside), ["o.md"])
        XCTAssertEqual(manifest, String(decoding: SiteManifest.header, as: UTF8.self) + entry("index.md", "i"))
    }

    func testAnUnfinishedRunsTemporaryFilesAreSweptAndNobodyElses() throws {
        _ = try writer.write(["a/t.md": bytes("a"), "index.md": bytes("i")])
        let token = RunToken()
        let other = RunToken()
        try write("a/" + token.temporaryName(for: "t.md"), "half")
        try write(token.temporaryName(for: "index.md"), "half")
        try write(other.temporaryName(for: "index.md"), "someone else's")
        try write(".index.md.scimgen-tmp", "a user's own")
        try write("a/.notes.scimgen-tmp", "a user's own")
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("a/" + token.temporaryName(for: "x.md")), withDestinationURL: outside.appendingPathComponent("x"))
        try Data("half".utf8).write(to: scratch.appendingPathComponent(token.temporaryName(for: ".Site.scimgen-manifest")))
        try setManifest(manifest! + "# unfinished run \(token)\n")

        let summary = try writer.write(["a/t.md": bytes("a"), "index.md": bytes("i")])
        XCTAssertEqual(summary.line, "wrote 0 files, 2 unchanged, removed 0")
        XCTAssertEqual(tree(), [
            ".index.md.\(other).scimgen-tmp", ".index.md.scimgen-tmp", "a/.notes.scimgen-tmp", "a/.x.md.\(token).scimgen-tmp", "a/t.md", "index.md",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent(token.temporaryName(for: ".Site.scimgen-manifest")).path))
        XCTAssertEqual(manifest, String(decoding: SiteManifest.header, as: UTF8.self) + entry("a/t.md", "a") + entry("index.md", "i"))
    }

    func testAHalfWrittenManifestLineIsIgnored() throws {
        _ = try writer.write(["a.md": bytes("a")])
        try setManifest(manifest! + "# unfinished run 0123456789abcdef\n" + entry("b.md", "b").dropLast(3))
        try write("b.md", "b")
        XCTAssertThrowsError(try writer.write(["a.md": bytes("a"), "b.md": bytes("b2")])) { error in
            XCTAssertEqual(
                "\(error)", "Site/b.md: error: exists and was not written by scimgen; move it away or delete it, then generate again")
        }
    }

    // MARK: - One run at a time

    func testASecondRunWaitsForTheLockThenGivesUp() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let descriptor = open(root.path, O_RDONLY | O_DIRECTORY)
        defer { close(descriptor) }
        XCTAssertEqual(flock(descriptor, LOCK_EX), 0)
        XCTAssertThrowsError(try SiteWriter(root: root, display: "Site", lockWait: 0.2).write(["index.md": bytes("x")])) { error in
            XCTAssertEqual("\(error)", "Site: error: another scimgen run holds this folder (waited 0.2 s); run again when it has finished")
        }
        XCTAssertEqual(tree(), [])
        flock(descriptor, LOCK_UN)
        XCTAssertEqual(try writer.write(["index.md": bytes("x")]).written, ["index.md"])
    }

    // MARK: - check

    func testCheckNamesStaleMissingExtraAndRefusedFiles() throws {
        _ = try writer.write(["a.md": bytes("one\ntwo\n"), "gone.md": bytes("g"), "same.md": bytes("s"), "link.md": bytes("l")])
        try FileManager.default.removeItem(at: root.appendingPathComponent("link.md"))
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("link.md"), withDestinationURL: URL(fileURLWithPath: "/proc/self/environ"))
        let check = try SiteCheck(
            files: ["a.md": bytes("one\nthree\n"), "new.md": bytes("n"), "same.md": bytes("s"), "link.md": bytes("l")],
            root: root, display: "Site")
        XCTAssertEqual(check.current, 1)
        XCTAssertEqual(
            check.findings.map { "\($0.file): \($0.message)" },
            [
                ".Site.scimgen-manifest: stale: generated content differs",
                "Site/a.md: stale: generated content differs",
                "Site/gone.md: extra: no longer generated",
                "Site/link.md: is a link where scimgen keeps a generated file; scimgen never follows links and reads or replaces "
                    + "only regular files in the output folder; remove it and run 'scimgen generate' again",
                "Site/new.md: missing: generated file does not exist",
            ])
        XCTAssertEqual(check.findings[1].diff, "--- Site/a.md\n+++ Site/a.md (generated)\n@@ -1,2 +1,2 @@\n one\n-two\n+three\n")
    }

    func testCheckShowsControlCharactersOfAStaleFileAsSymbols() throws {
        _ = try writer.write(["a.md": bytes("one\r\ntwo\r\n")])
        // An escape that would set the terminal's clipboard, a bell, a lone carriage return, a C1 control.
        try write("a.md", "one\r\ntwo \u{1B}]52;c;aGk=\u{7}\rover\u{9B}2J\r\n")
        let check = try SiteCheck(files: ["a.md": bytes("one\r\ntwo\r\n")], root: root, display: "Site")
        XCTAssertEqual(
            check.findings.first { $0.path == "a.md" }?.diff,
            "--- Site/a.md\n+++ Site/a.md (generated)\n@@ -1,2 +1,2 @@\n one\n-two ␛]52;c;aGk=␇␍over\u{FFFD}2J\n+two\n")
    }

    func testCheckOfAMissingFolder() throws {
        let check = try SiteCheck(files: ["a.md": bytes("a")], root: root, display: "Site")
        XCTAssertEqual(check.findings.map { "\($0.file): \($0.kind)" }, [".Site.scimgen-manifest: missing", "Site/a.md: missing"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.path), "check creates nothing")
    }
}
