/// Turns descriptor values into one-line Markdown: code spans and plain text that keep a bullet on one line.
enum MarkdownInline {
    /// Values longer than this many characters are cut and end with `…`.
    static let limit = 80
    /// Identifiers (attribute paths, schema URNs) are cut only beyond this length: a cut one no longer identifies.
    static let identifierLimit = 200

    /// A code span, with a fence longer than any run of backticks inside; `(empty)` for the empty string.
    static func code(_ value: String, limit: Int = limit) -> String {
        let text = oneLine(value, limit: limit).replacingOccurrences(of: "|", with: "\\|")
        guard !text.isEmpty else { return "(empty)" }
        let fence = String(repeating: "`", count: MarkdownText.longestBacktickRun(text) + 1)
        // CommonMark strips one space from each end, and a leading or trailing backtick would join the fence.
        let padded = text.first == "`" || text.last == "`" || (text.first == " " && text.last == " ")
        return padded ? "\(fence) \(text) \(fence)" : "\(fence)\(text)\(fence)"
    }

    /// Plain text with Markdown punctuation escaped.
    static func plain(_ value: String) -> String {
        var result = ""
        for character in oneLine(value) {
            if "\\`*_[]<>|#!~".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// The value truncated, with line breaks written as `\n` and other control characters as spaces.
    static func oneLine(_ value: String, limit: Int = limit) -> String {
        var text = ""
        for character in value {
            if character.isNewline {
                text += "\\n"
            } else if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                text += " "
            } else {
                text.append(character)
            }
        }
        guard text.count > limit else { return text }
        var cut = text.prefix(limit - 1)
        while cut.last?.isWhitespace == true { cut.removeLast() }
        return cut + "…"
    }
}
