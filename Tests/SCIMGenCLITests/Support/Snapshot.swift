import Foundation
import TestSupport
import XCTest

/// Snapshots of real output, as swift-argument-parser's `assertSnapshot` keeps them: one file per
/// test, named after the test, under `Tests/Fixtures/Snapshots/`, compared and re-recorded by the
/// one golden helper (`Golden`), so a recording run fails too.
enum Snapshot {
    static let folder = Golden.repository.appendingPathComponent("Tests/Fixtures/Snapshots")

    /// Asserts that `actual` equals the snapshot named after the calling test (and `suffix`, when one
    /// test keeps several).
    static func assert(
        _ actual: String, suffix: String? = nil, test: String = #function, in testCase: XCTestCase,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let testName = test.hasSuffix("()") ? String(test.dropLast(2)) : test
        let className = String(describing: type(of: testCase))
        let name = [className, testName, suffix].compactMap { $0 }.joined(separator: ".") + ".txt"
        Golden.assert(actual, matches: folder.appendingPathComponent(name), file: file, line: line)
    }
}
