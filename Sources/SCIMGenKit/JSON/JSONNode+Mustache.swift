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

extension JSONValue {
    /// Template data as JSON: object keys sorted, so that output is stable from run to run;
    /// numbers as templates print them (`85`, `1.5`), and `null` for the ones JSON cannot hold.
    init(mustache value: MustacheValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let number): self = number.isFinite ? .number(value.interpolationText ?? "null") : .null
        case .string(let text): self = .string(text)
        case .array(let elements): self = .array(elements.map(JSONValue.init(mustache:)))
        case .object(let members):
            self = .object(members.sorted { $0.key < $1.key }.map { Member($0.key, JSONValue(mustache: $0.value)) })
        }
    }
}
