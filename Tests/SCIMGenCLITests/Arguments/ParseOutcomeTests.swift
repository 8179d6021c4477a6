import SCIMGenCLI
import XCTest

/// What `report(to:)` prints for each outcome, and the exit code it returns.
final class ParseOutcomeTests: XCTestCase {
    func testCommandPrintsNothingAndLeavesTheExitCodeToTheCommand() {
        let console = CapturedConsole()
        XCTAssertNil(SampleCommands.root.parse(["validate"]).report(to: console))
        XCTAssertEqual(console.standardOutput, "")
        XCTAssertEqual(console.standardError, "")
    }

    func testHelpAndVersionGoToStandardOutputWithANewline() {
        let console = CapturedConsole()
        XCTAssertEqual(ParseOutcome.help("HELP").report(to: console), 0)
        XCTAssertEqual(ParseOutcome.version("1.0").report(to: console), 0)
        XCTAssertEqual(console.standardOutput, "HELP\n1.0\n")
        XCTAssertEqual(console.standardError, "")
    }

    func testUsageErrorGoesToStandardErrorAndExits64() {
        let console = CapturedConsole()
        let error = UsageError(message: "Unexpected argument 'x'", usage: "Usage: tool")
        XCTAssertEqual(ParseOutcome.usageError(error).report(to: console), 64)
        XCTAssertEqual(console.standardOutput, "")
        XCTAssertEqual(console.standardError, "Error: Unexpected argument 'x'\nUsage: tool\n")
    }
}
