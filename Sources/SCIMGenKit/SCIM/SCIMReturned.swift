/// When a service provider returns an attribute (RFC 7643 section 2.2, "returned").
public enum SCIMReturned: String, Sendable, Hashable, CaseIterable {
    /// In every response, whatever the client asked for.
    case always
    /// In no response.
    case never
    /// Unless the client excluded it; the RFC's default.
    case `default`
    /// Only when the client asked for it by name.
    case request
}
