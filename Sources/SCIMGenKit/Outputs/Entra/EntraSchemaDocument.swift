/// A synchronization schema downloaded from a tenant, read for merging: the names, positions and
/// array indexes of the parts the merge looks at. Everything else stays in the JSON as it is.
///
/// Reading is strict about the parts it reads (a name that is not a string is an error, located)
/// and ignores every other key, so that keys Microsoft adds later survive a merge.
struct EntraSchemaDocument {
    /// An attribute definition of a directory object.
    struct Attribute {
        var index: Int
        var name: String
        var anchor: Bool
        var nameNode: JSONNode
    }

    /// An object of a directory, such as `User` or `urn:ietf:params:scim:schemas:core:2.0:Group`.
    struct Object {
        var index: Int
        var name: String
        var node: JSONNode
        var attributes: [Attribute]
    }

    /// A directory, such as `Microsoft Entra ID` or `customappsso`.
    struct Directory {
        var index: Int
        var name: String
        var objects: [Object]

        /// The object with this name, compared ignoring case.
        func object(named name: String) -> Object? {
            objects.first { $0.name.lowercased() == name.lowercased() }
        }
    }

    /// An attribute mapping and the source attributes it reads.
    struct AttributeMapping {
        var index: Int
        var target: String
        var targetNode: JSONNode
        var references: [String]
        var sourceNode: JSONNode
    }

    /// An object mapping of a rule.
    struct ObjectMapping {
        var index: Int
        /// The mapping's name, or its place in the file when it has none.
        var label: String
        var node: JSONNode
        var sourceObject: String
        var sourceNode: JSONNode
        var targetObject: String
        var targetNode: JSONNode
        var attributeMappings: [AttributeMapping]
    }

    /// A synchronization rule.
    struct Rule {
        var index: Int
        /// The rule's name, or its place in the file when it has none.
        var label: String
        var node: JSONNode
        var sourceDirectory: String
        var sourceNode: JSONNode
        var targetDirectory: String
        var targetNode: JSONNode
        var objectMappings: [ObjectMapping]
    }

    var directories: [Directory]
    var rules: [Rule]

    /// The directory with this name, compared ignoring case.
    func directory(named name: String) -> Directory? {
        directories.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Reads the parts of a schema that the merge needs, reporting every problem with its location.
    static func read(_ root: JSONNode, file: String) -> (EntraSchemaDocument?, [Diagnostic]) {
        let reader = SchemaReader(file: file)
        guard root.objectMembers != nil else {
            reader.error(
                "'\(file)' holds \(root.kindName), not a synchronization schema; download the schema of the app's provisioning job",
                at: root)
            return (nil, reader.diagnostics)
        }
        for key in ["directories", "synchronizationRules"] where root.member(named: key) == nil {
            reader.error(
                "'\(file)' is not a synchronization schema: it has no '\(key)'; download the schema of the app's provisioning job",
                at: root)
        }
        guard reader.diagnostics.isEmpty else { return (nil, reader.diagnostics) }
        let directories = reader.objects(in: root, "directories", context: "").enumerated().compactMap {
            readDirectory($0.element.node, index: $0.offset, context: $0.element.context, reader: reader)
        }
        let rules = reader.objects(in: root, "synchronizationRules", context: "").enumerated().compactMap {
            readRule($0.element.node, index: $0.offset, context: $0.element.context, reader: reader)
        }
        return (EntraSchemaDocument(directories: directories, rules: rules), reader.diagnostics)
    }
}

// MARK: - Parts

private extension EntraSchemaDocument {
    static func readDirectory(_ node: JSONNode, index: Int, context: String, reader: SchemaReader) -> Directory? {
        let name = reader.string(in: node, "name", context: context)
        let objects = reader.objects(in: node, "objects", context: context).enumerated().compactMap { item -> Object? in
            let (node, context) = item.element
            let name = reader.string(in: node, "name", context: context)
            let attributes = reader.objects(in: node, "attributes", context: context).enumerated().compactMap {
                attribute -> Attribute? in
                let (node, context) = attribute.element
                guard let (name, nameNode) = reader.stringNode(in: node, "name", context: context) else { return nil }
                let anchor = reader.bool(in: node, "anchor", context: context) ?? false
                return Attribute(index: attribute.offset, name: name, anchor: anchor, nameNode: nameNode)
            }
            return name.map { Object(index: item.offset, name: $0, node: node, attributes: attributes) }
        }
        return name.map { Directory(index: index, name: $0, objects: objects) }
    }

    static func readRule(_ node: JSONNode, index: Int, context: String, reader: SchemaReader) -> Rule? {
        let label = reader.optionalString(in: node, "name", context: context) ?? context
        let source = reader.stringNode(in: node, "sourceDirectoryName", context: context)
        let target = reader.stringNode(in: node, "targetDirectoryName", context: context)
        let mappings = reader.objects(in: node, "objectMappings", context: context).enumerated().compactMap {
            readObjectMapping($0.element.node, index: $0.offset, context: $0.element.context, reader: reader)
        }
        guard let source, let target else { return nil }
        return Rule(
            index: index, label: label, node: node, sourceDirectory: source.0, sourceNode: source.1,
            targetDirectory: target.0, targetNode: target.1, objectMappings: mappings)
    }

    static func readObjectMapping(_ node: JSONNode, index: Int, context: String, reader: SchemaReader) -> ObjectMapping? {
        let label = reader.optionalString(in: node, "name", context: context) ?? context
        let source = reader.stringNode(in: node, "sourceObjectName", context: context)
        let target = reader.stringNode(in: node, "targetObjectName", context: context)
        let mappings = reader.objects(in: node, "attributeMappings", context: context).enumerated().compactMap {
            item -> AttributeMapping? in
            let (node, context) = item.element
            let target = reader.stringNode(in: node, "targetAttributeName", context: context)
            var references: [String] = []
            let sourceNode = reader.member(in: node, "source", context: context)
            if let sourceNode, !sourceNode.isNull {
                references = reader.references(sourceNode, context: context + ".source")
            }
            return target.map {
                AttributeMapping(
                    index: item.offset, target: $0.0, targetNode: $0.1, references: references, sourceNode: sourceNode ?? node)
            }
        }
        guard let source, let target else { return nil }
        return ObjectMapping(
            index: index, label: label, node: node, sourceObject: source.0, sourceNode: source.1, targetObject: target.0,
            targetNode: target.1, attributeMappings: mappings)
    }
}

// MARK: - Reader

/// Typed, located access to the members the merge reads; every problem becomes a diagnostic.
private final class SchemaReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func error(_ message: String, at node: JSONNode) {
        diagnostics.append(Diagnostic(.error, message, at: node.location(in: file)))
    }

    /// The value of `key`, refusing a key written twice (Graph would keep one of them, the merge cannot guess which).
    func member(in node: JSONNode, _ key: String, context: String) -> JSONNode? {
        let matches = (node.objectMembers ?? []).filter { $0.key == key }
        if matches.count > 1 {
            diagnostics.append(
                Diagnostic(
                    .error, "duplicate key '\(key)' in '\(context.isEmpty ? "the schema" : context)'; the first is on line \(matches[0].keyLine)",
                    at: matches[1].keyLocation(in: file)))
        }
        return matches.first?.value
    }

    func stringNode(in node: JSONNode, _ key: String, context: String) -> (String, JSONNode)? {
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

    func string(in node: JSONNode, _ key: String, context: String) -> String? {
        stringNode(in: node, key, context: context)?.0
    }

    func optionalString(in node: JSONNode, _ key: String, context: String) -> String? {
        guard let value = member(in: node, key, context: context), !value.isNull else { return nil }
        guard let text = value.stringValue else {
            error("'\(path(context, key))' must be a string, not \(value.kindName)", at: value)
            return nil
        }
        return text
    }

    func bool(in node: JSONNode, _ key: String, context: String) -> Bool? {
        guard let value = member(in: node, key, context: context), !value.isNull else { return nil }
        guard let bool = value.boolValue else {
            error("'\(path(context, key))' must be true or false, not \(value.kindName)", at: value)
            return nil
        }
        return bool
    }

    /// The objects of an array member, each with its context; a missing array counts as empty.
    func objects(in node: JSONNode, _ key: String, context: String) -> [(node: JSONNode, context: String)] {
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

    /// The source attributes an `attributeMappingSource` reads, its parameters included.
    func references(_ source: JSONNode, context: String) -> [String] {
        guard source.objectMembers != nil else {
            error("'\(context)' must be an object, not \(source.kindName)", at: source)
            return []
        }
        let type = optionalString(in: source, "type", context: context)
        var found: [String] = []
        if type?.lowercased() == "attribute", let name = optionalString(in: source, "name", context: context) {
            found.append(name)
        } else if type?.lowercased() != "constant",
            let expression = member(in: source, "expression", context: context), !expression.isNull
        {
            if let text = expression.stringValue {
                do {
                    found += try EntraExpression.references(in: text)
                } catch {
                    self.error("the expression of '\(context)' does not parse: \(error.message)", at: expression)
                }
            } else {
                self.error("'\(context).expression' must be a string, not \(expression.kindName)", at: expression)
            }
        }
        for (index, parameter) in objects(in: source, "parameters", context: context).enumerated() {
            if let value = member(in: parameter.node, "value", context: parameter.context), !value.isNull {
                found += references(value, context: "\(context).parameters[\(index)].value")
            }
        }
        var unique: [String] = []
        for name in found where !unique.contains(name) { unique.append(name) }
        return unique
    }

    private func path(_ context: String, _ key: String) -> String {
        context.isEmpty ? key : "\(context).\(key)"
    }
}
