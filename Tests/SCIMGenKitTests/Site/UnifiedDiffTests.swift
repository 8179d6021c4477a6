import SCIMGenKit
import XCTest

/// The line diff `check` prints: CRLF files diff line by line, line ends show only when they differ.
final class UnifiedDiffTests: XCTestCase {
    func testCRLFFilesDiffLineByLine() {
        let old = "a,b\r\nlusid,1\r\nlucid,2\r\nthrive,3\r\n"
        let new = "a,b\r\nlusid,1\r\nlucid,20\r\nthrive,3\r\n"
        XCTAssertEqual(
            UnifiedDiff.make(old: old, new: new, oldName: "x.csv", newName: "x.csv (generated)"),
            """
            --- x.csv
            +++ x.csv (generated)
            @@ -1,4 +1,4 @@
             a,b
             lusid,1
            -lucid,2
            +lucid,20
             thrive,3

            """)
    }

    func testLineEndsShowWhenOnlyTheyDiffer() {
        XCTAssertEqual(
            UnifiedDiff.make(old: "a\nb\n", new: "a\r\nb\r\n", oldName: "old", newName: "new"),
            "--- old\n+++ new\n@@ -1,2 +1,2 @@\n-a\n-b\n+a␍\n+b␍\n")
    }

    func testCutAfterMaxLines() {
        let old = (1...50).map { "line \($0)\n" }.joined()
        let new = (1...50).map { "row \($0)\n" }.joined()
        let diff = UnifiedDiff.make(old: old, new: new, oldName: "o", newName: "n", maxLines: 4)
        XCTAssertEqual(diff, "--- o\n+++ n\n@@ -1,50 +1,50 @@\n-line 1\n-line 2\n-line 3\n-line 4\n... diff cut after 4 lines\n")
    }
}
