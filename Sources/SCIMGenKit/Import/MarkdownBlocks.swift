/// A tutorial split into the blocks an importer reasons about, each with its 1-based line.
///
/// Not a full Markdown parser: the layouts of Microsoft Learn tutorials are regular, and the
/// importer needs headings, list items (with their indented continuation), tables, fenced code,
/// images, alerts and paragraphs, each with a line number for its warnings.
struct MarkdownBlocks {
    enum Kind: Equatable {
        case heading(level: Int, text: String)
        case listItem(ordered: Bool, text: String)
        case table(rows: [[String]])
        case code(language: String, body: String)
        case image(alt: String, path: String)
        case alert(kind: String, text: String)
        case checklistItem(text: String)
        case paragraph(text: String)
    }

    struct Block: Equatable {
        var kind: Kind
        var line: Int
        /// Whether the block was indented under a list item.
        var indented: Bool
    }

    var frontMatter: [(key: String, value: String, line: Int)] = []
    var customerIntent: String?
    var blocks: [Block] = []

    init(_ text: String) {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        var index = 0
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
            index = 1
            while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces) != "---" {
                let line = lines[index]
                if line.hasPrefix("#") {
                    let comment = line.drop { $0 == "#" || $0 == " " }
                    if comment.lowercased().hasPrefix("customer intent:") {
                        customerIntent = String(comment.dropFirst("customer intent:".count)).trimmingCharacters(in: .whitespaces)
                    }
                } else if let colon = line.firstIndex(of: ":") {
                    let key = line[..<colon].trimmingCharacters(in: .whitespaces)
                    var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    if value.count >= 2, let first = value.first, first == "'" || first == "\"", value.last == first {
                        value = String(value.dropFirst().dropLast())
                        if first == "'" { value = value.replacingOccurrences(of: "''", with: "'") }
                    }
                    if !key.isEmpty { frontMatter.append((key, value, index + 1)) }
                }
                index += 1
            }
            index += 1
        }
        var paragraph: [String] = []
        var paragraphLine = 0
        func flush() {
            if !paragraph.isEmpty {
                blocks.append(Block(kind: .paragraph(text: paragraph.joined(separator: " ")), line: paragraphLine, indented: false))
            }
            paragraph = []
        }
        while index < lines.count {
            let raw = lines[index]
            let number = index + 1
            let indented = raw.hasPrefix("  ") || raw.hasPrefix("\t")
            let line = raw.trimmingCharacters(in: .whitespaces)
            index += 1
            if line.isEmpty || line.hasPrefix("<a name=") || line.hasPrefix("<!--") {
                flush()
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush()
                let fence = String(line.prefix { $0 == "`" || $0 == "~" })
                let language = String(line.dropFirst(fence.count)).trimmingCharacters(in: .whitespaces)
                var body: [String] = []
                let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
                while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix(fence) {
                    body.append(String(lines[index].dropFirst(min(indent, lines[index].prefix { $0 == " " || $0 == "\t" }.count))))
                    index += 1
                }
                index += 1
                blocks.append(Block(kind: .code(language: language, body: body.joined(separator: "\n")), line: number, indented: indented))
                continue
            }
            if line.hasPrefix("#") {
                flush()
                let level = line.prefix { $0 == "#" }.count
                blocks.append(
                    Block(
                        kind: .heading(level: level, text: line.dropFirst(level).trimmingCharacters(in: .whitespaces)), line: number,
                        indented: false))
                continue
            }
            if line.hasPrefix("|") {
                flush()
                var rows: [[String]] = [Self.cells(line)]
                while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("|") {
                    rows.append(Self.cells(lines[index].trimmingCharacters(in: .whitespaces)))
                    index += 1
                }
                blocks.append(Block(kind: .table(rows: rows), line: number, indented: indented))
                continue
            }
            if line.hasPrefix(">") {
                flush()
                let content = line.dropFirst().trimmingCharacters(in: .whitespaces)
                if content.hasPrefix("[!div") { continue }
                if content.hasPrefix("* ") || content.hasPrefix("- ") {
                    blocks.append(Block(kind: .checklistItem(text: String(content.dropFirst(2))), line: number, indented: false))
                    continue
                }
                if content.hasPrefix("[!"), let close = content.firstIndex(of: "]") {
                    let kind = String(content[content.index(content.startIndex, offsetBy: 2)..<close])
                    var text: [String] = []
                    let rest = content[content.index(after: close)...].trimmingCharacters(in: .whitespaces)
                    if !rest.isEmpty { text.append(rest) }
                    while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix(">") {
                        text.append(lines[index].trimmingCharacters(in: .whitespaces).dropFirst().trimmingCharacters(in: .whitespaces))
                        index += 1
                    }
                    blocks.append(Block(kind: .alert(kind: kind.uppercased(), text: text.joined(separator: " ")), line: number, indented: false))
                    continue
                }
                paragraph.append(content)
                if paragraph.count == 1 { paragraphLine = number }
                continue
            }
            if let image = Self.image(line) {
                flush()
                blocks.append(Block(kind: .image(alt: image.alt, path: image.path), line: number, indented: indented))
                continue
            }
            if let item = Self.listItem(line) {
                flush()
                blocks.append(Block(kind: .listItem(ordered: item.ordered, text: item.text), line: number, indented: indented))
                continue
            }
            if paragraph.isEmpty { paragraphLine = number }
            paragraph.append(line)
        }
        flush()
    }

    static func cells(_ line: String) -> [String] {
        var text = Substring(line)
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|") && !text.hasSuffix("\\|") { text = text.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current.append(character == "|" ? "|" : "\\" + String(character))
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }

    static func image(_ line: String) -> (alt: String, path: String)? {
        guard line.hasPrefix("!["), let close = line.range(of: "]("), line.hasSuffix(")") else { return nil }
        let alt = String(line[line.index(line.startIndex, offsetBy: 2)..<close.lowerBound])
        var path = String(line[close.upperBound..<line.index(before: line.endIndex)])
        if let space = path.firstIndex(of: " ") { path = String(path[..<space]) }
        return (alt, path)
    }

    static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        if line.hasPrefix("* ") || line.hasPrefix("- ") || line.hasPrefix("+ ") {
            return (false, line.dropFirst(2).trimmingCharacters(in: .whitespaces))
        }
        let digits = line.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return (true, rest.dropFirst(2).trimmingCharacters(in: .whitespaces))
    }
}

import Foundation
