import Foundation
import XCTest

extension BuiltBinary {
    /// Who runs the binary.
    enum User {
        /// This process's user.
        case current
        /// `nobody`, through `setpriv`, so that a root test run still meets permissions.
        case nobody
    }

    /// Runs the binary (or `program`, built beside it) in `directory` and kills it after `timeout` seconds:
    /// a hang fails the test instead of stopping the suite. No time is asserted; the limit only ends a run
    /// that never would.
    ///
    /// - Parameter memoryLimit: the most address space the run may take, in bytes (`prlimit --as`), so
    ///   that a run that would grow without bound fails with an allocation error instead of taking the machine.
    static func run(
        _ arguments: [String], in directory: URL, environment: [String: String]? = nil, user: User = .current,
        program: String = "scimgen", timeout: Double, memoryLimit: Int? = nil, file: StaticString = #filePath, line: UInt = #line
    ) -> Workspace.Run? {
        guard let url = url?.deletingLastPathComponent().appendingPathComponent(program),
            FileManager.default.isExecutableFile(atPath: url.path)
        else {
            XCTFail("the \(program) executable was not built beside the tests; run 'swift build' first", file: file, line: line)
            return nil
        }
        let process = Process()
        switch user {
        case .current:
            process.executableURL = url
            process.arguments = arguments
        case .nobody:
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", url.path] + arguments
        }
        if let memoryLimit {
            process.arguments = ["--as=\(memoryLimit)", "--", process.executableURL!.path] + process.arguments!
            process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        }
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            XCTFail("cannot run \(url.path): \(error)", file: file, line: line)
            return nil
        }
        let reading = DispatchGroup()
        let collected = Collected()
        for (pipe, isError) in [(output, false), (errors, true)] {
            DispatchQueue.global().async(group: reading) {
                collected.set(pipe.fileHandleForReading.readDataToEndOfFile(), isError: isError)
            }
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            XCTFail("'\(program) \(arguments.joined(separator: " "))' still ran after \(Int(timeout)) s and was killed", file: file, line: line)
        }
        reading.wait()
        return Workspace.Run(
            code: process.terminationStatus, out: String(decoding: collected.out, as: UTF8.self),
            err: String(decoding: collected.err, as: UTF8.self))
    }

    /// Standard output and error, read on two threads so that neither pipe fills up.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var out = Data()
        private(set) var err = Data()

        func set(_ data: Data, isError: Bool) {
            lock.lock()
            if isError { err = data } else { out = data }
            lock.unlock()
        }
    }
}
