import Foundation
import XCTest

final class RenderCommandTests: XCTestCase {
    func testRendersWithPartialsAndData() throws {
        let workspace = try Workspace(inputs: false)
        try workspace.write("t/page.html.mustache", "<h1>{{title}}</h1>\n{{#items}}{{> item}}{{/items}}")
        try workspace.write("t/item.mustache", "<li>{{.}}</li>\n")
        try workspace.write("data.json", #"{"title": "A & B", "items": ["<x>", 2.50]}"#)
        let run = workspace.run(["render", "t/page.html.mustache", "--data", "data.json"])
        XCTAssertEqual(run, .init(code: 0, out: "<h1>A &amp; B</h1>\n<li>&lt;x&gt;</li>\n<li>2.5</li>\n", err: ""))
    }

    func testMarkdownIsNotEscapedAndPartialsFolder() throws {
        let workspace = try Workspace(inputs: false)
        try workspace.write("doc.md.mustache", "# {{name}}\n{{>row}}")
        try workspace.write("parts/row.mustache", "| {{cell(name)}} |\n")
        try workspace.write("d.json", #"{"name": "a|b <c>"}"#)
        let run = workspace.run(["render", "doc.md.mustache", "--data", "d.json", "--partials", "parts"])
        XCTAssertEqual(run, .init(code: 0, out: "# a|b <c>\n| a\\|b <c> |\n", err: ""))
        XCTAssertEqual(workspace.run(["render", "doc.md.mustache", "--data", "d.json", "--partials", "parts", "--escape", "html"]).out,
                       "# a|b &lt;c&gt;\n| a\\|b &lt;c&gt; |\n")
    }

    func testTemplateErrorsAreLocated() throws {
        let workspace = try Workspace(inputs: false)
        try workspace.write("bad.md.mustache", "line one\n  {{#steps}}\n{{/stpes}}\n")
        let run = workspace.run(["render", "bad.md.mustache"])
        XCTAssertEqual(run.code, 1)
        XCTAssertTrue(run.err.hasPrefix("bad.md.mustache:3:1: error: "), run.err)
        XCTAssertEqual(run.out, "")
    }

    func testStrictMissingNames() throws {
        let workspace = try Workspace(inputs: false)
        try workspace.write("t.md.mustache", "Hello {{who}}\n")
        XCTAssertEqual(workspace.run(["render", "t.md.mustache"]).out, "Hello \n")
        let strict = workspace.run(["render", "t.md.mustache", "--strict"])
        XCTAssertEqual(strict.code, 1)
        XCTAssertTrue(strict.err.hasPrefix("t.md.mustache:1:7: error: "), strict.err)
    }

    func testBadDataAndMissingFiles() throws {
        let workspace = try Workspace(inputs: false)
        try workspace.write("t.mustache", "{{x}}")
        try workspace.write("d.json", "{\"x\": }")
        let bad = workspace.run(["render", "t.mustache", "--data", "d.json"])
        XCTAssertEqual(bad.code, 1)
        XCTAssertTrue(bad.err.hasPrefix("d.json:1:7: error: "), bad.err)
        XCTAssertEqual(workspace.run(["render", "nope.mustache"]).err, "error: cannot read template 'nope.mustache': does not exist\n")
        XCTAssertEqual(workspace.run(["render"]).code, 64)
    }

    func testSelfIncludingPartialStops() throws {
        let workspace = try Workspace(inputs: false)
        try workspace.write("loop.mustache", "x{{>loop}}")
        let run = workspace.run(["render", "loop.mustache", "--strict"])
        XCTAssertEqual(run.code, 1)
        XCTAssertTrue(run.err.contains("error: "), run.err)
    }

    /// Input files named on the command line are read bounded and only when regular: a FIFO or a
    /// device is refused at once, never waited on or read for ever.
    func testFIFOsAndDevicesGivenAsInputAreRefusedNotRead() throws {
        let workspace = try Workspace(inputs: false)
        try workspace.write("page.mustache", "{{title}}\n")
        XCTAssertEqual(mkfifo(workspace.url("fifo.mustache").path, 0o644), 0)
        XCTAssertEqual(mkfifo(workspace.url("tutorial.md").path, 0o644), 0)
        let reason = "is not a regular file (a FIFO, device or socket); it is never read"
        XCTAssertEqual(
            workspace.run(["render", "fifo.mustache"]),
            .init(code: 1, out: "", err: "error: cannot read template 'fifo.mustache': \(reason)\n"))
        XCTAssertEqual(
            workspace.run(["render", "page.mustache", "--data", "/dev/zero"]),
            .init(code: 1, out: "", err: "error: cannot read data file '/dev/zero': \(reason)\n"))
        let imported = workspace.run(["import", "tutorial.md", "--dry-run"])
        XCTAssertEqual(imported.code, 1)
        XCTAssertTrue(imported.err.hasPrefix("error: cannot read tutorial 'tutorial.md': \(reason)\n"), imported.err)
    }
}
