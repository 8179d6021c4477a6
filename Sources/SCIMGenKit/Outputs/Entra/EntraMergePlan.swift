/// Where a vendor's part goes in one downloaded schema, whether the result would hold together,
/// and the edits that put it there. `EntraMerge` describes the rules.
struct EntraMergePlan {
    /// One vendor object placed in the tenant's schema.
    struct Placement {
        var object: EntraVendorPart.Object
        var rule: EntraSchemaDocument.Rule
        var mapping: EntraSchemaDocument.ObjectMapping
        var sourceDirectory: EntraSchemaDocument.Directory
        var source: EntraSchemaDocument.Object
        var targetDirectory: EntraSchemaDocument.Directory
        var target: EntraSchemaDocument.Object
    }

    let document: EntraSchemaDocument
    let part: EntraVendorPart
    let vendor: ResolvedVendor
    let file: String
    /// Every problem found by `check()`.
    private(set) var diagnostics: [Diagnostic] = []
    /// The user placement, then the group placement when the vendor has groups.
    private(set) var placements: [Placement] = []

    init(document: EntraSchemaDocument, part: EntraVendorPart, vendor: ResolvedVendor, file: String) {
        self.document = document
        self.part = part
        self.vendor = vendor
        self.file = file
    }

    /// Finds the placements and checks the merged result: names that agree, one anchor per object,
    /// every mapping's target defined and mapped once, every source attribute defined.
    mutating func check() {
        guard let (rule, userMapping) = findUserMapping() else { return }
        let sourceDirectory = directory(rule.sourceDirectory, of: rule, key: "reads from", node: rule.sourceNode)
        let targetDirectory = directory(rule.targetDirectory, of: rule, key: "writes to", node: rule.targetNode)
        var groupMapping: EntraSchemaDocument.ObjectMapping?
        if part.group != nil { groupMapping = findGroupMapping(in: rule) }
        guard let sourceDirectory, let targetDirectory else { return }

        var objects: [Int: (source: EntraSchemaDocument.Object, target: EntraSchemaDocument.Object)] = [:]
        for mapping in rule.objectMappings {
            let source = sourceDirectory.object(named: mapping.sourceObject)
            let target = targetDirectory.object(named: mapping.targetObject)
            if source == nil {
                undefinedObject(mapping.sourceObject, of: mapping, verb: "reads", in: sourceDirectory, node: mapping.sourceNode)
            }
            if target == nil {
                undefinedObject(mapping.targetObject, of: mapping, verb: "writes", in: targetDirectory, node: mapping.targetNode)
            }
            if let source, let target { objects[mapping.index] = (source, target) }
        }
        let chosen = [(part.user, userMapping)] + (part.group.flatMap { group in groupMapping.map { [(group, $0)] } } ?? [])
        for (object, mapping) in chosen {
            guard let (source, target) = objects[mapping.index] else { continue }
            placements.append(
                Placement(
                    object: object, rule: rule, mapping: mapping, sourceDirectory: sourceDirectory, source: source,
                    targetDirectory: targetDirectory, target: target))
        }
        guard diagnostics.isEmpty else { return }

        checkTargetObjects(in: targetDirectory)
        for mapping in rule.objectMappings {
            guard let (source, target) = objects[mapping.index] else { continue }
            checkMappings(mapping, source: source, in: sourceDirectory, target: target, in: targetDirectory)
        }
    }

    /// The schema with the vendor's definitions and mappings in it.
    func apply(to root: JSONValue) -> JSONValue {
        var result = root
        for placement in placements {
            let byName = Dictionary(
                placement.target.attributes.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
            let attributesPath: [PathStep] = [
                .key("directories"), .index(placement.targetDirectory.index), .key("objects"),
                .index(placement.target.index), .key("attributes"),
            ]
            result.editArray(at: attributesPath) { attributes in
                for definition in placement.object.definitions {
                    let stated = EntraVendorPart.jsonValue(definition, objectName: objectName)
                    if let existing = byName[definition.name.lowercased()], attributes.indices.contains(existing.index) {
                        attributes[existing.index].setMembers(of: stated, except: ["name", "referencedObjects"])
                    } else {
                        attributes.append(Self.completed(stated, template: Self.definitionTemplate))
                    }
                }
            }
            let byTarget = Dictionary(
                placement.mapping.attributeMappings.map { ($0.target.lowercased(), $0.index) }, uniquingKeysWith: { first, _ in first })
            let mappingsPath: [PathStep] = [
                .key("synchronizationRules"), .index(placement.rule.index), .key("objectMappings"),
                .index(placement.mapping.index), .key("attributeMappings"),
            ]
            result.editArray(at: mappingsPath) { mappings in
                for mapping in placement.object.mappings {
                    // The tenant's spelling of the name, so that mapping and definition agree exactly.
                    let target = byName[mapping.target.lowercased()]?.name ?? mapping.target
                    let stated = EntraVendorPart.jsonValue(mapping, target: target)
                    if let existing = byTarget[mapping.target.lowercased()], mappings.indices.contains(existing) {
                        // The tenant's source stays when the vendor only offers Entra's default, and
                        // when it is the same expression (it keeps the parameters Entra filled in).
                        let same = mappings[existing]["source"]?["expression"] == stated["source"]?["expression"]
                            && mappings[existing]["source"]?["type"] == stated["source"]?["type"]
                        let keep: Set<String> = mapping.sourceIsDefault || same ? ["targetAttributeName", "source"] : ["targetAttributeName"]
                        mappings[existing].setMembers(of: stated, except: keep)
                    } else {
                        mappings.append(Self.completed(stated, template: Self.mappingTemplate))
                    }
                }
            }
        }
        return result
    }
}

// MARK: - Finding the object mappings

private extension EntraMergePlan {
    static func isOne(of names: [String], _ name: String) -> Bool {
        names.contains { $0.lowercased() == name.lowercased() }
    }

    static func quotedList(_ names: [String]) -> String {
        let quoted = names.map { "'\(SCIMURN.abbreviated($0))'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
    }

    mutating func findUserMapping() -> (EntraSchemaDocument.Rule, EntraSchemaDocument.ObjectMapping)? {
        let rules = document.rules.filter { Self.isOne(of: EntraSchemaNames.sourceDirectories, $0.sourceDirectory) }
        guard let first = rules.first else {
            error(
                "no synchronization rule reads from \(Self.quotedList(EntraSchemaNames.sourceDirectories)); download the schema of the app's provisioning job",
                at: nil)
            return nil
        }
        let candidates = rules.flatMap { rule in
            rule.objectMappings.filter {
                Self.isOne(of: [EntraSchemaNames.sourceUser], $0.sourceObject) && Self.isOne(of: EntraSchemaNames.targetUsers, $0.targetObject)
            }.map { (rule, $0) }
        }
        guard let chosen = candidates.first else {
            error(
                "rule '\(first.label)' has no object mapping from '\(EntraSchemaNames.sourceUser)' to \(Self.quotedList(EntraSchemaNames.targetUsers))",
                at: first.node)
            return nil
        }
        if candidates.count > 1 {
            let other = candidates[1].1
            error(
                "object mappings '\(chosen.1.label)' and '\(other.label)' both provision users from '\(chosen.0.sourceDirectory)'; keep one of them so that the merge knows where the vendor's mappings go",
                at: other.node)
            return nil
        }
        return chosen
    }

    mutating func findGroupMapping(in rule: EntraSchemaDocument.Rule) -> EntraSchemaDocument.ObjectMapping? {
        let candidates = rule.objectMappings.filter {
            Self.isOne(of: [EntraSchemaNames.sourceGroup], $0.sourceObject) && Self.isOne(of: EntraSchemaNames.targetGroups, $0.targetObject)
        }
        guard let chosen = candidates.first else {
            error(
                "rule '\(rule.label)' has no object mapping from '\(EntraSchemaNames.sourceGroup)' to \(Self.quotedList(EntraSchemaNames.targetGroups)), but '\(vendor.name)' provisions groups; download the schema of an app whose provisioning has group mappings",
                at: rule.node)
            return nil
        }
        if candidates.count > 1 {
            error(
                "object mappings '\(chosen.label)' and '\(candidates[1].label)' both provision groups; keep one of them so that the merge knows where the vendor's mappings go",
                at: candidates[1].node)
            return nil
        }
        return chosen
    }

    mutating func directory(
        _ name: String, of rule: EntraSchemaDocument.Rule, key: String, node: JSONNode
    ) -> EntraSchemaDocument.Directory? {
        if let directory = document.directory(named: name) { return directory }
        error(
            "rule '\(rule.label)' \(key) directory '\(name)', which 'directories' does not define"
                + Suggestion.didYouMean(name, in: document.directories.map(\.name)),
            at: node)
        return nil
    }

    mutating func undefinedObject(
        _ name: String, of mapping: EntraSchemaDocument.ObjectMapping, verb: String,
        in directory: EntraSchemaDocument.Directory, node: JSONNode
    ) {
        let names = directory.objects.map(\.name)
        let defined = names.isEmpty ? "it defines no objects" : "it defines " + names.map { "'\($0)'" }.joined(separator: ", ")
        error(
            "object mapping '\(mapping.label)' \(verb) object '\(name)', which directory '\(directory.name)' does not define; \(defined)",
            at: node)
    }
}

// MARK: - Checking the merged result

private extension EntraMergePlan {
    /// Unique attribute names and one anchor in every object the vendor adds to.
    mutating func checkTargetObjects(in directory: EntraSchemaDocument.Directory) {
        var checked: Set<Int> = []
        for placement in placements where checked.insert(placement.target.index).inserted {
            let object = placement.target
            var seen: [String: EntraSchemaDocument.Attribute] = [:]
            for attribute in object.attributes {
                if let first = seen[attribute.name.lowercased()] {
                    error(
                        "attribute '\(attribute.name)' is defined twice in object '\(object.name)' of directory '\(directory.name)'; the first definition is on line \(first.nameNode.line)",
                        at: attribute.nameNode)
                } else {
                    seen[attribute.name.lowercased()] = attribute
                }
            }
            let anchors = object.attributes.filter(\.anchor).map(\.name)
            if anchors.count != 1 {
                let found = anchors.isEmpty
                    ? "has no anchor attribute"
                    : "has \(anchors.count) anchor attributes (\(anchors.map { "'\($0)'" }.joined(separator: ", ")))"
                error("object '\(object.name)' of directory '\(directory.name)' \(found); Entra needs exactly one", at: object.node)
            }
        }
    }

    /// The names a target object defines once the vendor's definitions are in.
    func definedNames(_ target: EntraSchemaDocument.Object) -> Set<String> {
        var names = Set(target.attributes.map { $0.name.lowercased() })
        for placement in placements where placement.target.index == target.index {
            names.formUnion(placement.object.definitions.map { $0.name.lowercased() })
        }
        return names
    }

    mutating func checkMappings(
        _ mapping: EntraSchemaDocument.ObjectMapping,
        source: EntraSchemaDocument.Object, in sourceDirectory: EntraSchemaDocument.Directory,
        target: EntraSchemaDocument.Object, in targetDirectory: EntraSchemaDocument.Directory
    ) {
        let placement = placements.first { $0.mapping.index == mapping.index }
        let vendorMappings = placement?.object.mappings ?? []
        let vendorTargets = Set(vendorMappings.map { $0.target.lowercased() })
        let replacedSources = Set(vendorMappings.filter { !$0.sourceIsDefault }.map { $0.target.lowercased() })
        let tenantTargets = Set(mapping.attributeMappings.map { $0.target.lowercased() })
        let defined = definedNames(target)
        let sourceNames = source.attributes.map(\.name)
        let sourceKeys = Set(sourceNames.map { $0.lowercased() })
        var seen: [String: EntraSchemaDocument.AttributeMapping] = [:]
        for entry in mapping.attributeMappings {
            let key = entry.target.lowercased()
            if let first = seen[key] {
                error(
                    "'\(entry.target)' is mapped twice in '\(mapping.label)'; the first mapping is on line \(first.targetNode.line)",
                    at: entry.targetNode)
                continue
            }
            seen[key] = entry
            if !defined.contains(key) && !vendorTargets.contains(key) {
                error(
                    "'\(mapping.label)' maps '\(entry.target)', which object '\(target.name)' of directory '\(targetDirectory.name)' does not define"
                        + Suggestion.didYouMean(entry.target, in: target.attributes.map(\.name)),
                    at: entry.targetNode)
            }
            // A source the vendor replaces no longer matters.
            for name in entry.references where !replacedSources.contains(key) && !sourceKeys.contains(name.lowercased()) {
                error(
                    "'\(mapping.label)' maps '\(entry.target)' from '\(name)', which object '\(source.name)' of directory '\(sourceDirectory.name)' does not define"
                        + Suggestion.didYouMean(name, in: sourceNames),
                    at: entry.sourceNode)
            }
        }
        guard let placement else { return }
        for row in placement.object.targets {
            guard let feed = row.source else { continue }
            // Entra's default gives way to the tenant's own mapping, so only a new mapping reads it.
            if row.sourceIsDefault && tenantTargets.contains(row.name.lowercased()) { continue }
            let references: [String]
            do {
                references = try Self.references(feed)
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .error, "the expression '\(Self.text(feed))' of '\(row.row.path)' does not parse: \(error.message)",
                        at: row.row.origin.location ?? vendor.origin.location))
                continue
            }
            for name in references where !sourceKeys.contains(name.lowercased()) {
                error(
                    "'\(vendor.name)' maps '\(SCIMURN.abbreviated(row.name))' from '\(name)', which object '\(source.name)' of directory '\(sourceDirectory.name)' does not define"
                        + Suggestion.didYouMean(name, in: sourceNames),
                    at: source.node)
            }
        }
    }

    static func references(_ source: MappingSource) throws(EntraExpression.Problem) -> [String] {
        switch source {
        case .attribute(let name): return [name]
        case .constant: return []
        case .expression(let text): return try EntraExpression.references(in: text)
        }
    }

    static func text(_ source: MappingSource) -> String {
        switch source {
        case .attribute(let name), .expression(let name), .constant(let name): return name
        }
    }

    mutating func error(_ message: String, at node: JSONNode?) {
        let location = node?.location(in: file) ?? SourceLocation(file: file, line: 1, column: 1)
        diagnostics.append(Diagnostic(.error, message, at: location))
    }
}

// MARK: - Writing

private extension EntraMergePlan {
    /// Graph's `attributeDefinition` defaults, in Graph's key order.
    static let definitionTemplate: [JSONValue.Member] = [
        .init("anchor", false), .init("apiExpressions", []), .init("caseExact", false), .init("defaultValue", nil),
        .init("flowNullValues", false), .init("metadata", []), .init("multivalued", false),
        .init("mutability", "ReadWrite"), .init("name", ""), .init("referencedObjects", []), .init("required", false),
        .init("type", "String"),
    ]

    /// Graph's `attributeMapping` defaults, in Graph's key order.
    static let mappingTemplate: [JSONValue.Member] = [
        .init("defaultValue", nil), .init("exportMissingReferences", false), .init("flowBehavior", "FlowWhenChanged"),
        .init("flowType", "Always"), .init("matchingPriority", 0), .init("source", nil), .init("targetAttributeName", ""),
    ]

    /// The template's members with the stated values, then any stated key the template lacks.
    static func completed(_ stated: JSONValue, template: [JSONValue.Member]) -> JSONValue {
        guard case .object(let members) = stated else { return stated }
        var result = template.map { member in members.first { $0.key == member.key } ?? member }
        result += members.filter { member in !template.contains { $0.key == member.key } }
        return .object(result)
    }

    /// The tenant's name for a vendor object type, for `referencedObjects`.
    func objectName(_ resource: SCIMResource) -> String {
        if let placement = placements.first(where: { $0.object.resource == resource }) { return placement.target.name }
        let names = resource == .user ? EntraSchemaNames.targetUsers : EntraSchemaNames.targetGroups
        let objects = placements.first?.targetDirectory.objects ?? []
        for name in names { if let object = objects.first(where: { $0.name.lowercased() == name.lowercased() }) { return object.name } }
        return EntraVendorPart.defaultObjectName(resource)
    }
}

/// One step of a path into a JSON document.
private enum PathStep {
    case key(String)
    case index(Int)
}

private extension JSONValue {
    /// Edits the array at `path`; a missing or null last member becomes an empty array first.
    mutating func editArray(at path: [PathStep], _ body: (inout [JSONValue]) -> Void) {
        edit(path[...]) { value in
            var items: [JSONValue]
            switch value {
            case .array(let existing): items = existing
            case .null: items = []
            default: return
            }
            body(&items)
            value = .array(items)
        }
    }

    mutating func edit(_ path: ArraySlice<PathStep>, _ body: (inout JSONValue) -> Void) {
        guard let step = path.first else { return body(&self) }
        switch (step, self) {
        case (.key(let key), .object(var members)):
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].value.edit(path.dropFirst(), body)
            } else {
                var value = JSONValue.null
                value.edit(path.dropFirst(), body)
                members.append(Member(key, value))
            }
            self = .object(members)
        case (.index(let index), .array(var items)) where items.indices.contains(index):
            items[index].edit(path.dropFirst(), body)
            self = .array(items)
        default:
            return
        }
    }

    /// Sets each member of `stated` (but `except`) in place, or appends it when the object lacks it.
    mutating func setMembers(of stated: JSONValue, except: Set<String>) {
        guard case .object(var members) = self, case .object(let updates) = stated else { return }
        for update in updates where !except.contains(update.key) {
            if let index = members.firstIndex(where: { $0.key == update.key }) {
                members[index].value = update.value
            } else {
                members.append(update)
            }
        }
        self = .object(members)
    }
}
