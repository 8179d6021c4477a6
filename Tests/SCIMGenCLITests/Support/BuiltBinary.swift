import Foundation
import XCTest

/// The `scimgen` executable that `swift test` builds beside the test bundle.
enum BuiltBinary {
    static var url: URL? {
        // Beside the test bundle (macOS and Linux lay it out differently), else the debug build.
        let candidates = [
            Bundle(for: Marker.self).bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Workspace.repository.appendingPathComponent(".build/debug"),
        ]
        for folder in candidates {
            let binary = folder.appendingPathComponent("scimgen")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: binary.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: binary.path)
            {
                return binary
            }
        }
        return nil
    }

    private final class Marker {}

    /// Runs the binary in `directory`.
    static func run(_ arguments: [String], in directory: URL, file: StaticString = #filePath, line: UInt = #line)
        -> Workspace.Run?
    {
        guard let url else {
            XCTFail("the scimgen executable was not built beside the tests; run 'swift build' first", file: file, line: line)
            return nil
        }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            XCTFail("cannot run \(url.path): \(error)", file: file, line: line)
            return nil
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Workspace.Run(
            code: process.terminationStatus, out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self))
    }
}
