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
        case other(String)
    }

    /// The rows read, in order.
    var rows: [ImportedVendor.Row] = []
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

    /// Reads `lines` (header, separator, rows) of a table for `resource`.
    init(lines: [SourceLine], resource: SCIMResource) {
        guard let header = lines.first else { return }
        let names = Self.cells(header.text).map(Self.plain)
        let columns = names.map(Self.column)
        func name(of column: Column) -> String { columns.firstIndex(of: column).map { names[$0] } ?? "" }
        var body = Array(lines.dropFirst())
        if let separator = body.first, Self.separator.matches(separator.text) {
            body.removeFirst()
        } else {
            issues.append(Issue(line: header.line, message: "table without separator row: read its first row as the header", fact: nil))
        }
        body.removeAll { Self.separator.matches($0.text) }
        rowLines = body.map(\.line)
        isAttributeTable = columns.contains(.attribute)
        guard isAttributeTable else {
            for row in body {
                reject(row, "table row not imported: \(TutorialText.quoted(row.text)); the table has no 'Attribute' column")
            }
            return
        }
        statesMatching = columns.contains(.matching)
        let attributeColumn = columns.firstIndex(of: .attribute) ?? 0
        var firstLine: [String: Int] = [:]
        var otherValues: [Int: Int] = [:]
        for row in body {
            let cells = Self.cells(row.text)
            func cell(_ column: Column) -> String? {
                guard let index = columns.firstIndex(of: column), index < cells.count else { return nil }
                return Self.plain(cells[index])
            }
            let path = attributeColumn < cells.count ? Self.plain(cells[attributeColumn]) : ""
            guard !path.isEmpty else {
                reject(row, "table row not imported: \(TutorialText.quoted(row.text)) names no attribute")
                continue
            }
            if let first = firstLine[path.lowercased()] {
                reject(row, "table row not imported: duplicate '\(path)'; the first row is on line \(first)")
                continue
            }
            guard let type = readType(cell(.type) ?? "", path: path, resource: resource, row: row) else { continue }
            firstLine[path.lowercased()] = row.line
            var result = ImportedVendor.Row(
                path: path, type: type, filterable: false, required: nil, matching: nil, source: nil, fieldRef: nil,
                line: row.line)
            result.filterable = readMark(cell(.filterable), column: name(of: .filterable), path: path, row: row) ?? false
            if columns.contains(.required) {
                result.required = readMark(cell(.required), column: name(of: .required), path: path, row: row) ?? false
            }
            if let text = cell(.matching), !text.isEmpty {
                if let number = Int(text), (1...1000).contains(number) {
                    result.matching = number
                } else if Self.mark(text) == true {
                    result.matching = rows.filter { $0.matching != nil }.count + 1
                } else if Self.mark(text) != false {
                    issues.append(
                        Issue(line: row.line, message: "unrecognised matching value: '\(text)' for '\(path)'; not imported", fact: "matching of '\(path)': \(text)"))
                }
            }
            if let text = cell(.source), !text.isEmpty { result.source = Self.source(text) }
            if let text = cell(.fieldRef), !text.isEmpty { result.fieldRef = text }
            for (index, column) in columns.enumerated() {
                guard case .other(let name) = column, index < cells.count else { continue }
                let value = Self.plain(cells[index])
                guard !value.isEmpty else { continue }
                otherValues[index, default: 0] += 1
                issues.append(Issue(line: row.line, message: "", fact: "column '\(name)' of '\(path)': \(value)"))
            }
            for extra in cells.dropFirst(columns.count) where !Self.plain(extra).isEmpty {
                issues.append(
                    Issue(
                        line: row.line,
                        message: "cell not imported: '\(Self.plain(extra))' in the row of '\(path)' is beyond the header's \(columns.count) columns",
                        fact: "cell of '\(path)' beyond the header: \(Self.plain(extra))"))
            }
            rows.append(result)
        }
        for (index, count) in otherValues.sorted(by: { $0.key < $1.key }) {
            guard case .other(let name) = columns[index] else { continue }
            issues.append(
                Issue(
                    line: header.line,
                    message: "column not imported: '\(name)' (\(count) \(count == 1 ? "value" : "values")); a descriptor row has no field for it",
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
        let name = plain(header)
        let key = TutorialText.normalised(name, app: "")
        if key.contains("filter") { return .filterable }
        if key.hasPrefix("required") || key == "mandatory" { return .required }
        if key.contains("matching") { return .matching }
        if key.contains("type") { return .type }
        if key.contains("source") || key.contains("entra") || key.contains("default mapping") || key.contains("mapped from") {
            return .source
        }
        if key.contains("field") { return .fieldRef }
        if key.contains("attribute") || key == "name" { return .attribute }
        return .other(name)
    }

    /// What a checkmark cell says: true, false, or nil when it is not a mark.
    static func mark(_ cell: String) -> Bool? {
        let key = plain(cell).lowercased()
        if ["&check;", "&#10003;", "&#x2713;", "✓", "✔", "✔️", "✅", "yes", "y", "x", "true", "required", "supported"].contains(key) {
            return true
        }
        if ["", "no", "n", "-", "–", "—", "✗", "✘", "&cross;", "false", "optional", "not supported"].contains(key) {
            return false
        }
        return nil
    }

    /// The table type a cell names, forgiving case and common abbreviations.
    static func type(_ cell: String) -> AttributeType? {
        switch plain(cell).lowercased().replacingOccurrences(of: " ", with: "") {
        case "string": .string
        case "boolean", "bool": .boolean
        case "reference", "ref": .reference
        case "integer", "int", "number": .integer
        case "datetime", "date": .dateTime
        case "binary": .binary
        case "decimal": .decimal
        default: nil
        }
    }

    /// A cell without code and emphasis marks.
    static func plain(_ cell: String) -> String {
        TutorialText.collapsed(cell.replacingOccurrences(of: "`", with: "").replacingOccurrences(of: "**", with: ""))
    }

    /// A source cell: a quoted constant, an expression (it calls a function), or an Entra attribute.
    static func source(_ text: String) -> MappingSource {
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
            return .constant(String(text.dropFirst().dropLast()))
        }
        return text.contains("(") ? .expression(text) : .attribute(text)
    }

    static let separator = ImportPattern(#"^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?$"#)
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
                line: row.line, message: "unrecognised mark: '\(cell)' in column '\(column)' of '\(path)'; read as not set",
                fact: "column '\(column)' of '\(path)': \(cell)"))
        return nil
    }

    /// The row's type; a missing or unknown one is taken from the catalog when it knows the path.
    mutating func readType(_ cell: String, path: String, resource: SCIMResource, row: SourceLine) -> AttributeType? {
        if let type = Self.type(cell) { return type }
        let said = cell.isEmpty ? "no type" : "type '\(cell)', which is not a table type"
        if let parsed = try? AttributePath(parsing: path),
            case .success(let resolved) = SCIMCatalog.resolve(parsed, resource: resource),
            let type = AttributeType(rawValue: AttributeTableValidator.tableTypeName(resolved))
        {
            issues.append(
                Issue(
                    line: row.line, message: "type taken from the catalog: '\(path)' has \(said); imported as '\(type.rawValue)'",
                    fact: cell.isEmpty ? nil : "type of '\(path)': \(cell)"))
            return type
        }
        reject(row, "table row not imported: '\(path)' has \(said), and the catalog does not know the attribute")
        return nil
    }
}
