import Foundation
import Mustache
import XCTest

/// Runs every case of the official Mustache spec files committed in `Tests/Fixtures/mustache-spec`
/// (all modules but the optional lambdas, which the engine does not support).
final class SpecConformanceTests: XCTestCase {
    /// The spec files and how many cases each holds at the committed spec version.
    static let expectedCaseCounts = [
        "comments.json": 12,
        "delimiters.json": 14,
        "interpolation.json": 42,
        "inverted.json": 22,
        "partials.json": 12,
        "sections.json": 34,
        "~dynamic-names.json": 21,
        "~inheritance.json": 27,
    ]

    func testEveryCaseOfEverySpecFilePasses() throws {
        var failures: [String] = []
        for file in Self.expectedCaseCounts.keys.sorted() {
            for specCase in try SpecCase.load(file) {
                if let failure = specCase.failure() {
                    failures.append(failure)
                }
            }
        }
        XCTAssert(failures.isEmpty, "\(failures.count) spec cases fail:\n\n" + failures.joined(separator: "\n\n"))
    }

    /// Guards the test above against passing because it found nothing to run.
    func testSpecFilesHoldTheExpectedNumberOfCases() throws {
        var counts: [String: Int] = [:]
        for file in Self.expectedCaseCounts.keys {
            counts[file] = try SpecCase.load(file).count
        }
        XCTAssertEqual(counts, Self.expectedCaseCounts)
        XCTAssertEqual(counts.values.reduce(0, +), 184)
    }

    /// The runner must be able to fail: a case whose expectation is wrong is reported by name.
    func testARunnerFailureNamesTheCase() throws {
        var specCase = try XCTUnwrap(try SpecCase.load("interpolation.json").first { $0.name == "Basic Interpolation" })
        XCTAssertNil(specCase.failure())
        specCase.expected = "Hello, nobody!"
        XCTAssertEqual(
            specCase.failure(),
            """
            interpolation.json: Basic Interpolation
              template: "Hello, {{subject}}!\\n"
              expected: "Hello, nobody!"
              actual:   "Hello, world!\\n"
            """)
    }
}

/// One case of a spec file: a template, its data and partials, and the expected output.
struct SpecCase {
    var file: String
    var name: String
    var template: String
    var data: MustacheValue
    var partials: [String: String]
    var expected: String

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mustache-spec")

    static func load(_ file: String) throws -> [SpecCase] {
        let data = try Data(contentsOf: directory.appendingPathComponent(file))
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tests = try XCTUnwrap(root["tests"] as? [[String: Any]])
        return try tests.map { test in
            SpecCase(
                file: file,
                name: try XCTUnwrap(test["name"] as? String),
                template: try XCTUnwrap(test["template"] as? String),
                data: MustacheValue(jsonObject: test["data"] ?? NSNull()),
                partials: test["partials"] as? [String: String] ?? [:],
                expected: try XCTUnwrap(test["expected"] as? String))
        }
    }

    /// Renders the case in spec mode; nil when the output is as expected, else a report.
    func failure() -> String? {
        let actual: String
        do {
            let partialTemplates = try partials.map { name, source in try Template(source: source, name: name) }
            let library = TemplateLibrary(partialTemplates + [try Template(source: template, name: "(template)")])
            actual = try library.render("(template)", context: data, escaping: .html, options: .spec)
        } catch {
            actual = "error: \(error)"
        }
        guard actual != expected else { return nil }
        return """
            \(file): \(name)
              template: \(quoted(template))
              expected: \(quoted(expected))
              actual:   \(quoted(actual))
            """
    }

    private func quoted(_ text: String) -> String {
        let escaped = text
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\r", with: "\\r")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t")
        return "\"\(escaped)\""
    }
}
