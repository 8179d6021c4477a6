import Foundation

/// A descriptor's mapping source as Microsoft Entra shows and stores it: the admin center's
/// mapping type, the text an administrator sees, and Graph's `attributeMappingSource`.
struct EntraSource: Hashable, Sendable {
    /// The admin center's "Mapping type" of an attribute mapping.
    enum MappingType: String, Hashable, Sendable {
        /// An attribute of the Entra object (Graph's `Attribute` source).
        case direct = "Direct"
        /// A script-like expression (Graph's `Function` source).
        case expression = "Expression"
        /// A fixed string (Graph's `Constant` source).
        case constant = "Constant"
    }

    /// The mapping type.
    var mappingType: MappingType
    /// What the admin center shows: the source attribute, the expression as Graph writes it, or the constant.
    var text: String
    /// Graph's `attributeMappingSource`, with the parsed parameter tree of an expression.
    var graphValue: JSONValue
    /// The source attributes it reads.
    var references: [String]

    /// Describes a descriptor's source. An expression that is a lone `[attribute]` is a direct
    /// mapping and a lone string a constant, as Entra stores them. An expression that cannot be
    /// published (`DescriptorValidator` reports why) keeps its text with no parameters.
    init(_ source: MappingSource) {
        switch source {
        case .attribute(let name):
            self.init(tree: EntraExpression(kind: .attribute(name), offset: 0))
        case .constant(let value):
            self.init(tree: EntraExpression(kind: .string(value), offset: 0))
        case .expression(let text):
            if let tree = try? EntraExpressionParser.parse(text), tree.publishingProblems.isEmpty, tree.graphSource != nil {
                self.init(tree: tree)
            } else {
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                let name = String(trimmed.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces)
                self.init(
                    mappingType: .expression, text: trimmed,
                    graphValue: [
                        "expression": .string(trimmed), "name": .string(name.isEmpty ? trimmed : name), "parameters": [],
                        "type": "Function",
                    ],
                    references: (try? EntraExpressionParser.parse(text))?.references ?? [])
            }
        }
    }

    private init(mappingType: MappingType, text: String, graphValue: JSONValue, references: [String]) {
        self.mappingType = mappingType
        self.text = text
        self.graphValue = graphValue
        self.references = references
    }

    private init(tree: EntraExpression) {
        switch tree.kind {
        case .attribute(let name):
            (mappingType, text) = (.direct, name)
        case .string(let value):
            (mappingType, text) = (.constant, value)
        case .literal(let value):
            (mappingType, text) = (.constant, value)
        case .call, .comparison:
            (mappingType, text) = (.expression, tree.canonical)
        }
        graphValue = tree.graphSource ?? .null
        references = tree.references
    }

    /// Graph's source type: `Attribute`, `Function` or `Constant`.
    var graphType: String {
        switch mappingType {
        case .direct: return "Attribute"
        case .expression: return "Function"
        case .constant: return "Constant"
        }
    }

    /// The expression as Graph writes it (`[mail]`, `Not([IsSoftDeleted])`, `"text"`).
    var expression: String {
        if case .string(let text)? = graphValue["expression"] { return text }
        return text
    }
}
