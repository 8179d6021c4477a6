import Foundation
import XCTest

/// Golden files: compared byte for byte, rewritten when `SCIMGEN_RECORD=1`.
enum Golden {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["SCIMGEN_RECORD"] == "1" }

    /// Asserts that `actual` equals the file at `url`, or records it.
    static func assert(_ actual: String, matches url: URL, file: StaticString = #filePath, line: UInt = #line) {
        if isRecording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            XCTAssertNoThrow(try Data(actual.utf8).write(to: url), file: file, line: line)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("no golden file '\(url.path)'; run with SCIMGEN_RECORD=1 to record it", file: file, line: line)
            return
        }
        XCTAssertEqual(actual, String(decoding: data, as: UTF8.self), "differs from \(url.lastPathComponent)", file: file, line: line)
    }
}
