import Mustache

extension JSONNode {
    /// The node as template data: objects keep their last value for a repeated key, as JSON readers do.
    public var mustacheValue: MustacheValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let text): return .number(Double(text) ?? 0)
        case .string(let text): return .string(text)
        case .array(let elements): return .array(elements.map(\.mustacheValue))
        case .object(let members):
            var object: [String: MustacheValue] = [:]
            for member in members { object[member.key] = member.value.mustacheValue }
            return .object(object)
        }
    }
}
