/// A named function an interpolation tag applies to its value: `{{cell(attribute.description)}}`.
///
/// The syntax follows hummingbird-project/swift-mustache: `name(argument)`, where the argument is
/// a name or another call, so `{{cell(code(path))}}` is a code span inside a table cell. Spec tag
/// names never contain parentheses, so transforms cannot change what a spec template means.
///
/// Order of work for `{{f(g(name))}}`: the value becomes text (``json`` converts it, otherwise as
/// `{{name}}` would print it), the text is escaped for the render's ``Escaping`` (not in
/// `{{{…}}}` or `{{&…}}`), then the transforms apply from the innermost out, so the markup they
/// add (`<br>`, backticks) is never escaped. Transforms are allowed in interpolation tags only.
///
/// | transform | for | does |
/// | --- | --- | --- |
/// | `cell(x)` | a Markdown table cell | trims surrounding whitespace and line breaks, escapes `\|` as `\\|`, turns each line break (`\r\n`, `\n`, `\r`) into `<br>` |
/// | `code(x)` | inline code in Markdown | wraps in a backtick fence longer than any backtick run inside, padding with spaces where CommonMark would otherwise eat a backtick or a space; line breaks become spaces; empty text stays empty |
/// | `json(x)` | JSON output | the value as compact JSON (strings quoted and escaped, objects with sorted keys, a missing name as `null` unless variables are strict); must be innermost |
public enum Transform: String, Sendable, Hashable, CaseIterable {
    /// Makes text safe inside a GitHub-flavoured Markdown table cell.
    case cell
    /// Makes text an inline code span.
    case code
    /// Converts a value to JSON text.
    case json

    /// Appends `text` transformed to `output` (``json`` quotes text as a JSON string).
    func apply(_ text: String, to output: inout [UInt8]) {
        switch self {
        case .cell: Transform.appendTableCell(text, to: &output)
        case .code: Transform.appendInlineCode(text, to: &output)
        case .json: output.append(contentsOf: Transform.json(.string(text)).utf8)
        }
    }
}

// MARK: - cell

extension Transform {
    /// `a | b\nc` becomes `a \| b<br>c`: a pipe would end the cell and a line break the row.
    static func appendTableCell(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            var end = utf8.count
            // Cells ignore surrounding whitespace anyway; trimming line breaks avoids a dangling `<br>`.
            while start < end, isTrimmable(utf8[start]) { start += 1 }
            while end > start, isTrimmable(utf8[end - 1]) { end -= 1 }
            var segment = start
            var index = start
            while index < end {
                let byte = utf8[index]
                index += 1
                guard byte == UInt8(ascii: "|") || byte == .newline || byte == .carriageReturn else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[segment..<(index - 1)]))
                if byte == UInt8(ascii: "|") {
                    output.append(UInt8(ascii: "\\"))
                    output.append(byte)
                } else {
                    output.append(contentsOf: "<br>".utf8)
                    if byte == .carriageReturn, index < end, utf8[index] == .newline { index += 1 }
                }
                segment = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[segment..<end]))
        }
    }

    private static func isTrimmable(_ byte: UInt8) -> Bool {
        byte == .space || byte == .tab || byte == .newline || byte == .carriageReturn
    }
}

// MARK: - code

extension Transform {
    /// ``a`b`` becomes ``` ``a`b`` ```: the fence must be a backtick run the text does not contain.
    static func appendInlineCode(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            guard let first = utf8.first, let last = utf8.last else { return }
            var longestRun = 0
            var run = 0
            var allSpaces = true
            var hasLineBreak = false
            for byte in utf8 {
                if byte == .newline || byte == .carriageReturn { hasLineBreak = true }
                if byte == UInt8(ascii: "`") {
                    run += 1
                    longestRun = max(longestRun, run)
                } else {
                    run = 0
                }
                if byte != .space { allSpaces = false }
            }
            let isSpace = { (byte: UInt8) in byte == .space || byte == .newline || byte == .carriageReturn }
            // A code span strips one space from each end when both ends are spaces, and a backtick at
            // either end would merge with the fence; one space of padding on each side prevents both.
            let pad = first == UInt8(ascii: "`") || last == UInt8(ascii: "`") || (isSpace(first) && isSpace(last) && !allSpaces)
            output.append(contentsOf: repeatElement(UInt8(ascii: "`"), count: longestRun + 1))
            if pad { output.append(.space) }
            // CommonMark turns line endings inside code spans into spaces; do it here so cells stay on one row.
            var index = hasLineBreak ? 0 : utf8.count
            if !hasLineBreak { output.append(contentsOf: utf8) }
            while index < utf8.count {
                let byte = utf8[index]
                if byte == .carriageReturn, index + 1 < utf8.count, utf8[index + 1] == .newline { index += 1 }
                output.append(byte == .newline || byte == .carriageReturn ? .space : byte)
                index += 1
            }
            if pad { output.append(.space) }
            output.append(contentsOf: repeatElement(UInt8(ascii: "`"), count: longestRun + 1))
        }
    }
}

// MARK: - json

extension Transform {
    /// Compact JSON text with sorted object keys, so that output is stable from run to run.
    static func json(_ value: MustacheValue) -> String {
        var output = ""
        appendJSON(value, to: &output)
        return output
    }

    private static func appendJSON(_ value: MustacheValue, to output: inout String) {
        switch value {
        case .null:
            output += "null"
        case .bool(let bool):
            output += bool ? "true" : "false"
        case .number(let number):
            output += number.isFinite ? MustacheValue.format(number) : "null"
        case .string(let string):
            appendJSONString(string, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                appendJSON(element, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { output += "," }
                appendJSONString(member.key, to: &output)
                output += ":"
                appendJSON(member.value, to: &output)
            }
            output += "}"
        }
    }

    private static func appendJSONString(_ string: String, to output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
