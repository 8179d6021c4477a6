import XCTest
@testable import SCIMGenKit

/// How the diff writes a descriptor value on one line for a reviewer.
final class MarkdownInlineTests: XCTestCase {
    /// Trojan Source: a bidirectional override or a zero-width character would make a value read as
    /// something else in a pull-request comment, so the reviewer sees it spelled out.
    func testInvisibleCharactersAreSpelledOut() {
        XCTAssertEqual(MarkdownInline.oneLine("admin\u{202E}nimda"), "admin⟨U+202E⟩nimda")
        XCTAssertEqual(MarkdownInline.oneLine("pay\u{200B}pal \u{2066}x\u{2069} \u{FEFF}"), "pay⟨U+200B⟩pal ⟨U+2066⟩x⟨U+2069⟩ ⟨U+FEFF⟩")
        // Right-to-left letters and emoji joined by U+200D stay as they are.
        XCTAssertEqual(MarkdownInline.oneLine("عربي 👩‍💻"), "عربي 👩‍💻")
    }

    func testLineBreaksAndControlsStayOnOneLine() {
        XCTAssertEqual(MarkdownInline.oneLine("a\r\nb\nc\rd\u{2028}e"), "a\\nb\\nc\\nd\\ne")
        XCTAssertEqual(MarkdownInline.oneLine("a\u{7}b\tc"), "a b c")
        XCTAssertEqual(MarkdownInline.code("x|y\u{202E}"), "`x\\|y⟨U+202E⟩`")
    }

    func testLongValuesAreCut() {
        let long = String(repeating: "word ", count: 30)
        let cut = MarkdownInline.oneLine(long)
        XCTAssertEqual(cut.count, MarkdownInline.limit)
        XCTAssertTrue(cut.hasSuffix("word…"), cut)
    }
}
