/// Where a vendor's SCIM service lives: the descriptor's `scim.baseURL` split into the origin and
/// the path that every discovery URL and `meta.location` start with.
///
/// Without `scim.baseURL` the documents are served under `/scim/v2` on whatever host publishes
/// them, and `meta.location` is that path (`/scim/v2/Schemas/…`). With it, say
/// `https://scim.example.com/api/scim`, the routes live under `/api/scim` and `meta.location` is
/// the whole URL (`https://scim.example.com/api/scim/Schemas/…`), as RFC 7643 section 3.1 asks.
///
/// The path is embedded in the generated nginx configuration, so it holds only characters that
/// need no quoting or escaping there: letters, digits, `-`, `.`, `_`, `~` and `/`.
public struct SCIMBaseURL: Hashable, Sendable {
    /// The base path when a descriptor names no `scim.baseURL`.
    public static let defaultPath = "/scim/v2"

    /// `https://host` or `https://host:port`; empty when the descriptor names no base URL.
    public let origin: String
    /// The base path without a trailing slash, such as `/scim/v2`; empty for the host's root.
    public let path: String

    /// The default base: `/scim/v2` on the publishing host.
    public static let `default` = SCIMBaseURL(origin: "", path: defaultPath)

    /// The base `service` declares, or the default when it declares none (or, before validation,
    /// a malformed one: `DescriptorValidator` refuses those, so nothing is generated from them).
    public init(_ service: ServiceFeatures) {
        if let text = service.baseURL, case .success(let base) = Self.parse(text) {
            self = base
        } else {
            self = .default
        }
    }

    init(origin: String, path: String) {
        self.origin = origin
        self.path = path
    }

    /// The URL of `suffix` (such as `/Schemas`) under this base: a path when there is no origin.
    public func url(_ suffix: String) -> String {
        origin + path + suffix
    }

    /// Why `text` cannot be a SCIM base URL.
    public enum Problem: Error, Hashable, Sendable {
        /// Not `https://…`.
        case notHTTPS
        /// A query (`?`) or a fragment (`#`).
        case queryOrFragment
        /// No host, a user name (`@`), or a host or port scimgen cannot read.
        case badHost
        /// A path character outside the safe set, an empty segment or a segment starting with `.`.
        case badPath
    }

    /// Reads `https://host[:port][/path]`; a trailing `/` is dropped.
    public static func parse(_ text: String) -> Result<SCIMBaseURL, Problem> {
        let scheme = "https://"
        guard text.hasPrefix(scheme) else { return .failure(.notHTTPS) }
        if text.contains("?") || text.contains("#") { return .failure(.queryOrFragment) }
        let rest = text.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" }
        var path = String(rest.dropFirst(authority.count))
        guard isAuthority(authority) else { return .failure(.badHost) }
        if path.hasSuffix("/") { path.removeLast() }
        if !path.isEmpty {
            let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            let safe = segments.allSatisfy { segment in
                !segment.isEmpty && !segment.hasPrefix(".")
                    && segment.unicodeScalars.allSatisfy { isAlphanumeric($0) || "-._~".unicodeScalars.contains($0) }
            }
            guard safe else { return .failure(.badPath) }
        }
        return .success(SCIMBaseURL(origin: scheme + authority, path: path))
    }
}

// MARK: - Messages

extension SCIMBaseURL.Problem {
    /// The diagnostic for `scim.baseURL` with this problem, saying how to fix it.
    public func message(_ text: String) -> String {
        switch self {
        case .notHTTPS:
            return "'scim.baseURL' must be an https URL such as 'https://scim.example.com/scim/v2', not '\(text)'"
        case .queryOrFragment:
            return "'scim.baseURL' must not have a query or a fragment, as in '\(text)'; remove the part from '?' or '#'"
        case .badHost:
            return "'scim.baseURL' needs a host written 'https://host' or 'https://host:port', without a user name, not '\(text)'"
        case .badPath:
            return
                "'scim.baseURL' path may hold only letters, digits, '-', '.', '_', '~' and single '/' between segments that do not start with '.', not '\(text)'"
        }
    }
}

// MARK: - Private

private extension SCIMBaseURL {
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// `host` or `host:port`: host labels of letters, digits and `-`, port 1 to 65535.
    static func isAuthority(_ authority: Substring) -> Bool {
        let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let host = parts[0]
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let hostOK = !host.isEmpty && host.utf8.count <= 253 && labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" }
        }
        guard hostOK else { return false }
        guard parts.count == 2 else { return true }
        guard (1...5).contains(parts[1].count), parts[1].unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
            let port = Int(parts[1])
        else { return false }
        return (1...65535).contains(port)
    }
}
