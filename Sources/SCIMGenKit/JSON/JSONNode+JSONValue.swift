extension JSONNode {
    /// The value without positions, for comparing documents or writing them back out.
    public var jsonValue: JSONValue {
        switch value {
        case .null: return .null
        case .bool(let bool): return .bool(bool)
        case .number(let text): return .number(text)
        case .string(let string): return .string(string)
        case .array(let elements): return .array(elements.map(\.jsonValue))
        case .object(let members): return .object(members.map { JSONValue.Member($0.key, $0.value.jsonValue) })
        }
    }
}
