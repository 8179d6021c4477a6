import Foundation
import SCIMGenKit
import XCTest

/// Snapshots of real output, as swift-argument-parser's `assertSnapshot` keeps them: one file per
/// test, named after the test, under `Tests/Fixtures/Snapshots/`.
///
/// A mismatch fails with a unified diff. `SCIMGEN_RECORD=1` rewrites the snapshot and fails the
/// test all the same, so that a recording run is never mistaken for a passing one.
enum Snapshot {
    static let folder = Workspace.repository.appendingPathComponent("Tests/Fixtures/Snapshots")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["SCIMGEN_RECORD"] == "1" }

    /// Asserts that `actual` equals the snapshot named after the calling test (and `suffix`, when one
    /// test keeps several).
    static func assert(
        _ actual: String, suffix: String? = nil, test: String = #function, in testCase: XCTestCase,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let testName = test.hasSuffix("()") ? String(test.dropLast(2)) : test
        let className = String(describing: type(of: testCase))
        let name = [className, testName, suffix].compactMap { $0 }.joined(separator: ".") + ".txt"
        let url = folder.appendingPathComponent(name)
        if isRecording {
            XCTAssertNoThrow(try Data(actual.utf8).write(to: url), file: file, line: line)
            XCTFail("recorded snapshot '\(name)'; run again without SCIMGEN_RECORD to check it", file: file, line: line)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("no snapshot '\(name)'; run with SCIMGEN_RECORD=1 to record it", file: file, line: line)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard actual != expected else { return }
        let diff = UnifiedDiff.make(
            old: expected, new: actual, oldName: "Tests/Fixtures/Snapshots/\(name)", newName: "actual")
        XCTFail("output differs from snapshot '\(name)':\n\(diff)", file: file, line: line)
    }
}
