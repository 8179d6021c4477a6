import Foundation

/// Just enough of Microsoft Entra's expression language to write mapping sources and to find the
/// source attributes an expression reads (`[givenName]`), skipping string literals.
enum EntraExpression {
    /// Why an expression could not be scanned.
    struct Problem: Error, Hashable, Sendable {
        /// Lowercase text, such as `'[' at character 9 is never closed`.
        var message: String
    }

    /// A source as Graph writes it: the expression text, the name (attribute, constant value or
    /// function) and the type (`Attribute`, `Constant` or `Function`).
    static func describe(_ source: MappingSource) -> (expression: String, name: String, type: String) {
        switch source {
        case .attribute(let name):
            return ("[\(name)]", name, "Attribute")
        case .constant(let value):
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return ("\"\(escaped)\"", value, "Constant")
        case .expression(let text):
            let expression = text.trimmingCharacters(in: .whitespacesAndNewlines)
            // `[mail]` written as an expression is a plain attribute mapping.
            if let only = try? references(in: expression), only.count == 1, expression == "[\(only[0])]" {
                return (expression, only[0], "Attribute")
            }
            let name = expression.prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces)
            let isCall = expression.contains("(") && !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            return (expression, isCall ? name : expression, "Function")
        }
    }

    /// The source attributes an expression reads, in order, each once.
    static func references(in expression: String) throws(Problem) -> [String] {
        var found: [String] = []
        let characters = Array(expression)
        var index = 0
        var stringStart: Int?
        while index < characters.count {
            let character = characters[index]
            if stringStart != nil {
                if character == "\\" {
                    index += 1
                } else if character == "\"" {
                    stringStart = nil
                }
            } else if character == "\"" {
                stringStart = index
            } else if character == "[" {
                guard let close = characters[(index + 1)...].firstIndex(of: "]") else {
                    throw Problem(message: "'[' at character \(index + 1) is never closed")
                }
                let name = String(characters[(index + 1)..<close]).trimmingCharacters(in: .whitespaces)
                if name.isEmpty || name.contains("[") || name.contains("\"") {
                    throw Problem(message: "'[' at character \(index + 1) does not enclose an attribute name")
                }
                if !found.contains(name) { found.append(name) }
                index = close
            } else if character == "]" {
                throw Problem(message: "']' at character \(index + 1) closes nothing")
            }
            index += 1
        }
        if let start = stringStart {
            throw Problem(message: "the string that starts at character \(start + 1) is never closed")
        }
        return found
    }
}
