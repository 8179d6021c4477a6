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

/// Walks the body's lines and cuts them into blocks; every recogniser is `MarkdownLine`'s, so the
/// walk is linear in the length of the text.
private struct BlockReader {
    let lines: [String]
    var index: Int

    mutating func readAll() -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        while index < lines.count {
            let raw = lines[index][...]
            let text = MarkdownLine.trimmed(raw)
            let number = index + 1
            let indent = MarkdownLine.indent(of: raw)
            if text.isEmpty {
                index += 1
            } else if let fence = MarkdownLine.fence(text) {
                blocks.append(readCode(marker: fence.marker, language: fence.language, indent: indent))
            } else if indent < 4, let heading = MarkdownLine.heading(text) {
                blocks.append(MarkdownBlock(kind: .heading(level: heading.level), text: heading.text, line: number, indent: indent))
                index += 1
            } else if text.hasPrefix("<!--") {
                while index < lines.count, !TutorialText.contains(lines[index], "-->") { index += 1 }
                index += 1
                blocks.append(MarkdownBlock(kind: .html, text: String(text), line: number, indent: indent))
            } else if MarkdownLine.isAnchor(text) {
                blocks.append(MarkdownBlock(kind: .html, text: String(text), line: number, indent: indent))
                index += 1
            } else if let include = MarkdownLine.include(text) {
                blocks.append(
                    MarkdownBlock(kind: .include(name: include.name, path: include.path), text: String(text), line: number, indent: indent))
                index += 1
            } else if text.hasPrefix(">") {
                blocks.append(readQuote(indent: indent))
            } else if isTableStart(index) {
                blocks.append(readTable(indent: indent))
            } else if let image = MarkdownLine.image(text) {
                blocks.append(MarkdownBlock(kind: .image(alt: image.alt, path: image.path), text: String(text), line: number, indent: indent))
                index += 1
            } else if let image = MarkdownLine.learnImage(text) {
                blocks.append(MarkdownBlock(kind: .image(alt: image.alt, path: image.path), text: String(text), line: number, indent: indent))
                index += 1
                // The long form's description runs to `:::image-end:::`; the alt text stands for it.
                if image.opensBlock {
                    while index < lines.count, !MarkdownLine.trimmed(lines[index][...]).hasPrefix(":::image-end") { index += 1 }
                    index += 1
                }
            } else if let item = MarkdownLine.listItem(raw) {
                index += 1
                let body = [item.text] + readContinuation()
                blocks.append(MarkdownBlock(kind: .listItem(ordered: item.ordered), text: Self.joined(body), line: number, indent: indent))
            } else {
                index += 1
                let body = [String(text)] + readContinuation()
                blocks.append(MarkdownBlock(kind: .paragraph, text: Self.joined(body), line: number, indent: indent))
            }
        }
        return blocks
    }

    /// Lines that continue the current paragraph or item: non-blank and not the start of another block.
    mutating func readContinuation() -> [String] {
        var body: [String] = []
        while index < lines.count {
            let text = MarkdownLine.trimmed(lines[index][...])
            if text.isEmpty || startsBlock(index) { break }
            body.append(String(text))
            index += 1
        }
        return body
    }

    func startsBlock(_ at: Int) -> Bool {
        let raw = lines[at][...]
        let text = MarkdownLine.trimmed(raw)
        return MarkdownLine.fence(text) != nil || MarkdownLine.heading(text) != nil || text.hasPrefix(">")
            || text.hasPrefix("<!--") || MarkdownLine.isAnchor(text) || MarkdownLine.include(text) != nil
            || isTableStart(at) || MarkdownLine.image(text) != nil || MarkdownLine.learnImage(text) != nil
            || MarkdownLine.listItem(raw) != nil
    }

    func isTableStart(_ at: Int) -> Bool {
        let text = MarkdownLine.trimmed(lines[at][...])
        if text.hasPrefix("|") { return true }
        // A table without a leading pipe is recognised by its separator row.
        guard at + 1 < lines.count, text.contains("|") else { return false }
        return MarkdownLine.isSeparatorRow(lines[at + 1][...])
    }

    mutating func readTable(indent: Int) -> MarkdownBlock {
        let start = index
        var rows: [SourceLine] = []
        while index < lines.count {
            let text = MarkdownLine.trimmed(lines[index][...])
            guard !text.isEmpty, text.contains("|") else { break }
            if index > start, !text.hasPrefix("|"), startsBlock(index), !isTableStart(index) { break }
            rows.append(SourceLine(text: String(text), line: index + 1))
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
            let text = MarkdownLine.trimmed(lines[index][...])
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
            let text = MarkdownLine.trimmed(lines[index][...])
            guard text.hasPrefix(">") else { break }
            var inner = text.dropFirst()
            if inner.first == " " { inner = inner.dropFirst() }
            // `> [!NOTE]` or `> [!div …]` right under another quote starts a block of its own.
            if index > start, inner.hasPrefix("[!") { break }
            content.append(SourceLine(text: String(MarkdownLine.trimmed(inner)), line: index + 1))
            index += 1
        }
        let number = start + 1
        guard let first = content.first else {
            return MarkdownBlock(kind: .quote, text: "", line: number, indent: indent)
        }
        if MarkdownLine.isChecklist(first.text[...]) {
            var items: [SourceLine] = []
            for line in content.dropFirst() where !line.text.isEmpty {
                if let item = MarkdownLine.listItem(line.text[...]) {
                    items.append(SourceLine(text: item.text, line: line.line))
                } else if !items.isEmpty {
                    items[items.count - 1].text += " " + line.text
                } else {
                    items.append(line)
                }
            }
            return MarkdownBlock(kind: .checklist(items), text: "", line: number, indent: indent)
        }
        if let alert = MarkdownLine.alert(first.text[...]) {
            let rest = [SourceLine(text: alert.text, line: first.line)] + content.dropFirst()
            return MarkdownBlock(kind: .alert(alert.kind), text: Self.paragraphs(rest), line: number, indent: indent)
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
