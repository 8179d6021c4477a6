/// A Microsoft Learn tutorial read into its front matter and a flat list of Markdown blocks.
///
/// The reader is line based and forgiving: it accepts the layouts real tutorials have (tab-indented
/// images under list items, tables without a trailing pipe, images at the left margin inside a
/// numbered list) and never fails; what it does not recognise becomes a paragraph.
struct TutorialDocument: Hashable, Sendable {
    /// One line of the YAML front matter: `key: value`, or a `#` comment (key nil).
    struct FrontMatterLine: Hashable, Sendable {
        /// The key, such as `ms.date`; nil for a comment line.
        var key: String?
        /// The value without surrounding quotes, or the comment's text after `#`.
        var value: String
        /// The 1-based line number.
        var line: Int
    }

    /// The front matter lines, without the `---` delimiters and blank lines.
    var frontMatter: [FrontMatterLine]
    /// The body's blocks in order.
    var blocks: [MarkdownBlock]

    /// Reads a tutorial.
    init(parsing markdown: String) {
        var lines = Self.lines(of: markdown)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        var index = 0
        frontMatter = []
        if let first = lines.first, TutorialText.trimmed(first) == "---",
            let end = lines.indices.dropFirst().first(where: { TutorialText.trimmed(lines[$0]) == "---" })
        {
            for number in 1..<end {
                let text = TutorialText.trimmed(lines[number])
                if text.isEmpty { continue }
                if text.hasPrefix("#") {
                    frontMatter.append(FrontMatterLine(key: nil, value: TutorialText.trimmed(String(text.dropFirst())), line: number + 1))
                } else if let colon = text.firstIndex(of: ":") {
                    let key = TutorialText.trimmed(String(text[..<colon]))
                    let value = Self.unquoted(TutorialText.trimmed(String(text[text.index(after: colon)...])))
                    frontMatter.append(FrontMatterLine(key: key, value: value, line: number + 1))
                } else {
                    frontMatter.append(FrontMatterLine(key: "", value: text, line: number + 1))
                }
            }
            index = end + 1
        }
        var reader = BlockReader(lines: lines, index: index)
        blocks = reader.readAll()
    }

    /// The lines of a text, split on LF with a CR before it dropped, so that CRLF files read alike.
    static func lines(of text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if current.last == "\r" { current.removeLast() }
                result.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if current.last == "\r" { current.removeLast() }
        result.append(String(current))
        return result
    }

    /// A YAML scalar without its single or double quotes.
    static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == value.last, first == "'" || first == "\"" else {
            return value
        }
        let inner = String(value.dropFirst().dropLast())
        return first == "'" ? inner.replacingOccurrences(of: "''", with: "'") : inner
    }
}

// MARK: - Blocks

/// Walks the body's lines and cuts them into blocks.
private struct BlockReader {
    let lines: [String]
    var index: Int

    static let heading = ImportPattern(#"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$"#)
    static let listItem = ImportPattern(#"^[ \t]*([*+-]|[0-9]{1,9}[.)])[ \t]+(.*)$"#)
    static let image = ImportPattern(#"^!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)$"#)
    static let fence = ImportPattern(#"^(`{3,}|~{3,})[ \t]*([^`\s]*)"#)
    static let separatorRow = ImportPattern(#"^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?$"#)
    static let anchor = ImportPattern(#"^<a\s+(name|id)\s*=.*>\s*(</a>)?$"#)
    static let alert = ImportPattern(#"^\[!(NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]\s*(.*)$"#)
    static let checklist = ImportPattern(#"^\[!div\s+class\s*=\s*"checklist"\s*\]$"#)

    mutating func readAll() -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        while index < lines.count {
            let raw = lines[index]
            let text = TutorialText.trimmed(raw)
            let number = index + 1
            let indent = Self.indent(of: raw)
            if text.isEmpty {
                index += 1
            } else if let fence = Self.fence.firstMatch(in: text) {
                blocks.append(readCode(marker: fence[1], language: fence[2], indent: indent))
            } else if indent < 4, let heading = Self.heading.firstMatch(in: text) {
                blocks.append(MarkdownBlock(kind: .heading(level: heading[1].count), text: heading[2], line: number, indent: indent))
                index += 1
            } else if text.hasPrefix("<!--") {
                while index < lines.count, !lines[index].contains("-->") { index += 1 }
                index += 1
                blocks.append(MarkdownBlock(kind: .html, text: text, line: number, indent: indent))
            } else if Self.anchor.matches(text) {
                blocks.append(MarkdownBlock(kind: .html, text: text, line: number, indent: indent))
                index += 1
            } else if text.hasPrefix(">") {
                blocks.append(readQuote(indent: indent))
            } else if isTableStart(index) {
                blocks.append(readTable(indent: indent))
            } else if let image = Self.image.firstMatch(in: text) {
                blocks.append(MarkdownBlock(kind: .image(alt: image[1], path: image[2]), text: text, line: number, indent: indent))
                index += 1
            } else if let item = Self.listItem.firstMatch(in: raw) {
                let ordered = item[1].first?.isNumber ?? false
                index += 1
                let body = [item[2]] + readContinuation()
                blocks.append(MarkdownBlock(kind: .listItem(ordered: ordered), text: Self.joined(body), line: number, indent: indent))
            } else {
                index += 1
                let body = [text] + readContinuation()
                blocks.append(MarkdownBlock(kind: .paragraph, text: Self.joined(body), line: number, indent: indent))
            }
        }
        return blocks
    }

    /// Lines that continue the current paragraph or item: non-blank and not the start of another block.
    mutating func readContinuation() -> [String] {
        var body: [String] = []
        while index < lines.count {
            let text = TutorialText.trimmed(lines[index])
            if text.isEmpty || startsBlock(index) { break }
            body.append(text)
            index += 1
        }
        return body
    }

    func startsBlock(_ at: Int) -> Bool {
        let raw = lines[at]
        let text = TutorialText.trimmed(raw)
        return Self.fence.matches(text) || Self.heading.matches(text) || text.hasPrefix(">") || text.hasPrefix("<!--")
            || Self.anchor.matches(text) || isTableStart(at) || Self.image.matches(text)
            || Self.listItem.matches(raw)
    }

    func isTableStart(_ at: Int) -> Bool {
        let text = TutorialText.trimmed(lines[at])
        if text.hasPrefix("|") { return true }
        // A table without a leading pipe is recognised by its separator row.
        guard text.contains("|"), at + 1 < lines.count else { return false }
        let next = TutorialText.trimmed(lines[at + 1])
        return next.contains("-") && next.contains("|") && Self.separatorRow.matches(next)
    }

    mutating func readTable(indent: Int) -> MarkdownBlock {
        let start = index
        var rows: [SourceLine] = []
        while index < lines.count {
            let text = TutorialText.trimmed(lines[index])
            guard !text.isEmpty, text.contains("|") else { break }
            if index > start, !text.hasPrefix("|"), startsBlock(index), !isTableStart(index) { break }
            rows.append(SourceLine(text: text, line: index + 1))
            index += 1
        }
        return MarkdownBlock(kind: .table(rows), text: rows.first?.text ?? "", line: start + 1, indent: indent)
    }

    mutating func readCode(marker: String, language: String, indent: Int) -> MarkdownBlock {
        let start = index
        index += 1
        var body: [String] = []
        let fenceCharacter = marker.first ?? "`"
        while index < lines.count {
            let text = TutorialText.trimmed(lines[index])
            if text.hasPrefix(marker), text.allSatisfy({ $0 == fenceCharacter }) {
                index += 1
                break
            }
            body.append(Self.dedented(lines[index], by: indent))
            index += 1
        }
        return MarkdownBlock(
            kind: .code(language: language), text: body.joined(separator: "\n"), line: start + 1, indent: indent)
    }

    mutating func readQuote(indent: Int) -> MarkdownBlock {
        let start = index
        var content: [SourceLine] = []
        while index < lines.count {
            let text = TutorialText.trimmed(lines[index])
            guard text.hasPrefix(">") else { break }
            var inner = text.dropFirst()
            if inner.first == " " { inner = inner.dropFirst() }
            // `> [!NOTE]` or `> [!div …]` right under another quote starts a block of its own.
            if index > start, inner.hasPrefix("[!") { break }
            content.append(SourceLine(text: TutorialText.trimmed(String(inner)), line: index + 1))
            index += 1
        }
        let number = start + 1
        guard let first = content.first else {
            return MarkdownBlock(kind: .quote, text: "", line: number, indent: indent)
        }
        if Self.checklist.matches(first.text) {
            var items: [SourceLine] = []
            for line in content.dropFirst() where !line.text.isEmpty {
                if let item = Self.listItem.firstMatch(in: line.text) {
                    items.append(SourceLine(text: item[2], line: line.line))
                } else if !items.isEmpty {
                    items[items.count - 1].text += " " + line.text
                } else {
                    items.append(line)
                }
            }
            return MarkdownBlock(kind: .checklist(items), text: "", line: number, indent: indent)
        }
        if let alert = Self.alert.firstMatch(in: first.text) {
            let rest = [SourceLine(text: alert[2], line: first.line)] + content.dropFirst()
            return MarkdownBlock(kind: .alert(alert[1].lowercased()), text: Self.paragraphs(rest), line: number, indent: indent)
        }
        return MarkdownBlock(kind: .quote, text: Self.paragraphs(content), line: number, indent: indent)
    }

    /// Lines joined into paragraphs: lines by a space, paragraphs (separated by blank lines) by a blank line.
    static func paragraphs(_ lines: [SourceLine]) -> String {
        var paragraphs: [[String]] = [[]]
        for line in lines {
            if line.text.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(line.text)
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map(joined).joined(separator: "\n\n")
    }

    static func joined(_ lines: [String]) -> String { lines.joined(separator: " ") }

    /// Columns of leading whitespace, a tab advancing to the next multiple of four.
    static func indent(of line: String) -> Int {
        var columns = 0
        for character in line {
            if character == " " { columns += 1 } else if character == "\t" { columns += 4 - columns % 4 } else { break }
        }
        return columns
    }

    /// A code line without up to `columns` of the fence's indentation.
    static func dedented(_ line: String, by columns: Int) -> String {
        var removed = 0
        var rest = Substring(line)
        while removed < columns, let first = rest.first, first == " " || first == "\t" {
            removed += first == "\t" ? 4 - removed % 4 : 1
            rest = rest.dropFirst()
        }
        return String(rest)
    }
}
