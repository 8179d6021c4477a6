/// One URL of a vendor's discovery documents and the file that answers it.
public struct SCIMRoute: Hashable, Sendable {
    /// The URL path with the base path, such as `/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User`.
    public var path: String
    /// The file that answers it, relative to the vendor's `scim/` folder, such as
    /// `Schemas/urn_ietf_params_scim_schemas_core_2.0_User.json`.
    public var file: String
    /// The Content-Type of the answer.
    public var contentType: String
    /// The end of `path` that matches in any letter case, such as the URN of a schema's route
    /// (SCIM compares schema URNs without regard to case); nil when the whole path matches exactly.
    public var caseInsensitiveSuffix: String?

    /// Creates a route.
    public init(path: String, file: String, contentType: String = SCIMRoutes.contentType, caseInsensitiveSuffix: String? = nil) {
        self.path = path
        self.file = file
        self.contentType = contentType
        self.caseInsensitiveSuffix = caseInsensitiveSuffix
    }

    /// Whether a request for `requestPath` (percent-decoded, without the query) is answered by
    /// this route: the path itself, or, with a `caseInsensitiveSuffix`, the same path with that
    /// suffix in any ASCII letter case.
    package func matches(_ requestPath: String) -> Bool {
        if requestPath == path { return true }
        guard let suffix = caseInsensitiveSuffix, path.hasSuffix(suffix) else { return false }
        let prefix = path.dropLast(suffix.count)
        guard requestPath.hasPrefix(prefix) else { return false }
        let rest = requestPath.dropFirst(prefix.count)
        return rest.utf8.count == suffix.utf8.count && zip(rest.utf8, suffix.utf8).allSatisfy { Self.folded($0) == Self.folded($1) }
    }

    /// An ASCII letter in lower case; any other byte as it is.
    private static func folded(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
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
/// `scim.baseURL`); `nginx.conf` answers the same routes. A schema's route also has
/// `"caseInsensitiveSuffix"`, its URN: a request path matches the route when it equals `path`, or
/// when it starts with the rest of `path` and ends with the URN in any letter case
/// (`SCIMRoute.matches`).
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
                        var members: [JSONValue.Member] = [
                            .init("path", .string(route.path)),
                            .init("file", .string(route.file)),
                            .init("contentType", .string(route.contentType)),
                        ]
                        if let suffix = route.caseInsensitiveSuffix {
                            members.append(.init("caseInsensitiveSuffix", .string(suffix)))
                        }
                        return .object(members)
                    }))
        ])
    }
}
