import Foundation
import SCIMGenKit
import XCTest

/// Every syntax error names the problem in words a user can act on and points at the offending
/// character (the end of input for a truncated file, the opening quote for an unterminated string).
final class JSONParserErrorTests: XCTestCase {
    private func assertError(
        _ input: [UInt8], limits: JSONLimits = .default, _ expected: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        do {
            let node = try JSONParser.parse(input, limits: limits)
            XCTFail("parsed as \(node.kindName), expected error \(expected)", file: file, line: line)
        } catch {
            XCTAssertEqual("\(error.line):\(error.column): \(error.message)", expected, file: file, line: line)
        }
    }

    private func assertError(
        _ input: String, limits: JSONLimits = .default, _ expected: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        assertError(Array(input.utf8), limits: limits, expected, file: file, line: line)
    }

    func testStructure() {
        assertError(#"{"a": 1 "b": 2}"#, #"1:9: missing ',' before character '"'"#)
        assertError("[1 2]", "1:4: missing ',' before character '2'")
        // Across lines, the comma belongs at the end of the value before, and the message says so.
        assertError("{\n  \"a\": 1\n  \"b\": 2\n}", "2:9: missing ',' after the value on line 2")
        assertError("[\n  {\"a\": 1}\n  {\"a\": 2}\n]", "2:11: missing ',' after the value on line 2")
        assertError(#"{"a": 1 ; "b": 2}"#, "1:9: expected ',' or '}' after object member")
        assertError("[1 ; 2]", "1:4: expected ',' or ']' after array element")
        assertError(#"{"a" 1}"#, "1:6: expected ':' after object key")
        assertError(#"{"a": 1, 2}"#, "1:10: object keys must be strings in double quotes")
        assertError(#"{"a": 1, ]"#, "1:10: expected a string key after ','")
        assertError("{]", "1:2: expected a string key or '}'")
        assertError("{a: 1}", "1:2: object keys must be strings in double quotes")
        assertError("{'a': 1}", "1:2: single-quoted strings are not allowed; use double quotes")
        assertError("[1, 2,]", "1:6: trailing comma before ']'")
        assertError("{\"a\": 1,\n}", "1:8: trailing comma before '}'")
        assertError("[1,,2]", "1:4: unexpected character ','; expected a value")
        assertError(#"{"a": "b"}#"#, "1:11: unexpected character '#' after the top-level value")
        assertError("[1] [2]", "1:5: unexpected character '[' after the top-level value")
        assertError("// note\n{}", "1:1: comments are not allowed in JSON")
        assertError("{\"a\": /* x */ 1}", "1:7: comments are not allowed in JSON")
        assertError(#"["é", *]"#, "1:7: unexpected character '*'; expected a value")
        assertError("[\u{2060}]", "1:2: unexpected character U+2060; expected a value")
        assertError("[\u{C}]", "1:2: unexpected character U+000C; expected a value")
        assertError([0x5B, 0xE9, 0x5D], "1:2: unexpected byte 0xE9 (invalid UTF-8); expected a value")
        assertError([0xEF, 0xBB, 0xBF, 0x7B, 0x7D], "1:1: unexpected UTF-8 byte order mark; save the file as UTF-8 without one")
    }

    func testLiterals() {
        assertError("[tru]", "1:2: invalid literal 'tru'")
        assertError("{\n  \"a\": True\n}", "2:8: invalid literal 'True'")
        assertError("[NaN]", "1:2: invalid literal 'NaN'; JSON has no NaN or Infinity")
        assertError("[-Infinity]", "1:3: expected a digit after '-'")
    }

    func testNumbers() {
        assertError("[01]", "1:2: leading zeros are not allowed in numbers")
        assertError("[-007]", "1:3: leading zeros are not allowed in numbers")
        assertError("[1.]", "1:4: expected a digit after '.' in number")
        assertError("[1e+]", "1:5: expected a digit in the exponent of number")
        assertError("[1.5x]", "1:5: unexpected character 'x' in number")
        assertError("[0x1F]", "1:3: unexpected character 'x' in number")
        assertError("[+1]", "1:2: numbers must not start with '+'")
        assertError("[.5]", "1:2: numbers must have a digit before '.'")
        assertError("[-]", "1:3: expected a digit after '-'")
        assertError("-", "1:2: unexpected end of input; expected a digit")
        assertError("1.", "1:3: unexpected end of input; expected a digit")
    }

    func testStrings() {
        assertError(#"["abc"#, #"1:6: unclosed string that starts at 1:2; add the closing '"'"#)
        assertError("{\n  \"name\": \"lucid\n}", #"2:17: unclosed string that starts at 2:11; add the closing '"'"#)
        assertError("{\n  \"name\": \"lucid\\\n}", #"2:18: unclosed string that starts at 2:11; add the closing '"'"#)
        assertError("[\"a\tb\"]", "1:4: control character U+0009 must be escaped in a string")
        assertError(#"["a\x"]"#, #"1:4: invalid escape '\x' in string"#)
        assertError(#"["\'"]"#, #"1:3: invalid escape '\'' in string"#)
        assertError("[\"\\\t\"]", #"1:3: invalid escape in string: '\' followed by character U+0009"#)
        assertError(#"["\u12G4"]"#, #"1:3: invalid unicode escape '\u12G4'; expected four hex digits"#)
        assertError(#"["\u00"]"#, #"1:3: invalid unicode escape '\u00'; expected four hex digits"#)
        assertError(#"["ok\uD800"]"#, #"1:5: unpaired UTF-16 surrogate '\uD800' in string"#)
        assertError(#"["\uD800\u0041"]"#, #"1:3: unpaired UTF-16 surrogate '\uD800' in string"#)
        assertError(#"["\uDC00\uD800"]"#, #"1:3: unpaired UTF-16 surrogate '\uDC00' in string"#)
        assertError([0x5B, 0x22, 0x63, 0x61, 0x66, 0xE9, 0x22, 0x5D],
                    "1:6: invalid UTF-8 byte 0xE9 in string; save the file as UTF-8")
        assertError([0x22, 0xC3, 0xA9, 0x5C, 0x6E, 0xED, 0xA0, 0x80, 0x22],
                    "1:5: invalid UTF-8 byte 0xED in string; save the file as UTF-8")
    }

    func testUnexpectedEndPointsAtTheEnd() {
        assertError("", "1:1: unexpected end of input; expected a value")
        assertError("  \n ", "2:2: unexpected end of input; expected a value")
        assertError("{", "1:2: unexpected end of input; expected a string key or '}'")
        assertError(#"{"a""#, "1:5: unexpected end of input; expected ':'")
        assertError(#"{"a":"#, "1:6: unexpected end of input; expected a value")
        assertError("{\"a\": 1\n", "2:1: unexpected end of input; expected ',' or '}'")
        assertError(#"{"a": [1, 2"#, "1:12: unexpected end of input; expected ',' or ']'")
        assertError(#"{"a": 1,"#, "1:9: unexpected end of input; expected a string key")
    }

    /// 100,000 open brackets must give the depth error, not a stack overflow.
    func testDeepNestingIsRejectedWithoutCrashing() {
        assertError(String(repeating: "[", count: 100_000), "1:257: nesting deeper than 256 levels")
        assertError(String(repeating: "{\"a\":", count: 100_000), "1:1281: nesting deeper than 256 levels")
        assertError(String(repeating: "[", count: 3) + "]]]", limits: JSONLimits(maxDepth: 2, maxBytes: 100),
                    "1:3: nesting deeper than 2 levels")
    }

    func testNestingUpToTheLimitIsAccepted() throws {
        let depth = JSONLimits.default.maxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var node = try JSONParser.parse(text)
        for _ in 1..<depth { node = try XCTUnwrap(node.arrayValue?.first) }
        XCTAssertEqual(node.arrayValue, [])
    }

    func testInputLargerThanTheLimitIsRejected() throws {
        assertError("[1, 2, 3, 4]", limits: JSONLimits(maxDepth: 8, maxBytes: 11),
                    "1:1: input of 12 bytes is larger than the limit of 11 bytes")
        XCTAssertNoThrow(try JSONParser.parse("[1, 2, 3, 4]", limits: JSONLimits(maxDepth: 8, maxBytes: 12)))
        let big = Data(count: JSONLimits.default.maxBytes + 1)
        XCTAssertThrowsError(try JSONParser.parse(big)) { error in
            XCTAssertEqual((error as? JSONSyntaxError)?.message, "input of 16777217 bytes is larger than the limit of 16777216 bytes")
        }
    }

    func testErrorAsDiagnostic() {
        XCTAssertThrowsError(try JSONParser.parse("{\n  \"a\": 1,\n}")) { error in
            let diagnostic = (error as! JSONSyntaxError).diagnostic(in: "Vendors/lucid/vendor.json")
            XCTAssertEqual(diagnostic.description, "Vendors/lucid/vendor.json:2:9: error: trailing comma before '}'")
        }
    }
}
