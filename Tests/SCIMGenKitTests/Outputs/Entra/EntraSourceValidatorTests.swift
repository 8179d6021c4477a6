import XCTest
@testable import SCIMGenKit

/// `validate` reads each row's `expression` with Entra's expression parser and points at the
/// character in the descriptor, through JSON escapes. Positions come from a `⟨` marker in the
/// edited descriptor.
final class EntraSourceValidatorTests: XCTestCase {
    /// ThousandEyes's descriptor with its `displayName` row given `source` (the JSON text of a key
    /// and value, with `⟨` where the problem is), validated; returns the messages and the marker's place.
    private func validate(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> ([String], String) {
        let text = String(decoding: try Repository.bytes("Vendors/thousandeyes/vendor.json"), as: UTF8.self)
        let old = #"{ "path": "displayName", "type": "String" }"#
        XCTAssertTrue(text.contains(old), "the seed no longer holds the row", file: file, line: line)
        let marked = text.replacingOccurrences(of: old, with: #"{ "path": "displayName", "type": "String", "# + source + " }")
        let (clean, location) = Self.unmark(marked, file: "vendor.json")
        let (descriptor, decoding) = VendorDescriptor.decode(id: "thousandeyes", file: "vendor.json", bytes: Array(clean.utf8))
        XCTAssertEqual(decoding.map(\.description), [], file: file, line: line)
        let problems = DescriptorValidator.validate(try XCTUnwrap(descriptor, file: file, line: line)).filter { $0.severity == .error }
        return (problems.map(\.description), location)
    }

    /// The text without its `⟨` marker, and the marker's `file:line:column`.
    private static func unmark(_ text: String, file: String) -> (String, String) {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "⟨" { break }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (text.replacingOccurrences(of: "⟨", with: ""), "\(file):\(line):\(column)")
    }

    func testAProblemIsLocatedAtItsCharacter() throws {
        let (messages, at) = try validate(#""expression": "Append([givenName], ⟨[surname)""#)
        XCTAssertEqual(messages, ["\(at): error: 'users.attributes[3].expression': '[' is never closed; end the attribute name with ']'"])
    }

    func testUnknownFunctionsAndArgumentCounts() throws {
        let (unknown, at) = try validate(#""expression": "⟨Joni([givenName], [surname])""#)
        XCTAssertEqual(
            unknown,
            ["\(at): error: 'users.attributes[3].expression': unknown function 'Joni'; did you mean 'Join'?; Entra's function names are case-sensitive and listed in its expression reference"])
        let (arity, at2) = try validate(#""expression": "ToUpper(⟨Mid([givenName], 1))""#)
        XCTAssertEqual(
            arity,
            ["\(at2): error: 'users.attributes[3].expression': 'Mid' takes 3 arguments (source, start, length), not 2; leave an optional argument empty rather than out, as in 'Replace([mail], \"@\", , , \"_\", , )'"])
    }

    /// Through JSON escapes too: `\"` is two characters in the file and one in the expression.
    func testAnExpressionWithEscapesIsLocatedAtItsCharacter() throws {
        let (messages, at) = try validate(#""expression": "Join(\" \", [givenName], ⟨[surname)""#)
        XCTAssertEqual(messages, ["\(at): error: 'users.attributes[3].expression': '[' is never closed; end the attribute name with ']'"])
        let (unicode, at2) = try validate(#""expression": "Join(\"\u00e9\", [givenName], ⟨[surname)""#)
        XCTAssertEqual(unicode, ["\(at2): error: 'users.attributes[3].expression': '[' is never closed; end the attribute name with ']'"])
    }

    func testComparisonsCannotBePublished() throws {
        let (messages, at) = try validate(#""expression": "IIF(⟨[userType]=[givenName], [mail], [givenName])""#)
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages.first?.hasPrefix("\(at): error: 'users.attributes[3].expression': '=' compares two values") ?? false, "\(messages)")
    }

    func testAnAttributeSourceThatIsAnExpression() throws {
        let (messages, at) = try validate(#""source": ⟨"Append([givenName], [surname])""#)
        XCTAssertEqual(
            messages,
            ["\(at): error: 'users.attributes[3].source' names a source attribute, such as 'mail', but 'Append([givenName], [surname])' is an expression; write it as 'expression' instead"])
    }

    func testGoodSourcesPass() throws {
        for source in [
            #""expression": "Join(\" \", [givenName], [surname])""#,
            #""expression": "Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")""#,
            #""source": "displayName""#, #""constant": "=1+2""#, #""expression": "[mail]""#,
        ] {
            let (messages, _) = try validate(source)
            XCTAssertEqual(messages, [], source)
        }
    }
}
