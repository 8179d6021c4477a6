import Foundation
import Mustache
import XCTest

/// Every error a template can cause, asserted as the whole located message a user reads.
final class TemplateErrorTests: XCTestCase {
    // MARK: - Parse errors

    func testUnclosedSectionIsLocatedAtItsOpeningTag() {
        let source = String(repeating: "line\n", count: 11) + "1.  {{#steps}}\n    {{title}}\n"
        XCTAssertEqual(
            parseError(source, file: "Templates/tutorial.md.mustache"),
            "Templates/tutorial.md.mustache:12:5: error: section 'steps' is never closed")
    }

    func testTheInnermostUnclosedTagIsReported() {
        XCTAssertEqual(parseError("{{#a}}\n{{^b}}\n"), "t.mustache:2:1: error: section 'b' is never closed")
        XCTAssertEqual(parseError("{{<layout}}\n{{$body}}\n"), "t.mustache:2:1: error: block 'body' is never closed")
        XCTAssertEqual(parseError("x {{<layout}}\n"), "t.mustache:1:3: error: parent 'layout' is never closed")
    }

    func testMismatchedClosingTagIsLocatedAtTheClosingTag() {
        XCTAssertEqual(
            parseError("{{#a}}\n{{#b}}\n  {{/a}}\n{{/b}}"),
            "t.mustache:3:3: error: closing tag 'a' does not match open section 'b'")
        XCTAssertEqual(
            parseError("{{<layout}}{{$body}}{{/layout}}"),
            "t.mustache:1:21: error: closing tag 'layout' does not match open block 'body'")
        XCTAssertEqual(parseError("text {{/a}}"), "t.mustache:1:6: error: closing tag 'a' has no open section")
    }

    func testMalformedTransformCalls() {
        XCTAssertEqual(
            parseError("{{cell(name}}"),
            "t.mustache:1:1: error: malformed transform call 'cell(name'; expected 'transform(name)'")
        XCTAssertEqual(
            parseError("x {{(name)}}"),
            "t.mustache:1:3: error: malformed transform call '(name)'; expected 'transform(name)'")
        XCTAssertEqual(
            parseError("{{#cell(x)}}{{/cell(x)}}"),
            "t.mustache:1:1: error: invalid name 'cell(x)'; transforms work only in variable tags")
    }

    func testBadDelimiterChanges() {
        let expectation = "expected two delimiters without '=' separated by whitespace, as in '{{=<% %>=}}'"
        XCTAssertEqual(parseError("a\n{{=<% =}}"), "t.mustache:2:1: error: invalid set delimiter tag '{{=<% =}}'; \(expectation)")
        XCTAssertEqual(parseError("{{= =}}"), "t.mustache:1:1: error: invalid set delimiter tag '{{= =}}'; \(expectation)")
        XCTAssertEqual(parseError("{{=<% %> [ =}}"), "t.mustache:1:1: error: invalid set delimiter tag '{{=<% %> [ =}}'; \(expectation)")
        XCTAssertEqual(parseError("{{=<= =>=}}"), "t.mustache:1:1: error: invalid set delimiter tag '{{=<= =>=}}'; \(expectation)")
        // After a change, errors quote the new delimiters.
        XCTAssertEqual(parseError("{{=<% %>=}}<%=a=%>"), "t.mustache:1:12: error: invalid set delimiter tag '<%=a=%>'; \(expectation)")
    }

    func testEmptyAndInvalidNames() {
        XCTAssertEqual(parseError("a {{}}"), "t.mustache:1:3: error: tag has no name")
        XCTAssertEqual(parseError("{{{ }}}"), "t.mustache:1:1: error: tag has no name")
        XCTAssertEqual(parseError("{{#}}{{/}}"), "t.mustache:1:1: error: section tag has no name")
        XCTAssertEqual(parseError("{{> }}"), "t.mustache:1:1: error: partial tag has no name")
        XCTAssertEqual(parseError("{{>*}}"), "t.mustache:1:1: error: dynamic partial tag has no name")
        XCTAssertEqual(parseError("{{<}}"), "t.mustache:1:1: error: parent tag has no name")
        XCTAssertEqual(parseError("{{$}}"), "t.mustache:1:1: error: block tag has no name")
        XCTAssertEqual(parseError("{{#a}}{{/}}"), "t.mustache:1:7: error: closing tag has no name")
        XCTAssertEqual(parseError("{{first name}}"), "t.mustache:1:1: error: invalid name 'first name'; names cannot contain whitespace")
        XCTAssertEqual(parseError("{{a..b}}"), "t.mustache:1:1: error: invalid name 'a..b'; dotted names need a name between dots")
        XCTAssertEqual(parseError("{{.a}}"), "t.mustache:1:1: error: invalid name '.a'; dotted names need a name between dots")
    }

    func testUnclosedTags() {
        XCTAssertEqual(parseError("Hello {{name"), "t.mustache:1:7: error: tag is never closed; expected '}}' on the same line")
        XCTAssertEqual(parseError("Hello {{name\n}}"), "t.mustache:1:7: error: tag is never closed; expected '}}' on the same line")
        XCTAssertEqual(parseError("{{{name}}"), "t.mustache:1:1: error: tag is never closed; expected '}}}' on the same line")
        XCTAssertEqual(parseError("{{=<% %>=}}\n<%name"), "t.mustache:2:1: error: tag is never closed; expected '%>' on the same line")
        XCTAssertEqual(parseError("a\n  {{! note\n"), "t.mustache:2:3: error: comment is never closed; expected '}}'")
        // A comment may span lines.
        XCTAssertNil(parseError("{{! a\nlong\ncomment }}"))
    }

    func testParentsContainOnlyBlocks() {
        XCTAssertEqual(
            parseError("{{<layout}}\n{{title}}\n{{/layout}}"),
            "t.mustache:2:1: error: parent 'layout' can contain only blocks; found '{{title}}'")
        XCTAssertEqual(
            parseError("{{<layout}}{{#a}}{{/a}}{{/layout}}"),
            "t.mustache:1:12: error: parent 'layout' can contain only blocks; found '{{#a}}'")
        XCTAssertEqual(
            parseError("{{<layout}}{{>header}}{{/layout}}"),
            "t.mustache:1:12: error: parent 'layout' can contain only blocks; found '{{>header}}'")
        XCTAssertEqual(
            parseError("{{<layout}}\n{{$a}}x{{/a}}\n{{$a}}y{{/a}}\n{{/layout}}"),
            "t.mustache:3:1: error: block 'a' appears twice in parent 'layout'")
        // Text, comments and delimiter changes are fine: the spec ignores text inside a parent.
        XCTAssertNil(parseError("{{<layout}} text {{! note }}{{=<% %>=}}<%$a%>x<%/a%><%/layout%>"))
    }

    func testSectionsNestAtMostOneHundredDeep() {
        let deep = String(repeating: "{{#a}}", count: 101) + String(repeating: "{{/a}}", count: 101)
        XCTAssertEqual(parseError(deep), "t.mustache:1:601: error: sections nest deeper than 100 levels")
        XCTAssertNil(parseError(String(repeating: "{{#a}}", count: 100) + String(repeating: "{{/a}}", count: 100)))
    }

    func testColumnsCountUnicodeScalars() {
        // 'é' is two UTF-8 bytes and '👩‍💻' three scalars; columns count scalars.
        XCTAssertEqual(parseError("é👩‍💻 {{#x}}"), "t.mustache:1:6: error: section 'x' is never closed")
        XCTAssertEqual(parseError("\r\nab{{#x}}"), "t.mustache:2:3: error: section 'x' is never closed")
    }

    // MARK: - Render errors

    func testMissingPartialIsAnErrorAtTheTagInStrictModeAndEmptyInSpecMode() throws {
        let library = TemplateLibrary([
            try Template(source: "Intro\n\n  {{> partials/prerequisites.md}}\n", name: "tutorial.md", file: "Templates/tutorial.md.mustache")
        ])
        XCTAssertEqual(
            renderError(library, "tutorial.md"),
            "Templates/tutorial.md.mustache:3:3: error: partial 'partials/prerequisites.md' not found")
        XCTAssertEqual(try library.render("tutorial.md", context: [:], escaping: .none, options: .spec), "Intro\n\n")
    }

    func testMissingParentAndDynamicPartial() throws {
        let library = TemplateLibrary([
            try Template(source: "{{<layout}}{{/layout}}", name: "a"),
            try Template(source: "{{>*kind}}", name: "b"),
        ])
        XCTAssertEqual(renderError(library, "a"), "a:1:1: error: parent 'layout' not found")
        XCTAssertEqual(renderError(library, "b", context: ["kind": "scim"]), "b:1:1: error: partial 'scim' not found")
        XCTAssertEqual(renderError(library, "b"), "b:1:1: error: no partial name in 'kind'")
        XCTAssertEqual(try library.render("b", context: [:], escaping: .none, options: .spec), "")
    }

    func testPartialThatIncludesItselfStopsWithTheChain() throws {
        let library = TemplateLibrary([
            try Template(source: "Top\n{{>a}}", name: "tutorial.md"),
            try Template(source: "A\n{{>b}}\n", name: "a", file: "partials/a.mustache"),
            try Template(source: "B\n  {{>a}}\n", name: "b", file: "partials/b.mustache"),
        ])
        XCTAssertEqual(
            renderError(library, "tutorial.md", options: .spec),
            "partials/b.mustache:2:3: error: partials nest deeper than 64 levels: 'tutorial.md' > 'a' > 'b' > 'a' > …")
        var shallow = RenderOptions.spec
        shallow.maximumPartialDepth = 3
        XCTAssertEqual(
            renderError(library, "tutorial.md", options: shallow),
            "partials/a.mustache:2:1: error: partials nest deeper than 3 levels: 'tutorial.md' > 'a' > 'b' > 'a' > …")
    }

    func testRecursiveParentsAndBlocksStop() throws {
        let library = TemplateLibrary([
            try Template(source: "{{<layout}}{{/layout}}", name: "layout"),
            try Template(source: "{{<page}}{{$body}}<{{$body}}x{{/body}}>{{/body}}{{/page}}", name: "self"),
            try Template(source: "{{$body}}{{/body}}", name: "page"),
        ])
        XCTAssertEqual(
            renderError(library, "layout"),
            "layout:1:1: error: partials nest deeper than 64 levels: 'layout' > 'layout' > …")
        XCTAssertEqual(
            renderError(library, "self"),
            "self:1:20: error: partials nest deeper than 64 levels: 'self' > 'page' > '$body' > '$body' > …")
    }

    func testDeepDataRecursionStopsAtTheNestingLimitEvenOnASmallStack() throws {
        // With partial depth unbounded, 256 nested sections and partials are the last line of defence.
        let library = TemplateLibrary([try Template(source: "{{#node}}{{#children}}{{>tree}}{{/children}}{{/node}}", name: "tree")])
        var nested: MustacheValue = ["node": ["children": []]]
        for _ in 0..<200 { nested = ["node": ["children": [nested]]] }
        let unbounded = RenderOptions(maximumPartialDepth: 10_000)
        let data = nested
        // A secondary thread on macOS has 512 KB of stack. A release build renders these 256 levels
        // in under 256 KB (measured); this debug test build needs about twice that, so 1 MB here.
        let result = onSmallStack { () -> String? in
            do {
                _ = try library.render("tree", context: data, escaping: .none, options: unbounded)
                return nil
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(result, "tree:1:10: error: templates nest deeper than 256 levels")
    }

    func testStrictVariables() throws {
        let template = try Template(source: "Hi {{user.name}}\n{{#steps}}{{title}}{{/steps}}{{#missing}}{{/missing}}", name: "t")
        XCTAssertEqual(renderError(template, ["user": ["nam": "x"]]), "t:1:4: error: no value for 'user.name'")
        XCTAssertEqual(renderError(template, ["user": ["name": "x"], "steps": [[:]]]), "t:2:11: error: no value for 'title'")
        XCTAssertEqual(
            try template.render(["user": ["name": "Ann"], "steps": [["title": "a"], ["title": nil]]], escaping: .none),
            "Hi Ann\na")
        XCTAssertEqual(renderError(try Template(source: "{{steps}}", name: "t"), ["steps": [1]]),
                       "t:1:1: error: 'steps' is a list, which has no text; use a section")
        XCTAssertEqual(renderError(try Template(source: "{{{vendor}}}", name: "t"), ["vendor": [:]]),
                       "t:1:1: error: 'vendor' is an object, which has no text; use a section")
        XCTAssertEqual(try Template(source: "[{{steps}}]", name: "t").render(["steps": [1]], options: .spec), "[]")
    }

    func testRenderingAnUnknownTemplate() {
        XCTAssertThrowsError(try TemplateLibrary().render("nope.md", context: [:], escaping: .none)) { error in
            XCTAssertEqual("\(error)", "nope.md: error: template 'nope.md' not found")
        }
    }

    // MARK: - Helpers

    /// Runs `body` on a thread with a 1 MB stack and returns its result.
    private func onSmallStack<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = 1024 * 1024
        thread.start()
        done.wait()
        return box.value
    }

    private func parseError(_ source: String, file: String = "t.mustache") -> String? {
        do {
            _ = try Template(source: source, name: "t", file: file)
            return nil
        } catch {
            return error.description
        }
    }

    private func renderError(
        _ library: TemplateLibrary, _ name: String, context: MustacheValue = [:], options: RenderOptions = .strict
    ) -> String? {
        do {
            _ = try library.render(name, context: context, escaping: .none, options: options)
            return nil
        } catch {
            return error.description
        }
    }

    private func renderError(_ template: Template, _ context: MustacheValue) -> String? {
        do {
            _ = try template.render(context, escaping: .none)
            return nil
        } catch {
            return error.description
        }
    }
}

/// Carries a result out of a thread that the test waits for.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
