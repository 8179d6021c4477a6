import Foundation

/// Where a command writes: standard output, standard error, and what it knows about them.
///
/// Commands take a console instead of printing so that tests can run them in process and
/// read back exactly what a user would see (`CapturedConsole`).
public protocol Console: Sendable {
    /// Writes `text` as is to one stream.
    func write(_ text: String, to stream: ConsoleStream)
    /// Whether the stream is a terminal a person reads, rather than a file or a pipe.
    func isTerminal(_ stream: ConsoleStream) -> Bool
    /// The environment the process runs in, consulted for `NO_COLOR` and `CI`.
    var environment: [String: String] { get }
    /// Seconds on a clock that only moves forward, for progress lines.
    func uptime() -> Double
}

/// One of the two output streams of a process.
public enum ConsoleStream: Sendable, Hashable {
    /// Standard output: results, help, version.
    case standardOutput
    /// Standard error: diagnostics and usage errors.
    case standardError
}

extension Console {
    /// The system's monotonic clock.
    public func uptime() -> Double { ProcessInfo.processInfo.systemUptime }

    /// Writes a line (or any `terminator`) to standard output, as `print` does.
    public func out(_ text: String, terminator: String = "\n") {
        write(text + terminator, to: .standardOutput)
    }

    /// Writes a line (or any `terminator`) to standard error.
    public func err(_ text: String, terminator: String = "\n") {
        write(text + terminator, to: .standardError)
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty.
    ///
    /// See https://no-color.org: the variable counts when "present and not an empty string".
    public func usesColor(on stream: ConsoleStream) -> Bool {
        guard isTerminal(stream) else { return false }
        return environment["NO_COLOR", default: ""].isEmpty
    }

    /// The style to write to a stream with: ANSI colours when `usesColor(on:)`, else plain.
    public func style(for stream: ConsoleStream) -> TextStyle {
        usesColor(on: stream) ? .ansi : .plain
    }
}
