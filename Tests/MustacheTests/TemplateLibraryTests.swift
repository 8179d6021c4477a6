import Foundation
import Mustache
import XCTest

/// Loading folders of templates, overlays and the static partial check. The folders are written
/// to a fresh temporary directory by each test, so nothing outside the repository is read.
final class TemplateLibraryTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("MustacheTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: root)
    }

    func testLoadsEveryMustacheFileRecursivelyNamedByRelativePath() throws {
        try write([
            "Templates/tutorial.md.mustache": "{{<layout.md}}{{$body}}\n{{> partials/prerequisites.md}}\n{{/body}}{{/layout.md}}",
            "Templates/layout.md.mustache": "# {{app}}\n\n{{$body}}{{/body}}",
            "Templates/partials/prerequisites.md.mustache": "- A {{app}} tenant\n",
            "Templates/partials/deeper/note.md.mustache": "note",
            "Templates/README.md": "not a template",
            "Templates/.drafts/old.md.mustache": "{{#broken",
            "Templates/.mustache": "no name",
        ])
        let library = try TemplateLibrary(directory: root.appendingPathComponent("Templates"))
        XCTAssertEqual(library.names, ["layout.md", "partials/deeper/note.md", "partials/prerequisites.md", "tutorial.md"])
        XCTAssertEqual(library["tutorial.md"]?.file, root.appendingPathComponent("Templates").relativePath + "/tutorial.md.mustache")
        XCTAssertEqual(try library.render("tutorial.md", context: ["app": "Lucid"], escaping: .none), "# Lucid\n\n- A Lucid tenant\n")
        XCTAssertEqual(library.missingPartials(), [])
    }

    func testErrorsOfEveryFileAreReportedAtOnceWithTheirPaths() throws {
        try write([
            "Templates/b.md.mustache": "ok\n{{#steps}}\n",
            "Templates/a.md.mustache": "{{x}",
            "Templates/c.md.mustache": "fine",
        ])
        // A URL relative to a base prints as the relative path, as the user typed it.
        let directory = URL(fileURLWithPath: "Templates", relativeTo: root)
        XCTAssertThrowsError(try TemplateLibrary(directory: directory)) { error in
            XCTAssertEqual(
                "\(error)",
                """
                Templates/a.md.mustache:1:1: error: tag is never closed; expected '}}' on the same line
                Templates/b.md.mustache:2:1: error: section 'steps' is never closed
                """)
        }
        XCTAssertThrowsError(try TemplateLibrary(directory: URL(fileURLWithPath: "Missing", relativeTo: root))) { error in
            XCTAssertEqual("\(error)", "Missing: error: no such directory")
        }
    }

    func testMissingPartialsListsEveryUnresolvedFixedNameWithItsLocation() throws {
        let library = TemplateLibrary([
            try Template(source: "{{>header}}\n{{#a}}\n  {{> partials/steps.md}}\n{{/a}}\n{{>*dynamic}}", name: "b.md", file: "Templates/b.md.mustache"),
            try Template(source: "{{<layout}}{{$x}}{{>inner}}{{/x}}{{/layout}}", name: "a.md", file: "Templates/a.md.mustache"),
            try Template(source: "{{$x}}{{/x}}", name: "layout", file: "Templates/layout.mustache"),
            try Template(source: "", name: "header"),
        ])
        XCTAssertEqual(
            library.missingPartials().map(\.description),
            [
                "Templates/a.md.mustache:1:18: error: partial 'inner' not found",
                "Templates/b.md.mustache:3:3: error: partial 'partials/steps.md' not found",
            ])
        XCTAssertEqual(
            TemplateLibrary([try Template(source: "{{<gone}}{{/gone}}", name: "x")]).missingPartials().map(\.description),
            ["x:1:1: error: parent 'gone' not found"])
    }

    func testOverlayingReplacesByNameAndAddsTheRest() throws {
        let base = TemplateLibrary([
            try Template(source: "base a", name: "a"),
            try Template(source: "base b", name: "b"),
        ])
        let overlay = TemplateLibrary([
            try Template(source: "vendor b", name: "b"),
            try Template(source: "vendor c", name: "c"),
        ])
        let merged = base.overlaying(overlay)
        XCTAssertEqual(try merged.names.map { try merged.render($0, context: [:], escaping: .none) }, ["base a", "vendor b", "vendor c"])
        XCTAssertEqual(try base.render("b", context: [:], escaping: .none), "base b")
    }

    func testAddingReplacesATemplateOfTheSameName() throws {
        var library = TemplateLibrary([try Template(source: "old", name: "x")])
        library.add(try Template(source: "new", name: "x"))
        XCTAssertEqual(try library.render("x", context: [:], escaping: .none), "new")
        XCTAssertNil(library["y"])
    }

    // MARK: - Helpers

    private func write(_ files: [String: String]) throws {
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
    }
}
