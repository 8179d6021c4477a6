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

/// Runs an outside checker written in Python; fails the test (never skips) when Python or a module is missing.
enum PythonTool {
    static func run(_ script: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.root.appendingPathComponent("Tests/Tools/\(script)").path] + arguments
        process.currentDirectoryURL = Repository.root
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            XCTFail("cannot run python3: \(error); install Python 3 and 'pip install -r Tests/Tools/requirements.txt'", file: file, line: line)
            return nil
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            XCTFail(
                "\(script) failed (\(process.terminationStatus)): \(String(decoding: err, as: UTF8.self)); run 'pip install -r Tests/Tools/requirements.txt'",
                file: file, line: line)
            return nil
        }
        return String(decoding: out, as: UTF8.self)
    }
}
