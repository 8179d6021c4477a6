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
