import XCTest
@testable import SCIMGenKit

/// Source attributes found in Entra expressions, and sources written as Graph writes them.
final class EntraExpressionTests: XCTestCase {
    func testReferences() {
        let table: [(String, [String])] = [
            ("[mail]", ["mail"]),
            (#"Switch([IsSoftDeleted], , "False", "True", "True", "False")"#, ["IsSoftDeleted"]),
            (#"Join(" ", [givenName], [surname])"#, ["givenName", "surname"]),
            (#"Join("[not an attribute]", [givenName], [givenName])"#, ["givenName"]),
            (#"Replace([mail], "\"@\"", , , "_", , )"#, ["mail"]),
            (#"IIF([userType]="Guest", "guest", Left([ givenName ], 1))"#, ["userType", "givenName"]),
            (#""just a constant""#, []),
            ("", []),
        ]
        for (expression, expected) in table {
            XCTAssertEqual(try EntraExpression.references(in: expression), expected, expression)
        }
    }

    func testProblems() {
        let table: [(String, String)] = [
            ("Not([IsSoftDeleted)", "'[' at character 5 is never closed"),
            ("Trim([])", "'[' at character 6 does not enclose an attribute name"),
            ("Trim(mail])", "']' at character 10 closes nothing"),
            (#"Join(" , [mail])"#, "the string that starts at character 6 is never closed"),
            (#"Join("\", [mail])"#, "the string that starts at character 6 is never closed"),
        ]
        for (expression, message) in table {
            XCTAssertThrowsError(try EntraExpression.references(in: expression), expression) { error in
                XCTAssertEqual((error as? EntraExpression.Problem)?.message, message, expression)
            }
        }
    }

    func testDescribe() {
        let table: [(MappingSource, String, String, String)] = [
            (.attribute("mail"), "[mail]", "mail", "Attribute"),
            (.expression(" [mail] "), "[mail]", "mail", "Attribute"),
            (.expression("Not([IsSoftDeleted])"), "Not([IsSoftDeleted])", "Not", "Function"),
            (.expression("[a] & [b]"), "[a] & [b]", "[a] & [b]", "Function"),
            (.constant(#"C:\x "y""#), #""C:\\x \"y\"""#, #"C:\x "y""#, "Constant"),
        ]
        for (source, expression, name, type) in table {
            let described = EntraExpression.describe(source)
            XCTAssertEqual([described.expression, described.name, described.type], [expression, name, type], "\(source)")
        }
    }
}
