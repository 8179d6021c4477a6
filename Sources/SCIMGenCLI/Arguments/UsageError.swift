/// A command line that cannot be run, reported as swift-argument-parser reports it.
///
/// The text is `Error: <message>`, an optional `Help:` line about the argument at fault,
/// then the usage of the command and where to find its help:
///
///     Error: Unknown option '--vendrs'. Did you mean '--vendors'?
///     Usage: scimgen validate [--vendors <dir>] [--strict]
///       See 'scimgen validate --help' for more information.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, as in `Missing value for '--vendors <dir>'`.
    public var message: String
    /// The label and abstract of the argument at fault, when there is one.
    public var help: String?
    /// `Usage: ...` and the line pointing at help, or the whole root help for an empty command line.
    public var usage: String

    /// Creates a usage error.
    public init(message: String, help: String? = nil, usage: String) {
        self.message = message
        self.help = help
        self.usage = usage
    }

    /// EX_USAGE from sysexits.h, what every usage error exits with.
    public var exitCode: Int32 { 64 }

    /// The whole text for standard error, without the final newline.
    public var description: String {
        let help = self.help.map { "Help:  \($0)\n" } ?? ""
        return "Error: \(message)\n" + help + usage
    }
}
