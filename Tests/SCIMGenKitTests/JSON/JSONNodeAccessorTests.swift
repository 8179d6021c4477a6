import SCIMGenKit
import XCTest

final class JSONNodeAccessorTests: XCTestCase {
    private func number(_ text: String) throws -> JSONNode {
        try JSONParser.parse(text)
    }

    func testIntValueIsExactIntegersInRangeOnly() throws {
        let cases: [(String, Int?)] = [
            ("12", 12), ("-0", 0), ("0", 0), ("12.0", 12), ("1.2e1", 12), ("120e-1", 12), ("1E+2", 100),
            ("0.000", 0), ("0e999999999999", 0), ("-4.500e1", -45), ("-4.50e2", -450),
            ("12.5", nil), ("1e-1", nil), ("1e999999999999", nil), ("1e19", nil),
            ("9223372036854775807", Int.max), ("9223372036854775808", nil),
            ("-9223372036854775808", Int.min), ("-9223372036854775809", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try number(text).intValue, expected, text)
        }
        XCTAssertNil(try JSONParser.parse(#""12""#).intValue)
    }

    func testTypedViews() throws {
        let root = try JSONParser.parse(#"{"s": "x", "b": false, "n": 2.5, "big": 1e400, "a": [null], "o": {}, "z": null}"#)
        XCTAssertEqual(root.member(named: "s")?.value.stringValue, "x")
        XCTAssertEqual(root.member(named: "b")?.value.boolValue, false)
        XCTAssertEqual(root.member(named: "n")?.value.doubleValue, 2.5)
        XCTAssertEqual(root.member(named: "n")?.value.numberText, "2.5")
        XCTAssertNil(root.member(named: "big")?.value.doubleValue)
        XCTAssertEqual(root.member(named: "a")?.value.arrayValue?.count, 1)
        XCTAssertEqual(root.member(named: "o")?.value.objectMembers, [])
        XCTAssertEqual(root.member(named: "z")?.value.isNull, true)
        XCTAssertNil(root.member(named: "missing"))
        XCTAssertNil(root.stringValue)
        XCTAssertNil(root.arrayValue)
        XCTAssertNil(root.member(named: "s")?.value.member(named: "s"))
        XCTAssertEqual(root.member(named: "s")?.value.duplicateMembers, [])
    }

    func testKindNames() throws {
        let root = try JSONParser.parse(#"[null, true, 1, "s", [], {}]"#)
        XCTAssertEqual(root.arrayValue?.map(\.kindName),
                       ["null", "a boolean", "a number", "a string", "an array", "an object"])
    }

    func testJSONValueConversionKeepsOrderAndNumberText() throws {
        let root = try JSONParser.parse(#"{"b": [1.50, -0], "a": {"c": null}, "b": "again"}"#)
        XCTAssertEqual(root.jsonValue, .object([
            .init("b", [.number("1.50"), .number("-0")]),
            .init("a", ["c": nil]),
            .init("b", "again"),
        ]))
    }
}
