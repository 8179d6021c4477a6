import Foundation
import SCIMGenKit

/// The scimgen command line: parses arguments, runs one command and returns its exit code.
///
/// Everything goes through a `Console` and a working directory, so tests run the whole CLI in
/// process and read exactly what a user would see.
public enum SCIMGen {
    /// The version printed by `--version`.
    public static let version = "0.1.0"

    /// Exit codes shared by every command.
    public enum ExitCode {
        /// Success: nothing wrong, nothing changed that should not have.
        public static let success: Int32 = 0
        /// The input has errors, the output is stale, or the command failed.
        public static let failure: Int32 = 1
        /// The command line itself is wrong.
        public static let usage: Int32 = 64
    }

    /// Runs `arguments` (without the program name) and returns the exit code.
    public static func run(_ arguments: [String], console: any Console, directory: URL) -> Int32 {
        let outcome = spec.parse(arguments)
        if let code = outcome.report(to: console) { return code }
        guard case .command(let parsed) = outcome, let command = command(for: parsed) else {
            // The parser only returns commands of the tree, each of which has a type.
            console.err("error: '\(arguments.joined(separator: " "))' names no command; see 'scimgen --help'")
            return ExitCode.usage
        }
        let context = CommandContext(console: console, directory: directory, command: parsed)
        if command.needsProject(parsed), let message = context.missingProject {
            console.err(message)
            return ExitCode.failure
        }
        return command.run(context)
    }
}
