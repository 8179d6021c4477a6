@testable import SCIMGenCLI
import XCTest

/// The wrapping and edit distance that help and suggestions rely on.
final class TextHelpersTests: XCTestCase {
    func testWrapsAtTheLastSpaceBeforeTheWidth() {
        XCTAssertEqual("aaa bbb ccc".wrapped(to: 8), "aaa bbb\nccc")
        XCTAssertEqual("aaa bbb ccc".wrapped(to: 7), "aaa\nbbb ccc")
        XCTAssertEqual("aaa bbb".wrapped(to: 12, wrappingIndent: 2), "  aaa bbb")
        XCTAssertEqual("aaa bbb ccc".wrapped(to: 6, wrappingIndent: 2), "  aaa\n  bbb\n  ccc")
    }

    func testKeepsLineBreaksAndLeavesBlankLinesUnindented() {
        XCTAssertEqual("one\n\ntwo".wrapped(to: 80, wrappingIndent: 4), "    one\n\n    two")
    }

    func testEditDistance() {
        XCTAssertEqual("kitten".editDistance(to: "sitting"), 3)
        XCTAssertEqual("--vendrs".editDistance(to: "--vendors"), 1)
        XCTAssertEqual("".editDistance(to: "abc"), 3)
        XCTAssertEqual("same".editDistance(to: "same"), 0)
    }
}
