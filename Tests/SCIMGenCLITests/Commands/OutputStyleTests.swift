import XCTest

/// How problems are printed: colour only on a terminal (and never with NO_COLOR), GitHub
/// annotations on request, and nothing but problems with --quiet.
final class OutputStyleTests: XCTestCase {
    func broken() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.edit("Vendors/lusid/vendor.json", "\"createUsers\": true", "\"createUsers\": 1")
        return workspace
    }

    func testColourOnlyOnATerminal() throws {
        let workspace = try broken()
        let piped = workspace.run(["validate"])
        XCTAssertFalse(piped.err.contains("\u{1B}["), piped.err)
        let terminal = workspace.run(["validate"], terminal: true)
        XCTAssertEqual(
            terminal.err,
            "Vendors/lusid/vendor.json:16:20: \u{1B}[1;31merror: \u{1B}[0m'capabilities.createUsers' must be a boolean (true or false), not a number\n",
            "only the severity is coloured")
        let noColor = workspace.run(["validate"], terminal: true, environment: ["NO_COLOR": "1"])
        XCTAssertEqual(noColor.err, piped.err)
    }

    func testCheckAsGitHubAnnotations() throws {
        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["generate"]).code, 0)
        try workspace.edit("Vendors/lusid/vendor.json", "\"maxResults\": 100", "\"maxResults\": 50")
        let run = workspace.run(["check", "--format", "github"])
        XCTAssertEqual(run.code, 1)
        let lines = run.err.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("::error file=Site/lusid/scim/ServiceProviderConfig.json::stale: generated content differs"), run.err)
        XCTAssertFalse(run.err.contains("@@"), "no diff in annotation mode: \(run.err)")
        let failing = try broken()
        XCTAssertTrue(
            failing.run(["generate", "--format", "github"]).err.hasPrefix("::error file=Vendors/lusid/vendor.json,line=16,col=20::"))
    }

    func testQuietGeneratePrintsNothingOnSuccess() throws {
        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["generate", "--quiet"]), .init(code: 0, out: "", err: ""))
        XCTAssertTrue(workspace.run(["generate"]).out.hasPrefix("wrote 0 files, "))
    }
}
