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
/// | `json(x)` | JSON output | the value as compact JSON (strings quoted and escaped, objects with sorted keys, a missing name as `null`); must be innermost |
public enum Transform: String, Sendable, Hashable, CaseIterable {
    /// Makes text safe inside a GitHub-flavoured Markdown table cell.
    case cell
    /// Makes text an inline code span.
    case code
    /// Converts a value to JSON text.
    case json

    /// Applies a text transform (``cell`` or ``code``); ``json`` works on values, see ``json(_:)``.
    func apply(_ text: String) -> String {
        switch self {
        case .cell: return Transform.tableCell(text)
        case .code: return Transform.inlineCode(text)
        case .json: return Transform.json(.string(text))
        }
    }
}

// MARK: - cell

extension Transform {
    /// `a | b\nc` becomes `a \| b<br>c`: a pipe would end the cell and a line break the row.
    static func tableCell(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        // Cells ignore surrounding whitespace anyway; trimming line breaks avoids a dangling `<br>`.
        while start < end, isTrimmable(bytes[start]) { start += 1 }
        while end > start, isTrimmable(bytes[end - 1]) { end -= 1 }
        var output: [UInt8] = []
        output.reserveCapacity(end - start + 8)
        var index = start
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "|"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case UInt8(ascii: "\r"):
                output.append(contentsOf: "<br>".utf8)
                if index + 1 < end, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\n"):
                output.append(contentsOf: "<br>".utf8)
            default:
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isTrimmable(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

// MARK: - code

extension Transform {
    /// ``a`b`` becomes ``` ``a`b`` ```: the fence must be a backtick run the text does not contain.
    static func inlineCode(_ text: String) -> String {
        // CommonMark turns line endings inside code spans into spaces; do it here so cells stay on one row.
        var body = text
        if body.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            body = body.replacingLineBreaks(with: " ")
        }
        var longestRun = 0
        var run = 0
        for byte in body.utf8 {
            if byte == UInt8(ascii: "`") {
                run += 1
                longestRun = max(longestRun, run)
            } else {
                run = 0
            }
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        // A code span strips one space from each end when both ends are spaces, and a backtick at
        // either end would merge with the fence; one space of padding on each side prevents both.
        guard let first = body.utf8.first, let last = body.utf8.last else { return "" }
        let allSpaces = body.utf8.allSatisfy { $0 == 0x20 }
        let pad = first == UInt8(ascii: "`") || last == UInt8(ascii: "`") || (first == 0x20 && last == 0x20 && !allSpaces)
        return pad ? "\(fence) \(body) \(fence)" : "\(fence)\(body)\(fence)"
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

// MARK: - Helpers

private extension String {
    /// Replaces `\r\n`, `\n` and `\r` each by `replacement`.
    func replacingLineBreaks(with replacement: String) -> String {
        var output = ""
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                output += replacement
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
