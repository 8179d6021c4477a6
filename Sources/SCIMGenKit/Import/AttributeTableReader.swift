/// Reads one Markdown attribute table of a tutorial into descriptor rows.
///
/// Columns are found by their header's name, never by position, so "Required by <App>", extra
/// columns and reordered columns all read correctly. Checkmarks may be `&check;`, `✓`, `✔`, `✅`,
/// `Yes`, `Y`, `x` or `True`. What cannot be placed (a column the descriptor has no home for, a row
/// without an attribute) is returned as an issue, never dropped.
struct AttributeTableReader {
    /// A problem to report, at a line; `fact` is the text not imported, when one is lost.
    struct Issue: Hashable, Sendable {
        var line: Int
        var message: String
        var fact: String?
    }

    /// What a column holds.
    enum Column: Hashable, Sendable {
        case attribute, type, filterable, required, matching, source, fieldRef
        /// "Notes", "Description", "Comments": a note on the row.
        case note
        case other(String)
    }

    /// The rows read, in order, each with its tutorial line as its origin.
    var rows: [AttributeMapping] = []
    /// The lines of the data rows (not the header or separator), imported or not.
    var rowLines: [Int] = []
    /// The lines of the rows that were not imported.
    var rejectedLines: Set<Int> = []
    /// Everything to report.
    var issues: [Issue] = []
    /// Whether the header names an attribute column: otherwise this is not an attribute table.
    var isAttributeTable = false
    /// Whether a matching column gives the matching precedence.
    var statesMatching = false
    /// Whether the table has a "Required by <App>" column.
    var statesRequired = false
    /// The lines of rows whose type cell names no table type, so the type was completed.
    var typeCompleted: Set<Int> = []

    /// Reads `lines` (header, separator, rows) of a table for `resource`. Each row is read once and
    /// each cell looked at once, so a table costs time in proportion to its text.
    init(lines: [SourceLine], resource: SCIMResource, file: String) {
        guard let header = lines.first else { return }
        let names = Self.cells(header.text).map(Self.plain)
        let columns = names.map(Self.column)
        var index: [Column: Int] = [:]
        for (position, column) in columns.enumerated() where index[column] == nil { index[column] = position }
        func name(of column: Column) -> String { index[column].map { names[$0] } ?? "" }
        var body = Array(lines.dropFirst())
        if let separator = body.first, MarkdownLine.isSeparatorRow(separator.text[...]) {
            body.removeFirst()
        } else {
            issues.append(Issue(line: header.line, message: "table without separator row: read its first row as the header", fact: nil))
        }
        body.removeAll { MarkdownLine.isSeparatorRow($0.text[...]) }
        rowLines = body.map(\.line)
        guard let attributeColumn = index[.attribute] else {
            for row in body {
                reject(row, "table row not imported: \(TutorialText.quoted(row.text)); the table has no 'Attribute' column")
            }
            return
        }
        isAttributeTable = true
        statesMatching = index[.matching] != nil
        statesRequired = index[.required] != nil
        var otherValues: [Int: Int] = [:]
        var matchingRows = 0
        for row in body {
            let cells = Self.cells(row.text)
            func cell(_ column: Column) -> String? {
                guard let position = index[column], position < cells.count else { return nil }
                return Self.plain(cells[position])
            }
            let path = attributeColumn < cells.count ? Self.plain(cells[attributeColumn]) : ""
            guard !path.isEmpty else {
                reject(row, "table row not imported: \(TutorialText.quoted(row.text)) names no attribute")
                continue
            }
            let type = readType(cell(.type) ?? "", path: path, resource: resource, row: row)
            var result = AttributeMapping(
                path: path, type: type, origin: Origin(SourceLocation(file: file, line: row.line, column: 1)))
            result.filterable = readMark(cell(.filterable), column: name(of: .filterable), path: path, row: row) ?? false
            if statesRequired {
                result.required = readMark(cell(.required), column: name(of: .required), path: path, row: row) ?? false
            }
            if let text = cell(.matching), !text.isEmpty {
                if let number = Int(text), (1...1000).contains(number) {
                    result.matching = number
                } else if Self.mark(text) == true {
                    matchingRows += 1
                    result.matching = matchingRows
                } else if Self.mark(text) != false {
                    issues.append(
                        Issue(
                            line: row.line, message: "unrecognised matching value: '\(TutorialText.clipped(text))' for '\(TutorialText.clipped(path))'; not imported",
                            fact: "matching of '\(path)': \(text)"))
                }
            }
            if let text = cell(.source), !text.isEmpty { result.source = Self.source(text) }
            if let text = cell(.fieldRef), !text.isEmpty { result.fieldRef = text }
            if let text = cell(.note), !text.isEmpty { result.note = text }
            for position in 0..<min(cells.count, columns.count) {
                guard case .other(let name) = columns[position] else { continue }
                let value = Self.plain(cells[position])
                guard !value.isEmpty else { continue }
                otherValues[position, default: 0] += 1
                issues.append(Issue(line: row.line, message: "", fact: "column '\(name)' of '\(path)': \(value)"))
            }
            let extra = cells.dropFirst(columns.count).map(Self.plain).filter { !$0.isEmpty }
            if !extra.isEmpty {
                let text = extra.joined(separator: " | ")
                issues.append(
                    Issue(
                        line: row.line,
                        message: "\(extra.count == 1 ? "cell" : "\(extra.count) cells") not imported: \(TutorialText.quoted(text)) in the row of '\(TutorialText.clipped(path))' beyond the header's \(columns.count) columns",
                        fact: "beyond the header in the row of '\(path)': \(text)"))
            }
            rows.append(result)
        }
        for (position, count) in otherValues.sorted(by: { $0.key < $1.key }) {
            guard case .other(let name) = columns[position] else { continue }
            issues.append(
                Issue(
                    line: header.line,
                    message: "column not imported: '\(TutorialText.clipped(name))' (\(count) \(count == 1 ? "value" : "values")); a descriptor row has no field for it",
                    fact: nil))
        }
    }

    /// The cells of a table line, without the outer pipes; `\|` and pipes in code spans stay in their cell.
    static func cells(_ line: String) -> [String] {
        var text = Substring(TutorialText.trimmed(line))
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|") && !text.hasSuffix("\\|") { text = text.dropLast() }
        var cells: [String] = []
        var current = ""
        var inCode = false
        var previous: Character = " "
        for character in text {
            if character == "`" { inCode.toggle() }
            if character == "|" && !inCode && previous != "\\" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        cells.append(current)
        return cells.map { TutorialText.trimmed($0) }
    }

    /// What a header names.
    static func column(_ header: String) -> Column {
        guard !header.isEmpty else { return .other("") }
        let name = plain(header)
        let key = name.lowercased()
        if TutorialText.contains(key, "filter") { return .filterable }
        if key.hasPrefix("required") || key == "mandatory" { return .required }
        if TutorialText.contains(key, "matching") { return .matching }
        if TutorialText.contains(key, "type") { return .type }
        if TutorialText.contains(key, "source") || TutorialText.contains(key, "entra") || TutorialText.contains(key, "azure") || TutorialText.contains(key, "default mapping")
            || TutorialText.contains(key, "mapped from")
        {
            return .source
        }
        if TutorialText.contains(key, "field") { return .fieldRef }
        if TutorialText.contains(key, "attribute") || key == "name" { return .attribute }
        if ["note", "notes", "description", "comment", "comments", "remark", "remarks", "details"].contains(key) { return .note }
        return .other(name)
    }

    /// What a checkmark cell says: true, false, or nil when it is not a mark.
    static func mark(_ cell: String) -> Bool? {
        let key = plain(cell).lowercased()
        if trueMarks.contains(key) { return true }
        if falseMarks.contains(key) { return false }
        return nil
    }

    static let trueMarks: Set<String> = [
        "&check;", "&checkmark;", "&#10003;", "&#x2713;", "&#10004;", "&#x2714;", "✓", "✔", "✔️", "✔︎", "✅", "☑", "☑️",
        "yes", "y", "x", "true", "required", "supported",
    ]
    static let falseMarks: Set<String> = [
        "", "no", "n", "-", "–", "—", "✗", "✘", "❌", "&cross;", "&#x2717;", "false", "optional", "not supported", "n/a", "na",
    ]

    /// The table type a cell names, forgiving case, spacing and common abbreviations.
    static func type(_ cell: String) -> AttributeType? {
        switch plain(cell).lowercased().filter({ $0 != " " && $0 != "-" }) {
        case "string", "str": .string
        case "boolean", "bool": .boolean
        case "reference", "ref": .reference
        case "integer", "int", "number": .integer
        case "datetime", "date": .dateTime
        case "binary": .binary
        case "decimal": .decimal
        default: nil
        }
    }

    /// A cell as its reader sees it: Markdown escapes resolved (`\"` is `"`), quote entities
    /// decoded, code and emphasis marks dropped, whitespace collapsed.
    static func plain(_ cell: String) -> String {
        guard !cell.isEmpty else { return "" }
        let bytes = Array(InlineMarkdown.unescaped(cell).utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var pendingSpace = false
        scan: while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "`"):
                index += 1
                continue scan
            case UInt8(ascii: "*") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                index += 2
                continue scan
            case 0x20, 0x09, 0x0A, 0x0D:
                pendingSpace = !output.isEmpty
                index += 1
                continue scan
            default:
                break
            }
            if pendingSpace { output.append(0x20) }
            pendingSpace = false
            if byte == UInt8(ascii: "&") {
                for (entity, character) in quoteEntities where index + entity.count <= bytes.count {
                    if bytes[index..<index + entity.count].elementsEqual(entity) {
                        output.append(character)
                        index += entity.count
                        continue scan
                    }
                }
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let quoteEntities: [([UInt8], UInt8)] = [
        (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&#34;".utf8), UInt8(ascii: "\"")),
        (Array("&#39;".utf8), UInt8(ascii: "'")), (Array("&apos;".utf8), UInt8(ascii: "'")),
    ]

    /// A source cell: a quoted constant, an expression (it calls a function), or an Entra attribute.
    static func source(_ text: String) -> MappingSource {
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
            return .constant(String(text.dropFirst().dropLast()))
        }
        return text.contains("(") ? .expression(text) : .attribute(text)
    }
}

// MARK: - Cells

private extension AttributeTableReader {
    mutating func reject(_ row: SourceLine, _ message: String) {
        rejectedLines.insert(row.line)
        issues.append(Issue(line: row.line, message: message, fact: row.text))
    }

    /// A mark cell: nil (with an issue) when it holds something that is not a mark.
    mutating func readMark(_ cell: String?, column: String, path: String, row: SourceLine) -> Bool? {
        guard let cell else { return nil }
        if let mark = Self.mark(cell) { return mark }
        issues.append(
            Issue(
                line: row.line,
                message: "unrecognised mark: '\(TutorialText.clipped(cell))' in column '\(TutorialText.clipped(column))' of '\(TutorialText.clipped(path))'; read as not set",
                fact: "column '\(column)' of '\(path)': \(cell)"))
        return nil
    }

    /// The row's type; a missing or unknown one is taken from the catalog when it knows the path.
    mutating func readType(_ cell: String, path: String, resource: SCIMResource, row: SourceLine) -> AttributeType {
        if let type = Self.type(cell) { return type }
        typeCompleted.insert(row.line)
        let said = cell.isEmpty ? "no type" : "type '\(TutorialText.clipped(cell))', which is not a table type"
        let fact = cell.isEmpty ? nil : "type of '\(path)': \(cell)"
        if let parsed = try? AttributePath(parsing: path),
            case .success(let resolved) = SCIMCatalog.resolve(parsed, resource: resource)
        {
            // A complex attribute has no table type of its own; Entra holds it as a String.
            let type = AttributeType(rawValue: AttributeTableValidator.tableTypeName(resolved)) ?? .string
            issues.append(
                Issue(
                    line: row.line,
                    message: "type taken from the catalog: '\(TutorialText.clipped(path))' has \(said); imported as '\(type.rawValue)'",
                    fact: fact))
            return type
        }
        issues.append(
            Issue(
                line: row.line,
                message: "type assumed: '\(TutorialText.clipped(path))' has \(said) and is not a standard attribute; imported as 'String'",
                fact: fact))
        return .string
    }
}
