import XCTest

final class SCIMGenHelpTests: XCTestCase {
    func testHelpHasTheArgumentParserSections() throws {
        let workspace = try Workspace(inputs: false)
        let root = workspace.run(["--help"])
        XCTAssertEqual(root.code, 0)
        for section in ["OVERVIEW: ", "USAGE: scimgen <subcommand>", "OPTIONS:", "SUBCOMMANDS:", "  validate", "  render"] {
            XCTAssertTrue(root.out.contains(section), section)
        }
        let validate = workspace.run(["help", "validate"])
        XCTAssertEqual(validate.code, 0)
        XCTAssertTrue(validate.out.contains("USAGE: scimgen validate [--vendors <dir>] [--templates <dir>] [--strict] [--format <format>]"), validate.out)
        XCTAssertEqual(workspace.run(["validate", "--help"]).out, validate.out)
    }

    func testVersion() throws {
        XCTAssertEqual(try Workspace(inputs: false).run(["--version"]).out, "0.1.0\n")
    }
}
