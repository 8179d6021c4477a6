/// One URL of a vendor's discovery documents and the file that answers it.
public struct SCIMRoute: Hashable, Sendable {
    /// The URL path with the base path, such as `/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User`.
    public var path: String
    /// The file that answers it, relative to the vendor's `scim/` folder, such as
    /// `Schemas/urn_ietf_params_scim_schemas_core_2.0_User.json`.
    public var file: String
    /// The Content-Type of the answer.
    public var contentType: String

    /// Creates a route.
    public init(path: String, file: String, contentType: String = SCIMRoutes.contentType) {
        self.path = path
        self.file = file
        self.contentType = contentType
    }
}

/// `routes.json`: every discovery URL under the vendor's base with the file that answers it, for a
/// service that answers `/ServiceProviderConfig`, `/Schemas` and `/ResourceTypes` from its own code:
///
/// ```json
/// {"routes": [{"path": "/scim/v2/ServiceProviderConfig", "file": "ServiceProviderConfig.json", "contentType": "application/scim+json"}, …]}
/// ```
///
/// The paths are the URLs `meta.location` names (without the origin when the descriptor has a
/// `scim.baseURL`); `nginx.conf` answers the same routes.
public enum SCIMRoutes {
    /// The file name beside the documents.
    public static let fileName = "routes.json"
    /// The media type of every discovery document (RFC 7644 section 8.1).
    public static let contentType = "application/scim+json"

    /// The JSON document of `routes`, in their order.
    public static func document(_ routes: [SCIMRoute]) -> JSONValue {
        .object([
            .init(
                "routes",
                .array(
                    routes.map { route in
                        .object([
                            .init("path", .string(route.path)),
                            .init("file", .string(route.file)),
                            .init("contentType", .string(route.contentType)),
                        ])
                    }))
        ])
    }
}
