import Foundation
import SCIMGenKit
import XCTest

/// Every value and key must carry the line and column of its first character, counted in Unicode
/// scalars, and its byte offset, whatever precedes it on the line.
final class JSONParserLocationTests: XCTestCase {
    private struct Position: Equatable, CustomStringConvertible {
        var line: Int, column: Int, offset: Int
        var description: String { "\(line):\(column)@\(offset)" }
    }

    private func position(_ node: JSONNode) -> Position {
        Position(line: node.line, column: node.column, offset: node.offset)
    }

    private func keyPosition(_ member: JSONMember) -> Position {
        Position(line: member.keyLine, column: member.keyColumn, offset: member.keyOffset)
    }

    func testNestedValuesAndKeys() throws {
        let text = """
        {
          "name": "lucid",
          "tags": [1, {"deep": [true, null]}],
          "n": -2.5e3
        }
        """
        let root = try JSONParser.parse(text)
        XCTAssertEqual(position(root), Position(line: 1, column: 1, offset: 0))
        let members = try XCTUnwrap(root.objectMembers)
        XCTAssertEqual(members.map(\.key), ["name", "tags", "n"])
        XCTAssertEqual(keyPosition(members[0]), Position(line: 2, column: 3, offset: 4))
        XCTAssertEqual(position(members[0].value), Position(line: 2, column: 11, offset: 12))
        XCTAssertEqual(keyPosition(members[1]), Position(line: 3, column: 3, offset: 23))
        let tags = try XCTUnwrap(members[1].value.arrayValue)
        XCTAssertEqual(position(members[1].value), Position(line: 3, column: 11, offset: 31))
        XCTAssertEqual(position(tags[0]), Position(line: 3, column: 12, offset: 32))
        XCTAssertEqual(position(tags[1]), Position(line: 3, column: 15, offset: 35))
        let deep = try XCTUnwrap(tags[1].member(named: "deep"))
        XCTAssertEqual(keyPosition(deep), Position(line: 3, column: 16, offset: 36))
        let deepValues = try XCTUnwrap(deep.value.arrayValue)
        XCTAssertEqual(position(deepValues[0]), Position(line: 3, column: 25, offset: 45))
        XCTAssertEqual(position(deepValues[1]), Position(line: 3, column: 31, offset: 51))
        let number = try XCTUnwrap(root.member(named: "n")).value
        XCTAssertEqual(number.value, .number("-2.5e3"))
        XCTAssertEqual(position(number), Position(line: 4, column: 8, offset: 67))
    }

    /// Columns count Unicode scalars, so a 2-byte 'é', a 4-byte emoji and a 3-byte CJK character each
    /// count once; a decomposed 'é' (e + U+0301) counts twice. Offsets count bytes.
    func testMultiByteCharactersBeforeTheValue() throws {
        let root = try JSONParser.parse("{\"é\": \"ü\", \"😀\": 1, \"日本\": [\"e\u{301}\", 2]}")
        let members = try XCTUnwrap(root.objectMembers)
        XCTAssertEqual(keyPosition(members[0]), Position(line: 1, column: 2, offset: 1))
        XCTAssertEqual(position(members[0].value), Position(line: 1, column: 7, offset: 7))
        XCTAssertEqual(keyPosition(members[1]), Position(line: 1, column: 12, offset: 13))
        XCTAssertEqual(position(members[1].value), Position(line: 1, column: 17, offset: 21))
        XCTAssertEqual(keyPosition(members[2]), Position(line: 1, column: 20, offset: 24))
        let elements = try XCTUnwrap(members[2].value.arrayValue)
        XCTAssertEqual(position(members[2].value), Position(line: 1, column: 26, offset: 34))
        XCTAssertEqual(elements[0].stringValue, "e\u{301}")
        XCTAssertEqual(position(elements[1]), Position(line: 1, column: 33, offset: 42))
    }

    /// A tab counts as one column; CRLF line ends count as one line each.
    func testTabsAndCRLFLineEnds() throws {
        let root = try JSONParser.parse("{\r\n\t\"a\": 1,\r\n\t\"b\":\r\n\t\t[]\r\n}\r\n")
        let members = try XCTUnwrap(root.objectMembers)
        XCTAssertEqual(keyPosition(members[0]), Position(line: 2, column: 2, offset: 4))
        XCTAssertEqual(position(members[0].value), Position(line: 2, column: 7, offset: 9))
        XCTAssertEqual(keyPosition(members[1]), Position(line: 3, column: 2, offset: 14))
        XCTAssertEqual(position(members[1].value), Position(line: 4, column: 3, offset: 22))
    }

    /// Strings with escapes take the slow path; positions after them must still be right.
    func testPositionsAfterEscapedStrings() throws {
        let root = try JSONParser.parse(#"["a\"b\u00e9\ud83d\ude00", "x"]"#)
        let elements = try XCTUnwrap(root.arrayValue)
        XCTAssertEqual(elements[0].stringValue, "a\"bé😀")
        XCTAssertEqual(position(elements[1]), Position(line: 1, column: 28, offset: 27))
    }

    func testLocationInFile() throws {
        let root = try JSONParser.parse("\n\n   {\"x\": true}")
        XCTAssertEqual(root.location(in: "Vendors/lucid/vendor.json").description, "Vendors/lucid/vendor.json:3:4")
        let member = try XCTUnwrap(root.member(named: "x"))
        XCTAssertEqual(member.keyLocation(in: "v.json").description, "v.json:3:5")
        XCTAssertEqual(member.value.location(in: "v.json").description, "v.json:3:10")
    }

    func testBytesDataAndStringInputsAgree() throws {
        let text = "{\"a\": [1, \"é\", {\"b\": null}]}\n"
        let fromString = try JSONParser.parse(text)
        XCTAssertEqual(try JSONParser.parse(Array(text.utf8)), fromString)
        XCTAssertEqual(try JSONParser.parse(Data(text.utf8)), fromString)
    }

    func testDuplicateKeysAreKeptInOrder() throws {
        let root = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        XCTAssertEqual(root.objectMembers?.map(\.key), ["a", "b", "a"])
        XCTAssertEqual(root.member(named: "a")?.value.intValue, 1)
        XCTAssertEqual(root.duplicateMembers.map { "\($0.key)@\($0.keyColumn)" }, ["a@18"])
    }
}
