/// One key of a descriptor object, or a few keys that belong together: how it is read (strictly,
/// every problem located), how it is written, and what the JSON Schema says of it.
///
/// `DescriptorCodec` writes the descriptor's format out once as these values; decoding, encoding,
/// `Vendors/vendor.schema.json`, `new` and the importer all follow from it.
struct FieldCodec<Root>: @unchecked Sendable {
    /// The keys with their JSON Schema, in the order they are written; a function, so that a
    /// recursive codec (extension sub-attributes) is not built while it is being built.
    let properties: () -> [(key: String, schema: JSONValue)]
    /// The keys that must always be present.
    let required: [String]
    /// Subschemas the enclosing object must also match (`if`/`then` for a conditional key),
    /// combined with `allOf`.
    let objectSchema: [JSONValue]
    /// Reads the field into `root`; false when a required value is missing or unusable, which
    /// makes the enclosing array element unusable too.
    let decode: (ObjectReader, inout Root) -> Bool
    /// The members to write for `root`, in order; none when the value is absent or the default.
    let encode: (Root, inout EncodingContext) -> [JSONValue.Member]
    /// The shared definitions (`$defs`) its schema refers to, by name.
    let definitions: (inout SchemaDefinitions) -> Void
}

/// When a key must be present.
enum Requirement<Root> {
    /// Always.
    case always
    /// Never: the default stands in for an absent key.
    case optional
    /// When a flag of the same object is true, such as `maxOperations` when bulk is `supported`.
    case when(KeyPath<Root, Bool>, flag: String)
}

/// One kind of JSON scalar a field holds: how it is read, written and described.
struct ScalarKind<Value>: @unchecked Sendable {
    /// Reads the value at `key`, reporting problems; nil when absent or unusable.
    let read: (ObjectReader, String, Bool) -> Value?
    /// The JSON of a value.
    let write: (Value) -> JSONValue
    /// The schema keywords of the kind, as an object.
    let schema: JSONValue
}

extension ScalarKind where Value == String {
    /// A string; `nonEmpty` refuses one of only white space.
    static func string(nonEmpty: Bool = true) -> ScalarKind {
        ScalarKind(
            read: { reader, key, required in reader.string(key, required: required, nonEmpty: nonEmpty) },
            write: { .string($0) },
            schema: nonEmpty ? ["type": "string", "minLength": 1, "pattern": "\\S"] : ["type": "string"])
    }
}

extension ScalarKind where Value == Bool {
    /// `true` or `false`.
    static var bool: ScalarKind {
        ScalarKind(read: { $0.bool($1, required: $2) }, write: { .bool($0) }, schema: ["type": "boolean"])
    }
}

extension ScalarKind where Value == Int {
    /// An integer in `range`.
    static func integer(_ range: ClosedRange<Int> = 0...Int(Int32.max)) -> ScalarKind {
        ScalarKind(
            read: { $0.integer($1, required: $2, range: range) }, write: { .int($0) },
            schema: ["type": "integer", "minimum": .int(range.lowerBound), "maximum": .int(range.upperBound)])
    }
}

extension ScalarKind where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of the enumeration's raw values.
    static var choice: ScalarKind {
        ScalarKind(
            read: { $0.choice($1, required: $2, as: Value.self) }, write: { .string($0.rawValue) },
            schema: .object([.init("enum", .array(Value.allCases.map { .string($0.rawValue) }))]))
    }
}

// MARK: - Fields

extension FieldCodec {
    /// A value that is always there in the model: `default` stands in for an absent key, which is
    /// written only when it is required or differs from the default.
    static func value<Value: Equatable>(
        _ key: String, _ path: WritableKeyPath<Root, Value>, _ kind: ScalarKind<Value>,
        required: Requirement<Root> = .optional, default defaultValue: Value, _ description: String,
        schema extra: JSONValue = [:]
    ) -> FieldCodec {
        FieldCodec(
            properties: { [(key, property(kind.schema.merging(extra), description))] },
            required: required.isAlways ? [key] : [],
            objectSchema: required.conditionalSchema(key),
            decode: { reader, root in
                // Fields are read in order, so a flag a requirement depends on is already read.
                let mustBeThere = required.holds(for: root)
                guard let value = kind.read(reader, key, mustBeThere) else { return !mustBeThere }
                root[keyPath: path] = value
                return true
            },
            encode: { root, context in
                let value = root[keyPath: path]
                guard context.includesDefaults || required.holds(for: root) || value != defaultValue else { return [] }
                return [.init(key, kind.write(value))]
            },
            definitions: { _ in })
    }

    /// A value that may be absent: nil when the key is left out.
    static func optional<Value>(
        _ key: String, _ path: WritableKeyPath<Root, Value?>, _ kind: ScalarKind<Value>, _ description: String,
        schema extra: JSONValue = [:]
    ) -> FieldCodec {
        FieldCodec(
            properties: { [(key, property(kind.schema.merging(extra), description))] },
            required: [], objectSchema: [],
            decode: { reader, root in
                root[keyPath: path] = kind.read(reader, key, false)
                return true
            },
            encode: { root, _ in root[keyPath: path].map { [.init(key, kind.write($0))] } ?? [] },
            definitions: { _ in })
    }

    /// An array of strings, left out when empty.
    static func strings(_ key: String, _ path: WritableKeyPath<Root, [String]>, _ description: String) -> FieldCodec {
        FieldCodec(
            properties: { [(key, property(["type": "array", "items": ["type": "string"]], description))] },
            required: [], objectSchema: [],
            decode: { reader, root in
                root[keyPath: path] = reader.strings(key)
                return true
            },
            encode: { root, _ in
                let values = root[keyPath: path]
                return values.isEmpty ? [] : [.init(key, .array(values.map(JSONValue.string)))]
            },
            definitions: { _ in })
    }

    /// A nested object that is always there in the model.
    static func object<Value>(
        _ key: String, _ path: WritableKeyPath<Root, Value>, _ codec: @escaping @autoclosure () -> ObjectCodec<Value>,
        required: Bool = true, _ description: String
    ) -> FieldCodec {
        FieldCodec(
            properties: { [(key, property(codec().reference, description))] },
            required: required ? [key] : [], objectSchema: [],
            decode: { reader, root in
                guard let nested = reader.object(key, required: required) else { return !required }
                defer { nested.finish() }
                let (value, usable) = codec().decode(nested, into: nil)
                root[keyPath: path] = value
                return usable
            },
            encode: { root, context in
                let value = codec().encode(root[keyPath: path], context.nested(key))
                guard required || value != .object([]) else { return [] }
                return [.init(key, value)]
            },
            definitions: { codec().define(in: &$0) })
    }

    /// A nested object that may be absent: nil when the key is left out.
    static func optionalObject<Value>(
        _ key: String, _ path: WritableKeyPath<Root, Value?>, _ codec: @escaping @autoclosure () -> ObjectCodec<Value>,
        _ description: String
    ) -> FieldCodec {
        FieldCodec(
            properties: { [(key, property(codec().reference, description))] },
            required: [], objectSchema: [],
            decode: { reader, root in
                guard let nested = reader.object(key) else { return true }
                defer { nested.finish() }
                let (value, usable) = codec().decode(nested, into: nil)
                root[keyPath: path] = usable ? value : nil
                return true
            },
            encode: { root, context in
                guard let value = root[keyPath: path] else { return [] }
                return [.init(key, codec().encode(value, context.nested(key)))]
            },
            definitions: { codec().define(in: &$0) })
    }

    /// An array of objects, each read on its own: an unusable element is reported and left out.
    /// Left out when empty unless required.
    static func objects<Value>(
        _ key: String, _ path: WritableKeyPath<Root, [Value]>, _ codec: @escaping @autoclosure () -> ObjectCodec<Value>,
        required: Bool = false, minItems: Int = 0, _ description: String
    ) -> FieldCodec {
        FieldCodec(
            properties: {
                var schema: JSONValue = ["type": "array", "items": codec().reference]
                if minItems > 0 { schema = schema.merging(["minItems": .int(minItems)]) }
                return [(key, property(schema, description))]
            },
            required: required ? [key] : [], objectSchema: [],
            decode: { reader, root in
                let codec = codec()
                root[keyPath: path] = reader.objects(key, required: required) { element in
                    let (value, usable) = codec.decode(element, into: nil)
                    return usable ? value : nil
                }
                return !(required && reader.value(key) == nil)
            },
            encode: { root, context in
                let values = root[keyPath: path]
                guard required || !values.isEmpty else { return [] }
                let codec = codec()
                let elements = values.enumerated().map { index, value in
                    codec.encode(value, context.nested("\(key)[\(index)]"))
                }
                return [.init(key, .array(elements))]
            },
            definitions: { codec().define(in: &$0) })
    }

    /// A property's schema: its keywords and a description.
    private static func property(_ keywords: JSONValue, _ description: String) -> JSONValue {
        description.isEmpty ? keywords : keywords.merging(["description": .string(description)])
    }
}

extension Requirement {
    var isAlways: Bool {
        if case .always = self { return true }
        return false
    }

    func holds(for root: Root) -> Bool {
        switch self {
        case .always: return true
        case .optional: return false
        case .when(let flag, _): return root[keyPath: flag]
        }
    }

    /// `{if: {flag: true}, then: {required: [key]}}` for a conditional key.
    func conditionalSchema(_ key: String) -> [JSONValue] {
        guard case .when(_, let flag) = self else { return [] }
        return [
            [
                "if": ["properties": .object([.init(flag, ["const": true])]), "required": [.string(flag)]],
                "then": ["required": [.string(key)]],
            ]
        ]
    }
}

extension JSONValue {
    /// An object with `other`'s members after its own, a key of `other` replacing the same key
    /// of its own; other values are returned as they are.
    func merging(_ other: JSONValue) -> JSONValue {
        guard case .object(let mine) = self, case .object(let theirs) = other else { return self }
        let replaced = Set(theirs.map(\.key))
        return .object(mine.filter { !replaced.contains($0.key) } + theirs)
    }
}

// MARK: - Objects

/// How one descriptor type reads from a JSON object, writes to one and is described by the schema.
final class ObjectCodec<Value>: @unchecked Sendable {
    /// The name of its shared definition under `$defs`, or nil when its schema is written inline.
    let definition: String?
    /// What it is, for the schema.
    let description: String
    /// The value that absent keys leave, before any key is read.
    let blank: () -> Value
    /// Its fields, in the order they are written.
    let fields: [FieldCodec<Value>]
    /// Where a decoded value keeps its origin, and the key whose value it points at (the object when nil).
    let origin: (path: WritableKeyPath<Value, Origin>, key: String?)?
    /// Cross-field checks after every field is read; false makes the value unusable.
    let check: ((ObjectReader, inout Value) -> Bool)?
    /// Schema keywords for the whole object, such as `not` for keys that exclude each other.
    let schema: [JSONValue.Member]

    init(
        definition: String? = nil, description: String = "", blank: @escaping () -> Value,
        origin: (path: WritableKeyPath<Value, Origin>, key: String?)? = nil, schema: [JSONValue.Member] = [],
        check: ((ObjectReader, inout Value) -> Bool)? = nil, fields: [FieldCodec<Value>]
    ) {
        self.definition = definition
        self.description = description
        self.blank = blank
        self.fields = fields
        self.origin = origin
        self.check = check
        self.schema = schema
    }

    /// Reads every field, reporting every problem: the value, and whether it is usable (no
    /// required value missing or unusable). `existing` is the value to read into, `blank` when nil.
    func decode(_ reader: ObjectReader, into existing: Value?) -> (value: Value, usable: Bool) {
        var value = existing ?? blank()
        reader.comment()
        var usable = true
        for field in fields where !field.decode(reader, &value) { usable = false }
        if let check, !check(reader, &value) { usable = false }
        if let origin {
            let node = origin.key.flatMap { reader.value($0) } ?? reader.node
            value[keyPath: origin.path] = Origin(node, in: reader.sink.file)
        }
        return (value, usable)
    }

    /// The value as a JSON object: its comment first, then every field in order.
    func encode(_ value: Value, _ context: EncodingContext) -> JSONValue {
        var context = context
        var members: [JSONValue.Member] = []
        for field in fields { members += field.encode(value, &context) }
        if let comment = context.comments[context.path] {
            let text: JSONValue = comment.count == 1 ? .string(comment[0]) : .array(comment.map(JSONValue.string))
            let afterSchema = members.first?.key == "$schema" ? 1 : 0
            members.insert(.init("$comment", text), at: afterSchema)
        }
        return .object(members)
    }

    /// The object's schema: its properties, required keys, no others.
    var objectSchema: JSONValue {
        var properties = fields.flatMap { $0.properties() }.map { JSONValue.Member($0.key, $0.schema) }
        properties.append(.init("$comment", ["$ref": "#/$defs/comment"]))
        var members: [JSONValue.Member] = [.init("type", "object")]
        if !description.isEmpty { members.append(.init("description", .string(description))) }
        members.append(.init("properties", .object(properties)))
        members.append(.init("additionalProperties", .bool(false)))
        let required = fields.flatMap(\.required)
        if !required.isEmpty { members.append(.init("required", .array(required.map(JSONValue.string)))) }
        let conditions = fields.flatMap(\.objectSchema)
        if !conditions.isEmpty { members.append(.init("allOf", .array(conditions))) }
        return .object(members + schema)
    }

    /// How a property refers to it: `$ref` to its definition, or its schema inline.
    var reference: JSONValue {
        definition.map { ["$ref": .string("#/$defs/\($0)")] } ?? objectSchema
    }

    /// Adds its definition and those of its fields, once each.
    func define(in definitions: inout SchemaDefinitions) {
        if let definition {
            guard definitions.claim(definition) else { return }
            definitions.add(definition, objectSchema)
        }
        for field in fields { field.definitions(&definitions) }
    }
}

/// What encoding needs besides the value: the comments to write back and where they go.
struct EncodingContext {
    /// The descriptor's comments.
    var comments: Comments
    /// The dotted path of the object being written.
    var path: String
    /// Whether values equal to their default are written too, as the diff needs them to compare
    /// `false` with `true` rather than nothing with `true`.
    var includesDefaults = false

    /// The context of a nested object or array element.
    func nested(_ key: String) -> EncodingContext {
        EncodingContext(comments: comments, path: path.isEmpty ? key : "\(path).\(key)", includesDefaults: includesDefaults)
    }
}

/// The `$defs` of the generated schema, in the order they are first needed.
struct SchemaDefinitions {
    private(set) var members: [JSONValue.Member] = []
    private var claimed: Set<String> = []

    /// Whether `name` is new; it is claimed either way, so a recursive definition is built once.
    mutating func claim(_ name: String) -> Bool { claimed.insert(name).inserted }

    mutating func add(_ name: String, _ schema: JSONValue) { members.append(.init(name, schema)) }
}
