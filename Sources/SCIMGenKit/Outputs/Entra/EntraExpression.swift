/// An expression of Microsoft Entra's attribute-mapping language, parsed: what an administrator
/// types as a mapping's source, such as `Switch([IsSoftDeleted], , "False", "True", "True", "False")`.
///
/// The language, from Microsoft's "Reference for writing expressions for attribute mappings in
/// Microsoft Entra ID": function calls `Name(argument, …)` that nest, attributes in square brackets
/// (`[givenName]`), strings in double quotes whose `\` escapes the next character (`"say \"hi\""`),
/// arguments left empty to skip an optional parameter (`Replace([mail], "@contoso.com", , , "", , )`),
/// numbers (`Mid([userPrincipalName], 1, 8)`, `DateAdd("d", -10, …)`), VBA hex numbers (`&HF7`),
/// bare words (`vbBinaryCompare`), and inside an argument a comparison with `=`, `<>`, `<`, `<=`,
/// `>` or `>=` (`IIF([country]="USA", [country], [department])`). `EntraExpressionParser` reads it.
struct EntraExpression: Sendable, Hashable {
    /// What a node is.
    indirect enum Kind: Sendable, Hashable {
        /// `[name]`: an attribute of the source object.
        case attribute(String)
        /// `"text"`: a string, its escapes resolved.
        case string(String)
        /// A number or bare word as written (`8`, `-10`, `&HF7`, `vbBinaryCompare`).
        case literal(String)
        /// `Name(arguments)`; an argument left empty is nil.
        case call(name: String, arguments: [EntraExpression?])
        /// `left op right`, allowed only as a function's argument.
        case comparison(EntraExpression, operator: String, EntraExpression)
    }

    /// What this node is.
    var kind: Kind
    /// Where the node starts in the expression text, in Unicode scalars from 0.
    var offset: Int

    /// The expression as Microsoft Graph writes it in an `attributeMappingSource`: arguments
    /// separated by `, `, empty arguments empty, strings quoted with `\` before `\` and `"`.
    /// Graph's `parseExpression` answers `Replace([preferredLanguage], "-", , , "_", ,  )` with
    /// `Replace([preferredLanguage], "-", , , "_", , )`, so two sources that differ only in spacing
    /// are the same source.
    var canonical: String {
        switch kind {
        case .attribute(let name): return "[\(name)]"
        case .string(let value): return Self.quoted(value)
        case .literal(let text): return text
        case .call(let name, let arguments):
            return name + "(" + arguments.map { $0?.canonical ?? "" }.joined(separator: ", ") + ")"
        case .comparison(let left, let op, let right):
            return "\(left.canonical) \(op) \(right.canonical)"
        }
    }

    /// The source attributes the expression reads, in order, each once.
    var references: [String] {
        var found: [String] = []
        visit { node in
            if case .attribute(let name) = node.kind, !found.contains(name) { found.append(name) }
        }
        return found
    }

    /// Every comparison, in order, for the checks that refuse them where Graph's form is unknown.
    var comparisons: [EntraExpression] {
        var found: [EntraExpression] = []
        visit { node in
            if case .comparison = node.kind { found.append(node) }
        }
        return found
    }

    /// Calls `body` with this node and every node inside it, depth first, left to right.
    func visit(_ body: (EntraExpression) -> Void) {
        body(self)
        switch kind {
        case .attribute, .string, .literal: break
        case .call(_, let arguments):
            for argument in arguments { argument?.visit(body) }
        case .comparison(let left, _, let right):
            left.visit(body)
            right.visit(body)
        }
    }

    /// A string constant as the expression language writes it.
    static func quoted(_ value: String) -> String {
        var result = "\""
        for character in value.unicodeScalars {
            if character == "\\" || character == "\"" { result.unicodeScalars.append("\\") }
            result.unicodeScalars.append(character)
        }
        return result + "\""
    }
}
