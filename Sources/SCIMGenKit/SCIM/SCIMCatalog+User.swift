extension SCIMCatalog {
    /// The core User schema, `urn:ietf:params:scim:schemas:core:2.0:User` (RFC 7643 sections 4.1 and 8.7.1).
    public static let user = SCIMSchemaDefinition(
        id: SCIMURN.user,
        name: "User",
        description: "User Account",
        attributes: [
            SCIMAttributeDefinition(
                name: "userName",
                description: "The user's unique identifier at the service provider, typically used to sign in.",
                required: true,
                uniqueness: .server
            ),
            SCIMAttributeDefinition(
                name: "name",
                type: .complex,
                description: "The components of the user's real name.",
                subAttributes: [
                    SCIMAttributeDefinition(
                        name: "formatted",
                        description: "The full name formatted for display, such as 'Ms. Barbara J Jensen, III'."
                    ),
                    SCIMAttributeDefinition(name: "familyName", description: "The family name, or last name."),
                    SCIMAttributeDefinition(name: "givenName", description: "The given name, or first name."),
                    SCIMAttributeDefinition(name: "middleName", description: "The middle name or names."),
                    SCIMAttributeDefinition(
                        name: "honorificPrefix",
                        description: "The honorific prefix or prefixes, such as 'Ms.'."
                    ),
                    SCIMAttributeDefinition(
                        name: "honorificSuffix",
                        description: "The honorific suffix or suffixes, such as 'III'."
                    ),
                ]
            ),
            SCIMAttributeDefinition(
                name: "displayName",
                description: "The name to show to end users, ideally the user's full name."
            ),
            SCIMAttributeDefinition(
                name: "nickName",
                description: "The casual way to address the user, such as 'Bob' for 'Robert'."
            ),
            SCIMAttributeDefinition(
                name: "profileUrl",
                type: .reference,
                description: "A URL of a page with the user's online profile.",
                referenceTypes: ["external"]
            ),
            SCIMAttributeDefinition(name: "title", description: "The user's job title, such as 'Vice President'."),
            SCIMAttributeDefinition(
                name: "userType",
                description: "The user's relationship to the organization, such as 'Employee' or 'Contractor'."
            ),
            SCIMAttributeDefinition(
                name: "preferredLanguage",
                description: "The user's preferred written or spoken language, such as 'en-US'."
            ),
            SCIMAttributeDefinition(
                name: "locale",
                description: "The user's default location for localizing currency, dates and numbers."
            ),
            SCIMAttributeDefinition(
                name: "timezone",
                description: "The user's time zone in IANA ('Olson') format, such as 'America/Los_Angeles'."
            ),
            SCIMAttributeDefinition(
                name: "active",
                type: .boolean,
                description: "The user's administrative status."
            ),
            SCIMAttributeDefinition(
                name: "password",
                description: "The user's cleartext password, for setting an initial password or resetting it.",
                mutability: .writeOnly,
                returned: .never
            ),
            SCIMAttributeDefinition(
                name: "emails",
                type: .complex,
                multiValued: true,
                description: "The user's email addresses.",
                subAttributes: [
                    SCIMAttributeDefinition(name: "value", description: "An email address, canonicalized by the service provider."),
                    display(),
                    kind(canonicalValues: ["work", "home", "other"]),
                    primary(),
                ]
            ),
            SCIMAttributeDefinition(
                name: "phoneNumbers",
                type: .complex,
                multiValued: true,
                description: "The user's phone numbers, ideally in RFC 3966 form such as 'tel:+1-201-555-0123'.",
                subAttributes: [
                    SCIMAttributeDefinition(name: "value", description: "A phone number."),
                    display(),
                    kind(canonicalValues: ["work", "home", "mobile", "fax", "pager", "other"]),
                    primary(),
                ]
            ),
            SCIMAttributeDefinition(
                name: "ims",
                type: .complex,
                multiValued: true,
                description: "The user's instant messaging addresses.",
                subAttributes: [
                    SCIMAttributeDefinition(name: "value", description: "An instant messaging address."),
                    display(),
                    kind(canonicalValues: ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
                    primary(),
                ]
            ),
            SCIMAttributeDefinition(
                name: "photos",
                type: .complex,
                multiValued: true,
                description: "URLs of photos of the user.",
                subAttributes: [
                    SCIMAttributeDefinition(
                        name: "value",
                        type: .reference,
                        description: "The URL of a photo of the user.",
                        referenceTypes: ["external"]
                    ),
                    display(),
                    kind(canonicalValues: ["photo", "thumbnail"]),
                    primary(),
                ]
            ),
            SCIMAttributeDefinition(
                name: "addresses",
                type: .complex,
                multiValued: true,
                description: "The user's physical mailing addresses.",
                subAttributes: [
                    SCIMAttributeDefinition(
                        name: "formatted",
                        description: "The full mailing address formatted for display or a label; may contain newlines."
                    ),
                    SCIMAttributeDefinition(
                        name: "streetAddress",
                        description: "The street address: house number, street, P.O. box; may contain newlines."
                    ),
                    SCIMAttributeDefinition(name: "locality", description: "The city or locality."),
                    SCIMAttributeDefinition(name: "region", description: "The state or region."),
                    SCIMAttributeDefinition(name: "postalCode", description: "The zip code or postal code."),
                    SCIMAttributeDefinition(name: "country", description: "The country name."),
                    kind(canonicalValues: ["work", "home", "other"]),
                    // Section 8.7.1 omits "primary" here, but section 4.1.2 gives addresses a
                    // primary flag like every multi-valued attribute (section 2.4), so it is listed.
                    primary(),
                ]
            ),
            SCIMAttributeDefinition(
                name: "groups",
                type: .complex,
                multiValued: true,
                description: "The groups the user belongs to, directly, through nested groups or dynamically.",
                mutability: .readOnly,
                subAttributes: [
                    SCIMAttributeDefinition(
                        name: "value",
                        description: "The 'id' of the group.",
                        mutability: .readOnly
                    ),
                    SCIMAttributeDefinition(
                        name: "$ref",
                        type: .reference,
                        description: "The URI of the group resource.",
                        mutability: .readOnly,
                        referenceTypes: ["User", "Group"]
                    ),
                    display(mutability: .readOnly),
                    kind(canonicalValues: ["direct", "indirect"], mutability: .readOnly),
                ]
            ),
            SCIMAttributeDefinition(
                name: "entitlements",
                type: .complex,
                multiValued: true,
                description: "The user's entitlements, things the user has.",
                subAttributes: [
                    SCIMAttributeDefinition(name: "value", description: "The value of an entitlement."),
                    display(),
                    kind(),
                    primary(),
                ]
            ),
            SCIMAttributeDefinition(
                name: "roles",
                type: .complex,
                multiValued: true,
                description: "The user's roles, which together say who the user is, such as 'Student'.",
                subAttributes: [
                    SCIMAttributeDefinition(name: "value", description: "The value of a role."),
                    display(),
                    kind(),
                    primary(),
                ]
            ),
            SCIMAttributeDefinition(
                name: "x509Certificates",
                type: .complex,
                multiValued: true,
                description: "The certificates issued to the user.",
                subAttributes: [
                    SCIMAttributeDefinition(
                        name: "value",
                        type: .binary,
                        description: "A DER-encoded X.509 certificate, base64-encoded."
                    ),
                    display(),
                    kind(),
                    primary(),
                ]
            ),
        ]
    )
}

// MARK: - Shared sub-attributes

private extension SCIMCatalog {
    /// The `display` sub-attribute of a multi-valued attribute (RFC 7643 section 2.4).
    ///
    /// Section 8.7.1 makes it readWrite everywhere but in `groups`, even where the prose says READ-ONLY.
    static func display(mutability: SCIMMutability = .readWrite) -> SCIMAttributeDefinition {
        SCIMAttributeDefinition(
            name: "display",
            description: "A human-readable name for the value, for display.",
            mutability: mutability
        )
    }

    /// The `type` sub-attribute of a multi-valued attribute, naming the value's function.
    static func kind(
        canonicalValues: [String] = [],
        mutability: SCIMMutability = .readWrite
    ) -> SCIMAttributeDefinition {
        let examples = canonicalValues.prefix(2).map { "'\($0)'" }.joined(separator: " or ")
        return SCIMAttributeDefinition(
            name: "type",
            description: examples.isEmpty
                ? "A label for the value's function."
                : "A label for the value's function, such as \(examples).",
            mutability: mutability,
            canonicalValues: canonicalValues
        )
    }

    /// The `primary` sub-attribute: true on at most one value, the preferred one.
    static func primary() -> SCIMAttributeDefinition {
        SCIMAttributeDefinition(
            name: "primary",
            type: .boolean,
            description: "Whether this is the preferred value; true on at most one value."
        )
    }
}
