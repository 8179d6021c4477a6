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

    /// The value truncated, with line breaks written as `\n`, other control characters as spaces,
    /// and invisible format characters spelled out (`⟨U+202E⟩`): a reviewer must see a bidirectional
    /// override or a zero-width space that would make a value read as something else. The zero-width
    /// joiner of emoji sequences stays.
    static func oneLine(_ value: String, limit: Int = limit) -> String {
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in value.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\n" where previous == "\r":
                continue
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                scalars.append(contentsOf: "\\n".unicodeScalars)
            case _ where scalar.properties.generalCategory == .control:
                scalars.append(" ")
            case _ where scalar != "\u{200D}"
                && (MarkdownText.isBidiControl(scalar) || scalar.properties.generalCategory == .format):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                scalars.append(contentsOf: "⟨U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)⟩".unicodeScalars)
            default:
                scalars.append(scalar)
            }
        }
        let text = String(scalars)
        guard text.count > limit else { return text }
        var cut = text.prefix(limit - 1)
        while cut.last?.isWhitespace == true { cut.removeLast() }
        return cut + "…"
    }
}
