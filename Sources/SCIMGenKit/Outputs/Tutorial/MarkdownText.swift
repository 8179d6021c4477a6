/// Makes descriptor text safe where templates place it in Markdown, so that hostile content stays
/// content: no line break can end a list item or start a heading, no control character survives,
/// and YAML front matter stays one quoted scalar.
enum MarkdownText {
    /// One line: line breaks and tabs become spaces, other control characters and bidirectional
    /// overrides' unpaired effects are left to the reader but control characters are removed.
    static func inline(_ text: String) -> String {
        if isPlainLine(text) { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                if !lastWasSpace { result.unicodeScalars.append(" ") }
                lastWasSpace = true
                continue
            }
            if isDropped(scalar) { continue }
            result.unicodeScalars.append(scalar)
            lastWasSpace = scalar == " "
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// Whether `text` is already one clean line: no control character, no separator, no edge spaces.
    /// Almost all descriptor text is, and checking bytes is far cheaper than rebuilding the string.
    static func isPlainLine(_ text: String) -> Bool {
        let utf8 = text.utf8
        if let first = utf8.first, first == 0x20 { return false }
        if let last = utf8.last, last == 0x20 { return false }
        return utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var previous: UInt8 = 0
            var beforePrevious: UInt8 = 0
            for byte in bytes {
                if byte < 0x20 || byte == 0x7F { return false }
                // C1 controls (U+0080–U+009F) are C2 80–C2 9F; U+2028 and U+2029 are E2 80 A8/A9.
                if previous == 0xC2 && (0x80...0x9F).contains(byte) { return false }
                if beforePrevious == 0xE2 && previous == 0x80 && (0xA8...0xAE).contains(byte) { return false }
                // U+2066–U+2069 (isolates) are E2 81 A6–A9.
                if beforePrevious == 0xE2 && previous == 0x81 && (0xA6...0xA9).contains(byte) { return false }
                beforePrevious = previous
                previous = byte
            }
            return true
        } ?? false
    }

    /// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make text
    /// display differently from what it says; ordinary right-to-left letters are kept.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Lines without control characters, for blocks that keep their line breaks.
    static func lines(_ text: String) -> [String] {
        // Most text has nothing to drop; splitting it is all that is needed.
        if !text.unicodeScalars.contains(where: { $0 != "\n" && isDropped($0) }) {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0.unicodeScalars.filter { !isDropped($0) })) }
    }

    /// Characters removed from descriptor text: controls other than the tab (C0, DEL, C1) and
    /// bidirectional controls. Line breaks are handled by the caller before this applies.
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value) || isBidiControl(scalar)
    }

    /// A Microsoft Learn alert: `> [!NOTE]` and the text, every line quoted.
    static func alert(_ label: String, _ text: String) -> String {
        var result = "> [!\(label)]"
        for line in lines(text) { result += line.isEmpty ? "\n>" : "\n> " + line }
        return result
    }

    /// A fenced code block whose fence is longer than any backtick run in the body.
    static func fencedCode(language: String, body: String) -> String {
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(body) + 1))
        let info = inline(language).filter { $0 != "`" }
        return fence + info + "\n" + lines(body).joined(separator: "\n") + "\n" + fence
    }

    /// The longest run of backticks in `text`: a code fence or span must be longer.
    static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0
        var run = 0
        for byte in text.utf8 {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
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
