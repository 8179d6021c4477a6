import Foundation
import SCIMGenCLI
import XCTest

/// A temporary copy of the repository's inputs in which the CLI runs in process.
final class Workspace {
    /// The repository root, found from this file.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let root: URL

    /// A fresh folder holding copies of `Vendors/` and `Templates/` (when `inputs` is true).
    init(inputs: Bool = true) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("scimgen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if inputs {
            for folder in ["Vendors", "Templates"] {
                let source = Self.repository.appendingPathComponent(folder)
                if FileManager.default.fileExists(atPath: source.path) {
                    try FileManager.default.copyItem(at: source, to: root.appendingPathComponent(folder))
                }
            }
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The result of one run.
    struct Run: Equatable, CustomStringConvertible {
        var code: Int32
        var out: String
        var err: String
        var description: String { "exit \(code)\n--- stdout\n\(out)--- stderr\n\(err)" }
    }

    /// Runs `scimgen` with `arguments` in this workspace, or in a folder inside it.
    ///
    /// - Parameter clock: the seconds each reading of the console's clock advances; the default
    ///   never advances, so that no progress line ever shows unless a test asks for it.
    func run(
        _ arguments: [String], in folder: String? = nil, terminal: Bool = false, environment: [String: String] = [:],
        clock step: Double = 0
    ) -> Run {
        let ticks = Ticks(step: step)
        let console = CapturedConsole(
            terminals: terminal ? [.standardOutput, .standardError] : [], environment: environment, clock: { ticks.next() })
        let code = SCIMGen.run(arguments, console: console, directory: folder.map(url) ?? root)
        return Run(code: code, out: console.standardOutput, err: console.standardError)
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// Runs git in the workspace as a test user, failing the test when git fails; its standard output.
    @discardableResult
    func git(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)", file: file, line: line)
        return output
    }

    func write(_ path: String, _ text: String) throws {
        let url = url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: url(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Replaces the first `old` with `new` in a file, failing the test when `old` is not there.
    func edit(_ path: String, _ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try XCTUnwrap(read(path), file: file, line: line)
        XCTAssertTrue(text.contains(old), "'\(old)' not in \(path)", file: file, line: line)
        guard let range = text.range(of: old) else { return }
        try write(path, text.replacingCharacters(in: range, with: new))
    }

    /// Every file under `folder`, relative, sorted.
    func files(under folder: String) -> [String] {
        let base = url(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base.appendingPathComponent(path).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                result.append(path)
            }
        }
        return result.sorted()
    }
}

/// A clock for tests that advances by a fixed step on every reading.
final class Ticks: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0.0
    private let step: Double

    init(step: Double) { self.step = step }

    func next() -> Double {
        lock.lock()
        defer { lock.unlock() }
        now += step
        return now
    }
}
