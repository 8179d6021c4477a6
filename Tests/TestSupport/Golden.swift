import Foundation
import SCIMGenKit
import XCTest

/// The one golden-file helper of every test target: output compared byte for byte with a
/// committed file, a unified diff (the library's `UnifiedDiff`) when they differ, and
/// `SCIMGEN_RECORD=1` to rewrite the file. A recording run fails every test it records in, so that
/// it is never mistaken for a passing one.
public enum Golden {
    /// The repository root, found from this file.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Whether goldens are being re-recorded.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["SCIMGEN_RECORD"] == "1" }

    /// Asserts that `actual` is the text of the file at `url`, or records it.
    public static func assert(_ actual: String, matches url: URL, file: StaticString = #filePath, line: UInt = #line) {
        assert(Array(actual.utf8), matches: url, file: file, line: line)
    }

    /// Asserts that `actual` is the bytes of the file at `url`, or records it.
    public static func assert(_ actual: [UInt8], matches url: URL, file: StaticString = #filePath, line: UInt = #line) {
        let name = relative(url)
        if isRecording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            XCTAssertNoThrow(try Data(actual).write(to: url), file: file, line: line)
            XCTFail("recorded \(name); run again without SCIMGEN_RECORD to check it", file: file, line: line)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            XCTFail("no golden file \(name); run with SCIMGEN_RECORD=1 to record it", file: file, line: line)
            return
        }
        guard Array(expected) != actual else { return }
        let diff = UnifiedDiff.make(
            old: String(decoding: expected, as: UTF8.self), new: String(decoding: actual, as: UTF8.self),
            oldName: "\(name) (golden)", newName: "\(name) (output)", maxLines: 80)
        XCTFail("\(name) differs from the output; SCIMGEN_RECORD=1 re-records it\n\(diff)", file: file, line: line)
    }

    /// The path relative to the repository, for messages.
    private static func relative(_ url: URL) -> String {
        let root = repository.path + "/"
        return url.path.hasPrefix(root) ? String(url.path.dropFirst(root.count)) : url.path
    }
}
