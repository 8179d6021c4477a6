/// The descriptor `scimgen new` writes: valid as it stands, with every field to fill in marked.
public enum VendorSkeleton {
    /// The marker left in text that a person must replace; `validate` warns while any remains.
    public static let placeholder = "TODO"

    /// The skeleton's bytes for a vendor, `date` being today's date as `MM/DD/YYYY`.
    public static func bytes(name: String, date: String) -> [UInt8] {
        let name = String(JSONWriter.write(.string(name)).dropLast())
        let text = """
            {
              "$schema": "../vendor.schema.json",
              "$comment": "Fill in every field marked TODO, then run 'swift run scimgen validate' and 'swift run scimgen generate'. Field reference: Vendors/vendor.schema.json and the descriptors of the other vendors.",
              "name": \(name),
              "learn": {
                "$comment": "Microsoft Learn front matter. Add title and description only when they differ from the defaults.",
                "date": "\(date)"
              },
              "capabilities": {
                "$comment": "What the vendor's SCIM endpoint supports; 'deprovisionUsers' is remove, disable or none.",
                "createUsers": true,
                "updateUsers": true,
                "deprovisionUsers": "disable",
                "groups": false,
                "singleSignOn": false
              },
              "scim": {
                "$comment": "The SCIM features for /ServiceProviderConfig.",
                "patch": true,
                "bulk": { "supported": false },
                "filter": { "supported": true, "maxResults": 100 },
                "changePassword": false,
                "sort": false,
                "etag": false,
                "authenticationSchemes": [
                  { "type": "oauthbearertoken", "name": "OAuth Bearer Token", "description": "Authentication with a bearer token issued by \(name.dropFirst().dropLast()).", "primary": true }
                ]
              },
              "prerequisites": [
                { "kind": "plan", "text": "TODO: the plan or licence that includes SCIM provisioning." }
              ],
              "credentials": {
                "$comment": "The ordered steps to obtain the Tenant URL and the Secret Token; each may have a code block and a screenshot.",
                "steps": [
                  { "text": "TODO: how an administrator finds the SCIM base URL (the Tenant URL)." },
                  { "text": "TODO: how an administrator creates the Secret Token." }
                ]
              },
              "users": {
                "$comment": "The attributes the vendor supports, as 'path', 'type', 'filterable', 'required' and 'matching'.",
                "attributes": [
                  { "path": "userName", "type": "String", "filterable": true, "matching": 1 },
                  { "path": "active", "type": "Boolean" },
                  { "path": "emails[type eq \\"work\\"].value", "type": "String" },
                  { "path": "name.givenName", "type": "String" },
                  { "path": "name.familyName", "type": "String" }
                ]
              }
            }

            """
        return Array(text.utf8)
    }
}

extension VendorSkeleton {
    /// A warning for every string in a descriptor that still holds the placeholder.
    static func placeholderWarnings(bytes: [UInt8], file: String) -> [Diagnostic] {
        let marker = Array(placeholder.utf8)
        guard bytes.count >= marker.count,
            (0...(bytes.count - marker.count)).contains(where: { bytes[$0..<$0 + marker.count].elementsEqual(marker) }),
            let root = try? JSONParser.parse(bytes)
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
