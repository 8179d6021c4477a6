/// The layout of a descriptor file: JSON as `JSONWriter` writes it (two-space indentation, the
/// same escaping), except that small things stay on one line so that a table row reads as a row.
///
/// - An object whose values are all scalars or arrays of scalars is one line,
///   `{ "path": "userName", "type": "String" }`, when it is an array element, or has at most two
///   members and no `$comment`.
/// - An array of scalars is one line, `["Microsoft Entra ID", "Okta"]`, when that line fits in
///   `width` columns.
/// - Everything else has one member or element per line. The file ends with a newline.
enum DescriptorFormat {
    /// The column a one-line array of scalars must fit in.
    static let width = 100

    /// The bytes of `value`.
    static func write(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        append(value, indent: 0, column: 0, element: false, to: &output)
        output.append(UInt8(ascii: "\n"))
        return output
    }

    private static func append(_ value: JSONValue, indent: Int, column: Int, element: Bool, to output: inout [UInt8]) {
        switch value {
        case .object(let members) where !members.isEmpty:
            let small = members.count <= 2 && members.first?.key != "$comment"
            if members.allSatisfy({ isFlat($0.value) }) && (element || small) {
                return appendLine(value, to: &output)
            }
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 2, to: &output)
                let start = output.count
                JSONWriter.appendQuoted(member.key, to: &output)
                output.append(contentsOf: ": ".utf8)
                let column = indent + 2 + (output.count - start)
                append(member.value, indent: indent + 2, column: column, element: false, to: &output)
            }
            newline(indent, to: &output)
            output.append(UInt8(ascii: "}"))
        case .array(let elements) where !elements.isEmpty:
            if elements.allSatisfy(isScalar) {
                var line: [UInt8] = []
                appendLine(value, to: &line)
                if column + line.count <= width { return output.append(contentsOf: line) }
            }
            output.append(UInt8(ascii: "["))
            for (index, item) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 2, to: &output)
                append(item, indent: indent + 2, column: indent + 2, element: true, to: &output)
            }
            newline(indent, to: &output)
            output.append(UInt8(ascii: "]"))
        default:
            appendLine(value, to: &output)
        }
    }

    /// A value on one line: `{ "a": 1, "b": [1, 2] }`.
    private static func appendLine(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .string(let text): JSONWriter.appendQuoted(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, item) in elements.enumerated() {
                if index > 0 { output.append(contentsOf: ", ".utf8) }
                appendLine(item, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return output.append(contentsOf: "{}".utf8) }
            output.append(contentsOf: "{ ".utf8)
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(contentsOf: ", ".utf8) }
                JSONWriter.appendQuoted(member.key, to: &output)
                output.append(contentsOf: ": ".utf8)
                appendLine(member.value, to: &output)
            }
            output.append(contentsOf: " }".utf8)
        }
    }

    private static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }

    /// A scalar or an array of scalars.
    private static func isFlat(_ value: JSONValue) -> Bool {
        if case .array(let elements) = value { return elements.allSatisfy(isScalar) }
        return isScalar(value)
    }

    private static func newline(_ indent: Int, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }
}
