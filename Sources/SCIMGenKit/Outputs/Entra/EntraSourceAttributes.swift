/// The Microsoft Entra attributes that mappings read most, with their definitions in the source
/// directory, so that a merge can add one to a source object whose attribute list lacks it, as an
/// administrator does with **Edit attribute list for Microsoft Entra ID**.
///
/// Every real tenant's download lists these; a schema assembled by hand may not (Microsoft's
/// Salesforce template lists no `displayName` for groups and no `employeeId` for users). Types and
/// multiplicity are those of the "Azure Active Directory" directory of Graph's synchronizationSchema
/// sample, with `employeeId` and the group's `displayName` and `mailNickname` as Strings like
/// their neighbours. An
/// attribute not listed here (a directory extension, say) is never invented: a mapping that reads
/// it from a source object without it is refused.
enum EntraSourceAttributes {
    /// One attribute of the Entra source directory.
    struct Attribute: Hashable, Sendable {
        /// The name, as Entra spells it.
        var name: String
        /// Graph's type.
        var type: String
        /// Whether it holds several values.
        var multivalued: Bool = false
        /// The source objects a `Reference` points at, by resource.
        var references: [SCIMResource] = []
    }

    /// The user attributes.
    static let user: [Attribute] = [
        .init(name: "IsSoftDeleted", type: "Boolean"), .init(name: "accountEnabled", type: "Boolean"),
        .init(name: "city", type: "String"), .init(name: "companyName", type: "String"),
        .init(name: "country", type: "String"), .init(name: "department", type: "String"),
        .init(name: "displayName", type: "String"), .init(name: "employeeId", type: "String"),
        .init(name: "facsimileTelephoneNumber", type: "String"), .init(name: "givenName", type: "String"),
        .init(name: "jobTitle", type: "String"), .init(name: "mail", type: "String"),
        .init(name: "mailNickname", type: "String"), .init(name: "manager", type: "Reference", references: [.user]),
        .init(name: "mobile", type: "String"), .init(name: "physicalDeliveryOfficeName", type: "String"),
        .init(name: "postalCode", type: "String"), .init(name: "preferredLanguage", type: "String"),
        .init(name: "proxyAddresses", type: "String", multivalued: true), .init(name: "state", type: "String"),
        .init(name: "streetAddress", type: "String"), .init(name: "surname", type: "String"),
        .init(name: "telephoneNumber", type: "String"), .init(name: "userPrincipalName", type: "String"),
    ]

    /// The group attributes.
    static let group: [Attribute] = [
        .init(name: "displayName", type: "String"), .init(name: "mailNickname", type: "String"),
        .init(name: "members", type: "Reference", multivalued: true, references: [.group, .user]),
    ]

    /// The attribute of this name (compared ignoring case) for users or groups, nil when unknown.
    static func attribute(_ name: String, for resource: SCIMResource) -> Attribute? {
        (resource == .user ? user : group).first { $0.name.lowercased() == name.lowercased() }
    }

    /// The attribute as a Graph `attributeDefinition`, with the tenant's names for the objects it references.
    static func jsonValue(_ attribute: Attribute, objectName: (SCIMResource) -> String) -> JSONValue {
        [
            "anchor": false, "apiExpressions": [], "caseExact": false, "defaultValue": nil, "flowNullValues": false,
            "metadata": [], "multivalued": .bool(attribute.multivalued), "mutability": "ReadWrite",
            "name": .string(attribute.name),
            "referencedObjects": .array(attribute.references.map {
                ["referencedObjectName": .string(objectName($0)), "referencedProperty": nil]
            }),
            "required": false, "type": .string(attribute.type),
        ]
    }
}
