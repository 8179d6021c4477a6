extension CommandSpec {
    /// Mistakes in the command tree itself, one message each; empty when the tree is sound.
    ///
    /// These are programming errors, not user errors: a test over the real tree calls this so
    /// that a clash (two `--format`s, a `-h` hiding help) fails the build instead of a user.
    public func specificationProblems() -> [String] {
        problems(path: name, isRoot: true)
    }
}

// MARK: - Checks

private extension CommandSpec {
    func problems(path: String, isRoot: Bool) -> [String] {
        var problems: [String] = []
        func report(_ message: String) { problems.append("\(path): \(message)") }

        if name.isEmpty || name.hasPrefix("-") || name.contains(where: \.isWhitespace) {
            report("command name '\(name)' cannot be typed as a word")
        }

        var longNames = Set<String>()
        var shortNames = Set<Character>()
        for argument in arguments {
            if argument.name.isEmpty || argument.name.hasPrefix("-") || argument.name.contains("=") {
                report("argument name '\(argument.name)' must be a bare word without dashes or '='")
            }
            if !longNames.insert(argument.name).inserted {
                report("argument '\(argument.name)' is declared twice")
            }
            if !argument.isPositional, ["help", "version"].contains(argument.name) {
                report("option '--\(argument.name)' is built in")
            }
            if let short = argument.short {
                if short == "h" { report("option '-h' is built in") }
                if !(short.isLetter || short.isNumber) { report("short name '-\(short)' is not a letter or digit") }
                if !shortNames.insert(short).inserted { report("short name '-\(short)' is declared twice") }
            }
            if let defaultValue = argument.defaultValue, !argument.allowedValues.isEmpty,
               !argument.allowedValues.contains(defaultValue) {
                report("default value '\(defaultValue)' of '--\(argument.name)' is not an allowed value")
            }
        }

        let positionals = arguments.filter(\.isPositional)
        for (index, positional) in positionals.enumerated() where index < positionals.count - 1 {
            if positional.isRepeating {
                report("repeating positional '<\(positional.name)>' must come last")
            }
            if positional.isOptional, positionals[(index + 1)...].contains(where: { !$0.isOptional }) {
                report("optional positional '<\(positional.name)>' comes before a required one")
            }
        }
        if !positionals.isEmpty, !subcommands.isEmpty {
            report("a command with subcommands cannot take positionals; they would swallow subcommand names")
        }

        var subcommandNames = Set<String>()
        for subcommand in subcommands where !subcommandNames.insert(subcommand.name).inserted {
            report("subcommand '\(subcommand.name)' is declared twice")
        }
        if isRoot, subcommandNames.contains("help") {
            report("subcommand 'help' is built in")
        }
        if let defaultSubcommand, !subcommandNames.contains(defaultSubcommand) {
            report("default subcommand '\(defaultSubcommand)' is not a subcommand")
        }

        for subcommand in subcommands {
            problems += subcommand.problems(path: "\(path) \(subcommand.name)", isRoot: false)
        }
        return problems
    }
}
