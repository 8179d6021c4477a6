extension SCIMCatalog {
    /// The core Group schema, `urn:ietf:params:scim:schemas:core:2.0:Group` (RFC 7643 sections 4.2 and 8.7.1).
    public static let group = SCIMSchemaDefinition(
        id: SCIMURN.group,
        name: "Group",
        description: "Group",
        attributes: [
            SCIMAttributeDefinition(
                name: "displayName",
                description: "A human-readable name for the group.",
                // Section 4.2 calls displayName REQUIRED, but section 8.7.1 says "required": false
                // (a known erratum); the catalog follows 8.7.1, the machine-readable statement.
                required: false
            ),
            SCIMAttributeDefinition(
                name: "members",
                type: .complex,
                multiValued: true,
                description: "The members of the group.",
                // Section 8.7.1 lists value, $ref and type; it has no "display" sub-attribute.
                subAttributes: [
                    SCIMAttributeDefinition(
                        name: "value",
                        description: "The 'id' of the member resource.",
                        mutability: .immutable
                    ),
                    SCIMAttributeDefinition(
                        name: "$ref",
                        type: .reference,
                        description: "The URI of the member resource.",
                        mutability: .immutable,
                        referenceTypes: ["User", "Group"]
                    ),
                    SCIMAttributeDefinition(
                        name: "type",
                        description: "The type of the member resource, 'User' or 'Group'.",
                        mutability: .immutable,
                        canonicalValues: ["User", "Group"]
                    ),
                ]
            ),
        ]
    )
}
