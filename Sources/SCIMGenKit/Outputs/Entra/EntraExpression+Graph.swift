// Expressions written as Microsoft Graph's `attributeMappingSource`, and the checks that make sure
// a descriptor's expression can be written that way.

extension EntraExpression {
    /// The node as Graph's `attributeMappingSource`, keys in Graph's (alphabetical) order:
    ///
    /// - `[mail]`: `{"expression": "[mail]", "name": "mail", "parameters": [], "type": "Attribute"}`;
    /// - a string or number is a Constant whose expression is quoted and whose name is the value
    ///   (`8` in `Mid([userPrincipalName], 1, 8)` is `{"expression": "\"8\"", "name": "8", …}`,
    ///   as in Microsoft's samples);
    /// - a call is a Function named after it, with one `{"key", "value"}` parameter per argument
    ///   that is not empty, keyed as `EntraFunctions` names them.
    ///
    /// Nil when the tree holds a comparison or an unknown function: Graph documents no form for
    /// the first and no parameter names for the second. `checkedForPublishing` refuses both.
    var graphSource: JSONValue? {
        switch kind {
        case .attribute(let name):
            return Self.source(expression: canonical, name: name, parameters: [], type: "Attribute")
        case .string(let value):
            return Self.source(expression: canonical, name: value, parameters: [], type: "Constant")
        case .literal(let text):
            return Self.source(expression: Self.quoted(text), name: text, parameters: [], type: "Constant")
        case .comparison:
            return nil
        case .call(let name, let arguments):
            guard let signature = EntraFunctions.all[name] else { return nil }
            var parameters: [JSONValue] = []
            for (index, argument) in arguments.enumerated() {
                guard let argument else { continue }
                guard let value = argument.graphSource else { return nil }
                parameters.append(["key": .string(signature.key(at: index)), "value": value])
            }
            return Self.source(expression: canonical, name: name, parameters: parameters, type: "Function")
        }
    }

    /// The problems that keep a parsed expression out of a published mapping, each at its node:
    /// unknown functions (with a suggestion), wrong argument counts, and comparisons.
    var publishingProblems: [EntraExpressionParser.Problem] {
        var problems: [EntraExpressionParser.Problem] = []
        visit { node in
            switch node.kind {
            case .comparison(_, let op, _):
                problems.append(.init(message: Message.comparison(op), offset: node.offset))
            case .call(let name, let arguments):
                guard let signature = EntraFunctions.all[name] else {
                    problems.append(
                        .init(
                            message: "unknown function '\(name)'" + Suggestion.didYouMean(name, in: EntraFunctions.names)
                                + Message.unknownFunctionHint,
                            offset: node.offset))
                    return
                }
                if let message = Message.arity(name, signature, count: arguments.count) {
                    problems.append(.init(message: message, offset: node.offset))
                } else if name == "Switch" && arguments.count % 2 != 0 {
                    problems.append(.init(message: Message.switchPairs, offset: node.offset))
                }
            case .attribute, .string, .literal:
                break
            }
        }
        return problems
    }
}

// MARK: - Helpers

private extension EntraExpression {
    static func source(expression: String, name: String, parameters: [JSONValue], type: String) -> JSONValue {
        ["expression": .string(expression), "name": .string(name), "parameters": .array(parameters), "type": .string(type)]
    }

    enum Message {
        static let switchPairs =
            "'Switch' takes its keys and values in pairs after the source and the default value; add the missing value"
        static let unknownFunctionHint =
            "; Entra's function names are case-sensitive and listed in its expression reference"

        static func comparison(_ op: String) -> String {
            "'\(op)' compares two values, and Microsoft Graph documents no parsed form of a comparison that scimgen could publish; use Switch([attribute], default, key, value, …) instead"
        }

        static func arity(_ name: String, _ signature: EntraFunctions.Signature, count: Int) -> String? {
            let takes: String
            if let maximum = signature.maximum {
                guard count < signature.minimum || count > maximum else { return nil }
                takes = signature.minimum == maximum
                    ? "\(maximum) argument\(maximum == 1 ? "" : "s")"
                    : "\(signature.minimum) to \(maximum) arguments"
            } else {
                guard count < signature.minimum else { return nil }
                takes = "at least \(signature.minimum) argument\(signature.minimum == 1 ? "" : "s")"
            }
            let list = signature.parameters.isEmpty ? "" : " (\(signature.list))"
            let hint = count < signature.minimum
                ? "; leave an optional argument empty rather than out, as in 'Replace([mail], \"@\", , , \"_\", , )'" : ""
            return "'\(name)' takes \(takes)\(list), not \(count)\(hint)"
        }
    }
}
