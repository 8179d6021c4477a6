import SCIMGenKit
import XCTest

final class SuggestionTests: XCTestCase {
    func testDistanceCountsEditsAndAdjacentSwaps() {
        XCTAssertEqual(Suggestion.distance("organisation", "organization"), 1)
        XCTAssertEqual(Suggestion.distance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.distance("userNmae", "userName"), 1, "a swap of adjacent letters is one edit")
        XCTAssertEqual(Suggestion.distance("ca", "abc"), 3, "optimal string alignment edits no substring twice")
        XCTAssertEqual(Suggestion.distance("", "abc"), 3)
        XCTAssertEqual(Suggestion.distance("abc", ""), 3)
        XCTAssertEqual(Suggestion.distance("USERNAME", "userName"), 0, "case is ignored")
    }

    func testClosestSuggestsLikelyTypos() {
        let names = ["employeeNumber", "costCenter", "organization", "division", "department", "manager"]
        XCTAssertEqual(Suggestion.closest(to: "organisation", in: names), "organization")
        XCTAssertEqual(Suggestion.closest(to: "Departmnet", in: names), "department")
        XCTAssertEqual(Suggestion.closest(to: "mgr", in: names), nil, "three edits are too many for three letters")
        XCTAssertEqual(Suggestion.closest(to: "title", in: names), nil)
        XCTAssertEqual(Suggestion.closest(to: "", in: names), nil)
        XCTAssertEqual(Suggestion.closest(to: "x", in: []), nil)
    }

    func testThresholdIsAThirdOfTheLengthAndAtLeastOne() {
        // 6 letters allow 2 edits, 5 letters allow 1.
        XCTAssertEqual(Suggestion.closest(to: "abcdxx", in: ["abcdef"]), "abcdef")
        XCTAssertEqual(Suggestion.closest(to: "abcxx", in: ["abcde"]), nil)
        XCTAssertEqual(Suggestion.closest(to: "id", in: ["if"]), "if")
    }

    func testTiesGoToTheFirstCandidate() {
        XCTAssertEqual(Suggestion.closest(to: "cat", in: ["bat", "cot", "car"]), "bat")
        XCTAssertEqual(Suggestion.closest(to: "cat", in: ["cot", "bat", "car"]), "cot")
        XCTAssertEqual(Suggestion.closest(to: "cat", in: ["bat", "CAT"]), "CAT", "a closer candidate beats an earlier one")
    }

    func testDidYouMeanClause() {
        XCTAssertEqual(Suggestion.didYouMean("usrName", in: ["userName", "name"]), "; did you mean 'userName'?")
        XCTAssertEqual(Suggestion.didYouMean("zzzzzz", in: ["userName"]), "")
    }
}
