/// A JSON value to write out, with object members in the order given, so that output is deterministic.
///
/// Build one with literals (`["name": "lucid", "ports": [443, 8443], "beta": nil]` keeps that key order)
/// and write it with `JSONWriter`.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number as JSON literal text, such as `42` or `-0.5e3`, written out verbatim; it must follow
    /// the JSON number grammar (`int(_:)` and integer literals always do).
    case number(String)
    /// A string; the writer escapes what JSON requires.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, its members written in this order (duplicate keys are written as given).
    case object([Member])

    /// One `"key": value` pair of an object.
    public struct Member: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value.
        public var value: JSONValue

        /// Creates a member.
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// An integer number.
    public static func int(_ value: Int) -> JSONValue {
        .number(String(value))
    }

    /// The first member with this key, or nil when there is none or the value is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}
