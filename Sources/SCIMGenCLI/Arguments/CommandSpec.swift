/// A command of the command line, its arguments and its subcommands, as help and the parser see it.
///
/// A command with subcommands is a group: reaching it without a subcommand prints its help,
/// as a swift-argument-parser command without `run()` does.
public struct CommandSpec: Sendable, Hashable {
    /// The word typed to run the command, lowercase (`validate`).
    public var name: String
    /// One line shown after `OVERVIEW:` and in the parent's subcommand list.
    public var abstract: String
    /// Paragraphs shown after the abstract in the command's own help.
    public var discussion: String?
    /// The text `--version` prints; set it on the root, where every subcommand finds it.
    public var version: String?
    /// Positionals, options and flags in the order help lists them.
    public var arguments: [ArgumentSpec]
    /// The commands below this one, in the order help lists them.
    public var subcommands: [CommandSpec]
    /// The subcommand run when none is named.
    public var defaultSubcommand: String?
    /// Whether `-h` and `--help` are offered; only the built-in `help` command turns them off.
    var offersHelpFlags = true

    /// Creates a command.
    public init(
        name: String,
        abstract: String,
        discussion: String? = nil,
        version: String? = nil,
        arguments: [ArgumentSpec] = [],
        subcommands: [CommandSpec] = [],
        defaultSubcommand: String? = nil
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.version = version
        self.arguments = arguments
        self.subcommands = subcommands
        self.defaultSubcommand = defaultSubcommand
    }

    /// Parses the words after the program name, this command being the root.
    public func parse(_ arguments: [String]) -> ParseOutcome {
        CommandLineParser(root: self).parse(arguments)
    }

    /// The help this command prints for `--help`, the last line without its newline.
    ///
    /// `path` names the subcommands from this root down to the command wanted; names that
    /// are not subcommands end the walk, as `scimgen help <subcommand>` does.
    public func helpText(for path: [String] = []) -> String {
        HelpGenerator(stack: stack(for: path)).rendered()
    }
}

// MARK: - Tree walking

extension CommandSpec {
    /// The built-in `help` subcommand that every root with subcommands gets.
    static let helpCommand: CommandSpec = {
        var help = CommandSpec(
            name: "help",
            abstract: "Show subcommand help information.",
            arguments: [
                .positional("subcommands", isOptional: true, isRepeating: true),
            ]
        )
        help.offersHelpFlags = false
        return help
    }()

    /// The subcommand with this name, the built-in `help` included on a root.
    func subcommand(named name: String, isRoot: Bool) -> CommandSpec? {
        if let found = subcommands.first(where: { $0.name == name }) { return found }
        if isRoot, !subcommands.isEmpty, name == CommandSpec.helpCommand.name { return CommandSpec.helpCommand }
        return nil
    }

    /// The names a user may type below this command, the built-in `help` included on a root.
    func commandNames(isRoot: Bool) -> [String] {
        subcommands.map(\.name) + (isRoot && !subcommands.isEmpty ? [CommandSpec.helpCommand.name] : [])
    }

    /// The commands from this root down the given names, stopping at the first unknown name.
    func stack(for path: [String]) -> [CommandSpec] {
        var result = [self]
        for name in path {
            guard let next = result.last?.subcommand(named: name, isRoot: result.count == 1) else { break }
            result.append(next)
        }
        return result
    }
}
