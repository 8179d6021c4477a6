import Foundation

/// The process's own standard output and standard error.
public struct StandardConsole: Console {
    /// The environment the process runs in.
    public let environment: [String: String]

    /// Creates the console; the environment is a parameter so that it can be tested.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func write(_ text: String, to stream: ConsoleStream) {
        handle(for: stream).write(Data(text.utf8))
    }

    /// A terminal by `isatty`, except one whose `TERM` is `dumb`, as swift-format decides.
    public func isTerminal(_ stream: ConsoleStream) -> Bool {
        if environment["TERM"] == "dumb" { return false }
        return isatty(handle(for: stream).fileDescriptor) != 0
    }

    private func handle(for stream: ConsoleStream) -> FileHandle {
        switch stream {
        case .standardOutput: return FileHandle.standardOutput
        case .standardError: return FileHandle.standardError
        }
    }
}
