import Foundation
import Mustache
import XCTest

final class MustacheValueTests: XCTestCase {
    func testJSONSerializationOutputConverts() throws {
        let json = #"{"t": true, "f": false, "one": 1, "zero": 0, "half": 0.5, "n": null, "s": "x", "a": [1, "b", [true]], "o": {"k": "v"}}"#
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let expected: MustacheValue = [
            "t": true, "f": false, "one": 1, "zero": 0, "half": 0.5, "n": nil, "s": "x",
            "a": [1, "b", [true]], "o": ["k": "v"],
        ]
        XCTAssertEqual(MustacheValue(jsonObject: object), expected)
        XCTAssertEqual(try MustacheValue(jsonData: Data(json.utf8)), expected)
        XCTAssertEqual(try MustacheValue(jsonData: Data("\"top\"".utf8)), "top")
    }

    func testBooleansAndNumbersStayApart() {
        // 1 and true are both NSNumbers underneath; they must not become one another.
        XCTAssertEqual(MustacheValue(jsonObject: NSNumber(value: true)), .bool(true))
        XCTAssertEqual(MustacheValue(jsonObject: NSNumber(value: 1)), .number(1))
        XCTAssertEqual(MustacheValue(jsonObject: NSNumber(value: 0)), .number(0))
        XCTAssertEqual(MustacheValue(jsonObject: ["b": true, "i": 1, "d": 2.5] as [String: Any]), ["b": true, "i": 1, "d": 2.5])
    }

    func testUnknownValuesBecomeNull() {
        XCTAssertEqual(MustacheValue(jsonObject: Date()), .null)
        XCTAssertEqual(MustacheValue(jsonObject: NSNull()), .null)
        XCTAssertEqual(MustacheValue(jsonObject: MustacheValue.string("kept")), "kept")
    }

    func testTruthiness() {
        XCTAssertFalse(MustacheValue.null.isTruthy)
        XCTAssertFalse(MustacheValue.bool(false).isTruthy)
        XCTAssertFalse(MustacheValue.array([]).isTruthy)
        for truthy: MustacheValue in ["", 0, true, [:], [nil], "false"] {
            XCTAssertTrue(truthy.isTruthy, "\(truthy)")
        }
    }

    func testDictionaryLiteralKeepsTheLastOfARepeatedKey() {
        let value: MustacheValue = ["a": 1, "a": 2]
        XCTAssertEqual(value, .object(["a": 2]))
    }
}
