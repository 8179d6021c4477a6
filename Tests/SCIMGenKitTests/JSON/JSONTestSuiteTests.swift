import Foundation
import SCIMGenKit
import XCTest

/// Holds the parser to nst/JSONTestSuite: every `y_` case must be accepted and every `n_` case rejected;
/// what happens to the implementation-defined `i_` cases is recorded, with every rejection message, in
/// `Tests/Fixtures/JSONTestSuite/results.txt`. Set `SCIMGEN_RECORD=1` to re-record that file (the test
/// then fails, so a recording is never mistaken for a pass).
final class JSONTestSuiteTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/JSONTestSuite")

    private struct Case {
        var name: String
        var bytes: Data
    }

    private func loadCases() throws -> [Case] {
        let folder = Self.fixtures.appendingPathComponent("test_parsing")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        return try names.map { Case(name: $0, bytes: try Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    /// The suite's 318 cases plus 5 `n_number_00…`/`n_string_octal_escape` cases added to it later.
    func testAllCasesArePresent() throws {
        let names = try loadCases().map(\.name)
        XCTAssertEqual(names.count, 323)
        XCTAssertEqual(names.filter { $0.hasPrefix("y_") }.count, 95)
        XCTAssertEqual(names.filter { $0.hasPrefix("n_") }.count, 193)
        XCTAssertEqual(names.filter { $0.hasPrefix("i_") }.count, 35)
    }

    func testAcceptsEveryYCaseAndRejectsEveryNCase() throws {
        var failures: [String] = []
        for testCase in try loadCases() {
            let accepted: Bool
            do {
                _ = try JSONParser.parse(testCase.bytes)
                accepted = true
            } catch {
                accepted = false
            }
            if testCase.name.hasPrefix("y_"), !accepted { failures.append("\(testCase.name) was rejected") }
            if testCase.name.hasPrefix("n_"), accepted { failures.append("\(testCase.name) was accepted") }
        }
        XCTAssertEqual(failures, [], "\(failures.count) cases failed:\n" + failures.joined(separator: "\n"))
    }

    /// Every outcome, `i_` cases included, with the exact message and position of every rejection.
    func testOutcomesMatchTheRecordedResults() throws {
        var lines: [String] = []
        for testCase in try loadCases() {
            do {
                _ = try JSONParser.parse(testCase.bytes)
                lines.append("\(testCase.name): accepted")
            } catch {
                XCTAssertTrue(error.line >= 1 && error.column >= 1 && error.offset <= testCase.bytes.count, testCase.name)
                lines.append("\(testCase.name): rejected \(error)")
            }
        }
        let actual = lines.joined(separator: "\n") + "\n"
        let resultsFile = Self.fixtures.appendingPathComponent("results.txt")
        if ProcessInfo.processInfo.environment["SCIMGEN_RECORD"] != nil {
            try Data(actual.utf8).write(to: resultsFile)
            XCTFail("recorded \(resultsFile.path); unset SCIMGEN_RECORD and run again")
            return
        }
        let expected = try String(decoding: Data(contentsOf: resultsFile), as: UTF8.self)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for (want, got) in zip(expectedLines, actualLines) where want != got {
            XCTFail("expected: \(want)\n     got: \(got)")
        }
        XCTAssertEqual(expectedLines.count, actualLines.count, "line count differs from results.txt")
    }

    /// Whatever is accepted must survive writing and reading back unchanged.
    func testAcceptedCasesRoundTripThroughTheWriter() throws {
        for testCase in try loadCases() {
            guard let node = try? JSONParser.parse(testCase.bytes) else { continue }
            let written = JSONWriter.writeBytes(node.jsonValue)
            XCTAssertEqual(try JSONParser.parse(written).jsonValue, node.jsonValue, testCase.name)
        }
    }
}
