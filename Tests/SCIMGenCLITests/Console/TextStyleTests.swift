import SCIMGenCLI
import XCTest

/// ANSI colours as swift-format uses them, and none when plain.
final class TextStyleTests: XCTestCase {
    func testAnsiColours() {
        XCTAssertEqual(TextStyle.ansi.error("error"), "\u{1B}[1;31merror\u{1B}[0m")
        XCTAssertEqual(TextStyle.ansi.warning("warning"), "\u{1B}[1;35mwarning\u{1B}[0m")
        XCTAssertEqual(TextStyle.ansi.note("note"), "\u{1B}[1;90mnote\u{1B}[0m")
        XCTAssertEqual(TextStyle.ansi.error(""), "")
    }

    func testPlainLeavesTextAlone() {
        let plain = TextStyle.plain
        XCTAssertEqual(plain.error("error") + plain.warning("w") + plain.note("n"), "errorwn")
    }
}
