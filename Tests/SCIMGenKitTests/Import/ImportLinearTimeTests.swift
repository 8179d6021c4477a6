import Foundation
import XCTest

@testable import SCIMGenKit

/// `import` reads any Markdown in time proportional to its length. Each input here is a real
/// tutorial with one hostile line of a million characters put where the reader looks hardest (a
/// credential step, a table cell, the introduction, a heading), or a million characters of short
/// hostile lines. A reader that went back over its input would take hours on these (a million
/// squared steps); one that does not takes about a second each. The test asserts what the import
/// says, never how long it took; it prints the times, like a benchmark, for whoever reads the log.
final class ImportLinearTimeTests: XCTestCase {
    static let megabyte = 1_000_000

    /// Where a hostile line goes in the tutorial.
    enum Place: String {
        case step = "in a credential step", cell = "in a table cell", introduction = "in the introduction", heading = "in a heading"
    }

    /// Lines a backtracking or rescanning reader chokes on, each a million characters long, with
    /// the places where the reader looks at them hardest: inline text in a step, a table cell, the
    /// start of a block.
    static let hostileLines: [(name: String, line: String, places: [Place])] = [
        ("brackets", String(repeating: "[", count: megabyte), [.step, .cell, .heading]),
        ("link openings", String(repeating: "](", count: megabyte / 2), [.step]),
        ("images", String(repeating: "![x](", count: megabyte / 5), [.step, .introduction]),
        ("unclosed links", String(repeating: "[a](b ", count: megabyte / 6), [.step, .cell]),
        ("emphasis", String(repeating: "*", count: megabyte), [.step, .cell]),
        ("bold runs", String(repeating: "**a", count: megabyte / 3), [.step]),
        ("underscores", String(repeating: "_", count: megabyte), [.step]),
        ("backticks", "a" + String(repeating: "`", count: megabyte), [.step, .cell]),
        ("backslashes", String(repeating: "\\", count: megabyte), [.step, .cell]),
        ("pipes", String(repeating: "|", count: megabyte), [.cell, .introduction]),
        ("hashes", "# " + String(repeating: "#", count: megabyte) + " x", [.heading]),
        ("quotes", String(repeating: "> ", count: megabyte / 2) + "x", [.introduction]),
        ("list markers", String(repeating: "1. ", count: megabyte / 3) + "x", [.introduction]),
        ("entities", String(repeating: "&check;", count: megabyte / 7), [.cell]),
        ("short sentences", String(repeating: "a. ", count: megabyte / 3), [.step, .introduction]),
        ("tenant URLs", String(repeating: "Tenant URL https://", count: megabyte / 19), [.step]),
        ("placeholders", String(repeating: "TestApp your Acme application ", count: megabyte / 30), [.step]),
        ("spaces", String(repeating: " ", count: megabyte) + "x", [.cell, .heading]),
        ("accents", String(repeating: "é", count: megabyte / 2), [.step]),
    ]

    func base() throws -> String {
        String(decoding: try Repository.bytes("\(ImportFixture.folder)/newest-layout.md"), as: UTF8.self)
    }

    func testHostileLinesTakeLinearTime() throws {
        let base = try base()
        func inserting(_ line: String, _ place: Place) -> String {
            switch place {
            case .step: base.replacingOccurrences(of: "1. Sign in to the Quillmark admin console.", with: "1. " + line)
            case .cell: base.replacingOccurrences(of: "|active|Boolean||&check;|", with: "|" + line + "|Boolean||&check;|")
            case .introduction: base.replacingOccurrences(of: "## Supported capabilities", with: line + "\n\n## Supported capabilities")
            case .heading: base.replacingOccurrences(of: "## Step 1: Plan", with: "## " + line + "\n\n## Step 1: Plan")
            }
        }
        var total = 0.0
        var count = 0
        var slowest = (name: "", seconds: 0.0)
        for (name, line, places) in Self.hostileLines {
            for place in places {
                let markdown = inserting(line, place)
                XCTAssertGreaterThan(markdown.utf8.count, Self.megabyte, "\(name) \(place.rawValue)")
                let (result, seconds) = Self.timed { TutorialImporter.importTutorial(markdown: markdown, file: "hostile.md") }
                total += seconds
                count += 1
                if seconds > slowest.seconds { slowest = ("\(name) \(place.rawValue)", seconds) }
                // Whatever the line holds, the tutorial around it still imports, and validates.
                XCTAssertEqual(result.errors.map(\.description), [], "\(name) \(place.rawValue)")
                XCTAssertEqual(result.id, "quillmark", "\(name) \(place.rawValue)")
                XCTAssertGreaterThanOrEqual(result.rowsImported, 7, "\(name) \(place.rawValue)")
            }
        }
        print(
            String(
                format: "import, %d tutorials with a 1 MB hostile line: %.2f s in all, %.3f s on average, slowest %.3f s (%@)",
                count, total, total / Double(count), slowest.seconds, slowest.name))
    }

    /// A million characters of short lines: headings, list items, table rows, alerts.
    func testManyShortLinesTakeLinearTime() throws {
        let base = try base()
        let cases: [(name: String, markdown: String, rows: Int)] = [
            ("headings", base + (0..<70_000).map { "# h\($0)" }.joined(separator: "\n"), 8),
            ("list items", base + (0..<25_000).map { "1. item \($0)." }.joined(separator: "\n"), 8),
            ("alerts", base + (0..<40_000).map { "> [!NOTE]\n> n\($0)" }.joined(separator: "\n"), 8),
            (
                "a table of 10,000 rows",
                base.replacingOccurrences(
                    of: "|active|Boolean||&check;|",
                    with: (0..<10_000).map { "|emails[type eq \"w\($0)\"].value|String|&check;|&check;|" }.joined(separator: "\n")),
                10_007
            ),
            (
                "a table of 5,000 extension attributes",
                base.replacingOccurrences(
                    of: "|active|Boolean||&check;|",
                    with: (0..<5_000).map { "|urn:ietf:params:scim:schemas:extension:acme:2.0:User:a\($0)|String|||" }.joined(separator: "\n")),
                5_007
            ),
        ]
        for (name, markdown, rows) in cases {
            let (result, seconds) = Self.timed { TutorialImporter.importTutorial(markdown: markdown, file: "hostile.md") }
            XCTAssertEqual(result.errors.map(\.description), [], name)
            XCTAssertEqual(result.rowsImported, rows, name)
            print(String(format: "import, %@ (%.1f MB): %.3f s", name, Double(markdown.utf8.count) / 1e6, seconds))
        }
    }

    static func timed<T>(_ body: () -> T) -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
