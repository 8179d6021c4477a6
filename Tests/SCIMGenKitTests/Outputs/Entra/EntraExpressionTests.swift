import XCTest
@testable import SCIMGenKit

/// Entra's expression language: parsing, Graph's canonical text and parameter trees, and the
/// problems a descriptor's expression can have.
final class EntraExpressionTests: XCTestCase {
    // MARK: - Microsoft's samples

    /// Every Function source in Microsoft's samples, and Graph's `parseExpression` example, parses
    /// to exactly the tree the sample carries.
    func testEveryFunctionSourceOfTheSamplesParsesToItsTree() throws {
        var sources: [JSONValue] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: EntraTestSupport.samples.path).sorted() where name.hasSuffix(".json") {
            let value = try EntraTestSupport.parse(Array(try Data(contentsOf: EntraTestSupport.samples.appendingPathComponent(name))))
            sources += Self.functionSources(in: value)
        }
        // Graph's "synchronizationSchema: parseExpression" response, as the page shows it.
        sources.append(try EntraTestSupport.parse(Array(Self.parseExpressionResponse.utf8)))
        XCTAssertEqual(
            sources.compactMap { $0["expression"]?.string },
            [
                "Not([IsSoftDeleted])", "Not([IsSoftDeleted])", "Mid([userPrincipalName], 1, 8)",
                #"Replace([preferredLanguage], "-", , , "_", , )"#, "SingleAppRoleAssignment([appRoleAssignments])",
                #"Replace([preferredLanguage], "-", , , "_", , )"#,
            ])
        for source in sources {
            let text = try XCTUnwrap(source["expression"]?.string)
            let tree = try EntraExpressionParser.parse(text)
            XCTAssertEqual(tree.canonical, text)
            XCTAssertEqual(tree.publishingProblems, [], text)
            XCTAssertEqual(tree.graphSource.map(Self.sorted), Self.sorted(source), text)
        }
    }

    func testGraphRewritesSpacingAsItsParseExpressionExampleDoes() throws {
        // The request of Graph's example has two spaces before ')'; the answer has one.
        XCTAssertEqual(
            try EntraExpressionParser.parse(#"Replace([preferredLanguage], "-", , , "_", ,  )"#).canonical,
            #"Replace([preferredLanguage], "-", , , "_", , )"#)
    }

    // MARK: - The language

    func testCanonicalText() throws {
        let table: [(String, String)] = [
            ("[mail]", "[mail]"),
            ("[ givenName ]", "[givenName]"),
            (#""United States""#, #""United States""#),
            (#""Company name: \"Contoso\"""#, #""Company name: \"Contoso\"""#),
            (#""C:\\x""#, #""C:\\x""#),
            ("Guid()", "Guid()"),
            ("Now( )", "Now()"),
            (#"Join(" ",[givenName],[surname])"#, #"Join(" ", [givenName], [surname])"#),
            (#"Switch([IsSoftDeleted], , "False", "True", "True", "False")"#, #"Switch([IsSoftDeleted], , "False", "True", "True", "False")"#),
            (#"Replace([mail], "@contoso.com", , ,"", ,)"#, #"Replace([mail], "@contoso.com", , , "", , )"#),
            (#"DateAdd("d", -10, CDate([StatusHireDate]))"#, #"DateAdd("d", -10, CDate([StatusHireDate]))"#),
            ("BitAnd(&HF, &HF7)", "BitAnd(&HF, &HF7)"),
            (#"InStr("repEated","e",3,vbBinaryCompare)"#, #"InStr("repEated", "e", 3, vbBinaryCompare)"#),
            (#"IIF([country]="USA",[country],[department])"#, #"IIF([country] = "USA", [country], [department])"#),
            (#"IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True")"#, #"IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True")"#),
            ("CBool([a]<>[b])", "CBool([a] <> [b])"),
            ("Join(\"\", 1000, 1.5)", "Join(\"\", 1000, 1.5)"),
            ("  Not(\n[IsSoftDeleted]\t)  ", "Not([IsSoftDeleted])"),
        ]
        for (input, canonical) in table {
            XCTAssertEqual(try EntraExpressionParser.parse(input).canonical, canonical, input)
        }
    }

    func testReferences() throws {
        let table: [(String, [String])] = [
            ("[mail]", ["mail"]),
            (#"Switch([IsSoftDeleted], , "False", "True", "True", "False")"#, ["IsSoftDeleted"]),
            (#"Join("[not an attribute]", [givenName], [givenName])"#, ["givenName"]),
            (#"Replace([mail], "\"@\"", , , "_", , )"#, ["mail"]),
            (#"IIF([userType]="Guest", "guest", Left([ givenName ], 1))"#, ["userType", "givenName"]),
            (#""just a constant""#, []),
        ]
        for (expression, expected) in table {
            XCTAssertEqual(try EntraExpressionParser.parse(expression).references, expected, expression)
        }
    }

    /// Each problem with its message and the 0-based character it points at (marked `^` below the input).
    func testProblems() {
        let table: [(String, String, String)] = [
            ("", "", "the expression is empty; write a function call, an attribute such as '[mail]' or a string in double quotes"),
            ("Not([IsSoftDeleted)", "    ^", "'[' is never closed; end the attribute name with ']'"),
            ("Trim([])", "     ^", "'[]' names no attribute; write the source attribute's name between the brackets"),
            ("Trim(mail])", "         ^", "expected ',' or ')' after an argument of 'Trim', found ']'"),
            ("mail]", "    ^", "unexpected ']' after the end of the expression; an expression is one value or one function call"),
            ("]", "^", "']' closes nothing; remove it or add the '[' that opens the attribute name"),
            (#"Join(" , [mail])"#, "     ^", #"the string is never closed; end it with '"' (write '\"' for a quotation mark inside it)"#),
            (#"Join("\", [mail])"#, "     ^", #"the string is never closed; end it with '"' (write '\"' for a quotation mark inside it)"#),
            ("Join(\" \", [mail]", "    ^", "the '(' after 'Join' is never closed; add ')' after its last argument"),
            ("Join(\" \" [mail])", "         ^", "expected ',' or ')' after an argument of 'Join', found '['"),
            ("[a] = [b]", "    ^", "a comparison is allowed only as a function's argument, as in 'IIF([country]=\"USA\", [country], [department])'"),
            ("IIF([a] =, 1, 2)", "        ^", "'=' has nothing to compare with; write a value after it"),
            ("Mid([a], ?, 1)", "         ^", "unexpected '?'; expected a function call, an attribute such as '[mail]', a string in double quotes or a number"),
            ("Mid([a], -x, 1)", "         ^", "unexpected '-'; expected a function call, an attribute such as '[mail]', a string in double quotes or a number"),
            ("BitAnd(&H, 1)", "       ^", "'&H' is not followed by hexadecimal digits; write a number such as '&HF7'"),
            ("Not(", "   ^", "the '(' after 'Not' is never closed; add ')' after its last argument"),
            ("Not())", "     ^", "unexpected ')' after the end of the expression; an expression is one value or one function call"),
        ]
        for (expression, marker, message) in table {
            XCTAssertThrowsError(try EntraExpressionParser.parse(expression), expression) { error in
                let problem = error as? EntraExpressionParser.Problem
                XCTAssertEqual(problem?.message, message, expression)
                XCTAssertEqual(problem?.offset, marker.count - 1 < 0 ? 0 : marker.count - 1, expression)
            }
        }
    }

    func testNestingIsBounded() throws {
        let deep = String(repeating: "Not(", count: 64) + "[a]" + String(repeating: ")", count: 64)
        XCTAssertNoThrow(try EntraExpressionParser.parse(deep))
        let tooDeep = String(repeating: "Not(", count: 65) + "[a]" + String(repeating: ")", count: 65)
        XCTAssertThrowsError(try EntraExpressionParser.parse(tooDeep)) { error in
            XCTAssertEqual(
                error as? EntraExpressionParser.Problem,
                .init(message: "functions are nested more than 64 deep; simplify the expression", offset: 256))
        }
        // A long flat expression is linear: 200,000 arguments parse.
        let wide = "Join(\"\"" + String(repeating: ", [a]", count: 200_000) + ")"
        XCTAssertEqual(try EntraExpressionParser.parse(wide).references, ["a"])
    }

    func testMutatedExpressionsNeverCrash() {
        let seeds = [
            #"Switch([IsSoftDeleted], , "False", "True", "True", "False")"#, #"Replace([mail], "\"@\"", , , "_", , )"#,
            #"IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True")"#,
        ]
        let alphabet = Array(#"[]()",\ =<>&H-1aZ"#.unicodeScalars)
        var random = SplitMix64(seed: 0xE7A)
        for _ in 0..<3000 {
            var scalars = Array(seeds[random.next(upTo: seeds.count)].unicodeScalars)
            for _ in 0..<(1 + random.next(upTo: 4)) {
                let position = random.next(upTo: scalars.count + 1)
                switch random.next(upTo: 3) {
                case 0: scalars.insert(alphabet[random.next(upTo: alphabet.count)], at: position)
                case 1 where position < scalars.count: scalars.remove(at: position)
                default: if position < scalars.count { scalars[position] = alphabet[random.next(upTo: alphabet.count)] }
                }
            }
            let text = String(String.UnicodeScalarView(scalars))
            do {
                let tree = try EntraExpressionParser.parse(text)
                // What parses is stable: its canonical text parses to the same canonical text.
                XCTAssertEqual(try EntraExpressionParser.parse(tree.canonical).canonical, tree.canonical, text)
            } catch {
                XCTAssertTrue((0...scalars.count).contains(error.offset), text)
                XCTAssertFalse(error.message.isEmpty)
            }
        }
    }

    // MARK: - Graph's trees and publishing

    func testGraphTreesUseEntrasParameterNames() throws {
        let switchTree = try XCTUnwrap(try EntraExpressionParser.parse(#"Switch([IsSoftDeleted], , "False", "True")"#).graphSource)
        XCTAssertEqual(
            JSONWriter.write(switchTree),
            """
            {
              "expression": "Switch([IsSoftDeleted], , \\"False\\", \\"True\\")",
              "name": "Switch",
              "parameters": [
                {
                  "key": "source",
                  "value": {
                    "expression": "[IsSoftDeleted]",
                    "name": "IsSoftDeleted",
                    "parameters": [],
                    "type": "Attribute"
                  }
                },
                {
                  "key": "switchValue",
                  "value": {
                    "expression": "\\"False\\"",
                    "name": "False",
                    "parameters": [],
                    "type": "Constant"
                  }
                },
                {
                  "key": "switchValue",
                  "value": {
                    "expression": "\\"True\\"",
                    "name": "True",
                    "parameters": [],
                    "type": "Constant"
                  }
                }
              ],
              "type": "Function"
            }

            """)
        let keys: [(String, [String])] = [
            (#"Join(" ", [givenName], [surname])"#, ["separator", "source", "source"]),
            (#"FormatDateTime([d], , "yyyyMMdd", "yyyy-MM-dd")"#, ["source", "inputFormat", "outputFormat"]),
            (#"Replace([UserID], "<username>", , , , , "<username>@contoso.com")"#, ["source", "Find", "Template"]),
            (#"Append(Mid([givenName], 1, 3), Mid([surname], 1, 5))"#, ["source", "suffix"]),
            (#"IIF(IsPresent([a]), [a], "x")"#, ["condition", "valueIfTrue", "valueIfFalse"]),
            (#"Word("The quick brown fox", 3, " ")"#, ["String", "WordNumber", "delimiters"]),
            ("Coalesce([mail], [userPrincipalName])", ["source", "source"]),
        ]
        for (expression, expected) in keys {
            let tree = try XCTUnwrap(try EntraExpressionParser.parse(expression).graphSource, expression)
            XCTAssertEqual(tree["parameters"]?.array?.compactMap { $0["key"]?.string }, expected, expression)
        }
        // A nested function keeps its own parsed tree.
        let nested = try XCTUnwrap(try EntraExpressionParser.parse("Append(Mid([givenName], 1, 3), \"x\")").graphSource)
        XCTAssertEqual(nested["parameters"]?.array?.first?["value"]?["parameters"]?.array?.count, 3)
        // No tree where Graph documents none.
        XCTAssertNil(try EntraExpressionParser.parse(#"IIF([a]="b", "c", "d")"#).graphSource)
        XCTAssertNil(try EntraExpressionParser.parse("Frobnicate([a])").graphSource)
    }

    func testPublishingProblems() throws {
        let table: [(String, [EntraExpressionParser.Problem])] = [
            ("Joni(\" \", [a], [b])", [.init(message: "unknown function 'Joni'; did you mean 'Join'?; Entra's function names are case-sensitive and listed in its expression reference", offset: 0)]),
            ("not([a])", [.init(message: "unknown function 'not'; did you mean 'Not'?; Entra's function names are case-sensitive and listed in its expression reference", offset: 0)]),
            ("Mid([a], 1)", [.init(message: "'Mid' takes 3 arguments (source, start, length), not 2; leave an optional argument empty rather than out, as in 'Replace([mail], \"@\", , , \"_\", , )'", offset: 0)]),
            ("Not([a], [b])", [.init(message: "'Not' takes 1 argument (source), not 2", offset: 0)]),
            ("Join(\" \")", [.init(message: "'Join' takes at least 2 arguments (separator, source, …), not 1; leave an optional argument empty rather than out, as in 'Replace([mail], \"@\", , , \"_\", , )'", offset: 0)]),
            ("Guid([a])", [.init(message: "'Guid' takes 0 arguments, not 1", offset: 0)]),
            (#"Switch([a], , "k", "v", "k2")"#, [.init(message: "'Switch' takes its keys and values in pairs after the source and the default value; add the missing value", offset: 0)]),
            (
                #"Append([a], IIF([b] = "x", "y", "z"))"#,
                [.init(message: "'=' compares two values, and Microsoft Graph documents no parsed form of a comparison that scimgen could publish; use Switch([attribute], default, key, value, …) instead", offset: 16)]
            ),
            (#"ToLower(Join(".", [a], [b]), "en-US")"#, []),
        ]
        for (expression, problems) in table {
            XCTAssertEqual(try EntraExpressionParser.parse(expression).publishingProblems, problems, expression)
        }
    }

    func testEntraSourcesOfDescriptorRows() {
        let table: [(MappingSource, String, String, String)] = [
            (.attribute("mail"), "Direct", "mail", "[mail]"),
            (.expression(" [mail] "), "Direct", "mail", "[mail]"),
            (.expression("Not( [IsSoftDeleted] )"), "Expression", "Not([IsSoftDeleted])", "Not([IsSoftDeleted])"),
            (.constant(#"C:\x "y""#), "Constant", #"C:\x "y""#, #""C:\\x \"y\"""#),
            (.expression(#""fixed""#), "Constant", "fixed", #""fixed""#),
            // Not publishable: the text as written, no parameters.
            (.expression(#"IIF([a]="b", "c", "d")"#), "Expression", #"IIF([a]="b", "c", "d")"#, #"IIF([a]="b", "c", "d")"#),
        ]
        for (source, type, text, expression) in table {
            let entra = EntraSource(source)
            XCTAssertEqual([entra.mappingType.rawValue, entra.text, entra.expression], [type, text, expression], "\(source)")
        }
        XCTAssertEqual(EntraSource(.expression(#"IIF([a]="b", "c", "d")"#)).graphValue["parameters"], [])
    }

    // MARK: - Helpers

    static let parseExpressionResponse = #"""
        {
            "expression": "Replace([preferredLanguage], \"-\", , , \"_\", , )",
            "name": "Replace",
            "parameters": [
                {"key": "source", "value": {"expression": "[preferredLanguage]", "name": "preferredLanguage", "parameters": [], "type": "Attribute"}},
                {"key": "Find", "value": {"expression": "\"-\"", "name": "-", "parameters": [], "type": "Constant"}},
                {"key": "Replacement", "value": {"expression": "\"_\"", "name": "_", "parameters": [], "type": "Constant"}}
            ],
            "type": "Function"
        }
        """#

    /// Every `attributeMappingSource` of type Function, outermost only.
    static func functionSources(in value: JSONValue) -> [JSONValue] {
        switch value {
        case .object(let members):
            if value["type"] == "Function", value["expression"] != nil { return [value] }
            return members.flatMap { functionSources(in: $0.value) }
        case .array(let items):
            return items.flatMap(functionSources)
        default:
            return []
        }
    }

    /// The value with every object's members sorted by key, for comparing trees whatever their key order.
    static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): return .object(members.map { .init($0.key, sorted($0.value)) }.sorted { $0.key < $1.key })
        case .array(let items): return .array(items.map(sorted))
        default: return value
        }
    }
}
