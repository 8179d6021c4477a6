import Foundation
import XCTest
import Mustache
@testable import SCIMGenKit

/// Every fact of each seed tutorial comes back out in its generated tutorial: attribute rows with
/// the same type, filter and required marks, vendor prerequisites, capabilities, credential code
/// blocks and screenshots, notes and tips. Seed faults are corrected before comparing, and the
/// corrections are listed here, so a new difference fails instead of passing silently.
final class SeedFidelityTests: XCTestCase {
    /// Faults in the seeds, as `(wrong, right)` after normalization (lowercase, current naming).
    static let corrections: [(String, String)] = [
        ("parsable", "thousandeyes"),  // ThousandEyes: text copied from another vendor's tutorial
        ("choose to enabled", "choose to enable"),  // ThousandEyes: grammar
        ("in the [azure portal](https://portal.azure.com)", "in the [microsoft entra admin center](https://entra.microsoft.com)"),
        ("testapp", "the vendor"),  // Thrive LXP, LUSID: template placeholder left in
        ("lucid(all products)", "lucid (all products)"),
    ]

    struct Row: Hashable, CustomStringConvertible {
        var path: String
        var type: String
        var filterable: Bool
        var required: Bool?
        var description: String { "\(path)|\(type)|\(filterable)|\(required.map(String.init) ?? "-")" }
    }

    static func normalize(_ text: String) -> String {
        var text = text.lowercased()
        for (old, new) in [
            ("azure active directory (azure ad)", "microsoft entra id"), ("azure active directory", "microsoft entra id"),
            ("azure ad", "microsoft entra id"), ("**secret token** *", "**secret token**"), ("share with azure.copy", "share with microsoft entra id. copy"),
        ] {
            text = text.replacingOccurrences(of: old, with: new)
        }
        for (old, new) in corrections { text = text.replacingOccurrences(of: old, with: new) }
        text = text.replacingOccurrences(of: "\t", with: " ")
        while text.contains("  ") { text = text.replacingOccurrences(of: "  ", with: " ") }
        return text.trimmingCharacters(in: CharacterSet(charactersIn: " .*"))
    }

    /// The attribute tables of a tutorial, in order.
    static func tables(_ text: String) -> [[Row]] {
        var tables: [[Row]] = []
        var current: [Row]?
        var hasRequired = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("|") else {
                if let table = current { tables.append(table) }
                current = nil
                continue
            }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.first == "Attribute" {
                current = []
                hasRequired = cells.contains { $0.hasPrefix("Required by") }
                continue
            }
            guard current != nil, let path = cells.first, !path.hasPrefix("---") else { continue }
            func mark(_ index: Int) -> Bool {
                index < cells.count && ["&check;", "✓", "yes"].contains(cells[index].lowercased())
            }
            current?.append(
                Row(path: path, type: cells.count > 1 ? cells[1] : "", filterable: mark(2), required: hasRequired ? mark(3) : nil))
        }
        if let table = current { tables.append(table) }
        return tables
    }

    /// Lines of a `## Heading` section, up to the next `##`.
    static func section(_ text: String, _ heading: String) -> [String] {
        var inside = false
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inside = line.lowercased().hasPrefix("## " + heading.lowercased()) }
            if inside { lines.append(String(line)) }
        }
        return lines
    }

    func pairs() throws -> [(String, String, String)] {
        let site = try TutorialOutputTests.site()
        return try ["thrive-lxp", "thousandeyes", "lusid", "lucid-all-products"].map { id in
            let seed = String(decoding: try Repository.bytes("Tests/Fixtures/Seeds/\(id).md"), as: UTF8.self)
            let generated = String(decoding: try XCTUnwrap(site["\(id)/tutorial.md"]), as: UTF8.self)
            return (id, seed, generated)
        }
    }

    func testEveryAttributeRowIsThere() throws {
        for (id, seed, generated) in try pairs() {
            let expected = Self.tables(seed)
            XCTAssertFalse(expected.isEmpty, id)
            XCTAssertEqual(Self.tables(generated).map { $0.map(\.description) }, expected.map { $0.map(\.description) }, id)
        }
    }

    func testVendorPrerequisitesAndCapabilities() throws {
        for (id, seed, generated) in try pairs() {
            let output = Self.normalize(Self.section(generated, "Prerequisites").joined(separator: "\n"))
            let items = Self.section(seed, "Prerequisites").filter { $0.hasPrefix("* ") }
                .filter { !$0.contains("tenant") || $0.contains(" with the ") }  // the Entra tenant is standard
                .filter { !$0.contains("permission](") && !$0.contains("One of the following roles") }  // Entra admin roles are standard
            XCTAssertFalse(items.isEmpty, id)
            for item in items {
                XCTAssertTrue(output.contains(Self.normalize(String(item.dropFirst(2)))), "\(id): prerequisite '\(item)' missing")
            }
            let checklist = Self.normalize(generated)
            for item in seed.split(separator: "\n") where item.hasPrefix("> * ") {
                XCTAssertTrue(checklist.contains(Self.normalize(String(item.dropFirst(4)))), "\(id): capability '\(item)' missing")
            }
        }
    }

    func testCredentialCodeScreenshotsNotesAndTips() throws {
        for (id, seed, generated) in try pairs() {
            let output = Self.normalize(generated)
            // Code blocks, line by line.
            var inFence = false
            for line in seed.split(separator: "\n") {
                if line.hasPrefix("```") { inFence.toggle(); continue }
                if inFence { XCTAssertTrue(generated.contains(String(line)), "\(id): code line '\(line)' missing") }
            }
            // Vendor screenshots (the common ones are standard).
            for match in seed.matches(of: /\]\((\.\/)?(media\/[^)]+)\)/) {
                XCTAssertTrue(generated.contains(String(match.2)), "\(id): screenshot \(match.2) missing")
            }
            // Notes and tips: the quoted lines after each alert.
            let lines = seed.split(separator: "\n").map(String.init)
            for (index, line) in lines.enumerated() where line.hasPrefix("> [!NOTE]") || line.hasPrefix("> [!TIP]") {
                let kind = line.hasPrefix("> [!NOTE]") ? "> [!NOTE]" : "> [!TIP]"
                XCTAssertTrue(generated.contains(kind), "\(id): \(kind) missing")
                var next = index + 1
                while next < lines.count, lines[next].hasPrefix("> ") {
                    XCTAssertTrue(output.contains(Self.normalize(String(lines[next].dropFirst(2)))), "\(id): note text '\(lines[next])' missing")
                    next += 1
                }
            }
            // Credential step text: every sentence of Step 2 in the seeds that name one.
            for line in Self.section(seed, "Step 2").dropFirst() where !line.isEmpty && !line.hasPrefix("<a name=") && !line.hasPrefix("```") && !line.hasPrefix("curl") && !line.hasPrefix("--") && !line.contains("![") {
                let text = line.hasPrefix("1. ") ? String(line.dropFirst(3)) : line
                let sentences = text.split(separator: ". ").map { Self.normalize(String($0)) }.filter { $0.count > 12 }
                for sentence in sentences where !sentence.contains("will be entered") && !sentence.contains("response will include") {
                    XCTAssertTrue(output.contains(sentence), "\(id): step text '\(sentence)' missing")
                }
            }
        }
    }

    func testADroppedRowFails() throws {
        // The comparison can fail: removing one row from a descriptor is caught.
        var lusid = try XCTUnwrap(TutorialOutputTests.vendors.first { $0.id == "lusid" }).descriptor
        lusid.users.attributes.removeLast()
        let templates = try TemplateLibrary(directory: Repository.templates, display: "Templates")
        let generated = String(decoding: try XCTUnwrap(TutorialOutput.files(for: try lusid.checked(), templates: templates)["lusid/tutorial.md"]), as: UTF8.self)
        let seed = String(decoding: try Repository.bytes("Tests/Fixtures/Seeds/lusid.md"), as: UTF8.self)
        XCTAssertNotEqual(Self.tables(generated).map { $0.map(\.description) }, Self.tables(seed).map { $0.map(\.description) })
    }
}
