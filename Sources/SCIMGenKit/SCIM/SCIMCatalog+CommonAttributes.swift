extension SCIMCatalog {
    /// The attributes every resource has, `id`, `externalId` and `meta` (RFC 7643 section 3.1).
    ///
    /// They belong to no schema: a resource's schemas never list them, yet `id` and `externalId`
    /// are valid unqualified attribute names for users and groups alike.
    public static let commonAttributes: [SCIMAttributeDefinition] = [
        SCIMAttributeDefinition(
            name: "id",
            description: "The service provider's stable, unique identifier for the resource, never set by clients.",
            caseExact: true,
            mutability: .readOnly,
            returned: .always,
            // Section 3.1: unique across the service provider's entire set of resources.
            uniqueness: .server
        ),
        SCIMAttributeDefinition(
            name: "externalId",
            description: "The provisioning client's own identifier for the resource, scoped to that client.",
            caseExact: true
        ),
        SCIMAttributeDefinition(
            name: "meta",
            type: .complex,
            description: "Resource metadata, all of it assigned by the service provider.",
            mutability: .readOnly,
            subAttributes: [
                SCIMAttributeDefinition(
                    name: "resourceType",
                    description: "The name of the resource's type, such as 'User' or 'Group'.",
                    caseExact: true,
                    mutability: .readOnly
                ),
                SCIMAttributeDefinition(
                    name: "created",
                    type: .dateTime,
                    description: "When the resource was added to the service provider.",
                    mutability: .readOnly
                ),
                SCIMAttributeDefinition(
                    name: "lastModified",
                    type: .dateTime,
                    description: "When the resource was last updated; equal to 'created' until then.",
                    mutability: .readOnly
                ),
                SCIMAttributeDefinition(
                    name: "location",
                    // Section 3.1 calls it "the URI of the resource"; a URI-valued attribute is a
                    // reference of type "uri" in the terms of section 2.3.7.
                    type: .reference,
                    description: "The URI of the resource, equal to the Location HTTP header.",
                    mutability: .readOnly,
                    referenceTypes: ["uri"]
                ),
                SCIMAttributeDefinition(
                    name: "version",
                    description: "The version of the resource, equal to its ETag HTTP header.",
                    mutability: .readOnly
                ),
            ]
        ),
    ]
}
