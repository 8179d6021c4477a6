/// One scimgen command: the spec that parsing and help read, and what it does.
///
/// As in swift-argument-parser, each command is a type that owns its configuration and its `run`;
/// `SCIMGen.run` finds the type whose spec the command line named and runs it. Adding a command
/// is one new type and one entry in `SCIMGen.commands`; nothing switches on names.
protocol Command {
    /// The name, help and arguments of the command.
    static var spec: CommandSpec { get }
    /// Runs the command with the parsed command line and returns the exit code.
    static func run(_ context: CommandContext) -> Int32
    /// Whether this command line reads the project's folders at their defaults, and so needs a project.
    static func needsProject(_ parsed: ParsedCommand) -> Bool
}

extension Command {
    /// A command that reads descriptors from `--vendors` needs a project unless the folder is named.
    static func needsProject(_ parsed: ParsedCommand) -> Bool {
        parsed.declares("vendors") && !parsed.isGiven("vendors")
    }
}
