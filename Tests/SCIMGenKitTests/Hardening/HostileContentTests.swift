import Foundation
import Mustache
import XCTest
@testable import SCIMGenKit

/// Hostile strings in a descriptor stay content: Markdown tables keep their columns, no heading
/// is injected, JSON stays valid, CSV rows keep their fields; and output never depends on order.
final class HostileContentTests: XCTestCase {
    static let hostile = "Evil | Co\\nline two\\r\\n# Injected heading {{x}} <script>alert(1)</script> `tick` \\\"quoted\\\" \\u0007bell \\u0090c1 \\u202Ertl\\u202C عربي 😀"

    func templates() throws -> TemplateLibrary {
        try TemplateLibrary(directory: Repository.templates, display: "Templates")
    }

    /// LUSID's descriptor text with every free-text field replaced by the hostile string.
    func hostileDescriptorText() throws -> String {
        var text = String(decoding: try Repository.bytes("Vendors/lusid/vendor.json"), as: UTF8.self)
        for key in ["\"name\": \"", "\"text\": \"", "\"mappingName\": \"", "\"description\": \""] {
            var searchStart = text.startIndex
            while let range = text.range(of: key, range: searchStart..<text.endIndex) {
                guard let end = text.range(of: "\"", range: range.upperBound..<text.endIndex) else { break }
                var valueEnd = end.lowerBound
                // Skip escaped quotes inside the original value.
                while text[text.index(before: valueEnd)] == "\\",
                    let next = text.range(of: "\"", range: text.index(after: valueEnd)..<text.endIndex)
                {
                    valueEnd = next.lowerBound
                }
                text.replaceSubrange(range.upperBound..<valueEnd, with: Self.hostile)
                searchStart = text.index(range.upperBound, offsetBy: Self.hostile.count)
            }
        }
        return text
    }

    /// The hostile descriptor as generation would see it if validation let its text through:
    /// escaping must hold on its own, whatever `TextSafetyValidator` refuses.
    func hostileVendor() throws -> ResolvedVendor {
        let text = try hostileDescriptorText()
        let (decoded, problems) = VendorDescriptor.decode(id: "lusid", file: "Vendors/lusid/vendor.json", bytes: Array(text.utf8))
        XCTAssertFalse(problems.contains { $0.severity == .error }, problems.map(\.description).joined(separator: "\n"))
        var vendor = try XCTUnwrap(decoded)
        // Text that keeps its line breaks: a note in every section and a code block.
        let multiLine = "Evil\n# Injected in a note\n\u{90}\u{202E}| cell |"
        vendor.notes = Note.Section.allCases.map { Note(kind: .warning, section: $0, text: multiLine) }
        vendor.credentials.steps[0].code = CodeBlock(language: "bash`x", body: "echo ```\n# not a heading\n\u{90}done")
        let (checked, diagnostics) = DescriptorValidator.checkFacts(vendor)
        return try XCTUnwrap(checked, diagnostics.map(\.description).joined(separator: "\n"))
    }

    func testValidationRefusesTheHostileText() throws {
        let text = try hostileDescriptorText()
        let set = VendorLoader.load(sources: [VendorSource(id: "lusid", file: "Vendors/lusid/vendor.json", bytes: Array(text.utf8))])
        XCTAssertEqual(set.vendors.count, 0)
        let rule = "is not allowed; descriptor text may use only <br>, <kbd>, <sub>, <sup> without attributes, so write '&lt;' or put the text in backticks"
        let messages = set.diagnostics.map(\.description)
        XCTAssertEqual(messages.prefix(2), [
            "Vendors/lusid/vendor.json:4:60: error: raw HTML '<script>' in 'name' \(rule)",
            "Vendors/lusid/vendor.json:4:76: error: raw HTML '</script>' in 'name' \(rule)",
        ])
        XCTAssertTrue(messages.allSatisfy { $0.contains("error: raw HTML '<script>' in '") || $0.contains("error: raw HTML '</script>' in '") }, "\(messages)")
    }

    func testMarkdownTablesAndHeadingsSurvive() throws {
        let clean = try XCTUnwrap(VendorLoader.load(directory: Repository.vendors, display: "Vendors").vendors.first { $0.id == "lusid" })
        let library = try templates()
        let hostileFiles = try SiteGenerator.generate(SiteInput(vendors: [try hostileVendor()], templates: library))
        let cleanFiles = try SiteGenerator.generate(SiteInput(vendors: [clean], templates: library))
        XCTAssertEqual(Set(hostileFiles.keys), Set(cleanFiles.keys))
        for (path, bytes) in hostileFiles where path.hasSuffix(".md") {
            let text = String(decoding: bytes, as: UTF8.self)
            let cleanText = String(decoding: cleanFiles[path] ?? [], as: UTF8.self)
            XCTAssertTrue(text.contains("Evil"), "\(path) lost the vendor's text")
            XCTAssertEqual(Self.headings(text).count, Self.headings(cleanText).count, "\(path): a heading was injected")
            for table in Self.tables(text) {
                let width = Self.cells(table[0])
                for row in table {
                    XCTAssertEqual(Self.cells(row), width, "\(path): row has the wrong column count: \(row)")
                }
            }
            XCTAssertFalse(text.contains("\u{7}"), "\(path) kept a control character")
            XCTAssertFalse(text.unicodeScalars.contains("\u{90}"), "\(path) kept a C1 control character")
            XCTAssertFalse(text.unicodeScalars.contains("\u{202E}"), "\(path) kept a bidirectional override")
            XCTAssertTrue(text.contains("عربي"), "\(path) lost right-to-left text")
        }
        for (path, bytes) in hostileFiles where path.hasSuffix(".json") {
            XCTAssertNoThrow(try JSONParser.parse(bytes), path)
        }
        for (path, bytes) in hostileFiles where path.hasSuffix(".csv") {
            let rows = CSV.parse(String(decoding: bytes, as: UTF8.self))
            XCTAssertEqual(Set(rows.map(\.count)).count, 1, "\(path): rows of different widths")
        }
    }

    func testOutputDoesNotDependOnReadOrder() throws {
        let library = try templates()
        let set = VendorLoader.load(directory: Repository.vendors, display: "Vendors")
        let first = try SiteGenerator.generate(SiteInput(vendors: set.vendors, templates: library))
        let reversed = try SiteGenerator.generate(SiteInput(vendors: set.vendors.reversed(), templates: library))
        XCTAssertEqual(first, reversed)
        var generator = SplitMix64(seed: 99)
        let shuffled = try SiteGenerator.generate(SiteInput(vendors: set.vendors.shuffled(using: &generator), templates: library))
        XCTAssertEqual(first, shuffled)
        let sources = try ["thrive-lxp", "lusid", "lucid-all-products", "thousandeyes"].map {
            VendorSource(id: $0, file: "Vendors/\($0)/vendor.json", bytes: try Repository.bytes("Vendors/\($0)/vendor.json"))
        }
        let again = try SiteGenerator.generate(SiteInput(vendors: VendorLoader.load(sources: sources).vendors, templates: library))
        XCTAssertEqual(first, again)
    }

    // MARK: - Markdown helpers

    /// ATX headings outside fenced code blocks.
    static func headings(_ text: String) -> [String] {
        var inFence = false
        var result: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence && line.range(of: "^#{1,6} ", options: .regularExpression) != nil { result.append(String(line)) }
        }
        return result
    }

    /// Blocks of consecutive lines starting with '|', outside fenced code.
    static func tables(_ text: String) -> [[String]] {
        var inFence = false
        var tables: [[String]] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence && line.hasPrefix("|") {
                current.append(String(line))
            } else if !current.isEmpty {
                tables.append(current)
                current = []
            }
        }
        if !current.isEmpty { tables.append(current) }
        return tables
    }

    /// The number of cells in a table row: pipes not escaped by a backslash. GitHub-flavoured
    /// Markdown splits cells on unescaped pipes even inside code spans.
    static func cells(_ row: String) -> Int {
        var count = 0
        var escaped = false
        for character in row {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "|" { count += 1 }
        }
        return count - 1
    }
}

/// A small RFC 4180 reader for the tests.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)
        if characters.last == "\r\n" || characters.last == "\n" { characters.removeLast() }
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if quoted {
                if c == "\"" {
                    if index + 1 < characters.count && characters[index + 1] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(c)
            }
            index += 1
        }
        row.append(field)
        rows.append(row)
        return rows
    }
}
