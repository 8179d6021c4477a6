/// A JSON value read from a file, with the position where it starts so that messages can point at it.
///
/// Objects keep their members in source order and keep duplicate keys, so that a descriptor check can
/// report a repeated key instead of silently keeping one of its values.
public struct JSONNode: Sendable, Hashable {
    /// What a JSON value is, with its contents.
    public enum Kind: Sendable, Hashable {
        /// `null`.
        case null
        /// `true` or `false`.
        case bool(Bool)
        /// A number, as the literal text written in the file (for example `-1.50e+3`), so no precision is lost.
        case number(String)
        /// A string, with its escapes resolved.
        case string(String)
        /// An array, its elements in order.
        case array([JSONNode])
        /// An object, its members in source order, duplicate keys kept.
        case object([JSONMember])
    }

    /// The value and its contents.
    public var value: Kind
    /// The 1-based line of the value's first character.
    public var line: Int
    /// The 1-based column of the value's first character, counted in Unicode scalars (a tab counts as one).
    public var column: Int
    /// The 0-based byte offset of the value's first character in the UTF-8 input.
    public var offset: Int
    /// A string's escapes, so that a character of its text can be located in the file; empty for
    /// strings without escapes and for other values.
    public var escapes: [JSONStringEscape] = []

    /// Creates a node; the parser makes these, tests and callers may too.
    public init(_ value: Kind, line: Int, column: Int, offset: Int) {
        self.value = value
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The node's position as a located-message prefix, for example `Vendors/lucid/vendor.json:42:7`.
    public func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Where the character at 0-based Unicode scalar `index` of a string's text is in the file:
    /// after the opening quote, counting each escape as the characters it is written with.
    public func location(in file: String, ofCharacter index: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + 1 + JSONStringEscape.sourceOffset(of: index, in: escapes))
    }
}
