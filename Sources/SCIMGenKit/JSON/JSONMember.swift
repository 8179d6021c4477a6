/// One `"key": value` member of a JSON object, with the position of its key.
public struct JSONMember: Sendable, Hashable {
    /// The key, with its escapes resolved.
    public var key: String
    /// The 1-based line of the key's opening quote.
    public var keyLine: Int
    /// The 1-based column of the key's opening quote, counted in Unicode scalars.
    public var keyColumn: Int
    /// The 0-based byte offset of the key's opening quote.
    public var keyOffset: Int
    /// The member's value, which carries its own position.
    public var value: JSONNode

    /// Creates a member.
    public init(key: String, keyLine: Int, keyColumn: Int, keyOffset: Int, value: JSONNode) {
        self.key = key
        self.keyLine = keyLine
        self.keyColumn = keyColumn
        self.keyOffset = keyOffset
        self.value = value
    }

    /// The key's position, for messages about the key itself (unknown or repeated keys).
    public func keyLocation(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: keyLine, column: keyColumn)
    }
}
