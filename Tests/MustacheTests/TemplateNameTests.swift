import Mustache
import TestSupport
import XCTest

/// The static name check: every name a template uses is looked up in a sample of the data the
/// way rendering would look it up, and each one that can never resolve is located at its tag.
final class TemplateNameTests: XCTestCase {
    private let shape: MustacheValue = .object([
        "app": .string("Acme"),
        "learn": .object(["title": .string("T")]),
        "users": .object(["rows": .array([.object(["path": .string("userName"), "type": .string("String")])])]),
        "steps": .array([.string("one")]),
        "flag": .bool(true),
        "partial": .string("partials/row.md"),
    ])

    /// The unknown names of `root` in a library of marked templates, as `file:line:column name part`.
    private func unknown(_ templates: [String: MarkedText], root: String = "root.md") throws -> [String] {
        var library = TemplateLibrary()
        for (name, marked) in templates { library.add(try Template(source: marked.text, name: name)) }
        return library.unknownNames(in: root, shape: shape).map { "\($0.file):\($0.line):\($0.column) \($0.part)" }
    }

    func testKnownNamesPassEverywhereTheyResolve() throws {
        let root = MarkedText(
            """
            # {{app}} {{learn.title}} {{.}}
            {{#users.rows}}| {{path}} | {{type}} | {{app}} |{{/users.rows}}
            {{#steps}}1. {{.}}{{/steps}}{{^flag}}{{app}}{{/flag}}{{#flag}}{{learn.title}}{{/flag}}
            """)
        XCTAssertEqual(try unknown(["root.md": root]), [])
    }

    func testEachUnknownNameIsLocatedAtItsTag() throws {
        let root = MarkedText(
            """
            # 1️⃣{{ap}} {{learn.title}} 2️⃣{{learn.titel}}
            3️⃣{{#users.row}}{{path}}{{/users.row}}
            {{#users.rows}}| 4️⃣{{pth}} |{{/users.rows}}
            {{^flag}}5️⃣{{nope}}{{/flag}}
            """)
        XCTAssertEqual(
            try unknown(["root.md": root]),
            [
                "root.md:\(root["1️⃣"].line):\(root["1️⃣"].column) ap",
                "root.md:\(root["2️⃣"].line):\(root["2️⃣"].column) titel",
                "root.md:\(root["3️⃣"].line):\(root["3️⃣"].column) row",
                "root.md:\(root["4️⃣"].line):\(root["4️⃣"].column) pth",
                "root.md:\(root["5️⃣"].line):\(root["5️⃣"].column) nope",
            ])
    }

    func testPartialsAreCheckedWhereTheyAreIncluded() throws {
        let row = MarkedText("| {{path}} | 1️⃣{{typo}} |\n")
        let root = MarkedText("{{#users.rows}}{{> partials/row.md}}{{/users.rows}}\n2️⃣{{>*partal}}\n")
        XCTAssertEqual(
            try unknown(["root.md": root, "partials/row.md": row]),
            [
                "partials/row.md:\(row["1️⃣"].line):\(row["1️⃣"].column) typo",
                "root.md:\(root["2️⃣"].line):\(root["2️⃣"].column) partal",
            ])
    }

    func testBlocksAreCheckedWhereTheirParentPlacesThem() throws {
        // The override's `{{path}}` resolves only because the layout places the block inside the rows.
        let layout = MarkedText("{{#users.rows}}{{$row}}{{path}}{{/row}}{{/users.rows}}\n{{$title}}1️⃣{{titl}}{{/title}}\n")
        let root = MarkedText("{{<layout.md}}{{$row}}{{type}} 2️⃣{{tipe}}{{/row}}{{/layout.md}}\n")
        XCTAssertEqual(
            try unknown(["root.md": root, "layout.md": layout]),
            [
                "layout.md:\(layout["1️⃣"].line):\(layout["1️⃣"].column) titl",
                "root.md:\(root["2️⃣"].line):\(root["2️⃣"].column) tipe",
            ])
    }

    func testCandidatesAreTheNamesVisibleThere() throws {
        var library = TemplateLibrary()
        library.add(try Template(source: "{{#users.rows}}{{pth}}{{/users.rows}}", name: "root.md"))
        let found = try XCTUnwrap(library.unknownNames(in: "root.md", shape: shape).first)
        XCTAssertEqual(found.candidates, ["app", "flag", "learn", "partial", "path", "steps", "type", "users"])
    }

    func testShapesOfSeveralSamplesKeepEveryKey() {
        let merged = MustacheValue.shape(of: [
            .object(["a": .array([.object(["x": .string("1")])])]),
            .object(["a": .array([.object(["y": .string("2")])]), "b": .bool(true)]),
        ])
        XCTAssertEqual(merged, .object(["a": .array([.object(["x": .string("1"), "y": .string("2")])]), "b": .bool(true)]))
    }
}
