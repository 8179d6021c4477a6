/// Where a descriptor value came from, carried for messages but ignored by equality.
///
/// Two descriptors that differ only in where their rows sit in the file are the same
/// descriptor, so `diff` and tests compare facts, not positions.
public struct Origin: Hashable, Sendable {
    /// The location of the value in its file, when it was read from one.
    public var location: SourceLocation?

    /// Creates an origin.
    public init(_ location: SourceLocation? = nil) { self.location = location }

    public static func == (lhs: Origin, rhs: Origin) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

/// Where each key of a descriptor was read, by dotted path (`learn.date`, `groups`), for messages
/// about facts that have no row of their own. Ignored by equality, as `Origin` is.
public struct KeyLocations: Hashable, Sendable {
    /// Locations of values by dotted key path.
    public var byPath: [String: SourceLocation]

    /// Creates a map.
    public init(_ byPath: [String: SourceLocation] = [:]) { self.byPath = byPath }

    /// The location of the value at `path`, such as `capabilities.groups`.
    public subscript(path: String) -> SourceLocation? { byPath[path] }

    public static func == (lhs: KeyLocations, rhs: KeyLocations) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
