import Foundation
import Mustache
import XCTest

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
