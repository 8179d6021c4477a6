extension SCIMCatalog {
    /// The schema of schema definitions, `urn:ietf:params:scim:schemas:core:2.0:Schema`, as RFC 7643
    /// section 8.7.2 gives it.
    ///
    /// Word for word, with the RFC's slips: `description` is described as the schema's name, the
    /// `type` attribute does not list `binary`, and `referenceTypes` is multi-valued among the
    /// attributes but single-valued among the sub-attributes (errata 5607, not verified). It is the
    /// one schema whose sub-attributes are complex: section 7 allows it for this resource alone.
    public static let schemaSchema = SCIMSchemaDefinition(
        id: SCIMURN.schema,
        name: "Schema",
        description: "Specifies the schema that describes a SCIM schema",
        attributes: [
            SCIMAttributeDefinition(
                name: "id",
                description: "The unique URI of the schema. When applicable, service providers MUST specify the URI.",
                required: true,
                mutability: .readOnly
            ),
            SCIMAttributeDefinition(
                name: "name",
                description: "The schema's human-readable name. When applicable, service providers MUST specify the name, e.g., 'User'.",
                required: true,
                mutability: .readOnly
            ),
            SCIMAttributeDefinition(
                name: "description",
                description: "The schema's human-readable name.  When applicable, service providers MUST specify the name, e.g., 'User'.",
                mutability: .readOnly
            ),
            SCIMAttributeDefinition(
                name: "attributes",
                type: .complex,
                multiValued: true,
                description: "A complex attribute that includes the attributes of a schema.",
                required: true,
                mutability: .readOnly,
                subAttributes: attributeCharacteristics(referenceTypesMultiValued: true) + [
                    SCIMAttributeDefinition(
                        name: "subAttributes",
                        type: .complex,
                        multiValued: true,
                        description: "Used to define the sub-attributes of a complex attribute.",
                        mutability: .readOnly,
                        subAttributes: attributeCharacteristics(referenceTypesMultiValued: false)
                    )
                ]
            ),
        ]
    )
}

// MARK: - Private

private extension SCIMCatalog {
    /// The characteristics of an attribute (RFC 7643 section 7), listed twice in section 8.7.2:
    /// for `attributes` and again for `subAttributes`, identical but for `referenceTypes`.
    static func attributeCharacteristics(referenceTypesMultiValued: Bool) -> [SCIMAttributeDefinition] {
        [
            SCIMAttributeDefinition(name: "name", description: "The attribute's name.", required: true, caseExact: true, mutability: .readOnly),
            SCIMAttributeDefinition(
                name: "type",
                description:
                    "The attribute's data type. Valid values include 'string', 'complex', 'boolean', 'decimal', 'integer', 'dateTime', 'reference'.",
                required: true,
                mutability: .readOnly,
                canonicalValues: ["string", "complex", "boolean", "decimal", "integer", "dateTime", "reference"]
            ),
            SCIMAttributeDefinition(
                name: "multiValued",
                type: .boolean,
                description: "A Boolean value indicating an attribute's plurality.",
                required: true,
                mutability: .readOnly
            ),
            SCIMAttributeDefinition(
                name: "description",
                description: "A human-readable description of the attribute.",
                caseExact: true,
                mutability: .readOnly
            ),
            SCIMAttributeDefinition(
                name: "required",
                type: .boolean,
                description: "A boolean value indicating whether or not the attribute is required.",
                mutability: .readOnly
            ),
            SCIMAttributeDefinition(
                name: "canonicalValues",
                multiValued: true,
                description: "A collection of canonical values.  When applicable, service providers MUST specify the canonical types, e.g., 'work', 'home'.",
                caseExact: true,
                mutability: .readOnly
            ),
            SCIMAttributeDefinition(
                name: "caseExact",
                type: .boolean,
                description: "A Boolean value indicating whether or not a string attribute is case sensitive.",
                mutability: .readOnly
            ),
            SCIMAttributeDefinition(
                name: "mutability",
                description: "Indicates whether or not an attribute is modifiable.",
                caseExact: true,
                mutability: .readOnly,
                canonicalValues: ["readOnly", "readWrite", "immutable", "writeOnly"]
            ),
            SCIMAttributeDefinition(
                name: "returned",
                description: "Indicates when an attribute is returned in a response (e.g., to a query).",
                caseExact: true,
                mutability: .readOnly,
                canonicalValues: ["always", "never", "default", "request"]
            ),
            SCIMAttributeDefinition(
                name: "uniqueness",
                description: "Indicates how unique a value must be.",
                caseExact: true,
                mutability: .readOnly,
                canonicalValues: ["none", "server", "global"]
            ),
            SCIMAttributeDefinition(
                name: "referenceTypes",
                multiValued: referenceTypesMultiValued,
                description:
                    "Used only with an attribute of type 'reference'.  Specifies a SCIM resourceType that a reference attribute MAY refer to, e.g., 'User'.",
                caseExact: true,
                mutability: .readOnly
            ),
        ]
    }
}
