/// What an attribute path names: the schema, the attribute and the sub-attribute.
public struct ResolvedAttribute: Sendable, Hashable {
    /// The path as written.
    public var path: AttributePath
    /// The schema that defines the attribute, or nil for a common attribute (`id`, `externalId`, `meta`).
    public var schema: SCIMSchemaDefinition?
    /// The top-level attribute.
    public var attribute: SCIMAttributeDefinition
    /// The sub-attribute after the dot, if the path has one.
    public var subAttribute: SCIMAttributeDefinition?

    /// Creates a resolution result.
    public init(
        path: AttributePath,
        schema: SCIMSchemaDefinition?,
        attribute: SCIMAttributeDefinition,
        subAttribute: SCIMAttributeDefinition? = nil
    ) {
        self.path = path
        self.schema = schema
        self.attribute = attribute
        self.subAttribute = subAttribute
    }

    /// The definition the path's value has: the sub-attribute when there is one, else the attribute.
    public var definition: SCIMAttributeDefinition { subAttribute ?? attribute }

    /// The type of the path's value: `name.givenName` is a string, `manager` is complex.
    public var type: SCIMAttributeType { definition.type }

    /// Whether the attribute is one of the common attributes that belong to no schema.
    public var isCommonAttribute: Bool { schema == nil }

    /// The path with its schema URN and the catalog's spelling of each name, without the filter,
    /// such as `urn:ietf:params:scim:schemas:core:2.0:User:name.givenName`; common attributes stay unqualified.
    public var qualifiedName: String {
        var text = schema.map { $0.id + ":" } ?? ""
        text += attribute.name
        if let subAttribute { text += "." + subAttribute.name }
        return text
    }

    /// Whether an attribute table may give this path the type `tableType` (such as `String` or `Reference`).
    ///
    /// The Type column of a Microsoft Learn table is the type of the app's target attribute in
    /// Entra, not the RFC 7643 type, so the type must match, ignoring case, with two allowances:
    /// - Entra calls `manager` and `members` "Reference", though RFC 7643 makes them complex
    ///   attributes whose `$ref` (or `value`) sub-attribute is the reference. So "Reference" is
    ///   accepted for a complex value with such a sub-attribute, or named `manager` or `members` in
    ///   an extension that leaves `$ref` out.
    /// - A gallery app's schema in Entra may hold a reference as a plain string (the manager's id,
    ///   the profile URL), and a whole complex attribute as the string an expression builds (`roles`
    ///   from `AppRoleAssignmentsComplex`); published tutorials write "String" for them, so "String"
    ///   is accepted for references and complex attributes.
    public func acceptsTableType(_ tableType: String) -> Bool {
        guard let declared = SCIMAttributeType(displayName: tableType) else { return false }
        if declared == type { return true }
        if declared == .string { return type == .reference || type == .complex }
        guard declared == .reference, type == .complex else { return false }
        let value = definition
        let referencing = value.subAttributes.contains { sub in
            let name = sub.name.lowercased()
            return (name == "$ref" || name == "value") && sub.type == .reference
        }
        return referencing || ["manager", "members"].contains(value.name.lowercased())
    }
}
