/// A published defect of a tutorial that an import corrected: what the source says at a line,
/// what the descriptor records instead (nothing, when the fact is dropped), and why.
public struct ImportCorrection: Hashable, Sendable {
    /// The 1-based line of the tutorial.
    public var line: Int
    /// What the tutorial writes.
    public var found: String
    /// What the descriptor records instead; nil when it records nothing.
    public var recorded: String?
    /// Why the source is wrong, in a few words.
    public var reason: String

    /// Creates a correction.
    public init(line: Int, found: String, recorded: String?, reason: String) {
        self.line = line
        self.found = found
        self.recorded = recorded
        self.reason = reason
    }

    /// The warning an import reports at the line.
    public var message: String {
        if let recorded {
            return "published defect corrected: '\(found)' recorded as '\(recorded)'; \(reason)"
        }
        return "published defect left out: '\(found)'; \(reason)"
    }
}
