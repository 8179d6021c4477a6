/// Every problem found while loading a folder of templates, so that one run reports them all.
public struct TemplateLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, ordered by file then position.
    public var errors: [TemplateError]

    /// Creates the error.
    public init(_ errors: [TemplateError]) { self.errors = errors }

    /// One located message per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
