@testable import SCIMGenKit
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

    /// Every edit script must turn the old lines into the new ones, keeping lines only where both agree.
    private func assertApplies(_ a: [String], _ b: [String], file: StaticString = #filePath, line: UInt = #line) -> [UnifiedDiff.Edit] {
        let script = UnifiedDiff.editScript(a, b)
        XCTAssertEqual(script.compactMap(\.oldIndex), Array(a.indices), file: file, line: line)
        XCTAssertEqual(script.compactMap(\.newIndex), Array(b.indices), file: file, line: line)
        for edit in script where edit.kind == .keep {
            XCTAssertEqual(a[edit.oldIndex!], b[edit.newIndex!], file: file, line: line)
        }
        return script
    }

    func testEditScriptsFindTheFewestChanges() {
        let a = ["a", "b", "c", "a", "b", "b", "a"]
        let b = ["c", "b", "a", "b", "a", "c"]
        // Myers' example: five edits.
        XCTAssertEqual(assertApplies(a, b).filter { $0.kind != .keep }.count, 5)
        let old = (0..<600).map { $0 % 3 == 0 ? "changed \($0)" : "line \($0)" }
        let new = (0..<600).map { "line \($0)" }
        XCTAssertEqual(assertApplies(old, new).filter { $0.kind != .keep }.count, 400)
    }

    func testAPlantedFileOfThousandsOfLinesIsShownReplacedNotWorkedOutLineByLine() {
        // 13,000 lines against a 300-line tutorial once kept 13,300 rows of 26,600 reaches: 2.7 GB for `check`.
        let old = (0..<13_000).map { "planted \($0)" }
        let new = (0..<300).map { "generated \($0)" }
        let script = assertApplies(["same"] + old + ["end"], ["same"] + new + ["end"])
        XCTAssertEqual(script.map(\.kind.description).joined(), "k" + String(repeating: "d", count: 13_000) + String(repeating: "i", count: 300) + "k")
        // Also when the lines share a few: more edits than the bound fall back to the same plain script.
        let shared = (0..<2_600).map { $0 % 50 == 0 ? "shared \($0)" : "old \($0)" }
        let other = (0..<1_400).map { $0 % 50 == 0 ? "shared \(2 * $0)" : "new \($0)" }
        XCTAssertGreaterThan(UnifiedDiff.maximumEditDistance, abs(shared.count - other.count))
        let fallback = assertApplies(shared, other)
        XCTAssertEqual(fallback.filter { $0.kind == .keep }.map(\.oldIndex), [0], "only the common first line, trimmed before the diff, is kept")
    }
}

extension UnifiedDiff.Edit.Kind: CustomStringConvertible {
    public var description: String {
        switch self {
        case .keep: return "k"
        case .delete: return "d"
        case .insert: return "i"
        }
    }
}
