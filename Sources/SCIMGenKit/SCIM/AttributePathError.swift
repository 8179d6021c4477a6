/// Why an attribute path could not be parsed, and where.
public struct AttributePathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Lowercase text with no final period, values in single quotes.
    public var message: String
    /// The 0-based Unicode scalar offset of the problem in the path's decoded text.
    ///
    /// Added to the column of the first character inside a JSON string it gives the problem's
    /// column in the file, as long as no escape (such as `\"`) comes earlier in the string; a
    /// caller with escapes maps the offset through them.
    public var offset: Int

    /// Creates the error.
    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The message alone; the caller adds the location.
    public var description: String { message }
}
