import Foundation

/// The one home of Markdown escaping: descriptor text made safe where templates, the diff and the
/// template transforms (`cell`, `code`) place it, so that hostile content stays content: no line
/// break can end a list item or start a heading, no pipe can split a table cell, no backtick can end
/// a code span early, and no control character survives.
///
/// What descriptor text may contain in the first place (links, HTML, includes) is
/// `TextSafetyValidator`'s to check; this escapes structure, it does not vet content.
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

    /// A list item's text: one line, and never read as a heading, quote or nested list.
    static func listItem(_ text: String) -> String {
        let line = inline(text)
        guard let first = line.first, "#>+-*=".contains(first) else { return line }
        return "\\" + line
    }

    /// A Microsoft Learn alert: `> [!NOTE]` and the text, every line quoted.
    static func alert(_ label: String, _ text: String) -> String {
        var result = "> [!\(label)]"
        for line in lines(text) { result += line.isEmpty ? "\n>" : "\n> " + line }
        return result
    }

    /// A fenced code block whose fence is longer than any backtick run in the body.
    static func fencedCode(language: String, body: String) -> String {
        let fence = codeFence(for: body)
        let info = inline(language).filter { $0 != "`" }
        return fence + info + "\n" + lines(body).joined(separator: "\n") + "\n" + fence
    }

    /// The fence of a code block holding `body`: at least three backticks, and more than any run inside.
    static func codeFence(for body: String) -> String {
        String(repeating: "`", count: max(3, longestBacktickRun(body) + 1))
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

    /// Plain text with every character that Markdown could read as markup backslash-escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if "\\`*_[]<>|#!~".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

// MARK: - Table cells

extension MarkdownText {
    /// `a | b\nc` becomes `a \| b<br>c`: a pipe would end the cell and a line break the row.
    /// Surrounding whitespace and line breaks are trimmed, which also avoids a dangling `<br>`.
    static func tableCell(_ text: String) -> String {
        var output: [UInt8] = []
        appendTableCell(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// ``tableCell(_:)``, appended to UTF-8 bytes.
    static func appendTableCell(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            output.reserveCapacity(output.count + utf8.count + 8)
            var start = 0
            var end = utf8.count
            while start < end, isTrimmable(utf8[start]) { start += 1 }
            while end > start, isTrimmable(utf8[end - 1]) { end -= 1 }
            var segment = start
            var index = start
            while index < end {
                let byte = utf8[index]
                index += 1
                guard byte == UInt8(ascii: "|") || byte == 0x0A || byte == 0x0D else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[segment..<(index - 1)]))
                if byte == UInt8(ascii: "|") {
                    output.append(UInt8(ascii: "\\"))
                    output.append(byte)
                } else {
                    output.append(contentsOf: "<br>".utf8)
                    if byte == 0x0D, index < end, utf8[index] == 0x0A { index += 1 }
                }
                segment = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[segment..<end]))
        }
    }

    private static func isTrimmable(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

// MARK: - Code spans

extension MarkdownText {
    /// ``a`b`` becomes ``` ``a`b`` ```: the fence is a backtick run the text does not contain.
    ///
    /// Line breaks become spaces (CommonMark does that inside code spans anyway, and a table row
    /// must stay on one line); one space pads each side where CommonMark would otherwise merge a
    /// backtick with the fence or strip a space. Empty text stays empty.
    static func codeSpan(_ text: String) -> String {
        var output: [UInt8] = []
        appendCodeSpan(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// ``codeSpan(_:)``, appended to UTF-8 bytes.
    static func appendCodeSpan(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            guard let first = utf8.first, let last = utf8.last else { return }
            var longestRun = 0
            var run = 0
            var allSpaces = true
            for byte in utf8 {
                run = byte == UInt8(ascii: "`") ? run + 1 : 0
                longestRun = max(longestRun, run)
                if byte != 0x20 { allSpaces = false }
            }
            let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x0A || byte == 0x0D }
            let pad = first == UInt8(ascii: "`") || last == UInt8(ascii: "`") || (isSpace(first) && isSpace(last) && !allSpaces)
            output.reserveCapacity(output.count + utf8.count + 2 * longestRun + 4)
            output.append(contentsOf: repeatElement(UInt8(ascii: "`"), count: longestRun + 1))
            if pad { output.append(0x20) }
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte == 0x0D, index + 1 < utf8.count, utf8[index + 1] == 0x0A { index += 1 }
                output.append(byte == 0x0A || byte == 0x0D ? 0x20 : byte)
                index += 1
            }
            if pad { output.append(0x20) }
            output.append(contentsOf: repeatElement(UInt8(ascii: "`"), count: longestRun + 1))
        }
    }
}
