extension SCIMCatalog {
    /// The Resource Type schema, `urn:ietf:params:scim:schemas:core:2.0:ResourceType`, as RFC 7643
    /// section 8.7.2 gives it.
    ///
    /// Word for word, with the RFC's slips: `schemaExtensions` is single-valued and required there,
    /// although section 6 calls it "a list" and optional, and the published resource types carry a
    /// list, or none for Group.
    public static let resourceType = SCIMSchemaDefinition(
        id: SCIMURN.resourceType,
        name: "ResourceType",
        description: "Specifies the schema that describes a SCIM resource type",
        attributes: [
            SCIMAttributeDefinition(
                name: "id",
                description: "The resource type's server unique id. May be the same as the 'name' attribute.",
                mutability: .readOnly
            ),
            SCIMAttributeDefinition(
                name: "name",
                description: "The resource type name.  When applicable, service providers MUST specify the name, e.g., 'User'.",
                required: true,
                mutability: .readOnly
            ),
            SCIMAttributeDefinition(
                name: "description",
                description:
                    "The resource type's human-readable description.  When applicable, service providers MUST specify the description.",
                mutability: .readOnly
            ),
            SCIMAttributeDefinition(
                name: "endpoint",
                type: .reference,
                description: "The resource type's HTTP-addressable endpoint relative to the Base URL, e.g., '/Users'.",
                required: true,
                mutability: .readOnly,
                referenceTypes: ["uri"]
            ),
            SCIMAttributeDefinition(
                name: "schema",
                type: .reference,
                description: "The resource type's primary/base schema URI.",
                required: true,
                caseExact: true,
                mutability: .readOnly,
                referenceTypes: ["uri"]
            ),
            SCIMAttributeDefinition(
                name: "schemaExtensions",
                type: .complex,
                description: "A list of URIs of the resource type's schema extensions.",
                required: true,
                mutability: .readOnly,
                subAttributes: [
                    SCIMAttributeDefinition(
                        name: "schema",
                        type: .reference,
                        description: "The URI of a schema extension.",
                        required: true,
                        caseExact: true,
                        mutability: .readOnly,
                        referenceTypes: ["uri"]
                    ),
                    SCIMAttributeDefinition(
                        name: "required",
                        type: .boolean,
                        description: """
                            A Boolean value that specifies whether or not the schema extension is required for the resource type.  \
                            If true, a resource of this type MUST include this schema extension and also include any attributes \
                            declared as required in this schema extension. If false, a resource of this type MAY omit this schema extension.
                            """,
                        required: true,
                        mutability: .readOnly
                    ),
                ]
            ),
        ]
    )
}
