import SCIMGenCLI
import XCTest

/// The console abstraction: capture, terminals, and when colour is allowed.
final class ConsoleTests: XCTestCase {
    func testCapturedConsoleKeepsEachStreamApart() {
        let console = CapturedConsole()
        console.out("one")
        console.err("problem")
        console.out("two", terminator: "")
        console.write("!", to: .standardOutput)
        XCTAssertEqual(console.standardOutput, "one\ntwo!")
        XCTAssertEqual(console.standardError, "problem\n")
    }

    func testColourOnlyOnATerminal() {
        let console = CapturedConsole(terminals: [.standardError])
        XCTAssertFalse(console.usesColor(on: .standardOutput))
        XCTAssertTrue(console.usesColor(on: .standardError))
        XCTAssertEqual(console.style(for: .standardOutput), .plain)
        XCTAssertEqual(console.style(for: .standardError), .ansi)
    }

    func testNoColorTurnsColourOffWhenSetToAnything() {
        let terminals: Set<ConsoleStream> = [.standardOutput, .standardError]
        for value in ["1", "0", "false"] {
            let console = CapturedConsole(terminals: terminals, environment: ["NO_COLOR": value])
            XCTAssertFalse(console.usesColor(on: .standardError), value)
            XCTAssertEqual(console.style(for: .standardOutput), .plain, value)
        }
        // no-color.org: an empty NO_COLOR does not count.
        XCTAssertTrue(CapturedConsole(terminals: terminals, environment: ["NO_COLOR": ""]).usesColor(on: .standardError))
    }

    func testDumbTerminalIsNotATerminal() {
        let console = StandardConsole(environment: ["TERM": "dumb"])
        XCTAssertFalse(console.isTerminal(.standardOutput))
        XCTAssertFalse(console.isTerminal(.standardError))
        XCTAssertFalse(console.usesColor(on: .standardError))
    }

    func testCapturedConsoleIsSafeToShareAcrossTasks() async {
        let console = CapturedConsole()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<100 {
                group.addTask { console.out("x", terminator: "") }
            }
        }
        XCTAssertEqual(console.standardOutput, String(repeating: "x", count: 100))
    }
}
