/// Makes descriptor text safe where templates place it in Markdown, so that hostile content stays
/// content: no line break can end a list item or start a heading, no control character survives,
/// and YAML front matter stays one quoted scalar.
enum MarkdownText {
    /// One line: line breaks and tabs become spaces, other control characters and bidirectional
    /// overrides' unpaired effects are left to the reader but control characters are removed.
    static func inline(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                if !lastWasSpace { result.unicodeScalars.append(" ") }
                lastWasSpace = true
                continue
            }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
            result.unicodeScalars.append(scalar)
            lastWasSpace = scalar == " "
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// Lines without control characters, for blocks that keep their line breaks.
    static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                String(String.UnicodeScalarView(line.unicodeScalars.filter { !($0.value < 0x20 && $0 != "\t") && !(0x7F...0x9F).contains($0.value) }))
            }
    }

    /// A Microsoft Learn alert: `> [!NOTE]` and the text, every line quoted.
    static func alert(_ label: String, _ text: String) -> String {
        var result = "> [!\(label)]"
        for line in lines(text) { result += line.isEmpty ? "\n>" : "\n> " + line }
        return result
    }

    /// A fenced code block whose fence is longer than any backtick run in the body.
    static func fencedCode(language: String, body: String) -> String {
        var longest = 0
        var run = 0
        for character in body {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let info = inline(language).filter { $0 != "`" }
        return fence + info + "\n" + lines(body).joined(separator: "\n") + "\n" + fence
    }

    /// A single-quoted YAML scalar on one line.
    static func yaml(_ text: String) -> String {
        "'" + inline(text).replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A link destination that cannot break out of `(…)`: spaces and parentheses are percent-encoded.
    static func destination(_ text: String) -> String {
        var result = ""
        for character in inline(text) {
            switch character {
            case " ": result += "%20"
            case "(": result += "%28"
            case ")": result += "%29"
            case "<": result += "%3C"
            case ">": result += "%3E"
            default: result.append(character)
            }
        }
        return result
    }

    /// Alt text that cannot close its brackets.
    static func alt(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }
}

import Foundation
