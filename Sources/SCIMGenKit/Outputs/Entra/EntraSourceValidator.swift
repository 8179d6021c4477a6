/// Checks the sources of a descriptor's attribute rows with Entra's expression parser, so that
/// `validate` finds what `entra-mappings.json` could not publish: an expression that does not
/// parse, an unknown function, a wrong number of arguments, a comparison, or an attribute source
/// that is really an expression.
enum EntraSourceValidator {
    /// The problems of every row of a table, each located in the row's source string.
    static func validate(_ table: AttributeTable, context: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, row) in table.attributes.enumerated() {
            found += validate(row, context: "\(context).attributes[\(index)]")
        }
        return found
    }

    /// The problems of one row's source.
    static func validate(_ row: AttributeMapping, context: String) -> [Diagnostic] {
        switch row.source {
        case nil, .constant:
            return []
        case .attribute(let name):
            guard name.unicodeScalars.contains(where: { "[]()\"".unicodeScalars.contains($0) }) else { return [] }
            return [
                Diagnostic(
                    .error,
                    "'\(context).source' names a source attribute, such as 'mail', but '\(name)' is an expression; write it as 'expression' instead",
                    at: row.sourceOrigin.location ?? row.origin.location)
            ]
        case .expression(let text):
            let problems: [EntraExpressionParser.Problem]
            do {
                problems = try EntraExpressionParser.parse(text).publishingProblems
            } catch {
                problems = [error]
            }
            return problems.map { problem in
                Diagnostic(
                    .error, "'\(context).expression': \(problem.message)",
                    at: row.sourceOrigin.location(ofCharacter: problem.offset) ?? row.origin.location)
            }
        }
    }
}
