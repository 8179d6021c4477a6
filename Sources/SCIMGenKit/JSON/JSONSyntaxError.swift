/// Why a JSON text could not be read, and exactly where.
///
/// The position is that of the offending character; for an unexpected end of input it is the end of
/// the input, and for an unterminated string it is the string's opening quote.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line of the problem.
    public var line: Int
    /// The 1-based column of the problem, counted in Unicode scalars.
    public var column: Int
    /// The 0-based byte offset of the problem.
    public var offset: Int
    /// Lowercase text with no final period, for example `expected ',' or '}' after object member`.
    public var message: String

    /// Creates an error.
    public init(line: Int, column: Int, offset: Int, message: String) {
        self.line = line
        self.column = column
        self.offset = offset
        self.message = message
    }

    /// `line:column: message`; use `diagnostic(in:)` to add the file.
    public var description: String { "\(line):\(column): \(message)" }

    /// The error's position in the named file.
    public func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// The error as a diagnostic located in the named file, ready to print.
    public func diagnostic(in file: String) -> Diagnostic {
        Diagnostic(.error, message, at: location(in: file))
    }
}
