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

    /// Transforms a caller might pass: the engine itself knows none.
    private let transforms: [String: Transform] = [
        "upper": .text { $0.uppercased() },
        "bold": .text { "<b>" + $0 + "</b>" },
        "kind": .value { value in
            switch value {
            case .array(let elements): "list of \(elements.count)"
            case .object(let members): "object of \(members.count)"
            case .null: "nothing"
            default: "text"
            }
        },
    ]

    func testTransformsApplyFromTheInnermostOut() throws {
        let template = try Template(source: "{{bold(upper(x))}} {{upper(bold(x))}} {{ bold( upper( x ) ) }}", name: "t")
        XCTAssertEqual(
            try template.render(["x": "a"], escaping: .none, transforms: transforms),
            "<b>A</b> <B>A</B> <b>A</b>")
    }

    func testTransformsEscapeTheValueButNotTheirOwnMarkup() throws {
        let template = try Template(source: "{{bold(x)}} / {{{bold(x)}}} / {{&bold(x)}}", name: "t")
        XCTAssertEqual(
            try template.render(["x": "<i>"], escaping: .html, transforms: transforms),
            "<b>&lt;i&gt;</b> / <b><i></b> / <b><i></b>")
    }

    func testAValueTransformTakesListsObjectsAndMissingNames() throws {
        let template = try Template(source: "{{kind(list)}}, {{kind(object)}}, {{upper(kind(list))}}, {{kind(missing)}}", name: "t")
        let context: MustacheValue = ["list": [1, 2], "object": ["a": 1]]
        XCTAssertEqual(
            try template.render(context, escaping: .none, options: .spec, transforms: transforms),
            "list of 2, object of 1, LIST OF 2, nothing")
        XCTAssertEqual(
            renderError(try Template(source: "{{kind(missing)}}", name: "t"), context),
            "t:1:1: error: no value for 'missing'")
    }

    func testATextTransformOnAListIsAnError() throws {
        XCTAssertEqual(
            renderError(try Template(source: "{{upper(list)}}", name: "t"), ["list": [1]]),
            "t:1:1: error: 'list' is a list, which has no text; use a section")
    }

    func testUnknownTransformsFailWhereTheyAreNamed() throws {
        XCTAssertEqual(
            renderError(try Template(source: "ok\n  {{cel(x)}}", name: "t"), ["x": "a"]),
            "t:2:3: error: unknown transform 'cel'; known transforms are 'bold', 'kind', 'upper'")
        XCTAssertEqual(
            renderError(try Template(source: "{{bold(kind(x))}}{{kind(bold(x))}}", name: "t"), ["x": "a"]),
            "t:1:18: error: transform 'kind' must apply to a name directly, as in 'kind(name)'")
        XCTAssertThrowsError(try Template(source: "{{cell(x)}}", name: "t").render(["x": "a"], escaping: .none)) { error in
            XCTAssertEqual("\(error)", "t:1:1: error: unknown transform 'cell'; this render offers none")
        }
    }

    func testTheLibraryFindsEveryTransformProblemBeforeRendering() throws {
        let library = TemplateLibrary([
            try Template(source: "{{#rows}}{{bold(x)}}{{cel(x)}}{{/rows}}", name: "a", file: "Templates/a.mustache"),
            try Template(source: "{{<a}}{{$b}}{{kind(upper(x))}}{{/b}}{{/a}}\n{{upper(bold(x))}}", name: "b", file: "Templates/b.mustache"),
        ])
        XCTAssertEqual(
            library.transformProblems(transforms).map(\.description),
            [
                "Templates/a.mustache:1:21: error: unknown transform 'cel'; known transforms are 'bold', 'kind', 'upper'",
                "Templates/b.mustache:1:13: error: transform 'kind' must apply to a name directly, as in 'kind(name)'",
            ])
        XCTAssertEqual(library.transformProblems(transforms.merging(["cel": .text { $0 }]) { a, _ in a }).count, 1)
    }

    private func renderError(_ template: Template, _ context: MustacheValue) -> String? {
        do {
            _ = try template.render(context, escaping: .none, transforms: transforms)
            return nil
        } catch {
            return error.description
        }
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

    func testAnOutputBoundPointsAtTheInclusionThatPassedIt() throws {
        // Each inclusion of 'big' adds 400 bytes; the third passes 1000 and is the tag to blame,
        // written in the including file, whatever comes after it.
        let library = TemplateLibrary([
            try Template(source: String(repeating: "x", count: 400), name: "big", file: "partials/big.mustache"),
            try Template(source: "a\n{{>big}}\n{{>big}}\n{{>big}}\n{{#more}}tail{{/more}}\n", name: "page", file: "page.mustache"),
        ])
        var options = RenderOptions.strict
        options.maximumOutputBytes = 1000
        XCTAssertThrowsError(try library.render("page", context: ["more": true], escaping: .none, options: options)) { error in
            XCTAssertEqual("\(error)", "page.mustache:4:1: error: render output exceeds 1000 bytes")
        }
        options.maximumOutputBytes = 1300
        XCTAssertEqual(try library.render("page", context: ["more": true], escaping: .none, options: options).utf8.count, 1200 + 2 + 4 + 1)
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
