extension SCIMCatalog {
    /// The Service Provider Configuration schema,
    /// `urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig`, as RFC 7643 section 8.7.2
    /// gives it.
    ///
    /// Word for word, with the RFC's gaps: no `etag`, and no `type` or `primary` in
    /// `authenticationSchemes` (errata 8011, not verified), although section 5 defines them and the
    /// published `ServiceProviderConfig` carries them. One departure: the RFC names the schema
    /// "Service Provider Configuration"; here it is `ServiceProviderConfig`, the last part of its
    /// URN, as the other two discovery schemas are named, because scim2-tester's
    /// `core_schemas_validation` looks the three up by those names. A schema's name is for people.
    public static let serviceProviderConfig = SCIMSchemaDefinition(
        id: SCIMURN.serviceProviderConfig,
        name: "ServiceProviderConfig",
        description: "Schema for representing the service provider's configuration",
        attributes: [
            SCIMAttributeDefinition(
                name: "documentationUri",
                type: .reference,
                description: "An HTTP-addressable URL pointing to the service provider's human-consumable help documentation.",
                mutability: .readOnly,
                referenceTypes: ["external"]
            ),
            feature("patch", "A complex type that specifies PATCH configuration options."),
            feature(
                "bulk", "A complex type that specifies bulk configuration options.",
                limits: [
                    ("maxOperations", "An integer value specifying the maximum number of operations."),
                    ("maxPayloadSize", "An integer value specifying the maximum payload size in bytes."),
                ]),
            feature(
                "filter", "A complex type that specifies FILTER options.",
                limits: [("maxResults", "An integer value specifying the maximum number of resources returned in a response.")]),
            feature("changePassword", "A complex type that specifies configuration options related to changing a password."),
            feature("sort", "A complex type that specifies sort result options."),
            SCIMAttributeDefinition(
                name: "authenticationSchemes",
                type: .complex,
                multiValued: true,
                description: "A complex type that specifies supported authentication scheme properties.",
                required: true,
                mutability: .readOnly,
                subAttributes: [
                    SCIMAttributeDefinition(
                        name: "name",
                        description: "The common authentication scheme name, e.g., HTTP Basic.",
                        required: true,
                        mutability: .readOnly
                    ),
                    SCIMAttributeDefinition(
                        name: "description",
                        description: "A description of the authentication scheme.",
                        required: true,
                        mutability: .readOnly
                    ),
                    SCIMAttributeDefinition(
                        name: "specUri",
                        type: .reference,
                        description: "An HTTP-addressable URL pointing to the authentication scheme's specification.",
                        mutability: .readOnly,
                        referenceTypes: ["external"]
                    ),
                    SCIMAttributeDefinition(
                        name: "documentationUri",
                        type: .reference,
                        description: "An HTTP-addressable URL pointing to the authentication scheme's usage documentation.",
                        mutability: .readOnly,
                        referenceTypes: ["external"]
                    ),
                ]
            ),
        ]
    )
}

// MARK: - Private

private extension SCIMCatalog {
    /// A required, read-only feature of the configuration: `supported`, then its integer limits.
    static func feature(_ name: String, _ description: String, limits: [(String, String)] = []) -> SCIMAttributeDefinition {
        var subAttributes = [
            SCIMAttributeDefinition(
                name: "supported",
                type: .boolean,
                description: "A Boolean value specifying whether or not the operation is supported.",
                required: true,
                mutability: .readOnly
            )
        ]
        for (limit, text) in limits {
            subAttributes.append(SCIMAttributeDefinition(name: limit, type: .integer, description: text, required: true, mutability: .readOnly))
        }
        return SCIMAttributeDefinition(
            name: name, type: .complex, description: description, required: true, mutability: .readOnly, subAttributes: subAttributes)
    }
}
