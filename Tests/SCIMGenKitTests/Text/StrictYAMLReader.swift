import Foundation

/// A deliberately strict reader of the YAML a front matter uses: `key: scalar` lines and `#` comment
/// lines between two `---` fences. It accepts a plain scalar only where YAML 1.1 and 1.2 parsers
/// both read a string, and a single- or double-quoted scalar only when it is closed on its line
/// with nothing after it; it returns each value as text, so tests compare what a parser would see.
enum StrictYAMLReader {
    struct Problem: Error, Equatable, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    /// The values of the front matter at the start of `document`, by key, in order.
    static func frontMatter(_ document: String) throws -> [(key: String, value: String)] {
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == "---" else { throw Problem(line: 1, message: "no opening '---'") }
        var result: [(key: String, value: String)] = []
        var index = 1
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line == "---" { return result }
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.range(of: ": ") else { throw Problem(line: index, message: "not 'key: value': \(line)") }
            let key = String(line[..<colon.lowerBound])
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }) else {
                throw Problem(line: index, message: "bad key '\(key)'")
            }
            result.append((key, try scalar(String(line[colon.upperBound...]), line: index)))
        }
        throw Problem(line: index, message: "no closing '---'")
    }

    /// One scalar as a parser reads it, or a problem where YAML would read something else.
    static func scalar(_ text: String, line: Int = 1) throws -> String {
        guard let first = text.first else { throw Problem(line: line, message: "empty value is null") }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FEFF}" }) {
            throw Problem(line: line, message: "control character or line break in a scalar")
        }
        switch first {
        case "'":
            return try singleQuoted(text, line: line)
        case "\"":
            return try doubleQuoted(text, line: line)
        default:
            return try plain(text, line: line)
        }
    }

    private static func singleQuoted(_ text: String, line: Int) throws -> String {
        let characters = Array(text.dropFirst())
        var value = ""
        var index = 0
        while index < characters.count {
            if characters[index] == "'" {
                if index + 1 < characters.count, characters[index + 1] == "'" {
                    value.append("'")
                    index += 2
                    continue
                }
                guard index == characters.count - 1 else { throw Problem(line: line, message: "text after a closing quote") }
                return value
            }
            value.append(characters[index])
            index += 1
        }
        throw Problem(line: line, message: "single-quoted scalar never closed")
    }

    private static func doubleQuoted(_ text: String, line: Int) throws -> String {
        let characters = Array(text.dropFirst())
        var value = ""
        var index = 0
        while index < characters.count {
            switch characters[index] {
            case "\"":
                guard index == characters.count - 1 else { throw Problem(line: line, message: "text after a closing quote") }
                return value
            case "\\":
                guard index + 1 < characters.count else { throw Problem(line: line, message: "dangling backslash") }
                let escapes: [Character: Character] = ["\\": "\\", "\"": "\"", "/": "/", "n": "\n", "t": "\t"]
                guard let escaped = escapes[characters[index + 1]] else { throw Problem(line: line, message: "unsupported escape") }
                value.append(escaped)
                index += 2
            default:
                value.append(characters[index])
                index += 1
            }
        }
        throw Problem(line: line, message: "double-quoted scalar never closed")
    }

    private static func plain(_ text: String, line: Int) throws -> String {
        if let first = text.first, "-?:,[]{}#&*!|>'\"%@`~".contains(first) {
            throw Problem(line: line, message: "plain scalar starts with the indicator '\(first)'")
        }
        if text.contains(": ") || text.hasSuffix(":") || text.contains(" #") {
            throw Problem(line: line, message: "plain scalar holds ': ' or ' #'")
        }
        if text.hasPrefix(" ") || text.hasSuffix(" ") || text.contains("\t") {
            throw Problem(line: line, message: "plain scalar with surrounding whitespace")
        }
        let lower = text.lowercased()
        if ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(lower) {
            throw Problem(line: line, message: "plain '\(text)' is not a string")
        }
        if lower.range(of: #"^[-+]?(0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*(\.[0-9_.]*)?(e[-+]?[0-9]+)?|\.[0-9_]+(e[-+]?[0-9]+)?|\.inf|\.nan|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$"#, options: .regularExpression) != nil {
            throw Problem(line: line, message: "plain '\(text)' is a number")
        }
        if text.range(of: #"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"#, options: .regularExpression) != nil {
            throw Problem(line: line, message: "plain '\(text)' is a date")
        }
        return text
    }
}
