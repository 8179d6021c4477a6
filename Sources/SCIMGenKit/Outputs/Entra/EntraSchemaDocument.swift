/// A synchronization schema downloaded from a tenant, read for merging: the names, positions,
/// array indexes and settings of the parts the merge may look at. Everything else stays in the
/// JSON as it is.
///
/// Reading is lenient: each part keeps the problems found in its own members (a name that is not
/// a string, a duplicate key) instead of failing the whole document, because the merge leaves the
/// parts it does not touch as they are, whatever they hold. `EntraMergePlan` reports the problems
/// of the parts it touches. Unknown keys are ignored, so that keys Microsoft adds later survive.
struct EntraSchemaDocument {
    /// An attribute definition of a directory object, with the settings the merge never changes.
    struct Attribute {
        var index: Int
        var name: String
        var nameNode: JSONNode
        var node: JSONNode
        var anchor: Bool
        var required: Bool
        var multivalued: Bool
        /// Graph's type; `String` when absent, as Graph defaults it.
        var type: String
        var mutability: String?
        var caseExact: Bool?
        var problems: [Diagnostic]
    }

    /// An object of a directory, such as `User` or `urn:ietf:params:scim:schemas:core:2.0:Group`.
    struct Object {
        var index: Int
        var name: String?
        var node: JSONNode
        var attributes: [Attribute]
        var problems: [Diagnostic]

        /// The attribute with this name, compared ignoring case.
        func attribute(named name: String) -> Attribute? {
            attributes.first { $0.name.lowercased() == name.lowercased() }
        }
    }

    /// A directory, such as `Microsoft Entra ID` or `customappsso`.
    struct Directory {
        var index: Int
        var name: String?
        var node: JSONNode
        var objects: [Object]
        var problems: [Diagnostic]

        /// The object with this name, compared ignoring case.
        func object(named name: String) -> Object? {
            objects.first { $0.name?.lowercased() == name.lowercased() }
        }
    }

    /// A mapping's source as the tenant wrote it.
    struct Source {
        /// `Attribute`, `Constant` or `Function`; nil when absent.
        var type: String?
        /// The expression text; nil when absent.
        var expression: String?
        /// The `name` member (the attribute of an `Attribute` source).
        var name: String?
        /// The expression parsed, when it parses.
        var tree: EntraExpression?
        /// The source attributes it reads, its parameters included.
        var references: [String]
        var node: JSONNode
        /// The `expression` string, for locating a character of it.
        var expressionNode: JSONNode?

        /// Where `[name]` is written in the expression, or the source itself when the expression does not show it.
        func location(of reference: String, in file: String) -> SourceLocation {
            var offset: Int?
            tree?.visit { node in
                if offset == nil, case .attribute(let name) = node.kind, name == reference { offset = node.offset }
            }
            guard let offset, let expressionNode else { return node.location(in: file) }
            return expressionNode.location(in: file, ofCharacter: offset)
        }

        /// How the source reads in messages: the expression as Graph writes it.
        var text: String {
            if let tree { return tree.canonical }
            if let expression { return expression }
            if type?.lowercased() == "attribute", let name { return "[\(name)]" }
            return name ?? "?"
        }

        /// The admin center's mapping type.
        var mappingType: String {
            switch type?.lowercased() {
            case "attribute": return "Direct"
            case "constant": return "Constant"
            default: return "Expression"
            }
        }
    }

    /// An attribute mapping.
    struct AttributeMapping {
        var index: Int
        var target: String
        var targetNode: JSONNode
        var node: JSONNode
        var matchingPriority: Int
        var priorityNode: JSONNode?
        /// Nil when the mapping has no source (the admin center's mapping type "None").
        var source: Source?
        /// Graph's flow type; `Always` when absent.
        var flowType: String
        /// Graph's flow behavior; `FlowWhenChanged` when absent.
        var flowBehavior: String
        var defaultValue: String?
        var problems: [Diagnostic]
    }

    /// An object mapping of a rule.
    struct ObjectMapping {
        var index: Int
        /// The mapping's name, or its place in the file when it has none.
        var label: String
        var node: JSONNode
        /// Whether Entra provisions it; true when absent.
        var enabled: Bool
        var sourceObject: String?
        var sourceNode: JSONNode?
        var targetObject: String?
        var targetNode: JSONNode?
        var attributeMappings: [AttributeMapping]
        var problems: [Diagnostic]
    }

    /// A synchronization rule.
    struct Rule {
        var index: Int
        /// The rule's name, or its place in the file when it has none.
        var label: String
        var node: JSONNode
        var sourceDirectory: String?
        var sourceNode: JSONNode?
        var targetDirectory: String?
        var targetNode: JSONNode?
        var objectMappings: [ObjectMapping]
        var problems: [Diagnostic]
    }

    var root: JSONNode
    var directories: [Directory]
    var rules: [Rule]

    /// The directory with this name, compared ignoring case.
    func directory(named name: String) -> Directory? {
        directories.first { $0.name?.lowercased() == name.lowercased() }
    }

    /// Reads the parts of a schema that the merge may need. Only problems that make the document
    /// no synchronization schema at all are returned; the rest stay with their parts.
    static func read(_ root: JSONNode, file: String) -> (EntraSchemaDocument?, [Diagnostic]) {
        var reader = SchemaReader(file: file)
        guard root.objectMembers != nil else {
            reader.error(
                "'\(file)' holds \(root.kindName), not a synchronization schema; download the schema of the app's provisioning job",
                at: root)
            return (nil, reader.take())
        }
        for key in ["directories", "synchronizationRules"] where root.member(named: key) == nil {
            reader.error(
                "'\(file)' is not a synchronization schema: it has no '\(key)'; download the whole schema of the app's provisioning job, not a part of it",
                at: root)
        }
        let directoryNodes = reader.objects(in: root, "directories", context: "")
        let ruleNodes = reader.objects(in: root, "synchronizationRules", context: "")
        let problems = reader.take()
        guard problems.isEmpty else { return (nil, problems) }
        let directories = directoryNodes.enumerated().map { readDirectory($0.element.node, index: $0.offset, context: $0.element.context, file: file) }
        let rules = ruleNodes.enumerated().map { readRule($0.element.node, index: $0.offset, context: $0.element.context, file: file) }
        return (EntraSchemaDocument(root: root, directories: directories, rules: rules), [])
    }
}

// MARK: - Parts

private extension EntraSchemaDocument {
    static func readDirectory(_ node: JSONNode, index: Int, context: String, file: String) -> Directory {
        var reader = SchemaReader(file: file)
        let name = reader.string(in: node, "name", context: context)
        let objects = reader.objects(in: node, "objects", context: context).enumerated().map {
            readObject($0.element.node, index: $0.offset, context: $0.element.context, file: file)
        }
        return Directory(index: index, name: name, node: node, objects: objects, problems: reader.take())
    }

    static func readObject(_ node: JSONNode, index: Int, context: String, file: String) -> Object {
        var reader = SchemaReader(file: file)
        let name = reader.string(in: node, "name", context: context)
        let attributes = reader.objects(in: node, "attributes", context: context).enumerated().compactMap { item -> Attribute? in
            var inner = SchemaReader(file: file)
            let (node, context) = item.element
            let name = inner.stringNode(in: node, "name", context: context)
            let attribute = Attribute(
                index: item.offset, name: name?.0 ?? "", nameNode: name?.1 ?? node, node: node,
                anchor: inner.bool(in: node, "anchor", context: context) ?? false,
                required: inner.bool(in: node, "required", context: context) ?? false,
                multivalued: inner.bool(in: node, "multivalued", context: context) ?? false,
                type: inner.optionalString(in: node, "type", context: context) ?? "String",
                mutability: inner.optionalString(in: node, "mutability", context: context),
                caseExact: inner.bool(in: node, "caseExact", context: context), problems: inner.take())
            guard name != nil else {
                reader.absorb(attribute.problems)
                return nil
            }
            return attribute
        }
        return Object(index: index, name: name, node: node, attributes: attributes, problems: reader.take())
    }

    static func readRule(_ node: JSONNode, index: Int, context: String, file: String) -> Rule {
        var reader = SchemaReader(file: file)
        let label = reader.optionalString(in: node, "name", context: context) ?? context
        let source = reader.stringNode(in: node, "sourceDirectoryName", context: context)
        let target = reader.stringNode(in: node, "targetDirectoryName", context: context)
        let mappings = reader.objects(in: node, "objectMappings", context: context).enumerated().map {
            readObjectMapping($0.element.node, index: $0.offset, context: $0.element.context, file: file)
        }
        return Rule(
            index: index, label: label, node: node, sourceDirectory: source?.0, sourceNode: source?.1,
            targetDirectory: target?.0, targetNode: target?.1, objectMappings: mappings, problems: reader.take())
    }

    static func readObjectMapping(_ node: JSONNode, index: Int, context: String, file: String) -> ObjectMapping {
        var reader = SchemaReader(file: file)
        let label = reader.optionalString(in: node, "name", context: context) ?? context
        let enabled = reader.bool(in: node, "enabled", context: context) ?? true
        let source = reader.stringNode(in: node, "sourceObjectName", context: context)
        let target = reader.stringNode(in: node, "targetObjectName", context: context)
        let mappings = reader.objects(in: node, "attributeMappings", context: context).enumerated().compactMap {
            item -> AttributeMapping? in
            let (node, context) = item.element
            var inner = SchemaReader(file: file)
            guard let target = inner.stringNode(in: node, "targetAttributeName", context: context) else {
                reader.absorb(inner.take())
                return nil
            }
            let priority = inner.member(in: node, "matchingPriority", context: context)
            var priorityValue = 0
            if let priority, !priority.isNull {
                if let value = priority.intValue {
                    priorityValue = value
                } else {
                    inner.error("'\(context).matchingPriority' must be an integer, not \(priority.kindName)", at: priority)
                }
            }
            var source: Source?
            if let sourceNode = inner.member(in: node, "source", context: context), !sourceNode.isNull {
                source = inner.source(sourceNode, context: context + ".source")
            }
            return AttributeMapping(
                index: item.offset, target: target.0, targetNode: target.1, node: node, matchingPriority: priorityValue,
                priorityNode: priority, source: source,
                flowType: inner.optionalString(in: node, "flowType", context: context) ?? "Always",
                flowBehavior: inner.optionalString(in: node, "flowBehavior", context: context) ?? "FlowWhenChanged",
                defaultValue: inner.optionalString(in: node, "defaultValue", context: context), problems: inner.take())
        }
        return ObjectMapping(
            index: index, label: label, node: node, enabled: enabled, sourceObject: source?.0, sourceNode: source?.1,
            targetObject: target?.0, targetNode: target?.1, attributeMappings: mappings, problems: reader.take())
    }
}

// MARK: - Reader

/// Typed, located access to the members the merge reads; every problem becomes a diagnostic
/// that the caller keeps with the part it read.
private struct SchemaReader {
    let file: String
    private var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// The problems found so far, leaving none.
    mutating func take() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    mutating func absorb(_ problems: [Diagnostic]) { diagnostics += problems }

    mutating func error(_ message: String, at node: JSONNode) {
        diagnostics.append(Diagnostic(.error, message, at: node.location(in: file)))
    }

    /// The value of `key`, refusing a key written twice (Graph would keep one of them, the merge cannot guess which).
    mutating func member(in node: JSONNode, _ key: String, context: String) -> JSONNode? {
        let matches = (node.objectMembers ?? []).filter { $0.key == key }
        if matches.count > 1 {
            diagnostics.append(
                Diagnostic(
                    .error, "duplicate key '\(key)' in '\(context.isEmpty ? "the schema" : context)'; the first is on line \(matches[0].keyLine)",
                    at: matches[1].keyLocation(in: file)))
        }
        return matches.first?.value
    }

    mutating func stringNode(in node: JSONNode, _ key: String, context: String) -> (String, JSONNode)? {
        guard let value = member(in: node, key, context: context) else {
            error("'\(context)' has no '\(key)'", at: node)
            return nil
        }
        guard let text = value.stringValue else {
            error("'\(path(context, key))' must be a string, not \(value.kindName)", at: value)
            return nil
        }
        return (text, value)
    }

    mutating func string(in node: JSONNode, _ key: String, context: String) -> String? {
        stringNode(in: node, key, context: context)?.0
    }

    mutating func optionalString(in node: JSONNode, _ key: String, context: String) -> String? {
        guard let value = member(in: node, key, context: context), !value.isNull else { return nil }
        guard let text = value.stringValue else {
            error("'\(path(context, key))' must be a string, not \(value.kindName)", at: value)
            return nil
        }
        return text
    }

    mutating func bool(in node: JSONNode, _ key: String, context: String) -> Bool? {
        guard let value = member(in: node, key, context: context), !value.isNull else { return nil }
        guard let bool = value.boolValue else {
            error("'\(path(context, key))' must be true or false, not \(value.kindName)", at: value)
            return nil
        }
        return bool
    }

    /// The objects of an array member, each with its context; a missing array counts as empty.
    mutating func objects(in node: JSONNode, _ key: String, context: String) -> [(node: JSONNode, context: String)] {
        guard let value = member(in: node, key, context: context), !value.isNull else { return [] }
        guard let items = value.arrayValue else {
            error("'\(path(context, key))' must be an array, not \(value.kindName)", at: value)
            return []
        }
        var result: [(JSONNode, String)] = []
        for (index, item) in items.enumerated() {
            let itemContext = "\(path(context, key))[\(index)]"
            guard item.objectMembers != nil else {
                error("'\(itemContext)' must be an object, not \(item.kindName)", at: item)
                continue
            }
            result.append((item, itemContext))
        }
        return result
    }

    /// An `attributeMappingSource`: its type, expression, the expression parsed, and the source
    /// attributes it and its parameters read.
    mutating func source(_ node: JSONNode, context: String) -> EntraSchemaDocument.Source {
        var source = EntraSchemaDocument.Source(
            type: nil, expression: nil, name: nil, tree: nil, references: [], node: node, expressionNode: nil)
        guard node.objectMembers != nil else {
            error("'\(context)' must be an object, not \(node.kindName)", at: node)
            return source
        }
        source.type = optionalString(in: node, "type", context: context)
        source.name = optionalString(in: node, "name", context: context)
        var found: [String] = []
        if source.type?.lowercased() == "attribute", let name = source.name { found.append(name) }
        if let expression = member(in: node, "expression", context: context), !expression.isNull {
            if let text = expression.stringValue {
                source.expression = text
                source.expressionNode = expression
                if source.type?.lowercased() != "constant" {
                    do {
                        let tree = try EntraExpressionParser.parse(text)
                        source.tree = tree
                        found += tree.references
                    } catch {
                        diagnostics.append(
                            Diagnostic(
                                .error, "the expression of '\(context)' does not parse: \(error.message)",
                                at: expression.location(in: file, ofCharacter: error.offset)))
                    }
                }
            } else {
                self.error("'\(context).expression' must be a string, not \(expression.kindName)", at: expression)
            }
        }
        for (index, parameter) in objects(in: node, "parameters", context: context).enumerated() {
            if let value = member(in: parameter.node, "value", context: parameter.context), !value.isNull {
                found += self.source(value, context: "\(context).parameters[\(index)].value").references
            }
        }
        for name in found where !source.references.contains(name) { source.references.append(name) }
        return source
    }

    private func path(_ context: String, _ key: String) -> String {
        context.isEmpty ? key : "\(context).\(key)"
    }
}
