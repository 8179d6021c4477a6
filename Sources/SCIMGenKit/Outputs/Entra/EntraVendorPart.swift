import Foundation

/// The vendor's part of a Microsoft Entra synchronization schema: the target attribute definitions
/// and attribute mappings that a descriptor implies, before any tenant's names are known.
///
/// `entra-mappings.json` is this value written out, and `EntraMerge` inserts exactly these
/// definitions and mappings into a downloaded schema, so the published file and the merge never disagree.
struct EntraVendorPart: Hashable, Sendable {
    /// A target attribute definition, holding only what the vendor states.
    struct Definition: Hashable, Sendable {
        /// The Entra name, such as `emails[type eq "work"].value`.
        var name: String
        /// The Entra type: `String`, `Boolean`, `Integer`, `DateTime`, `Binary` or `Reference`.
        var type: String
        /// Whether the target holds several values.
        var multivalued: Bool
        /// Whether the vendor requires it; nil when the vendor does not say.
        var required: Bool?
        /// Case sensitivity, stated only for the vendor's own extension attributes.
        var caseExact: Bool?
        /// Entra mutability (`ReadWrite`…), stated only for the vendor's own extension attributes.
        var mutability: String?
        /// The objects a `Reference` points at.
        var references: [SCIMResource]
        /// Whether the attribute belongs to one of the vendor's own extension schemas: only then may
        /// a merge change a definition the tenant already has.
        var owned: Bool = false
    }

    /// An attribute mapping.
    struct Mapping: Hashable, Sendable {
        /// The target attribute's Entra name.
        var target: String
        /// The source.
        var source: MappingSource
        /// Whether `source` is only Entra's default: the merge then keeps a source the tenant already has.
        var sourceIsDefault: Bool
        /// The matching priority; 0 when the attribute is not used for matching.
        var matchingPriority: Int
        /// When Entra writes the value; nil when the descriptor does not say (Graph's default is `Always`).
        var flowType: MappingFlowType?
        /// Whether unchanged values flow; nil when the descriptor does not say (`FlowWhenChanged`).
        var flowBehavior: MappingFlowBehavior?
        /// The value sent when the source is empty.
        var defaultValue: String?
    }

    /// What one attribute table row becomes, for the CSV as well as the JSON.
    struct Target: Hashable, Sendable {
        /// The object the row belongs to.
        var resource: SCIMResource
        /// The target attribute's Entra name.
        var name: String
        /// The descriptor row.
        var row: AttributeMapping
        /// The source the mapping uses: the row's own, or Entra's default; nil when there is neither.
        var source: MappingSource?
        /// Whether `source` is Entra's default rather than the descriptor's.
        var sourceIsDefault: Bool
        /// The matching priority; 0 when not used for matching.
        var matchingPriority: Int
    }

    /// One object type's definitions and mappings.
    struct Object: Hashable, Sendable {
        /// Users or groups.
        var resource: SCIMResource
        /// Definitions: the table's rows, then the vendor's extension attributes no row maps.
        var definitions: [Definition]
        /// Mappings: the rows that have a source, in table order.
        var mappings: [Mapping]
        /// The rows as analysed, in table order.
        var targets: [Target]
    }

    /// The user object.
    var user: Object
    /// The group object, nil when the vendor does not provision groups.
    var group: Object?

    /// The objects present, users first.
    var objects: [Object] { [user] + (group.map { [$0] } ?? []) }

    /// Works out the part from a checked vendor.
    init(vendor: ResolvedVendor) {
        user = Self.object(vendor.users, vendor: vendor)
        group = vendor.groups.map { Self.object($0, vendor: vendor) }
    }
}

// MARK: - Names

extension EntraVendorPart {
    /// The Entra name: the canonical path, unqualified for the core schema and common attributes.
    static func entraName(_ resolved: ResolvedAttribute, resource: SCIMResource) -> String {
        var text = ""
        if let schema = resolved.schema, schema.id.lowercased() != resource.coreSchema.id.lowercased() {
            text = schema.id + ":"
        }
        text += resolved.attribute.name
        if let filter = resolved.path.filter { text += "[\(filter)]" }
        if let sub = resolved.subAttribute { text += "." + sub.name }
        return text
    }
}

extension EntraVendorPart {
    /// Entra has no decimal type; String is the usual stand-in. Complex values never reach here.
    static func entraType(_ tableType: String) -> String {
        switch tableType {
        case "Decimal", "Complex": return "String"
        default: return tableType
        }
    }
}

// MARK: - Building

private extension EntraVendorPart {
    static func object(_ table: ResolvedTable, vendor: ResolvedVendor) -> Object {
        let resource = table.resource
        var result = Object(resource: resource, definitions: [], mappings: [], targets: [])
        var names: Set<String> = []
        // Without any precedence in the table, Entra's own matching attribute matches.
        let statesMatching = table.rows.contains { $0.mapping.matching != nil }
        let defaultMatching = resource == .user ? "userName" : "displayName"
        for resolvedRow in table.rows {
            let (row, resolved) = (resolvedRow.mapping, resolvedRow.attribute)
            let name = entraName(resolved, resource: resource)
            guard names.insert(name.lowercased()).inserted else { continue }
            let fallback = EntraDefaultSources.source(for: name, in: resource)
            let isDefaultMatching = resolved.names(coreAttribute: defaultMatching, of: resource)
            let priority = statesMatching ? (row.matching ?? 0) : (isDefaultMatching ? 1 : 0)
            let target = Target(
                resource: resource, name: name, row: row, source: row.source ?? fallback,
                sourceIsDefault: row.source == nil && fallback != nil, matchingPriority: priority)
            result.targets.append(target)
            result.definitions.append(definition(target, resolved: resolved, vendor: vendor))
            if let source = target.source {
                result.mappings.append(
                    Mapping(
                        target: name, source: source, sourceIsDefault: target.sourceIsDefault, matchingPriority: priority,
                        flowType: row.flowType, flowBehavior: row.flowBehavior,
                        defaultValue: row.defaultValue))
            }
        }
        for (name, attribute) in unmappedExtensionAttributes(vendor, resource: resource)
        where names.insert(name.lowercased()).inserted {
            let type = entraType(attribute.type.displayName)
            result.definitions.append(
                Definition(
                    name: name, type: type, multivalued: attribute.multiValued,
                    required: attribute.required ? true : nil, caseExact: attribute.caseExact,
                    mutability: entraMutability(attribute.mutability),
                    references: type == "Reference" ? references(attribute) : [], owned: true))
        }
        return result
    }

    static func definition(_ target: Target, resolved: ResolvedAttribute, vendor: ResolvedVendor) -> Definition {
        let type = entraType(target.row.type.rawValue)
        var result = Definition(
            name: target.name, type: type,
            multivalued: resolved.attribute.multiValued && resolved.path.filter == nil,
            required: target.row.required, caseExact: nil, mutability: nil, references: [])
        if type == "Reference" { result.references = references(resolved.definition) }
        // The vendor is the authority on its own extension attributes; the tenant's settings of
        // standard attributes are left as they are.
        if vendor.ownsSchema(resolved.schema) {
            result.owned = true
            result.caseExact = resolved.definition.caseExact
            result.mutability = entraMutability(resolved.definition.mutability)
            if result.required == nil && resolved.definition.required { result.required = true }
        }
        return result
    }

    /// The vendor's extension attributes that no row maps, as Entra names them: simple attributes
    /// whole, single-valued complex ones by sub-attribute (`productLicenses.Lucidchart`).
    static func unmappedExtensionAttributes(_ vendor: ResolvedVendor, resource: SCIMResource)
        -> [(String, SCIMAttributeDefinition)]
    {
        var result: [(String, SCIMAttributeDefinition)] = []
        for schema in vendor.extensionSchemas {
            let forGroups = schema.id.lowercased().hasSuffix(":group")
            guard forGroups == (resource == .group) else { continue }
            for attribute in schema.attributes {
                if attribute.type != .complex {
                    result.append(("\(schema.id):\(attribute.name)", attribute))
                } else if !attribute.multiValued {
                    for sub in attribute.subAttributes where sub.type != .complex {
                        result.append(("\(schema.id):\(attribute.name).\(sub.name)", sub))
                    }
                }
            }
        }
        return result
    }

    static func entraMutability(_ mutability: SCIMMutability) -> String {
        switch mutability {
        case .readWrite: return "ReadWrite"
        case .readOnly: return "ReadOnly"
        case .immutable: return "Immutable"
        case .writeOnly: return "WriteOnly"
        }
    }

    /// What a reference points at: `manager` at users, `members` at users and groups, others by reference type.
    static func references(_ definition: SCIMAttributeDefinition) -> [SCIMResource] {
        switch definition.name.lowercased() {
        case "manager": return [.user]
        case "members": return [.user, .group]
        default:
            var types = definition.referenceTypes
            for sub in definition.subAttributes where sub.type == .reference { types += sub.referenceTypes }
            return SCIMResource.allCases.filter { resource in types.contains { $0.lowercased() == resource.rawValue.lowercased() } }
        }
    }
}
