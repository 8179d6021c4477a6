/// A position in an input file, 1-based, as editors and compilers print it.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// The file path as the user gave it (relative paths stay relative).
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// `file:line:column`, the prefix of every located message.
    public var description: String { "\(file):\(line):\(column)" }
}
