import XCTest

/// The progress line: on a terminal, for work over about a second, cleared before the summary;
/// never in a pipe, in CI, or with --quiet. The console's clock is scripted, so nothing is timed.
final class ProgressTests: XCTestCase {
    static let line = "\r\u{1B}[K"

    func testGenerateShowsProgressOnATerminalOnceASecondHasPassed() throws {
        let workspace = try Workspace()
        let count = try XCTUnwrap(SiteFiles.count(in: workspace))
        // Each reading of the clock is 0.6 s later: the first batch comes too early, the index after it shows.
        let run = workspace.run(["generate"], terminal: true, clock: 0.6)
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertEqual(run.err, Self.line + "4 of 4 vendors rendered, \(count) files written" + Self.line)
        XCTAssertTrue(run.out.hasPrefix("wrote \(count) files, "), run.out)
        let check = workspace.run(["check"], terminal: true, clock: 0.6)
        XCTAssertEqual(check.err, Self.line + "4 of 4 vendors rendered, \(count) files checked" + Self.line)
    }

    func testNoProgressInAPipeInCIOrWhenQuiet() throws {
        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["generate"], clock: 5).err, "", "a pipe")
        XCTAssertEqual(workspace.run(["generate"], terminal: true, environment: ["CI": "true"], clock: 5).err, "", "CI")
        XCTAssertEqual(workspace.run(["generate", "--quiet"], terminal: true, clock: 5), .init(code: 0, out: "", err: ""))
        XCTAssertEqual(workspace.run(["check", "-q"], terminal: true, clock: 5), .init(code: 0, out: "", err: ""))
        XCTAssertEqual(workspace.run(["generate"], terminal: true, clock: 0.01).err, "", "quick work shows nothing")
    }

    func testDiffShowsProgressOnATerminal() throws {
        let workspace = try Workspace()
        try FileManager.default.copyItem(at: workspace.url("Vendors"), to: workspace.url("Old"))
        try workspace.edit("Vendors/lusid/vendor.json", "\"maxResults\": 100", "\"maxResults\": 200")
        let run = workspace.run(["diff", "Old", "Vendors"], terminal: true, clock: 1.2)
        XCTAssertTrue(run.out.hasPrefix("## scimgen diff: 1 vendor changed\n"), run.out)
        XCTAssertEqual(run.err, Self.line + "rendered 1 of 1 vendors, both sides" + Self.line)
        XCTAssertEqual(workspace.run(["diff", "Old", "Vendors", "-q"], terminal: true, clock: 0.6).err, "")
    }
}

/// How many files `generate` writes for the committed vendors.
enum SiteFiles {
    static func count(in workspace: Workspace) -> Int? {
        let scratch = try? Workspace()
        guard let scratch, scratch.run(["generate", "--quiet"]).code == 0 else { return nil }
        return scratch.files(under: "Site").filter { !$0.hasPrefix(".") }.count
    }
}
