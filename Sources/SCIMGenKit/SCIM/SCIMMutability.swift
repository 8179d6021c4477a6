/// Whether and how a client may change an attribute's value (RFC 7643 section 2.2, "mutability").
public enum SCIMMutability: String, Sendable, Hashable, CaseIterable {
    /// Set by the service provider only.
    case readOnly
    /// Clients may change it at any time; the RFC's default.
    case readWrite
    /// Set once, when the resource or value is added, and never changed afterwards.
    case immutable
    /// Clients may set it but it is never returned, like a password.
    case writeOnly
}
