/// A problem in a template, located where an editor can jump to it.
///
/// Parse errors come from ``Template/init(source:name:file:)``; render errors (a missing partial
/// in strict mode, an unresolved name with strict variables, runaway partial recursion) come
/// from the render functions and point at the tag that failed.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The template's file path as the user gave it, e.g. `Templates/tutorial.md.mustache`.
    public var file: String
    /// The 1-based line; 0 when the problem concerns the whole file (it cannot be read, say).
    public var line: Int
    /// The 1-based column, counted in Unicode scalars; 0 when `line` is 0.
    public var column: Int
    /// Lowercase text with no final period, values in single quotes.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `Templates/tutorial.md.mustache:12:5: error: section 'steps' is never closed`,
    /// or `path: error: message` when there is no position.
    public var description: String {
        if line == 0 {
            return "\(file): error: \(message)"
        }
        return "\(file):\(line):\(column): error: \(message)"
    }
}
