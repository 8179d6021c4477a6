/// Links, bold phrases and backslash escapes inside one block of tutorial text, each found in one
/// left-to-right pass: a failed link attempt resumes after the `]` it stopped at, so a run of `[`
/// costs no more than any other text.
enum InlineMarkdown {
    /// A link or image found in text.
    struct Link: Hashable, Sendable {
        /// Whether it is an image (`![…](…)`).
        var isImage: Bool
        /// The text between the brackets.
        var text: String
        /// The destination without `<>` and without a title.
        var target: String
        /// Where the link starts (its `!` for an image) and ends (after its `)`).
        var start: String.Index
        var end: String.Index
    }

    /// The link whose `[` is at `open`: `[text](target)`, `[text](<target>)` or `[text](target "title")`.
    /// The text runs to the first `]`; `loose` accepts any destination up to the first `)`.
    static func link(in text: Substring, at open: String.Index, loose: Bool = false) -> Link? {
        guard open < text.endIndex, text[open] == "[", let close = text[open...].firstIndex(of: "]") else { return nil }
        var index = text.index(after: close)
        guard index < text.endIndex, text[index] == "(" else { return nil }
        index = text.index(after: index)
        let label = String(text[text.index(after: open)..<close])
        let isImage = open > text.startIndex && text[text.index(before: open)] == "!"
        let start = isImage ? text.index(before: open) : open
        if loose {
            guard let end = text[index...].firstIndex(of: ")") else { return nil }
            return Link(isImage: isImage, text: label, target: String(text[index..<end]), start: start, end: text.index(after: end))
        }
        index = skipBlanks(text, from: index)
        if index < text.endIndex, text[index] == "<" { index = text.index(after: index) }
        let targetStart = index
        while index < text.endIndex, text[index] != ")", text[index] != ">", !text[index].isWhitespace {
            index = text.index(after: index)
        }
        let target = String(text[targetStart..<index])
        if index < text.endIndex, text[index] == ">" { index = text.index(after: index) }
        let beforeTitle = index
        index = skipBlanks(text, from: index)
        if index > beforeTitle, index < text.endIndex, text[index] == "\"" {
            guard let quote = text[text.index(after: index)...].firstIndex(of: "\"") else { return nil }
            index = skipBlanks(text, from: text.index(after: quote))
        }
        guard index < text.endIndex, text[index] == ")" else { return nil }
        return Link(isImage: isImage, text: label, target: target, start: start, end: text.index(after: index))
    }

    /// Every link and image in the text, in order.
    static func links(in text: String, loose: Bool = false) -> [Link] {
        let whole = text[...]
        var found: [Link] = []
        var index = whole.startIndex
        while let open = whole[index...].firstIndex(of: "[") {
            // Every `[` before the first `]` ends its text at that same `]`, so one failure settles them all.
            guard let close = whole[open...].firstIndex(of: "]") else { break }
            if let link = link(in: whole, at: open, loose: loose) {
                found.append(link)
                index = link.end
            } else {
                index = whole.index(after: close)
            }
        }
        return found
    }

    /// The text with each link and image replaced by its text.
    static func withLinkTexts(_ text: String) -> String {
        let links = links(in: text, loose: true)
        guard !links.isEmpty else { return text }
        var result = ""
        var index = text.startIndex
        for link in links {
            result += text[index..<link.start]
            result += link.text
            index = link.end
        }
        result += text[index...]
        return result
    }

    /// The phrases between `**` pairs, in order: at least one character, none of them `*`.
    static func boldPhrases(in text: String) -> [String] {
        var phrases: [String] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard scalars[index] == "*", scalars.index(after: index) < scalars.endIndex,
                scalars[scalars.index(after: index)] == "*"
            else {
                index = scalars.index(after: index)
                continue
            }
            let start = scalars.index(index, offsetBy: 2)
            var end = start
            while end < scalars.endIndex, scalars[end] != "*" { end = scalars.index(after: end) }
            let closes = end > start && end < scalars.endIndex && scalars.index(after: end) < scalars.endIndex
                && scalars[scalars.index(after: end)] == "*"
            if closes {
                phrases.append(String(String.UnicodeScalarView(scalars[start..<end])).trimmingBlanks)
                index = scalars.index(end, offsetBy: 2)
            } else {
                index = end > start ? end : scalars.index(after: index)
            }
        }
        return phrases
    }

    /// The text with Markdown's backslash escapes resolved (`\"` is `"`), except inside code spans,
    /// where a backslash is itself.
    static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        var result = String.UnicodeScalarView()
        var inCode = false
        var escaping = false
        for scalar in text.unicodeScalars {
            if escaping {
                escaping = false
                if scalar.isASCII, scalar.properties.isPunctuationLike {
                    result.append(scalar)
                    continue
                }
                result.append("\\")
            }
            if scalar == "`" { inCode.toggle() }
            if scalar == "\\", !inCode {
                escaping = true
                continue
            }
            result.append(scalar)
        }
        if escaping { result.append("\\") }
        return String(result)
    }

    private static func skipBlanks(_ text: Substring, from index: String.Index) -> String.Index {
        var index = index
        while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
        return index
    }
}

private extension Unicode.Scalar.Properties {
    /// ASCII punctuation and symbols, the characters CommonMark lets a backslash escape.
    var isPunctuationLike: Bool { isPatternSyntax }
}

extension String {
    /// The text without leading and trailing whitespace.
    var trimmingBlanks: String { String(MarkdownLine.trimmed(self[...])) }
}
