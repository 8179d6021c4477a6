/// How the diff shows a descriptor value on one bullet: shortened and on one line, then escaped by
/// `MarkdownText`, the one home of Markdown escaping.
enum MarkdownInline {
    /// Values longer than this many characters are cut and end with `…`.
    static let limit = 80
    /// Identifiers (attribute paths, schema URNs) are cut only beyond this length: a cut one no longer identifies.
    static let identifierLimit = 200

    /// A code span; `(empty)` for the empty string. Pipes are escaped too, as inside a table.
    static func code(_ value: String, limit: Int = limit) -> String {
        let text = oneLine(value, limit: limit)
        guard !text.isEmpty else { return "(empty)" }
        return MarkdownText.codeSpan(text.replacingOccurrences(of: "|", with: "\\|"))
    }

    /// Plain text with Markdown punctuation escaped.
    static func plain(_ value: String) -> String {
        MarkdownText.escaped(oneLine(value))
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
