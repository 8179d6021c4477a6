import SCIMGenKit
import XCTest

final class AttributePathTests: XCTestCase {
    // MARK: - The seed tables

    /// Every attribute path in the attribute tables and lists of the seed tutorials (Thrive LXP,
    /// Lucid, LUSID and others), plus the RFC 7644 examples the brief names: schema, attribute,
    /// canonical filter, sub-attribute.
    static let seedPaths: [(String, String?, String, String?, String?)] = [
        ("userName", nil, "userName", nil, nil),
        ("title", nil, "title", nil, nil),
        ("active", nil, "active", nil, nil),
        ("emails[type eq \"work\"].value", nil, "emails", "type eq \"work\"", "value"),
        ("preferredLanguage", nil, "preferredLanguage", nil, nil),
        ("name.givenName", nil, "name", nil, "givenName"),
        ("name.familyName", nil, "name", nil, "familyName"),
        ("name.formatted", nil, "name", nil, "formatted"),
        ("timezone", nil, "timezone", nil, nil),
        ("displayName", nil, "displayName", nil, nil),
        ("externalId", nil, "externalId", nil, nil),
        ("members", nil, "members", nil, nil),
        ("addresses[type eq \"work\"].streetAddress", nil, "addresses", "type eq \"work\"", "streetAddress"),
        ("urn:ietf:params:scim:schemas:core:2.0:User:userName", SCIMURN.user, "userName", nil, nil),
        ("urn:ietf:params:scim:schemas:core:2.0:User:xxxx", SCIMURN.user, "xxxx", nil, nil),
        (
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
            SCIMURN.enterpriseUser, "manager", nil, nil
        ),
        (
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
            SCIMURN.enterpriseUser, "employeeNumber", nil, nil
        ),
        (
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter",
            SCIMURN.enterpriseUser, "costCenter", nil, nil
        ),
        (
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organisation",
            SCIMURN.enterpriseUser, "organisation", nil, nil
        ),
        (
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:division",
            SCIMURN.enterpriseUser, "division", nil, nil
        ),
        (
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
            SCIMURN.enterpriseUser, "department", nil, nil
        ),
        (
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:xxxx",
            SCIMURN.enterpriseUser, "xxxx", nil, nil
        ),
        (
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User:billingCode",
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User", "billingCode", nil, nil
        ),
        (
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.Lucidchart",
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User", "productLicenses", nil, "Lucidchart"
        ),
        (
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.LucidscaleCreator",
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User", "productLicenses", nil, "LucidscaleCreator"
        ),
        (
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.LucidscaleExplorer",
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User", "productLicenses", nil, "LucidscaleExplorer"
        ),
        (
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.Lucidspark",
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User", "productLicenses", nil, "Lucidspark"
        ),
    ]

    func testParsesEverySeedPath() throws {
        for (text, schema, attribute, filter, subAttribute) in Self.seedPaths {
            let path = try AttributePath(parsing: text)
            XCTAssertEqual(path.schema, schema, text)
            XCTAssertEqual(path.attribute, attribute, text)
            XCTAssertEqual(path.filter?.description, filter, text)
            XCTAssertEqual(path.subAttribute, subAttribute, text)
            XCTAssertEqual(path.description, text, "seed paths are already canonical")
        }
    }

    func testParsedFilterTree() throws {
        let path = try AttributePath(parsing: "emails[type eq \"work\"].value")
        XCTAssertEqual(path, AttributePath(
            attribute: "emails",
            filter: .compare(AttributePath(attribute: "type"), .eq, .string("work")),
            subAttribute: "value"
        ))
    }

    // MARK: - Filters

    func testFilterGrammarAndCanonicalText() throws {
        let cases: [(String, String)] = [
            ("emails[type eq \"work\" and primary eq true]", "emails[type eq \"work\" and primary eq true]"),
            ("emails[TYPE EQ \"work\"]", "emails[TYPE eq \"work\"]"),
            ("emails[type  eq   \"work\"]", "emails[type eq \"work\"]"),
            ("emails[type eq\"work\"]", "emails[type eq \"work\"]"),
            ("emails[(type eq \"work\")]", "emails[type eq \"work\"]"),
            ("emails[not (type eq \"work\")]", "emails[not (type eq \"work\")]"),
            ("emails[NOT(type eq \"work\") Or value co \"@example.com\"]", "emails[not (type eq \"work\") or value co \"@example.com\"]"),
            (
                "phoneNumbers[(type eq \"work\" or type eq \"mobile\") and primary pr].value",
                "phoneNumbers[(type eq \"work\" or type eq \"mobile\") and primary pr].value"
            ),
            ("emails[a pr or b pr and c pr]", "emails[a pr or b pr and c pr]"),
            ("emails[a pr and (b pr and c pr)]", "emails[a pr and b pr and c pr]"),
            ("emails[(a pr or b pr) or c pr]", "emails[a pr or b pr or c pr]"),
            ("x[n ge -1.5e3]", "x[n ge -1.5e3]"),
            ("x[n lt 0]", "x[n lt 0]"),
            ("x[a eq null]", "x[a eq null]"),
            ("x[a ne FALSE]", "x[a ne false]"),
            ("x[a sw \"q\\\"b\\\\c\\u00e9\\n\"]", "x[a sw \"q\\\"b\\\\cé\\n\"]"),
            ("x[a ew \"\\ud83d\\ude00\"]", "x[a ew \"😀\"]"),
            ("members[$ref eq \"https://example.com/Users/1\"]", "members[$ref eq \"https://example.com/Users/1\"]"),
            ("members.$ref", "members.$ref"),
            ("x[not eq 1]", "x[not eq 1]"),
            ("x[and eq 1 and or pr]", "x[and eq 1 and or pr]"),
            ("x[a gt 1 and b le 2 and c co \"\"]", "x[a gt 1 and b le 2 and c co \"\"]"),
        ]
        for (text, canonical) in cases {
            let path = try AttributePath(parsing: text)
            XCTAssertEqual(path.description, canonical, text)
            XCTAssertEqual(try AttributePath(parsing: canonical), path, "canonical text parses to the same path: \(text)")
        }
    }

    func testFilterOperatorsAndValues() throws {
        let path = try AttributePath(parsing: "x[a eq \"s\" or b ne 2 or c co true or d sw null or e pr]")
        XCTAssertEqual(path.filter, .or([
            .compare(AttributePath(attribute: "a"), .eq, .string("s")),
            .compare(AttributePath(attribute: "b"), .ne, .number("2")),
            .compare(AttributePath(attribute: "c"), .co, .boolean(true)),
            .compare(AttributePath(attribute: "d"), .sw, .null),
            .present(AttributePath(attribute: "e")),
        ]))
        XCTAssertEqual(path.filter?.attributePaths.map(\.attribute), ["a", "b", "c", "d", "e"])
        XCTAssertEqual(SCIMFilter.ComparisonOperator.allCases.map(\.rawValue), ["eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le"])
    }

    func testProgrammaticPathsPrintCanonically() {
        let path = AttributePath(
            schema: SCIMURN.enterpriseUser,
            attribute: "manager",
            subAttribute: "value"
        )
        XCTAssertEqual(path.description, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value")
        let negated = AttributePath(attribute: "emails", filter: .not(.and([
            .present(AttributePath(attribute: "value")),
            .or([.present(AttributePath(attribute: "a")), .present(AttributePath(attribute: "b"))]),
        ])))
        XCTAssertEqual(negated.description, "emails[not (value pr and (a pr or b pr))]")
    }

    // MARK: - Malformed paths

    func testMalformedPathsReportMessageAndOffset() {
        let deep = "emails[" + String(repeating: "(", count: 40) + "a pr" + String(repeating: ")", count: 40) + "]"
        let cases: [(String, String, Int)] = [
            ("", "empty attribute path", 0),
            ("emails[type eq \"work\"", "expected ']' to close the value filter", 21),
            (
                "emails[type equals \"work\"].value",
                "unknown operator 'equals'; expected one of eq, ne, co, sw, ew, gt, lt, ge, le, pr", 12
            ),
            ("1userName", "attribute name must start with a letter", 0),
            (".name", "attribute name must start with a letter", 0),
            ("$refx", "attribute name must start with a letter", 0),
            ("name.", "expected an attribute name after '.'", 5),
            ("name..givenName", "expected an attribute name after '.'", 5),
            ("name.1st", "attribute name must start with a letter", 5),
            ("name.givenName.first", "unexpected '.' after sub-attribute 'givenName'", 14),
            ("name.givenName[type eq \"x\"]", "unexpected '[' after sub-attribute 'givenName'", 14),
            ("emails[]", "empty value filter", 7),
            ("emails[", "expected ']' to close the value filter", 7),
            ("emails[type eq work]", "invalid value 'work'; expected a quoted string, a number, true, false or null", 15),
            ("emails[type eq 01]", "invalid value '01'; expected a quoted string, a number, true, false or null", 15),
            ("emails[type eq \"work]", "unclosed string value; add the closing '\"'", 15),
            ("emails[type eq \"a\\q\"]", "invalid escape '\\q' in string", 17),
            ("emails[type eq \"\\ud800\"]", "unpaired UTF-16 surrogate '\\ud800' in string", 16),
            ("emails[type eq]", "expected a value after 'eq'", 14),
            ("emails[type]", "expected an operator after 'type'", 11),
            ("emails[type eq \"work\"]value", "expected '.' or the end of the path after ']'", 22),
            ("emails[type eq \"work\"][value pr]", "expected '.' or the end of the path after ']'", 22),
            (
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:",
                "expected an attribute name after ':'", 59
            ),
            (":userName", "expected a schema URN before ':'", 0),
            ("urn:foo bar:x", "invalid character U+0020 in schema URN", 7),
            ("user Name", "unexpected whitespace in attribute path", 4),
            ("userName ", "unexpected whitespace in attribute path", 8),
            ("user@name", "invalid character '@' in attribute name", 4),
            ("members]", "unexpected ']' without a matching '['", 7),
            ("emails[type eq \"work\" or]", "expected a filter expression after 'or'", 24),
            ("emails[value pr and]", "expected a filter expression after 'and'", 19),
            ("emails[not type eq \"work\"]", "expected '(' after 'not'", 11),
            ("emails[(type eq \"work\"]", "expected ')' to close '('", 22),
            ("emails[type eq \"work\")]", "unexpected ')' without a matching '('", 21),
            ("emails[type eq \"work\" value]", "expected 'and', 'or' or ']' but found 'value'", 22),
            ("emails[type[value eq 1]]", "a value filter cannot contain another value filter", 11),
            ("emails[\"work\" eq type]", "expected an attribute name, 'not' or '('", 7),
            ("emails[type. eq 1]", "expected an attribute name after '.'", 12),
            (deep, "parentheses nest too deeply (more than 32 levels)", 39),
        ]
        for (text, message, offset) in cases {
            XCTAssertThrowsError(try AttributePath(parsing: text), text) { error in
                let found = (error as? AttributePathError).map { "\($0.message) at \($0.offset)" }
                XCTAssertEqual(found, "\(message) at \(offset)", text)
            }
        }
    }

    // MARK: - Hostile input

    /// Random and mutated paths from a fixed seed: every one parses or fails with an offset inside
    /// the text, and whatever parses prints canonical text that parses back to the same path.
    func testRandomInputNeverCrashes() {
        var random = SplitMix64(seed: 0x5C1A_2024)
        let alphabet = Array("abcXYZ019.:[]()\" \\$-_eqandortpr\u{0}é😀\t".unicodeScalars)
        let seeds = Self.seedPaths.map(\.0) + [
            "phoneNumbers[(type eq \"work\" or type eq \"mobile\") and not (primary pr)].value",
            "x[a sw \"\\u00e9\\\\\" and b ge -1.5e3]",
        ]
        var parsed = 0
        for round in 0..<6000 {
            var scalars: [Unicode.Scalar]
            if round % 2 == 0 {
                scalars = (0..<random.next(upTo: 40)).map { _ in alphabet[random.next(upTo: alphabet.count)] }
            } else {
                scalars = Array(seeds[random.next(upTo: seeds.count)].unicodeScalars)
                for _ in 0...random.next(upTo: 3) {
                    let index = random.next(upTo: scalars.count + 1)
                    let scalar = alphabet[random.next(upTo: alphabet.count)]
                    switch random.next(upTo: 3) {
                    case 0: scalars.insert(scalar, at: index)
                    case 1 where index < scalars.count: scalars.remove(at: index)
                    default: if index < scalars.count { scalars[index] = scalar }
                    }
                }
            }
            let text = String(String.UnicodeScalarView(scalars))
            do {
                let path = try AttributePath(parsing: text)
                parsed += 1
                XCTAssertEqual(try AttributePath(parsing: path.description), path, text)
                _ = SCIMCatalog.resolve(path, resource: .user)
                _ = SCIMCatalog.resolve(path, resource: .group)
            } catch {
                XCTAssertTrue((0...scalars.count).contains(error.offset), "\(text): offset \(error.offset)")
                XCTAssertFalse(error.message.isEmpty)
            }
        }
        XCTAssertGreaterThan(parsed, 500, "the mutations keep enough inputs valid to test the round trip")
    }

    func testDeepAndLongInputs() throws {
        let nots = "x[" + String(repeating: "not (", count: 10_000) + "a pr" + String(repeating: ")", count: 10_000) + "]"
        XCTAssertThrowsError(try AttributePath(parsing: nots))
        let long = "x[" + Array(repeating: "a pr", count: 5_000).joined(separator: " or ") + "]"
        let path = try AttributePath(parsing: long)
        guard case .or(let operands) = path.filter else { return XCTFail("expected an 'or'") }
        XCTAssertEqual(operands.count, 5_000, "a long chain stays flat")
        XCTAssertEqual(path.description, long)
    }
}
