/// The two resource types RFC 7643 defines, each with its core schema.
public enum SCIMResource: String, Sendable, Hashable, CaseIterable {
    /// A User (RFC 7643 section 4.1).
    case user = "User"
    /// A Group (RFC 7643 section 4.2).
    case group = "Group"

    /// The resource's core schema, against which unqualified attribute names resolve.
    public var coreSchema: SCIMSchemaDefinition {
        switch self {
        case .user: SCIMCatalog.user
        case .group: SCIMCatalog.group
        }
    }

    /// The extension schemas RFC 7643 itself defines for the resource: the Enterprise User for users.
    public var standardExtensions: [SCIMSchemaDefinition] {
        switch self {
        case .user: [SCIMCatalog.enterpriseUser]
        case .group: []
        }
    }
}
