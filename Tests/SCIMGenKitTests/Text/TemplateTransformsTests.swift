import Mustache
import XCTest

@testable import SCIMGenKit

/// The transforms scimgen passes to the template engine, through real templates: Markdown table
/// cells and code spans, YAML scalars and JSON, each from its one home.
final class TemplateTransformsTests: XCTestCase {
    private func render(_ source: String, _ context: MustacheValue, escaping: Escaping = .none, options: RenderOptions = .strict) throws -> String {
        try Template(source: source, name: "t").render(context, escaping: escaping, options: options, transforms: TemplateTransforms.all)
    }

    func testCellMakesAnyTextSafeInAMarkdownTableCell() throws {
        let context: MustacheValue = ["name": "a|b", "description": "  First line\r\nsecond | line\nthird\rfourth\n\n"]
        XCTAssertEqual(
            try render("| {{cell(name)}} | {{cell(description)}} |", context),
            "| a\\|b | First line<br>second \\| line<br>third<br>fourth |")
    }

    func testTransformsEscapeTheValueButNotTheirOwnMarkup() throws {
        XCTAssertEqual(
            try render("{{cell(x)}} / {{{cell(x)}}} / {{&code(x)}}", ["x": "<b>\na|b"], escaping: .html),
            "&lt;b&gt;<br>a\\|b / <b><br>a\\|b / `<b> a|b`")
    }

    func testCodeChoosesAFenceLongerThanAnyBacktickRun() throws {
        let cases: [(String, String)] = [
            ("urn:ietf:params:scim:schemas:core:2.0:User", "`urn:ietf:params:scim:schemas:core:2.0:User`"),
            ("a`b", "``a`b``"),
            ("a``b`c", "```a``b`c```"),
            ("`quoted`", "`` `quoted` ``"),
            (" padded ", "`  padded  `"),
            ("   ", "`   `"),
            ("two\nlines", "`two lines`"),
            ("two\r\nlines\rthree", "`two lines three`"),
            ("", ""),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(try render("{{code(x)}}", ["x": .string(value)]), expected, "code(\(value))")
        }
    }

    func testCodeInsideACell() throws {
        XCTAssertEqual(
            try render("| {{cell(code(path))}} |", ["path": "emails[type eq \"work\"]|value"]),
            "| `emails[type eq \"work\"]\\|value` |")
    }

    func testJSONRendersValuesAsCompactSortedJSON() throws {
        let value: MustacheValue = ["b": [1, 2.5, true, nil], "a": "q\"\\\n\t\u{1}é", "c": [:]]
        XCTAssertEqual(try render("{{json(value)}}", ["value": value]), #"{"a":"q\"\\\n\t\u0001é","b":[1,2.5,true,null],"c":{}}"#)
        XCTAssertEqual(try render("{{json(value)}}", ["value": "<"], escaping: .html), "&quot;&lt;&quot;")
        XCTAssertEqual(try render("{{json(value)}}", [:], options: .spec), "null")
        XCTAssertEqual(try render("{{code(json(value))}}", ["value": ["a"]]), #"`["a"]`"#)
        XCTAssertThrowsError(try render("{{json(x)}}", [:])) { error in
            XCTAssertEqual("\(error)", "t:1:1: error: no value for 'x'")
        }
    }

    func testJSONStringsAreQuotedByTheWriterAlone() throws {
        // The filter printer, the json transform and the documents share one quoting: same text, same bytes.
        let text = "q\"\\/\n\r\t\u{8}\u{C}\u{0}\u{1F}\u{7F}é\u{2028}😀"
        let quoted = JSONWriter.quoted(text)
        XCTAssertEqual(quoted, "\"q\\\"\\\\/\\n\\r\\t\\b\\f\\u0000\\u001f\u{7F}é\u{2028}😀\"")
        XCTAssertEqual(try render("{{json(x)}}", ["x": .string(text)]), quoted)
        XCTAssertEqual(SCIMFilter.ComparisonValue.string(text).description, quoted)
        XCTAssertEqual(String(decoding: JSONWriter.writeBytes(.string(text)), as: UTF8.self), quoted + "\n")
        XCTAssertEqual(try JSONParser.parse(Array(quoted.utf8)).value, .string(text))
    }

    func testYAMLTransformsKeepAFrontMatterLineOneScalar() throws {
        let source = "title: {{yaml(x)}}\ndescription: 'About {{yamlInQuotes(x)}}.'"
        XCTAssertEqual(
            try render(source, ["x": "O'Reilly: Learning\nnow"]),
            "title: 'O''Reilly: Learning now'\ndescription: 'About O''Reilly: Learning now.'")
        XCTAssertEqual(try render(source, ["x": "Lucid"]), "title: Lucid\ndescription: 'About Lucid.'")
    }

    func testTemplatesNamingAnUnknownTransformFailValidation() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("transforms-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: templates.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try "{{yml(app)}}\n{{>partials/row.md}}\n".write(to: templates.appendingPathComponent("tutorial.md.mustache"), atomically: true, encoding: .utf8)
        try "| {{json(cell(app))}} |\n".write(to: templates.appendingPathComponent("partials/row.md.mustache"), atomically: true, encoding: .utf8)
        let result = SiteLoader.load(
            vendors: Repository.vendors, vendorsDisplay: "Vendors", templates: templates, templatesDisplay: "Templates",
            only: ["lucid-all-products"])
        XCTAssertEqual(
            result.diagnostics.map(\.description),
            [
                "Templates/partials/row.md.mustache:1:3: error: transform 'json' must apply to a name directly, as in 'json(name)'",
                "Templates/tutorial.md.mustache:1:1: error: unknown transform 'yml'; known transforms are 'cell', 'code', 'json', 'yaml', 'yamlInQuotes'",
            ])
    }
}
