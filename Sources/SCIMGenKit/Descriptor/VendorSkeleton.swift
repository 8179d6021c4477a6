/// The descriptor `scimgen new` writes: valid as it stands, with every field to fill in marked.
public enum VendorSkeleton {
    /// The marker left in text that a person must replace; `validate` warns while any remains.
    public static let placeholder = "TODO"

    /// The skeleton's bytes for a vendor, `date` being today's date as `MM/DD/YYYY`: a descriptor
    /// value encoded by `DescriptorCodec`, so it is in the canonical layout of every other descriptor.
    public static func bytes(name: String, date: String) -> [UInt8] {
        DescriptorCodec.encode(descriptor(name: name, date: date))
    }

    /// The skeleton as a descriptor value.
    static func descriptor(name: String, date: String) -> VendorDescriptor {
        var d = VendorDescriptor(id: "", file: "", name: name)
        d.jsonSchema = "../vendor.schema.json"
        d.comments = Comments([
            "": [
                "Fill in every field marked \(placeholder), then run 'swift run scimgen validate' and 'swift run scimgen generate'. Field reference: Vendors/vendor.schema.json and the descriptors of the other vendors."
            ],
            "learn": ["Microsoft Learn front matter. Add title and description only when they differ from the defaults."],
            "capabilities": ["What the vendor's SCIM endpoint supports; 'deprovisionUsers' is remove, disable or none."],
            "scim": ["The SCIM features for /ServiceProviderConfig."],
            "credentials": ["The ordered steps to obtain the Tenant URL and the Secret Token; each may have a code block and a screenshot."],
            "users": ["The attributes the vendor supports, as 'path', 'type', 'filterable', 'required' and 'matching'."],
        ])
        d.learn.date = date
        d.capabilities = Capabilities(createUsers: true, updateUsers: true, deprovisionUsers: .disable, groups: false, singleSignOn: false)
        d.service.authenticationSchemes = [
            AuthenticationScheme(description: "Authentication with a bearer token issued by \(name).", primary: true)
        ]
        d.prerequisites = [Prerequisite(kind: .plan, text: "\(placeholder): the plan or licence that includes SCIM provisioning.")]
        d.credentials.steps = [
            CredentialStep(text: "\(placeholder): how an administrator finds the SCIM base URL (the Tenant URL)."),
            CredentialStep(text: "\(placeholder): how an administrator creates the Secret Token."),
        ]
        d.users.attributes = [
            AttributeMapping(path: "userName", type: .string, filterable: true, matching: 1),
            AttributeMapping(path: "active", type: .boolean),
            AttributeMapping(path: #"emails[type eq "work"].value"#, type: .string),
            AttributeMapping(path: "name.givenName", type: .string),
            AttributeMapping(path: "name.familyName", type: .string),
        ]
        return d
    }
}

extension VendorSkeleton {
    /// A warning for every string in a descriptor that still holds the placeholder.
    static func placeholderWarnings(_ root: JSONNode, bytes: [UInt8], file: String) -> [Diagnostic] {
        // Almost no file holds the marker: a byte scan spares walking every string of every descriptor.
        let marker = Array(placeholder.utf8)
        guard bytes.count >= marker.count,
            (0...(bytes.count - marker.count)).contains(where: { bytes[$0] == marker[0] && bytes[$0..<$0 + marker.count].elementsEqual(marker) })
        else { return [] }
        var found: [Diagnostic] = []
        func visit(_ node: JSONNode, key: String?) {
            switch node.value {
            case .string(let text) where text.contains(placeholder) && key != "$comment":
                found.append(
                    Diagnostic(
                        .warning, "placeholder '\(placeholder)' still here; replace it with the vendor's facts",
                        at: node.location(in: file)))
            case .array(let elements): elements.forEach { visit($0, key: key) }
            case .object(let members): members.forEach { visit($0.value, key: $0.key) }
            default: break
            }
        }
        visit(root, key: nil)
        return found
    }
}
