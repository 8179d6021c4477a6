/// Bounds on what the JSON parser accepts, so that hostile input yields an error rather than exhausting memory.
public struct JSONLimits: Sendable, Hashable {
    /// The deepest nesting of arrays and objects accepted; the top-level container is level 1.
    public var maxDepth: Int
    /// The largest input accepted, in bytes.
    public var maxBytes: Int

    /// Creates limits.
    public init(maxDepth: Int, maxBytes: Int) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }

    /// 256 levels and 16 MiB: far beyond any descriptor, small enough to fail fast on a wrong file.
    public static let `default` = JSONLimits(maxDepth: 256, maxBytes: 16 * 1024 * 1024)
}
