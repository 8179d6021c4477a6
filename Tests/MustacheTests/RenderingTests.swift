import Mustache
import XCTest

/// Rendering beyond the spec files: escaping per output, transforms, indentation, inheritance
/// as documentation templates use it, and the limits that keep hostile input from hanging.
final class RenderingTests: XCTestCase {
    // MARK: - Escaping

    func testEscapingIsChosenPerRender() throws {
        let template = try Template(source: "{{text}} {{{text}}} {{&text}}", name: "t")
        let context: MustacheValue = ["text": "<a href=\"x\">Tom & Jerry's</a>"]
        XCTAssertEqual(
            try template.render(context, escaping: .html),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; <a href=\"x\">Tom & Jerry's</a> <a href=\"x\">Tom & Jerry's</a>")
        XCTAssertEqual(
            try template.render(context, escaping: .none),
            "<a href=\"x\">Tom & Jerry's</a> <a href=\"x\">Tom & Jerry's</a> <a href=\"x\">Tom & Jerry's</a>")
    }

    func testEscapingByTemplateName() {
        XCTAssertEqual(Escaping(forTemplateNamed: "index.html"), .html)
        XCTAssertEqual(Escaping(forTemplateNamed: "site/index.HTML.mustache"), .html)
        XCTAssertEqual(Escaping(forTemplateNamed: "feed.xml"), .html)
        XCTAssertEqual(Escaping(forTemplateNamed: "tutorial.md"), .none)
        XCTAssertEqual(Escaping(forTemplateNamed: "partials/prerequisites.md.mustache"), .none)
        XCTAssertEqual(Escaping(forTemplateNamed: "schemas.json"), .none)
    }

    // MARK: - Transforms

    func testCellMakesAnyTextSafeInAMarkdownTableCell() throws {
        let template = try Template(source: "| {{cell(name)}} | {{cell(description)}} |", name: "t")
        let context: MustacheValue = ["name": "a|b", "description": "  First line\r\nsecond | line\nthird\rfourth\n\n"]
        XCTAssertEqual(
            try template.render(context, escaping: .none),
            "| a\\|b | First line<br>second \\| line<br>third<br>fourth |")
    }

    func testTransformsEscapeTheValueButNotTheirOwnMarkup() throws {
        let template = try Template(source: "{{cell(x)}} / {{{cell(x)}}} / {{&code(x)}}", name: "t")
        XCTAssertEqual(
            try template.render(["x": "<b>\na|b"], escaping: .html),
            "&lt;b&gt;<br>a\\|b / <b><br>a\\|b / `<b> a|b`")
    }

    func testCodeChoosesAFenceLongerThanAnyBacktickRun() throws {
        let template = try Template(source: "{{code(x)}}", name: "t")
        let cases: [(String, String)] = [
            ("urn:ietf:params:scim:schemas:core:2.0:User", "`urn:ietf:params:scim:schemas:core:2.0:User`"),
            ("a`b", "``a`b``"),
            ("a``b`c", "```a``b`c```"),
            ("`quoted`", "`` `quoted` ``"),
            (" padded ", "`  padded  `"),
            ("   ", "`   `"),
            ("two\nlines", "`two lines`"),
            ("", ""),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(try template.render(["x": .string(value)], escaping: .none), expected, "code(\(value))")
        }
    }

    func testCodeInsideACell() throws {
        let template = try Template(source: "| {{cell(code(path))}} |", name: "t")
        XCTAssertEqual(try template.render(["path": "emails[type eq \"work\"]|value"], escaping: .none),
                       "| `emails[type eq \"work\"]\\|value` |")
    }

    func testJSONRendersValuesAsCompactSortedJSON() throws {
        let template = try Template(source: "{{json(value)}}", name: "t")
        let value: MustacheValue = ["b": [1, 2.5, true, nil], "a": "q\"\\\n\t\u{1}é", "c": [:]]
        XCTAssertEqual(
            try template.render(["value": value], escaping: .none),
            #"{"a":"q\"\\\n\t\u0001é","b":[1,2.5,true,null],"c":{}}"#)
        XCTAssertEqual(try template.render(["value": "<"], escaping: .html), "&quot;&lt;&quot;")
        XCTAssertEqual(try template.render([:], escaping: .none, options: .spec), "null")
        XCTAssertEqual(try Template(source: "{{code(json(value))}}", name: "t").render(["value": ["a"]], escaping: .none),
                       #"`["a"]`"#)
    }

    // MARK: - Values

    func testNumbersRenderAsTheSpecPrintsThem() throws {
        let template = try Template(source: "{{#numbers}}{{.}} {{/numbers}}", name: "t")
        let numbers: MustacheValue = [85, 1.5, -3, 0.1, 1e20, -0.0, 2.5e-7]
        XCTAssertEqual(try template.render(["numbers": numbers], escaping: .none), "85 1.5 -3 0.1 1e+20 0 2.5e-07 ")
    }

    func testTruthinessFollowsTheSpec() throws {
        let template = try Template(source: "{{#values}}{{#.}}T{{/.}}{{^.}}F{{/.}}{{/values}}", name: "t")
        let values: MustacheValue = ["", 0, [:], "x", true, false, nil, []]
        XCTAssertEqual(try template.render(["values": values], escaping: .none), "TTTTTFFF")
    }

    func testSectionsPushValuesAndListsIterate() throws {
        let template = try Template(source: "{{#user}}{{name}}: {{#roles}}[{{.}}]{{/roles}}{{/user}}{{#flag}} {{.}}{{/flag}}", name: "t")
        XCTAssertEqual(
            try template.render(["user": ["name": "Ann", "roles": ["admin", "dev"]], "flag": "on"], escaping: .none),
            "Ann: [admin][dev] on")
    }

    // MARK: - Indentation

    func testStandalonePartialsIndentEveryNonBlankLine() throws {
        let library = TemplateLibrary([
            try Template(source: "- item\n  {{>list}}\n", name: "page"),
            try Template(source: "- a\n\n- b {{x}}\n", name: "list"),
        ])
        // The blank line gets no indentation (no trailing spaces); the value's own lines are not indented.
        XCTAssertEqual(try library.render("page", context: ["x": "1\n2"], escaping: .none), "- item\n  - a\n\n  - b 1\n2\n")
    }

    func testBlocksReindentWhereTheyLand() throws {
        let library = TemplateLibrary([
            try Template(source: "1. Sign in.\n2. Configure:\n\n   {{$details}}\n   {{/details}}\n3. Save.\n", name: "steps"),
            try Template(source: "{{<steps}}\n{{$details}}\n| a | b |\n| - | - |\n{{/details}}\n{{/steps}}\n", name: "vendor"),
        ])
        XCTAssertEqual(
            try library.render("vendor", context: [:], escaping: .none),
            "1. Sign in.\n2. Configure:\n\n   | a | b |\n   | - | - |\n3. Save.\n")
    }

    // MARK: - Inheritance

    func testALayoutWithBlocksAndPartials() throws {
        let library = TemplateLibrary([
            try Template(
                source: """
                    # {{$title}}Untitled{{/title}}

                    {{$intro}}
                    This tutorial describes the steps you need to perform.
                    {{/intro}}

                    ## Steps

                    {{$steps}}
                    {{/steps}}
                    {{> partials/footer.md}}

                    """,
                name: "layout.md"),
            try Template(
                source: """
                    {{<layout.md}}
                    {{$title}}Configure {{app}} for automatic user provisioning{{/title}}
                    {{$steps}}
                    {{#steps}}
                    1. {{.}}
                    {{/steps}}
                    {{/steps}}
                    {{/layout.md}}

                    """,
                name: "tutorial.md"),
            try Template(source: "---\nLast reviewed for {{app}}.\n", name: "partials/footer.md"),
        ])
        let context: MustacheValue = ["app": "Lucid", "steps": ["Sign in.", "Add the app."]]
        let expected = """
            # Configure Lucid for automatic user provisioning

            This tutorial describes the steps you need to perform.

            ## Steps

            1. Sign in.
            1. Add the app.
            ---
            Last reviewed for Lucid.

            """
        XCTAssertEqual(try library.render("tutorial.md", context: context, escaping: .none), expected)

        // A vendor overlay replaces the footer partial and the layout's intro, nothing else.
        let vendor = TemplateLibrary([
            try Template(source: "---\nLucid's own footer.\n", name: "partials/footer.md"),
            try Template(
                source: "{{<layout.md}}{{$intro}}\nLucid needs a premium plan.\n{{/intro}}{{/layout.md}}",
                name: "intro.md"),
        ])
        let overlaid = library.overlaying(vendor)
        XCTAssertEqual(
            try overlaid.render("tutorial.md", context: context, escaping: .none),
            expected.replacingOccurrences(of: "Last reviewed for Lucid.", with: "Lucid's own footer."))
        XCTAssertEqual(
            try overlaid.render("intro.md", context: context, escaping: .none),
            "# Untitled\n\nLucid needs a premium plan.\n\n## Steps\n\n---\nLucid's own footer.\n")
        XCTAssertEqual(overlaid.names, ["intro.md", "layout.md", "partials/footer.md", "tutorial.md"])
        // The original library is unchanged.
        XCTAssertEqual(library.names, ["layout.md", "partials/footer.md", "tutorial.md"])
    }

    func testOverridesReachPartialsOfTheParent() throws {
        let library = TemplateLibrary([
            try Template(source: "<{{>header}}>", name: "layout"),
            try Template(source: "{{$title}}default{{/title}}", name: "header"),
            try Template(source: "{{<layout}}{{$title}}mine{{/title}}{{/layout}}", name: "page"),
        ])
        XCTAssertEqual(try library.render("page", context: [:], escaping: .none), "<mine>")
    }

    func testDynamicParents() throws {
        let library = TemplateLibrary([
            try Template(source: "[{{$b}}default{{/b}}]", name: "square"),
            try Template(source: "({{$b}}default{{/b}})", name: "round"),
            try Template(source: "{{#shapes}}{{<*shape}}{{$b}}{{name}}{{/b}}{{/*shape}}{{/shapes}}", name: "page"),
        ])
        let shapes: MustacheValue = [["shape": "square", "name": "a"], ["shape": "round", "name": "b"]]
        XCTAssertEqual(try library.render("page", context: ["shapes": shapes], escaping: .none), "[a](b)")
    }

    // MARK: - Limits

    func testSectionsThatMultiplyWithoutEndStop() throws {
        // Each level finds 'a' again up the context stack: 2^40 expansions if nothing stopped it.
        let template = try Template(source: String(repeating: "{{#a}}", count: 40) + "x" + String(repeating: "{{/a}}", count: 40), name: "t")
        var options = RenderOptions.spec
        options.maximumExpansions = 10_000
        XCTAssertThrowsError(try template.render(["a": [1, 2]], escaping: .none, options: options)) { error in
            XCTAssertEqual(
                "\(error)",
                "t:1:\(1 + 6 * 39): error: render makes more than 10000 expansions; a nested section may be finding an outer list again")
        }
        options.maximumExpansions = 1_000_000
        options.maximumOutputBytes = 1000
        XCTAssertThrowsError(try template.render(["a": [1, 2]], escaping: .none, options: options)) { error in
            XCTAssertEqual("\(error)", "t:1:\(1 + 6 * 39): error: render output exceeds 1000 bytes")
        }
    }

    func testATemplateRendersTheSameFromManyThreads() throws {
        let template = try Template(source: "{{#items}}{{.}},{{/items}}", name: "t")
        let expected = (0..<100).map(String.init).joined(separator: ",") + ","
        let items = MustacheValue.array((0..<100).map { .number(Double($0)) })
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            XCTAssertEqual(try? template.render(["items": items], escaping: .none), expected)
        }
    }
}
