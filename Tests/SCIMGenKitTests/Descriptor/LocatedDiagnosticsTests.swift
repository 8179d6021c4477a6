import Foundation
import TestSupport
import XCTest
@testable import SCIMGenKit

/// Every problem of a descriptor in one run, each at the exact character: positions come from
/// markers in the input (`1️⃣`), never from hand-counted columns.
final class LocatedDiagnosticsTests: XCTestCase {
    static let file = "Vendors/lusid/vendor.json"

    /// LUSID's descriptor with each `(old, new)` replaced; `new` may hold markers.
    private func lusid(_ edits: [(String, String)], file: StaticString = #filePath, line: UInt = #line) throws -> MarkedText {
        var text = String(decoding: try Repository.bytes(Self.file), as: UTF8.self)
        for (old, new) in edits {
            XCTAssertEqual(text.components(separatedBy: old).count, 2, "'\(old)' must occur once", file: file, line: line)
            text = text.replacingOccurrences(of: old, with: new)
        }
        return MarkedText(text)
    }

    private func diagnostics(_ input: MarkedText) -> [String] {
        VendorLoader.load(sources: [VendorSource(id: "lusid", file: Self.file, bytes: Array(input.text.utf8))])
            .diagnostics.map(\.description)
    }

    private func at(_ input: MarkedText, _ marker: String) -> String { input.location(marker, in: Self.file) }

    func testAMisspelledSubAttributeIsLocatedAtTheMisspelling() throws {
        let input = try lusid([(#""path": "name.familyName""#, #""path": "name.1️⃣familyNme""#)])
        XCTAssertEqual(
            diagnostics(input),
            ["\(at(input, "1️⃣")): error: unknown sub-attribute 'familyNme' of 'name'; did you mean 'familyName'?"])
    }

    func testPositionsHoldThroughJSONEscapes() throws {
        // Each `\"` is two characters of the file for one of the path; `\u0061` six for one.
        let input = try lusid([
            (#""path": "emails[type eq \"work\"].value""#, #""path": "emails[type eq \"work\"].1️⃣vlue""#),
            (#""path": "name.givenName""#, #""path": "n\u0061me.2️⃣givnName""#),
            (#""path": "active""#, #""path": "phoneNumbers[type eq \"work\" 3️⃣adn value pr].value""#),
        ])
        XCTAssertEqual(
            diagnostics(input),
            [
                "\(at(input, "3️⃣")): error: attribute path 'phoneNumbers[type eq \"work\" adn value pr].value' does not parse: expected 'and', 'or' or ']' but found 'adn'",
                "\(at(input, "1️⃣")): error: unknown sub-attribute 'vlue' of 'emails'; did you mean 'value'?",
                "\(at(input, "2️⃣")): error: unknown sub-attribute 'givnName' of 'name'; did you mean 'givenName'?",
            ])
    }

    func testSixIndependentMistakesAreReportedInOneRun() throws {
        let input = try lusid([
            // An unknown key, a bad enum value, a wrong JSON type, in the descriptor's structure.
            (#""website": "https://www.finbourne.com/lusid","#, #"1️⃣"colour": "blue",\#n  "website": "https://www.finbourne.com/lusid","#),
            (#""deprovisionUsers": "remove""#, #""deprovisionUsers": 2️⃣"delete""#),
            (#"{ "path": "active", "type": "Boolean", "required": true }"#, #"{ "path": "active", "type": "Boolean", "required": 3️⃣"yes" }"#),
            // A type that contradicts RFC 7643, a misspelled path and a duplicate row, in the tables.
            (#"{ "path": "externalId", "type": "String", "required": true }"#, #"{ "path": 4️⃣"externalId", "type": "Boolean", "required": true }"#),
            (#""path": "name.familyName""#, #""path": "name.5️⃣familyNme""#),
            (#"{ "path": "name.givenName", "type": "String", "required": true },"#, #"{ "path": "name.givenName", "type": "String", "required": true },\#n      { "path": 6️⃣"name.givenName", "type": "String" },"#),
        ])
        XCTAssertEqual(
            diagnostics(input),
            [
                "\(at(input, "1️⃣")): error: unknown key 'colour'",
                "\(at(input, "2️⃣")): error: 'capabilities.deprovisionUsers' must be one of 'remove', 'disable', 'none', not 'delete'",
                "\(at(input, "3️⃣")): error: 'users.attributes[1].required' must be a boolean (true or false), not a string",
                "\(at(input, "5️⃣")): error: unknown sub-attribute 'familyNme' of 'name'; did you mean 'familyName'?",
                "\(at(input, "6️⃣")): error: duplicate user attribute 'name.givenName'; the first row is on line \(input["6️⃣"].line - 1)",
                "\(at(input, "4️⃣")): error: 'externalId' is a String in the common attributes, not a Boolean; write \"type\": \"String\"",
            ].sorted { lhs, rhs in Self.position(lhs).lexicographicallyPrecedes(Self.position(rhs)) })
    }

    /// `(line, column)` of a message, for putting expectations in the order `validate` prints.
    private static func position(_ message: String) -> [Int] {
        message.split(separator: ":").dropFirst().prefix(2).compactMap { Int($0) }
    }
}
