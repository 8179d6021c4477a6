extension SCIMCatalog {
    /// The Enterprise User extension, `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`
    /// (RFC 7643 sections 4.3 and 8.7.1).
    public static let enterpriseUser = SCIMSchemaDefinition(
        id: SCIMURN.enterpriseUser,
        name: "EnterpriseUser",
        description: "Enterprise User",
        attributes: [
            SCIMAttributeDefinition(
                name: "employeeNumber",
                description: "An identifier for the person assigned by the organization, often by order of hire."
            ),
            SCIMAttributeDefinition(name: "costCenter", description: "The name of a cost center."),
            SCIMAttributeDefinition(name: "organization", description: "The name of an organization."),
            SCIMAttributeDefinition(name: "division", description: "The name of a division."),
            SCIMAttributeDefinition(name: "department", description: "The name of a department."),
            SCIMAttributeDefinition(
                name: "manager",
                type: .complex,
                description: "The user's manager, referring to the 'id' of another User.",
                subAttributes: [
                    // Section 4.3's prose calls value and $ref REQUIRED, but section 8.7.1 says
                    // "required": false for both; the catalog follows 8.7.1.
                    SCIMAttributeDefinition(
                        name: "value",
                        description: "The 'id' of the manager's User resource."
                    ),
                    SCIMAttributeDefinition(
                        name: "$ref",
                        type: .reference,
                        description: "The URI of the manager's User resource.",
                        referenceTypes: ["User"]
                    ),
                    SCIMAttributeDefinition(
                        name: "displayName",
                        description: "The manager's display name.",
                        mutability: .readOnly
                    ),
                ]
            ),
        ]
    )
}
