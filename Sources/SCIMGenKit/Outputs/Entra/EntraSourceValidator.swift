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
                let (location, exact) = locate(problem.offset, in: text, row: row)
                let position = exact ? "" : " (at character \(problem.offset + 1) of the expression)"
                return Diagnostic(.error, "'\(context).expression': \(problem.message)\(position)", at: location)
            }
        }
    }

    /// Where character `offset` of the source text is in the descriptor, and whether exactly.
    ///
    /// The string's opening quote is known; the character is `offset + 1` columns further when the
    /// JSON string holds no escapes and no line breaks. A string with characters JSON must escape
    /// (`"`, `\`, control characters) is located at its opening quote, and the message gives the
    /// character's position in the expression instead.
    static func locate(_ offset: Int, in text: String, row: AttributeMapping) -> (SourceLocation?, Bool) {
        guard let start = row.sourceOrigin.location else { return (row.origin.location, false) }
        let needsEscapes = text.unicodeScalars.contains { $0 == "\"" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }
        guard !needsEscapes else { return (start, false) }
        return (SourceLocation(file: start.file, line: start.line, column: start.column + 1 + offset), true)
    }
}
