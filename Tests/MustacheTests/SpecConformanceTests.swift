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
