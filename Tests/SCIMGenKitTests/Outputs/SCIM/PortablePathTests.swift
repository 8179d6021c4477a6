import Foundation
import XCTest
@testable import SCIMGenKit

/// Paths that Windows, macOS and Linux all accept: the rule itself, every file generation writes
/// for every vendor, and every file committed to the repository.
final class PortablePathTests: XCTestCase {
    func testSegments() {
        let refused: [(String, String)] = [
            ("", "is empty"),
            (".", "is '.'"),
            ("..", "is '..'"),
            ("urn:ietf:params:scim:schemas:core:2.0:User.json", "holds ':'"),
            ("a\\b", "holds '\\'"),
            ("a*b", "holds '*'"),
            ("a?b", "holds '?'"),
            ("a\"b", "holds '\"'"),
            ("a<b", "holds '<'"),
            ("a>b", "holds '>'"),
            ("a|b", "holds '|'"),
            ("a\u{1}b", "holds a control character"),
            ("a\tb", "holds a control character"),
            ("a\u{7F}", "holds a control character"),
            ("name.", "ends with '.'"),
            ("name ", "ends with ' '"),
            (String(repeating: "é", count: 128), "is longer than 255 bytes"),
            ("CON", "is 'CON', a device name Windows reserves"),
            ("con.json", "is 'con', a device name Windows reserves"),
            ("Nul.tar.gz", "is 'Nul', a device name Windows reserves"),
            ("aux", "is 'aux', a device name Windows reserves"),
            ("prn.md", "is 'prn', a device name Windows reserves"),
            ("COM1", "is 'COM1', a device name Windows reserves"),
            ("com9.txt", "is 'com9', a device name Windows reserves"),
            ("LPT1", "is 'LPT1', a device name Windows reserves"),
            ("lpt9.json", "is 'lpt9', a device name Windows reserves"),
            ("COM¹", "is 'COM¹', a device name Windows reserves"),
            ("CONOUT$", "is 'CONOUT$', a device name Windows reserves"),
            ("CON .txt", "is 'CON', a device name Windows reserves"),
        ]
        for (segment, problem) in refused {
            XCTAssertEqual(PortablePath.problem(segment: segment), problem, segment)
        }
        for segment in ["Schemas.json", "urn_ietf_params_scim_schemas_core_2.0_User.json", ".scimgen-manifest", "console", "COM10", "LPT", "aux-app", "nul_", "a b", "CONS.json", "é"] {
            XCTAssertNil(PortablePath.problem(segment: segment), segment)
        }
        XCTAssertEqual(PortablePath.problem("Site/lusid/scim/Schemas/urn:x.json"), "'urn:x.json' holds ':'")
        XCTAssertEqual(PortablePath.problem("Site//x"), "'' is empty")
        XCTAssertNil(PortablePath.problem("Site/lusid/scim/ResourceTypes/User.json"))
    }

    func testCaseClashes() {
        let clashes = PortablePath.caseClashes(["a/B/x.json", "a/b/y.json", "a/b/z.json", "a/B/X.JSON", "c.md", "C.md", "e\u{301}.md", "é.md"])
        XCTAssertEqual(clashes.map { "\($0.0) \($0.1)" }, ["a/B a/b", "a/B/x.json a/B/X.JSON", "c.md C.md", "e\u{301}.md é.md"])
        XCTAssertTrue(PortablePath.caseClashes(["a/b", "a/c", "b/a"]).isEmpty)
    }

    /// A vendor folder named like a Windows device could not be checked out there.
    func testVendorIdsThatWindowsReservesAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scimgen-reserved-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for id in ["con", "com1", "lpt9", "aux", "nul", "prn", "console"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(id), withIntermediateDirectories: true)
            try Data(try Repository.bytes("Vendors/lusid/vendor.json")).write(to: folder.appendingPathComponent("\(id)/vendor.json"))
        }
        let set = VendorLoader.load(directory: folder, display: "Vendors")
        XCTAssertEqual(set.vendors.map(\.id), ["console"])
        XCTAssertEqual(
            set.diagnostics.map(\.description),
            ["aux", "com1", "con", "lpt9", "nul", "prn"].map {
                "Vendors/\($0)/vendor.json:1:1: error: vendor id '\($0)' is a device name Windows reserves, so the folder cannot be checked out there; rename it, such as '\($0)-app'"
            })
        XCTAssertFalse(VendorLoader.isValidID("con"))
        XCTAssertEqual(VendorLoader.slug("CON"), "con-app")
        XCTAssertEqual(VendorLoader.slug("Console"), "console")
    }

    /// Every file `generate` writes for every vendor, of every kind, plus the manifest beside the folder.
    func testEveryGeneratedPathIsPortable() throws {
        let loaded = SiteLoader.load(
            vendors: Repository.vendors, vendorsDisplay: "Vendors", templates: Repository.templates, templatesDisplay: "Templates")
        let input = try XCTUnwrap(loaded.input, loaded.diagnostics.map(\.description).joined(separator: "\n"))
        let paths = try SiteGenerator.generate(input).keys.sorted().map { "Site/" + $0 }
            + [SiteWriter.manifestURL(for: Repository.root.appendingPathComponent("Site")).lastPathComponent]
        XCTAssertGreaterThan(paths.count, 40)
        XCTAssertTrue(paths.contains { $0.hasPrefix("Site/lucid-all-products/scim/Schemas/urn_") })
        assertPortable(paths)
    }

    /// Every file in the repository: `git ls-files`, or a walk of the work tree when git is not there.
    func testEveryCommittedPathIsPortable() throws {
        let paths = try committedPaths()
        XCTAssertGreaterThan(paths.count, 300)
        XCTAssertTrue(paths.contains("Package.swift"))
        assertPortable(paths)
    }

    // MARK: - Helpers

    func assertPortable(_ paths: [String], file: StaticString = #filePath, line: UInt = #line) {
        for path in paths {
            if let problem = PortablePath.problem(path) {
                XCTFail("\(path): \(problem)", file: file, line: line)
            }
        }
        for (first, second) in PortablePath.caseClashes(paths) {
            XCTFail("'\(first)' and '\(second)' differ only by case", file: file, line: line)
        }
    }

    func committedPaths() throws -> [String] {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", Repository.root.path, "ls-files", "-z"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        if (try? git.run()) != nil {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            git.waitUntilExit()
            if git.terminationStatus == 0 {
                return String(decoding: data, as: UTF8.self).split(separator: "\0").map(String.init)
            }
        }
        // No git (an exported tree): every file outside build folders and .git.
        var paths: [String] = []
        let root = Repository.root.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            let top = path.split(separator: "/").first.map(String.init) ?? path
            if top == ".git" || top.hasPrefix(".build") || top == ".swiftpm" {
                enumerator?.skipDescendants()
                continue
            }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                paths.append(path)
            }
        }
        return paths
    }
}
