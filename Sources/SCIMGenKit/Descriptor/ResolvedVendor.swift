/// A descriptor that passed validation, with every attribute path resolved once against the SCIM
/// catalog and the vendor's extension schemas built once.
///
/// The pipeline reads as types: descriptor files -> `VendorDescriptor` (decoded, located) ->
/// `ResolvedVendor` (checked) -> `[relative path: bytes]` -> written. Only validation makes one
/// (`DescriptorValidator.check`), so every output that takes it can rely on its rows naming real
/// SCIM attributes and never parses a path again.
///
/// The descriptor's own facts read through it (`vendor.name`, `vendor.credentials`); the attribute
/// tables and custom field mappings are the resolved ones.
@dynamicMemberLookup
public struct ResolvedVendor: Hashable, Sendable {
    /// The parts, held by reference: a checked vendor is never changed, and thousands of them are
    /// passed around and kept in arrays, which then hold one pointer each.
    private final class Storage: Sendable {
        let descriptor: VendorDescriptor
        let users: ResolvedTable
        let groups: ResolvedTable?
        let extensionSchemas: [SCIMSchemaDefinition]
        let customFields: [ResolvedCustomField]

        init(
            descriptor: VendorDescriptor, users: ResolvedTable, groups: ResolvedTable?,
            extensionSchemas: [SCIMSchemaDefinition], customFields: [ResolvedCustomField]
        ) {
            self.descriptor = descriptor
            self.users = users
            self.groups = groups
            self.extensionSchemas = extensionSchemas
            self.customFields = customFields
        }
    }

    private let storage: Storage

    /// The descriptor as decoded.
    public var descriptor: VendorDescriptor { storage.descriptor }
    /// The user attribute table, every row resolved.
    public var users: ResolvedTable { storage.users }
    /// The group attribute table, nil when the vendor does not provision groups.
    public var groups: ResolvedTable? { storage.groups }
    /// The vendor's extension schemas as SCIM schema definitions, in descriptor order.
    public var extensionSchemas: [SCIMSchemaDefinition] { storage.extensionSchemas }
    /// The custom field mappings' attributes, resolved for users.
    public var customFields: [ResolvedCustomField] { storage.customFields }

    /// Made by `DescriptorValidator.check` only.
    init(
        descriptor: VendorDescriptor, users: ResolvedTable, groups: ResolvedTable?,
        extensionSchemas: [SCIMSchemaDefinition], customFields: [ResolvedCustomField]
    ) {
        storage = Storage(
            descriptor: descriptor, users: users, groups: groups, extensionSchemas: extensionSchemas,
            customFields: customFields)
    }

    /// Two checked vendors are equal when their descriptors are: the rest follows from it.
    public static func == (lhs: ResolvedVendor, rhs: ResolvedVendor) -> Bool {
        lhs.storage === rhs.storage || lhs.descriptor == rhs.descriptor
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(descriptor) }

    /// Checks `descriptor` and returns the checked vendor.
    ///
    /// - Throws: `DiagnosticsError` with every problem when any is an error.
    public init(checking descriptor: VendorDescriptor) throws(DiagnosticsError) {
        let (vendor, diagnostics) = DescriptorValidator.check(descriptor)
        guard let vendor else { throw DiagnosticsError(diagnostics) }
        self = vendor
    }

    /// A fact of the descriptor, such as `vendor.name` or `vendor.capabilities`.
    public subscript<Value>(dynamicMember keyPath: KeyPath<VendorDescriptor, Value>) -> Value {
        descriptor[keyPath: keyPath]
    }

    /// The tables present, users first.
    public var tables: [ResolvedTable] { [users] + (groups.map { [$0] } ?? []) }

    /// Whether `schema` is one of the vendor's own extension schemas (its URN compared without case).
    public func ownsSchema(_ schema: SCIMSchemaDefinition?) -> Bool {
        guard let id = schema?.id.lowercased() else { return false }
        return extensionSchemas.contains { $0.id.lowercased() == id }
    }
}

/// An attribute table whose rows are resolved.
public struct ResolvedTable: Hashable, Sendable {
    /// Users or groups.
    public let resource: SCIMResource
    /// The table as written (mapping name, whether it is optional, the raw rows).
    public let table: AttributeTable
    /// The rows in table order, each with what its path names.
    public let rows: [ResolvedRow]

    /// The mapping's name in the Entra admin center, when the descriptor gives one.
    public var mappingName: String? { table.mappingName }
    /// Whether synchronizing this object type is optional.
    public var optional: Bool { table.optional }
    /// Whether any row states whether the vendor requires it.
    public var statesRequired: Bool { table.statesRequired }

    /// The row that names `attribute` of the resource's core schema, with no filter or sub-attribute:
    /// `displayName` and `urn:ietf:params:scim:schemas:core:2.0:Group:displayName` alike.
    public func coreRow(named attribute: String) -> ResolvedRow? {
        rows.first { $0.attribute.names(coreAttribute: attribute, of: resource) }
    }
}

/// One attribute table row and the SCIM attribute it names.
public struct ResolvedRow: Hashable, Sendable {
    /// The row as written.
    public let mapping: AttributeMapping
    /// What its path names: schema, attribute, sub-attribute and value filter.
    public let attribute: ResolvedAttribute

    /// Creates a row.
    public init(mapping: AttributeMapping, attribute: ResolvedAttribute) {
        self.mapping = mapping
        self.attribute = attribute
    }
}

/// One attribute a vendor maps to a custom field on request, resolved for users.
public struct ResolvedCustomField: Hashable, Sendable {
    /// The entry as written.
    public let allowed: CustomFieldMappings.Allowed
    /// What its path names.
    public let attribute: ResolvedAttribute

    /// Creates an entry.
    public init(allowed: CustomFieldMappings.Allowed, attribute: ResolvedAttribute) {
        self.allowed = allowed
        self.attribute = attribute
    }
}

extension ResolvedAttribute {
    /// Whether this names `attribute` of `resource`'s core schema itself: no filter, no sub-attribute.
    public func names(coreAttribute name: String, of resource: SCIMResource) -> Bool {
        guard let schema, schema.id.lowercased() == resource.coreSchema.id.lowercased() else { return false }
        return attribute.name.lowercased() == name.lowercased() && subAttribute == nil && path.filter == nil
    }

    /// A key that is the same for every spelling of one attribute path: the schema URN, the catalog's
    /// names and the value filter, lowercased. `userName` and `urn:…:core:2.0:User:userName` share it.
    public var identity: String {
        var text = schema.map { $0.id + ":" } ?? ""
        text += attribute.name
        if let filter = path.filter { text += "[\(filter)]" }
        if let subAttribute { text += "." + subAttribute.name }
        return text.lowercased()
    }
}
