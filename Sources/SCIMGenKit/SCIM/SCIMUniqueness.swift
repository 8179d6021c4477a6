/// How unique a value must be (RFC 7643 section 2.2, "uniqueness").
public enum SCIMUniqueness: String, Sendable, Hashable, CaseIterable {
    /// No uniqueness is enforced; the RFC's default.
    case none
    /// Unique within one service provider (tenant), like `userName`.
    case server
    /// Unique across all service providers.
    case global
}
