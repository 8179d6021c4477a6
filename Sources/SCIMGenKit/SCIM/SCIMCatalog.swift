/// The schemas and attributes that RFC 7643 defines, as Swift data.
///
/// Characteristics follow the schema representation of RFC 7643 section 8.7.1 (and section 3.1 for
/// the common attributes); descriptions are short paraphrases of the RFC's prose. Where section
/// 8.7.1 disagrees with the prose of section 4, each such place says which one it follows and why.
public enum SCIMCatalog {
    /// The User, Group and Enterprise User schemas, in that order.
    public static let schemas: [SCIMSchemaDefinition] = [user, group, enterpriseUser]

    /// The schemas of the discovery resources themselves, as RFC 7643 section 8.7.2 gives them:
    /// Service Provider Configuration, Resource Type and Schema, in that order.
    ///
    /// Every service publishes them at `/Schemas` beside the schemas of its resources (RFC 7644
    /// section 4: "all supported schemas"). They are not in `schemas`: no descriptor row maps to
    /// their attributes.
    public static let discoverySchemas: [SCIMSchemaDefinition] = [serviceProviderConfig, resourceType, schemaSchema]

    /// The schema with this URN, ignoring case (RFC 7643 section 2.1: URNs are case-insensitive).
    public static func schema(withID id: String) -> SCIMSchemaDefinition? {
        let key = id.lowercased()
        return schemas.first { $0.id.lowercased() == key }
    }

    /// The common attribute (`id`, `externalId`, `meta`) with this name, ignoring case.
    public static func commonAttribute(named name: String) -> SCIMAttributeDefinition? {
        let key = name.lowercased()
        return commonAttributes.first { $0.name.lowercased() == key }
    }
}
