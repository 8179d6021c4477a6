import Foundation

/// A console that keeps what is written, for tests that run commands in process.
///
/// A class, so that a test keeps a reference while the command writes through its copy;
/// a lock makes it safe to share across tasks.
public final class CapturedConsole: Console, @unchecked Sendable {
    private let lock = NSLock()
    private var captured: [ConsoleStream: String] = [:]
    private let terminals: Set<ConsoleStream>

    private let clock: @Sendable () -> Double

    /// The environment the command sees.
    public let environment: [String: String]

    /// Creates a console; by default neither stream is a terminal and the environment is empty.
    ///
    /// - Parameter clock: what `uptime()` reads; tests that check progress lines give a clock that
    ///   advances on each reading, so that the output never depends on how fast the machine is.
    public init(
        terminals: Set<ConsoleStream> = [], environment: [String: String] = [:],
        clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.terminals = terminals
        self.environment = environment
        self.clock = clock
    }

    public func uptime() -> Double { clock() }

    /// Everything written to standard output so far.
    public var standardOutput: String { text(of: .standardOutput) }

    /// Everything written to standard error so far.
    public var standardError: String { text(of: .standardError) }

    public func write(_ text: String, to stream: ConsoleStream) {
        lock.lock()
        defer { lock.unlock() }
        captured[stream, default: ""] += text
    }

    public func isTerminal(_ stream: ConsoleStream) -> Bool {
        terminals.contains(stream)
    }

    private func text(of stream: ConsoleStream) -> String {
        lock.lock()
        defer { lock.unlock() }
        return captured[stream, default: ""]
    }
}
