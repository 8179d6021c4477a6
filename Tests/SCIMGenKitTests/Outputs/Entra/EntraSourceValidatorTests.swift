import TestSupport
import XCTest
@testable import SCIMGenKit

/// `validate` reads each row's `expression` with Entra's expression parser and points at the
/// character in the descriptor, through JSON escapes. Positions come from a `1️⃣` marker in the
/// edited descriptor (`MarkedText`).
final class EntraSourceValidatorTests: XCTestCase {
    /// ThousandEyes's descriptor with its `displayName` row given `source` (the JSON text of a key
    /// and value, with `1️⃣` where the problem is), validated; returns the messages and the marker's place.
    private func validate(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> ([String], String) {
        let text = String(decoding: try Repository.bytes("Vendors/thousandeyes/vendor.json"), as: UTF8.self)
        let old = #"{ "path": "displayName", "type": "String" }"#
        XCTAssertTrue(text.contains(old), "the seed no longer holds the row", file: file, line: line)
        let marked = MarkedText(text.replacingOccurrences(of: old, with: #"{ "path": "displayName", "type": "String", "# + source + " }"))
        let (descriptor, decoding) = VendorDescriptor.decode(id: "thousandeyes", file: "vendor.json", bytes: Array(marked.text.utf8))
        XCTAssertEqual(decoding.map(\.description), [], file: file, line: line)
        let problems = DescriptorValidator.validate(try XCTUnwrap(descriptor, file: file, line: line)).filter { $0.severity == .error }
        let at = marked.markers.isEmpty ? "" : marked.location("1️⃣", in: "vendor.json")
        return (problems.map(\.description), at)
    }

    func testAProblemIsLocatedAtItsCharacter() throws {
        let (messages, at) = try validate(#""expression": "Append([givenName], 1️⃣[surname)""#)
        XCTAssertEqual(messages, ["\(at): error: 'users.attributes[3].expression': '[' is never closed; end the attribute name with ']'"])
    }

    func testUnknownFunctionsAndArgumentCounts() throws {
        let (unknown, at) = try validate(#""expression": "1️⃣Joni([givenName], [surname])""#)
        XCTAssertEqual(
            unknown,
            ["\(at): error: 'users.attributes[3].expression': unknown function 'Joni'; did you mean 'Join'?; Entra's function names are case-sensitive and listed in its expression reference"])
        let (arity, at2) = try validate(#""expression": "ToUpper(1️⃣Mid([givenName], 1))""#)
        XCTAssertEqual(
            arity,
            ["\(at2): error: 'users.attributes[3].expression': 'Mid' takes 3 arguments (source, start, length), not 2; leave an optional argument empty rather than out, as in 'Replace([mail], \"@\", , , \"_\", , )'"])
    }

    /// Through JSON escapes too: `\"` is two characters in the file and one in the expression.
    func testAnExpressionWithEscapesIsLocatedAtItsCharacter() throws {
        let (messages, at) = try validate(#""expression": "Join(\" \", [givenName], 1️⃣[surname)""#)
        XCTAssertEqual(messages, ["\(at): error: 'users.attributes[3].expression': '[' is never closed; end the attribute name with ']'"])
        let (unicode, at2) = try validate(#""expression": "Join(\"\u00e9\", [givenName], 1️⃣[surname)""#)
        XCTAssertEqual(unicode, ["\(at2): error: 'users.attributes[3].expression': '[' is never closed; end the attribute name with ']'"])
    }

    func testComparisonsCannotBePublished() throws {
        let (messages, at) = try validate(#""expression": "IIF(1️⃣[userType]=[givenName], [mail], [givenName])""#)
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages.first?.hasPrefix("\(at): error: 'users.attributes[3].expression': '=' compares two values") ?? false, "\(messages)")
    }

    func testAnAttributeSourceThatIsAnExpression() throws {
        let (messages, at) = try validate(#""source": 1️⃣"Append([givenName], [surname])""#)
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

    /// The sample descriptor that template checks take their data shape from must pass validate,
    /// expressions included, or those checks lose every name it alone gives.
    func testTheSampleDescriptorValidates() {
        XCTAssertNoThrow(try ResolvedVendor(checking: VendorDescriptor.sample))
    }
}
