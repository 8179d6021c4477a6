import Foundation
import Mustache
import XCTest

@testable import SCIMGenKit

/// What a reviewer compares after a migration: every attribute table row of the published tutorial
/// beside the same row of the tutorial `generate` renders from the imported descriptor.
///
/// Rows are read here by a reader of their own, not the importer's, so that a fault of the importer's
/// table reader cannot hide in both sides: the cells as Markdown shows them (code marks, bold and
/// backslash escapes dropped), the attribute and type as written, and whether each mark column is ticked.
enum ImportRoundTrip {
    /// One attribute table row as a reader sees it.
    struct Row: Hashable, CustomStringConvertible {
        var attribute: String
        var type: String
        var filterable: Bool
        var required: Bool

        var description: String { "|\(attribute)|\(type)|\(filterable ? "filter" : "")|\(required ? "required" : "")|" }
    }

    /// The rows of every table with an "Attribute" column, in order.
    static func rows(in markdown: String) -> [Row] {
        let lines = markdown.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [Row] = []
        var index = 0
        while index + 1 < lines.count {
            guard lines[index].contains("|"), isSeparator(lines[index + 1]) else {
                index += 1
                continue
            }
            let header = cells(lines[index]).map { $0.lowercased() }
            let attribute = header.firstIndex { ($0.contains("attribute") && !$0.contains("entra") && !$0.contains("source")) || $0 == "name" }
            let type = header.firstIndex { $0.contains("type") }
            let filter = header.firstIndex { $0.contains("filter") }
            let required = header.firstIndex { $0.hasPrefix("required") }
            index += 2
            while index < lines.count, lines[index].contains("|") {
                let row = cells(lines[index])
                func cell(_ column: Int?) -> String { column.flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
                if attribute != nil {
                    rows.append(
                        Row(
                            attribute: cell(attribute), type: cell(type).lowercased(), filterable: isMark(cell(filter)),
                            required: isMark(cell(required))))
                }
                index += 1
            }
        }
        return rows
    }

    /// The tutorial `generate` renders from an import's descriptor, with the repository's templates.
    static func generatedTutorial(_ result: TutorialImport, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let descriptor = try XCTUnwrap(result.descriptor, "no descriptor", file: file, line: line)
        let vendor = try descriptor.checked()
        let templates = try TemplateLibrary(directory: Repository.templates, display: "Templates")
        let files = try TutorialOutput.files(for: vendor, templates: templates)
        return String(decoding: try XCTUnwrap(files["\(vendor.id)/tutorial.md"], file: file, line: line), as: UTF8.self)
    }

    private static func cells(_ line: String) -> [String] {
        var text = Substring(line)
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|") && !text.hasSuffix("\\|") { text = text.dropLast() }
        var cells: [String] = []
        var current = ""
        var inCode = false
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\" where !inCode: escaped = true
            case "`": inCode.toggle()
            case "|" where !inCode:
                cells.append(current)
                current = ""
            case "*": continue
            default: current.append(character)
            }
        }
        cells.append(current)
        return cells.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    private static func isSeparator(_ line: String) -> Bool {
        let stripped = line.filter { !" \t|:".contains($0) }
        return !stripped.isEmpty && stripped.allSatisfy { $0 == "-" } && line.contains("-")
    }

    private static func isMark(_ cell: String) -> Bool {
        ["&check;", "✓", "✔", "✔️", "✅", "yes", "x", "true", "&#x2713;", "required", "supported"].contains(cell.lowercased())
    }
}
