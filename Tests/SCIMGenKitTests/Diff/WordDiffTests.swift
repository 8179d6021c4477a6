import SCIMGenKit
import XCTest

/// Long texts that differ in a few words show those words, in git's word-diff notation.
final class WordDiffTests: XCTestCase {
    func testTable() {
        let cases: [(old: String, new: String, text: String)] = [
            ("same", "same", "same"),
            ("Select Save.", "Select Apply.", "Select [-Save-]{+Apply+}."),
            (
                "Sign in to the admin console, open Settings and copy it. This value is shown only once, so keep it somewhere safe.",
                "Sign in to the admin console, open Settings and copy it. The token is shown only once, so keep it somewhere safe.",
                "…open Settings and copy it. [-This value-]{+The token+} is shown only once, so…"
            ),
            ("a b c", "a x y c", "a [-b-]{+x y+} c"),
            ("Click **App integration** in the left-hand menu.", "Click **App integrations** in the left-hand menu.",
             "Click **App [-integration-]{+integrations+}** in the left-hand menu."),
            ("one\ntwo", "one\nthree", "one\\n[-two-]{+three+}"),
            ("", "new text", "{+new text+}"),
            ("old text", "", "[-old text-]"),
        ]
        for (old, new, text) in cases {
            let diff = WordDiff(old: old, new: new)
            XCTAssertEqual(diff.text, text, "\(old) -> \(new)")
            XCTAssertEqual(diff.isEmpty, old == new)
        }
    }

    /// Both ends of a long shared run keep their context; the middle is elided once.
    func testContextAroundEachChange() {
        let words = (1...30).map { "w\($0)" }
        var changed = words
        changed[2] = "X"
        changed[27] = "Y"
        XCTAssertEqual(
            WordDiff(old: words.joined(separator: " "), new: changed.joined(separator: " ")).text,
            "w1 w2 [-w3-]{+X+} w4 w5 w6 w7 w8…w23 w24 w25 w26 w27 [-w28-]{+Y+} w29 w30")
    }
}
