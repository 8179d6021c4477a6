/// Reads one JSON object of a descriptor strictly: every key known, every value of the
/// right type, every problem recorded with its location rather than thrown at the first.
final class ObjectReader {
    /// The object's members; nil when the node was not an object (already reported).
    let members: [JSONMember]
    /// The node itself, for locating "missing key" messages.
    let node: JSONNode
    /// A dotted path for messages, such as `users.attributes[2]`; empty at the top.
    let context: String
    /// Where diagnostics go.
    let sink: DiagnosticSink
    /// Whether the locations of this object's keys are kept for whole-descriptor messages: true
    /// outside arrays, whose elements carry an `Origin` of their own.
    let locating: Bool
    private var read: Set<String> = []

    init(_ node: JSONNode, context: String, sink: DiagnosticSink, locating: Bool = true) {
        self.node = node
        self.context = context
        self.sink = sink
        self.locating = locating
        if case .object(let members) = node.value {
            self.members = members
            reportDuplicates()
        } else {
            self.members = []
            sink.error("\(Self.describe(context)) must be an object, not \(node.kindDescription)", at: node)
            sink.damaged.insert(context)
        }
    }

    /// Whether the node was an object at all.
    var isObject: Bool {
        if case .object = node.value { return true }
        return false
    }

    /// The value of `key`, marking the key as known.
    func value(_ key: String) -> JSONNode? {
        read.insert(key)
        guard let node = members.first(where: { $0.key == key })?.value else { return nil }
        if locating {
            sink.keyLocations.append(.init(path: path(key), line: Int32(clamping: node.line), column: Int32(clamping: node.column)))
        }
        return node
    }

    /// Whether the object has `key`.
    func has(_ key: String) -> Bool { members.contains { $0.key == key } }

    func path(_ key: String) -> String { context.isEmpty ? key : "\(context).\(key)" }

    // MARK: - Typed accessors

    func string(_ key: String, required: Bool = false, nonEmpty: Bool = true) -> String? {
        guard let node = present(key, required: required) else { return nil }
        guard case .string(let text) = node.value else {
            typeError(key, expected: "a string", node)
            return nil
        }
        // A byte scan, not `trimmingCharacters`: that bridges every string through NSString.
        if nonEmpty && !text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
            damage(key, "'\(path(key))' must not be empty", at: node)
            return nil
        }
        return text
    }

    func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let node = present(key, required: required) else { return nil }
        guard case .bool(let flag) = node.value else {
            typeError(key, expected: "a boolean (true or false)", node)
            return nil
        }
        return flag
    }

    func integer(_ key: String, required: Bool = false, range: ClosedRange<Int> = 0...Int(Int32.max)) -> Int? {
        guard let node = present(key, required: required) else { return nil }
        guard case .number(let literal) = node.value else {
            typeError(key, expected: "an integer", node)
            return nil
        }
        guard let number = Int(literal), range.contains(number) else {
            damage(
                key, "'\(path(key))' must be an integer from \(range.lowerBound) to \(range.upperBound), not \(literal)",
                at: node)
            return nil
        }
        return number
    }

    func array(_ key: String, required: Bool = false) -> [JSONNode]? {
        guard let node = present(key, required: required) else { return nil }
        guard case .array(let items) = node.value else {
            typeError(key, expected: "an array", node)
            return nil
        }
        return items
    }

    func object(_ key: String, required: Bool = false) -> ObjectReader? {
        guard let node = present(key, required: required) else { return nil }
        guard case .object = node.value else {
            typeError(key, expected: "an object", node)
            return nil
        }
        return ObjectReader(node, context: path(key), sink: sink, locating: locating)
    }

    /// A string that must be one of a closed set of values.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false, as: T.Type) -> T?
    where T.RawValue == String {
        guard let node = present(key, required: required) else { return nil }
        guard case .string(let text) = node.value else {
            typeError(key, expected: "a string", node)
            return nil
        }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        var message = "'\(path(key))' must be one of \(names.map { "'\($0)'" }.joined(separator: ", ")), not '\(text)'"
        if let guess = Suggestion.closest(to: text, in: names) { message += "; did you mean '\(guess)'?" }
        damage(key, message, at: node)
        return nil
    }

    /// An array of strings.
    func strings(_ key: String) -> [String] {
        guard let items = array(key) else { return [] }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item.value else {
                damage(key, "'\(path(key))[\(index)]' must be a string, not \(item.kindDescription)", at: item)
                continue
            }
            result.append(text)
        }
        return result
    }

    /// Each element of an array of objects, read by `body`. An element with any problem, an
    /// unknown key included, is left out and its path marked damaged: its facts are not trusted
    /// by the checks that follow.
    func objects<T>(_ key: String, required: Bool = false, _ body: (ObjectReader) -> T?) -> [T] {
        guard let items = array(key, required: required) else { return [] }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let reader = ObjectReader(item, context: "\(path(key))[\(index)]", sink: sink, locating: false)
            guard reader.isObject else { continue }
            let errors = sink.errorCount
            let value = body(reader)
            reader.finish()
            if let value, sink.errorCount == errors {
                result.append(value)
            } else {
                sink.damaged.insert(reader.context)
            }
        }
        return result
    }

    /// Reads the object's `$comment` (a string or an array of strings) into the sink's comments.
    func comment() {
        guard let node = value("$comment") else { return }
        switch node.value {
        case .string(let text):
            sink.comments[context] = [text]
        case .array(let items):
            var lines: [String] = []
            for item in items {
                guard case .string(let text) = item.value else {
                    sink.error("'\(path("$comment"))' must be a string or an array of strings, not an array holding \(item.kindDescription)", at: item)
                    return
                }
                lines.append(text)
            }
            sink.comments[context] = lines
        default:
            sink.error("'\(path("$comment"))' must be a string or an array of strings, not \(node.kindDescription)", at: node)
        }
    }

    /// Reports every key nobody asked for, with a did-you-mean among the known ones.
    /// `$comment` and `$schema` are always allowed: editors and JSON Schema use them.
    func finish() {
        for member in members where !read.contains(member.key) && member.key != "$comment" {
            if member.key == "$schema" && context.isEmpty { continue }
            var message = "unknown key '\(member.key)'"
            if !context.isEmpty { message += " in '\(context)'" }
            if let guess = Suggestion.closest(to: member.key, in: read.sorted()) {
                message += "; did you mean '\(guess)'?"
                // The value was probably meant for that key, which therefore holds only its default.
                sink.damaged.insert(path(guess))
            }
            sink.error(message, line: member.keyLine, column: member.keyColumn)
        }
    }

    // MARK: - Private

    private func present(_ key: String, required: Bool) -> JSONNode? {
        guard let node = value(key) else {
            if required && isObject {
                damage(key, "\(Self.describe(context)) is missing required key '\(key)'", at: self.node)
            }
            return nil
        }
        if case .null = node.value {
            // null is not "absent": JSON Schema rejects it too, so say how to write either.
            damage(key, "'\(path(key))' must not be null; give a value or leave the key out", at: node)
            return nil
        }
        return node
    }

    private func typeError(_ key: String, expected: String, _ node: JSONNode) {
        damage(key, "'\(path(key))' must be \(expected), not \(node.kindDescription)", at: node)
    }

    /// Reports an error about the value of `key` and marks its path as damaged: checks of the
    /// whole descriptor that depend on it are skipped, since its value is only a default.
    func damage(_ key: String, _ message: String, at node: JSONNode) {
        sink.error(message, at: node)
        sink.damaged.insert(path(key))
    }

    private func reportDuplicates() {
        var seen: [String: JSONMember] = [:]
        for member in members {
            if let first = seen[member.key] {
                sink.error(
                    "duplicate key '\(member.key)'; the first is on line \(first.keyLine)",
                    line: member.keyLine, column: member.keyColumn)
            } else {
                seen[member.key] = member
            }
        }
    }

    private static func describe(_ context: String) -> String {
        context.isEmpty ? "the descriptor" : "'\(context)'"
    }
}

/// Collects the diagnostics of one file.
final class DiagnosticSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each key read so far was, by dotted path.
    var keyLocations: [KeyLocations.Entry] = []
    /// The `$comment`s read so far, by the dotted path of their object.
    var comments: [String: [String]] = [:]
    /// The dotted paths of values that were unusable, such as `capabilities.groups`.
    var damaged: Set<String> = []

    init(file: String) { self.file = file }

    func error(_ message: String, at node: JSONNode) {
        add(.error, message, line: node.line, column: node.column)
    }

    func warning(_ message: String, at node: JSONNode) {
        add(.warning, message, line: node.line, column: node.column)
    }

    func error(_ message: String, line: Int, column: Int) { add(.error, message, line: line, column: column) }

    func add(_ severity: Diagnostic.Severity, _ message: String, line: Int, column: Int) {
        diagnostics.append(Diagnostic(severity, message, at: SourceLocation(file: file, line: line, column: column)))
    }

    func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// How many errors were reported so far.
    var errorCount: Int { diagnostics.lazy.filter { $0.severity == .error }.count }

    func location(_ node: JSONNode) -> SourceLocation { SourceLocation(file: file, line: node.line, column: node.column) }
}

extension JSONNode {
    /// "a string", "an object": how messages name what was found.
    var kindDescription: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
