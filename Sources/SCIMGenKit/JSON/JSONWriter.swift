/// Writes `JSONValue`s as pretty-printed JSON, byte for byte as Python's
/// `json.dumps(value, indent=2, ensure_ascii=False) + "\n"` would for the same ordered data.
///
/// That means: two-space indentation, one element or member per line, `"key": value`, `[]` and `{}`
/// for empty containers, keys in the order given, non-ASCII kept as UTF-8, `/` not escaped, only `"`,
/// `\` and control characters escaped (`\n \t \b \f \r`, else `\u00XX` in lowercase hex), and a final
/// newline. Generated files therefore diff cleanly and match what other tools write.
///
/// This is the one place that quotes JSON strings: the SCIM filter printer, the template
/// engine's `json` transform and every generated document use it.
public enum JSONWriter {
    /// The document as a string.
    public static func write(_ value: JSONValue) -> String {
        String(decoding: writeBytes(value), as: UTF8.self)
    }

    /// The document as UTF-8 bytes, ready to compare with or write to a file.
    public static func writeBytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        append(value, indent: 0, to: &output)
        output.append(UInt8(ascii: "\n"))
        return output
    }

    /// The document on one line with no spaces (`{"a":[1,2]}`) and no final newline, as
    /// `json.dumps(value, separators=(",", ":"), ensure_ascii=False)` writes it.
    public static func compact(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        append(value, indent: nil, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` as a JSON string literal, quotes included: `"say \"hi\""`.
    public static func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 2)
        appendString(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}

private extension JSONWriter {
    /// Appends `value`; a nil `indent` writes it compactly.
    static func append(_ value: JSONValue, indent: Int?, to output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let bool):
            output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .number(let text):
            output.append(contentsOf: text.utf8)
        case .string(let string):
            appendString(string, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else { return output.append(contentsOf: "[]".utf8) }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent.map { $0 + 2 }, to: &output)
                append(element, indent: indent.map { $0 + 2 }, to: &output)
            }
            newline(indent, to: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return output.append(contentsOf: "{}".utf8) }
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent.map { $0 + 2 }, to: &output)
                appendString(member.key, to: &output)
                output.append(contentsOf: (indent == nil ? ":" : ": ").utf8)
                append(member.value, indent: indent.map { $0 + 2 }, to: &output)
            }
            newline(indent, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    static func newline(_ indent: Int?, to output: inout [UInt8]) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    static func appendString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case 0x0A: output.append(contentsOf: #"\n"#.utf8)
            case 0x09: output.append(contentsOf: #"\t"#.utf8)
            case 0x0D: output.append(contentsOf: #"\r"#.utf8)
            case 0x08: output.append(contentsOf: #"\b"#.utf8)
            case 0x0C: output.append(contentsOf: #"\f"#.utf8)
            case 0..<0x20:
                let hexDigits = Array("0123456789abcdef".utf8)
                output.append(contentsOf: #"\u00"#.utf8)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

extension JSONWriter {
    /// Appends `string` as a JSON string literal, escaped exactly as `write` escapes strings.
    static func appendQuoted(_ string: String, to output: inout [UInt8]) {
        appendString(string, to: &output)
    }
}
