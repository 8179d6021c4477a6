/// Recognisers for the kinds of line a tutorial's Markdown is made of: headings, list items,
/// fences, images, table separators, anchors, alerts, checklists and `[!INCLUDE]` lines.
///
/// Each reads its line once from left to right and never backtracks, so reading a tutorial takes
/// time in proportion to its length whatever the text holds (a line of a million `[` or `#` included);
/// the regular expressions of `ImportPattern` are kept for short, bounded text.
enum MarkdownLine {
    /// `#` to `######` followed by a space or the end: the level and the text without a closing run of `#`.
    static func heading(_ text: Substring) -> (level: Int, text: String)? {
        let bytes = text.utf8
        var index = bytes.startIndex
        var spaces = 0
        while index < bytes.endIndex, bytes[index] == UInt8(ascii: " "), spaces < 4 {
            spaces += 1
            index = bytes.index(after: index)
        }
        guard spaces < 4 else { return nil }
        var level = 0
        while index < bytes.endIndex, bytes[index] == UInt8(ascii: "#") {
            level += 1
            index = bytes.index(after: index)
        }
        guard (1...6).contains(level) else { return nil }
        guard index == bytes.endIndex || isBlank(bytes[index]) else { return nil }
        var body = trimmed(text[index...])
        // A closing sequence is a run of `#` after a space (or the whole text), then nothing.
        if let last = body.utf8.lastIndex(where: { $0 != UInt8(ascii: "#") }) {
            let after = body.utf8.index(after: last)
            if after < body.utf8.endIndex, isBlank(body.utf8[last]) { body = trimmed(body[..<after]) }
        } else {
            body = ""
        }
        return (level, String(body))
    }

    /// A bullet (`*`, `+`, `-`) or numbered (`1.`, `1)`) item: whether it is ordered and its text.
    static func listItem(_ raw: Substring) -> (ordered: Bool, text: String)? {
        let bytes = raw.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex, isBlank(bytes[index]) { index = bytes.index(after: index) }
        guard index < bytes.endIndex else { return nil }
        var ordered = false
        let first = bytes[index]
        if first == UInt8(ascii: "*") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            index = bytes.index(after: index)
        } else {
            var digits = 0
            while index < bytes.endIndex, isDigit(bytes[index]), digits < 10 {
                digits += 1
                index = bytes.index(after: index)
            }
            guard (1...9).contains(digits), index < bytes.endIndex,
                bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
            else { return nil }
            ordered = true
            index = bytes.index(after: index)
        }
        guard index < bytes.endIndex, isBlank(bytes[index]) else { return nil }
        while index < bytes.endIndex, isBlank(bytes[index]) { index = bytes.index(after: index) }
        return (ordered, String(raw[index...]))
    }

    /// Three or more backticks or tildes: the fence and the info string's first word.
    static func fence(_ text: Substring) -> (marker: String, language: String)? {
        let bytes = text.utf8
        guard let first = bytes.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        var index = bytes.startIndex
        var count = 0
        while index < bytes.endIndex, bytes[index] == first {
            count += 1
            index = bytes.index(after: index)
        }
        guard count >= 3 else { return nil }
        let marker = String(text[..<index])
        while index < bytes.endIndex, isBlank(bytes[index]) { index = bytes.index(after: index) }
        var end = index
        while end < bytes.endIndex, !isBlank(bytes[end]), bytes[end] != UInt8(ascii: "`") { end = bytes.index(after: end) }
        return (marker, String(text[index..<end]))
    }

    /// `![alt](path)` or `![alt](path "title")` alone on its line (a final `.` is tolerated), or the
    /// same wrapped in a link to a larger view: `[ ![alt](path) ](path#lightbox)`.
    static func image(_ text: Substring) -> (alt: String, path: String)? {
        if text.hasPrefix("!["), let link = InlineMarkdown.link(in: text, at: text.index(after: text.startIndex)) {
            let rest = trimmed(text[link.end...])
            return rest.isEmpty || rest == "." ? (link.text, link.target) : nil
        }
        // The lightbox form: the outer link's text is the image.
        guard text.hasPrefix("["), text.utf8.count < 4_000 else { return nil }
        let inner = trimmed(text.dropFirst())
        guard inner.hasPrefix("!["), let image = InlineMarkdown.link(in: inner, at: inner.index(after: inner.startIndex)) else {
            return nil
        }
        let after = trimmed(inner[image.end...])
        guard after.hasPrefix("]("), after.hasSuffix(")"), !after.dropFirst(2).contains(")") || after.filter({ $0 == ")" }).count == 1
        else { return nil }
        return (image.text, image.target)
    }

    /// Learn's image extension, `:::image type="content" source="path" alt-text="alt":::`, or the
    /// opening line of its long form (`type="complex"`, ended by `:::image-end:::`).
    static func learnImage(_ text: Substring) -> (alt: String, path: String, opensBlock: Bool)? {
        guard text.hasPrefix(":::image "), text.count < 4_000 else { return nil }
        func attribute(_ name: String) -> String? {
            guard let start = text.range(of: name + "=\"") else { return nil }
            let rest = text[start.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
        guard let source = attribute("source") else { return nil }
        let complex = attribute("type") == "complex" && !text.hasSuffix(":::image-end:::")
        return (attribute("alt-text") ?? "", source, complex)
    }

    /// A table's separator row: cells of `-` with optional `:` at either end, between optional outer pipes.
    static func isSeparatorRow(_ text: Substring) -> Bool {
        var body = trimmed(text)
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|") { body = body.dropLast() }
        var sawCell = false
        for cell in body.split(separator: "|", omittingEmptySubsequences: false) {
            var inner = trimmed(cell).utf8[...]
            if inner.first == UInt8(ascii: ":") { inner = inner.dropFirst() }
            if inner.last == UInt8(ascii: ":") { inner = inner.dropLast() }
            guard !inner.isEmpty, inner.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return false }
            sawCell = true
        }
        return sawCell
    }

    /// `<a name='…'></a>` or `<a id="…">`: an anchor, structure rather than a fact.
    static func isAnchor(_ text: Substring) -> Bool {
        let lowered = text.prefix(16).lowercased()
        guard lowered.hasPrefix("<a"), text.hasSuffix(">") else { return false }
        let after = lowered.dropFirst(2)
        guard let blank = after.first, blank == " " || blank == "\t" else { return false }
        let attribute = after.drop { $0 == " " || $0 == "\t" }
        return attribute.hasPrefix("name") || attribute.hasPrefix("id")
    }

    /// `[!NOTE]` and its kin: the kind in lowercase and the text after it.
    static func alert(_ text: Substring) -> (kind: String, text: String)? {
        guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return nil }
        let kind = text[text.index(text.startIndex, offsetBy: 2)..<close].lowercased()
        guard ["note", "tip", "important", "caution", "warning"].contains(kind) else { return nil }
        return (kind, String(trimmed(text[text.index(after: close)...])))
    }

    /// `[!div class="checklist"]`, spaced in any way.
    static func isChecklist(_ text: Substring) -> Bool {
        guard text.count < 64 else { return false }
        let squeezed = text.lowercased().filter { $0 != " " && $0 != "\t" }
        return squeezed == #"[!divclass="checklist"]"# || squeezed == "[!divclass='checklist']"
    }

    /// `[!INCLUDE [name](path)]`: the include's link text and path.
    static func include(_ text: Substring) -> (name: String, path: String)? {
        guard text.count > 11, text.prefix(10).uppercased() == "[!INCLUDE ", text.hasSuffix("]") else { return nil }
        let inner = trimmed(text.dropFirst(10).dropLast())
        guard inner.hasPrefix("["), let link = InlineMarkdown.link(in: inner, at: inner.startIndex),
            trimmed(inner[link.end...]).isEmpty
        else { return nil }
        return (link.text, link.target)
    }

    /// Columns of leading whitespace, a tab advancing to the next multiple of four.
    static func indent(of line: Substring) -> Int {
        var columns = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: " ") {
                columns += 1
            } else if byte == UInt8(ascii: "\t") {
                columns += 4 - columns % 4
            } else {
                break
            }
        }
        return columns
    }

    /// The text without leading and trailing spaces, tabs and other whitespace.
    static func trimmed(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return text[text.endIndex...] }
        return text[first...last]
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
