import Foundation
import XCTest
@testable import SCIMGenKit

/// The writer's promises: only changed bytes are written, stale generated files are removed,
/// nothing it did not write is touched, and nothing lands outside the output folder.
final class SiteWriterTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("scimgen-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root.deletingLastPathComponent().appendingPathComponent(root.lastPathComponent + "-outside"))
        try FileManager.default.removeItem(at: root)
    }

    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func tree() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    func testWritesChangesOnlyAndRemovesStaleFiles() throws {
        let writer = SiteWriter(root: root)
        let first = try writer.write(["a/x.md": bytes("x1"), "a/scim/y.json": bytes("y1"), "index.md": bytes("i")])
        XCTAssertEqual(first.written, ["a/scim/y.json", "a/x.md", "index.md"])
        XCTAssertEqual(first.line, "wrote 3 files, 0 unchanged, removed 0")
        XCTAssertEqual(tree(), [".scimgen-manifest", "a/scim/y.json", "a/x.md", "index.md"])
        XCTAssertEqual(read(".scimgen-manifest"), "# Files written by 'scimgen generate'; it removes them when they are no longer produced.\na/scim/y.json\na/x.md\nindex.md\n")

        let modified = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("a/x.md").path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.01)
        let second = try writer.write(["a/x.md": bytes("x1"), "index.md": bytes("i2")])
        XCTAssertEqual(second.written, ["index.md"])
        XCTAssertEqual(second.unchanged, 1)
        XCTAssertEqual(second.removed, ["a/scim/y.json"])
        XCTAssertEqual(tree(), [".scimgen-manifest", "a/x.md", "index.md"], "the empty scim folder goes too")
        let after = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("a/x.md").path)[.modificationDate] as? Date
        XCTAssertEqual(modified, after, "an unchanged file is not rewritten")

        let third = try writer.write(["a/x.md": bytes("x1"), "index.md": bytes("i2")])
        XCTAssertEqual(third.line, "wrote 0 files, 2 unchanged, removed 0")
    }

    func testNeverTouchesFilesItDidNotWrite() throws {
        try Data("mine".utf8).write(to: root.appendingPathComponent("README.md"))
        try Data("hand".utf8).write(to: root.appendingPathComponent("index.md"))
        let writer = SiteWriter(root: root)
        XCTAssertThrowsError(try writer.write(["index.md": bytes("generated")])) { error in
            XCTAssertEqual(
                "\(error)", "error: index.md: exists and was not written by scimgen; move it away or delete it, then generate again")
        }
        XCTAssertEqual(read("index.md"), "hand")
        XCTAssertEqual(tree(), ["README.md", "index.md"], "a refused run writes nothing, not even the manifest")
        _ = try writer.write(["other.md": bytes("o")])
        _ = try writer.write([:])
        XCTAssertEqual(tree(), [".scimgen-manifest", "README.md", "index.md"])
    }

    func testRefusesPathsThatLeaveTheFolder() throws {
        let writer = SiteWriter(root: root)
        for path in ["../x.md", "/etc/x", "a/../../x", "a//b", "./a", "a\\b", "a/\u{1}", ""] {
            XCTAssertThrowsError(try writer.write([path: bytes("x")]), path)
        }
        XCTAssertEqual(tree(), [])
    }

    func testRefusesToWriteThroughALinkThatLeadsOut() throws {
        let outside = root.deletingLastPathComponent().appendingPathComponent(root.lastPathComponent + "-outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("acme"), withDestinationURL: outside)
        XCTAssertThrowsError(try SiteWriter(root: root).write(["acme/tutorial.md": bytes("x")])) { error in
            XCTAssertEqual(
                "\(error)", "error: acme/tutorial.md: refusing to write through 'acme', a link that leads outside the output folder")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), [])
    }

    func testAManifestThatPointsOutsideIsRefused() throws {
        try Data("# x\n../../etc/passwd\n".utf8).write(to: root.appendingPathComponent(".scimgen-manifest"))
        XCTAssertThrowsError(try SiteWriter(root: root).write([:])) { error in
            XCTAssertTrue("\(error)".contains("manifest lists '../../etc/passwd'"), "\(error)")
        }
    }

    func testScopedRunsLeaveOtherFilesAlone() throws {
        let writer = SiteWriter(root: root)
        _ = try writer.write(["a/t.md": bytes("a"), "b/t.md": bytes("b"), "b/scim/S.json": bytes("s"), "index.md": bytes("i")])
        let kinds: OutputKinds = .docs
        let summary = try writer.write(["a/t.md": bytes("a2")]) { kinds.covers(path: $0, vendors: ["a"]) }
        XCTAssertEqual(summary.removed, [])
        XCTAssertEqual(tree(), [".scimgen-manifest", "a/t.md", "b/scim/S.json", "b/t.md", "index.md"])
        let scimOnly = try writer.write([:]) { OutputKinds.scim.covers(path: $0, vendors: nil) }
        XCTAssertEqual(scimOnly.removed, ["b/scim/S.json"])
        XCTAssertEqual(tree(), [".scimgen-manifest", "a/t.md", "b/t.md", "index.md"])
    }

    func testCheckNamesStaleMissingAndExtraFiles() throws {
        let writer = SiteWriter(root: root)
        _ = try writer.write(["a.md": bytes("one\ntwo\n"), "gone.md": bytes("g"), "same.md": bytes("s")])
        let check = try SiteCheck(
            files: ["a.md": bytes("one\nthree\n"), "new.md": bytes("n"), "same.md": bytes("s")], root: root, display: "Site")
        XCTAssertEqual(check.current, 1)
        XCTAssertEqual(check.findings.map { "\($0.kind) \($0.path)" }, ["stale a.md", "extra gone.md", "missing new.md"])
        XCTAssertEqual(
            check.findings[0].diff,
            "--- Site/a.md\n+++ Site/a.md (generated)\n@@ -1,2 +1,2 @@\n one\n-two\n+three\n")
    }
}
