/// What Microsoft Entra feeds each standard SCIM attribute from in a new non-gallery SCIM app:
/// the source of every attribute table row that names none.
///
/// A descriptor row's `source`, `expression` or `constant` replaces these for that attribute.
/// Targets are written as Entra names them, which is also the canonical attribute path
/// (`emails[type eq "work"].value`, `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager`).
public enum EntraDefaultSources {
    /// One default: the target attribute and its source.
    public struct Entry: Hashable, Sendable {
        /// The target attribute's Entra name.
        public var target: String
        /// Where Entra takes the value from.
        public var source: MappingSource

        /// Creates an entry.
        public init(_ target: String, _ source: MappingSource) {
            self.target = target
            self.source = source
        }
    }

    /// The user defaults, in the order a new app's attribute mapping page lists them.
    public static let user: [Entry] = [
        Entry("userName", .attribute("userPrincipalName")),
        // Gallery apps often use Not([IsSoftDeleted]); a non-gallery app starts with this Switch.
        Entry("active", .expression(#"Switch([IsSoftDeleted], , "False", "True", "True", "False")"#)),
        Entry("displayName", .attribute("displayName")),
        Entry("title", .attribute("jobTitle")),
        Entry(#"emails[type eq "work"].value"#, .attribute("mail")),
        Entry("preferredLanguage", .attribute("preferredLanguage")),
        Entry("name.givenName", .attribute("givenName")),
        Entry("name.familyName", .attribute("surname")),
        Entry("name.formatted", .expression(#"Join(" ", [givenName], [surname])"#)),
        Entry(#"addresses[type eq "work"].formatted"#, .attribute("physicalDeliveryOfficeName")),
        Entry(#"addresses[type eq "work"].streetAddress"#, .attribute("streetAddress")),
        Entry(#"addresses[type eq "work"].locality"#, .attribute("city")),
        Entry(#"addresses[type eq "work"].region"#, .attribute("state")),
        Entry(#"addresses[type eq "work"].postalCode"#, .attribute("postalCode")),
        Entry(#"addresses[type eq "work"].country"#, .attribute("country")),
        Entry(#"phoneNumbers[type eq "work"].value"#, .attribute("telephoneNumber")),
        Entry(#"phoneNumbers[type eq "mobile"].value"#, .attribute("mobile")),
        Entry(#"phoneNumbers[type eq "fax"].value"#, .attribute("facsimileTelephoneNumber")),
        Entry("externalId", .attribute("mailNickname")),
        Entry("\(SCIMURN.enterpriseUser):employeeNumber", .attribute("employeeId")),
        Entry("\(SCIMURN.enterpriseUser):department", .attribute("department")),
        Entry("\(SCIMURN.enterpriseUser):manager", .attribute("manager")),
        // Not mapped in a new app, but Microsoft's article on building a SCIM endpoint lists it.
        Entry(#"emails[type eq "other"].value"#, .attribute("proxyAddresses")),
    ]

    /// The group defaults.
    public static let group: [Entry] = [
        Entry("displayName", .attribute("displayName")),
        Entry("externalId", .attribute("objectId")),
        Entry("members", .attribute("members")),
    ]

    /// The default source of a target attribute, compared ignoring case as SCIM names are; nil when Entra has none.
    public static func source(for target: String, in resource: SCIMResource) -> MappingSource? {
        let key = target.lowercased()
        return (resource == .user ? user : group).first { $0.target.lowercased() == key }?.source
    }
}
