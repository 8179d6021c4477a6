/// What a command line asks for: a command to run, or something the parser answers itself.
public enum ParseOutcome: Sendable, Hashable {
    /// Run this command.
    case command(ParsedCommand)
    /// Print this help text (without its final newline) on standard output and exit 0.
    case help(String)
    /// Print this version on standard output and exit 0.
    case version(String)
    /// Print this error on standard error and exit 64.
    case usageError(UsageError)
}

extension ParseOutcome {
    /// Prints what the parser answered itself and returns the exit code; nil for a command to run.
    ///
    /// Each text is printed followed by a newline, as swift-argument-parser's `print` does.
    public func report(to console: any Console) -> Int32? {
        switch self {
        case .command:
            return nil
        case .help(let text), .version(let text):
            console.out(text)
            return 0
        case .usageError(let error):
            console.err(error.description)
            return error.exitCode
        }
    }
}
