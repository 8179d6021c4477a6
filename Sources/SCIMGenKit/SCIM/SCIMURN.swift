/// The URNs that RFC 7643 and RFC 7644 register for schemas and protocol messages.
public enum SCIMURN {
    /// The core User schema (RFC 7643 section 4.1).
    public static let user = "urn:ietf:params:scim:schemas:core:2.0:User"
    /// The core Group schema (RFC 7643 section 4.2).
    public static let group = "urn:ietf:params:scim:schemas:core:2.0:Group"
    /// The Enterprise User extension (RFC 7643 section 4.3).
    public static let enterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    /// The Service Provider Configuration schema (RFC 7643 section 5).
    public static let serviceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
    /// The Resource Type schema (RFC 7643 section 6).
    public static let resourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
    /// The schema of schema definitions (RFC 7643 section 7).
    public static let schema = "urn:ietf:params:scim:schemas:core:2.0:Schema"
    /// The list and query response message (RFC 7644 section 3.4.2).
    public static let listResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
    /// The POST query request message (RFC 7644 section 3.4.3).
    public static let searchRequest = "urn:ietf:params:scim:api:messages:2.0:SearchRequest"
    /// The PATCH operation message (RFC 7644 section 3.5.2).
    public static let patchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
    /// The bulk request message (RFC 7644 section 3.7).
    public static let bulkRequest = "urn:ietf:params:scim:api:messages:2.0:BulkRequest"
    /// The bulk response message (RFC 7644 section 3.7).
    public static let bulkResponse = "urn:ietf:params:scim:api:messages:2.0:BulkResponse"
    /// The error response message (RFC 7644 section 3.12).
    public static let error = "urn:ietf:params:scim:api:messages:2.0:Error"

    /// The URN shortened for messages: `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`
    /// becomes `urn:…:enterprise:2.0:User`.
    ///
    /// Full schema URNs make one-line diagnostics unreadable and the shared prefix carries no
    /// information; URNs outside the `urn:ietf:params:scim:` tree are left whole.
    public static func abbreviated(_ urn: String) -> String {
        let prefixes = [
            "urn:ietf:params:scim:schemas:extension:",
            "urn:ietf:params:scim:schemas:",
            "urn:ietf:params:scim:api:",
        ]
        let lowered = urn.lowercased()
        for prefix in prefixes where lowered.hasPrefix(prefix) && lowered.count > prefix.count {
            return "urn:…:" + String(urn.dropFirst(prefix.count))
        }
        return urn
    }
}
