/// Resolves a command line against a command tree, the way swift-argument-parser does.
///
/// Each command along the path takes the options it knows and its positionals, leniently;
/// then the first remaining word, if it names a subcommand, descends; `-h`/`--help` and
/// `--version` are answered once nothing more can be descended into; whatever is left over
/// at the end is an unknown option or an unexpected argument. The order of these steps is
/// what decides which error a user sees, and follows `CommandParser.swift` upstream.
struct CommandLineParser {
    /// The command named by the program name.
    let root: CommandSpec

    /// Parses the words after the program name.
    func parse(_ arguments: [String]) -> ParseOutcome {
        var stack = [root]
        do throws(Failure) {
            var tokens = try Token.split(arguments)
            var values = Values()
            while true {
                let command = stack[stack.count - 1]
                if stack.count == 2, command == CommandSpec.helpCommand {
                    return try answerHelpCommand(tokens: tokens, stack: stack)
                }
                if let answer = try parseLevel(command, stack: stack, tokens: &tokens, values: &values) {
                    return answer
                }
                if let first = tokens.first, case .value(let word) = first.kind,
                   let subcommand = command.subcommand(named: word, isRoot: stack.count == 1) {
                    tokens.removeFirst()
                    stack.append(subcommand)
                    continue
                }
                if let answer = builtInAnswer(tokens: tokens, stack: stack) {
                    return answer
                }
                if let name = command.defaultSubcommand,
                   let subcommand = command.subcommands.first(where: { $0.name == name }) {
                    stack.append(subcommand)
                    continue
                }
                break
            }
            let command = stack[stack.count - 1]
            if !command.subcommands.isEmpty {
                // A group does nothing itself: a word that names none of its commands, or no
                // word at all, is a usage error (exit 64), never help that looks like success.
                if let word = tokens.lazy.compactMap(\.value).first,
                   command.subcommand(named: word, isRoot: stack.count == 1) == nil {
                    throw Failure.unknownCommand(word, candidates: command.commandNames(isRoot: stack.count == 1))
                }
                try rejectLeftovers(tokens, command: command)
                throw Failure.missingCommand
            }
            try rejectLeftovers(tokens, command: command)
            return .command(ParsedCommand(
                path: stack.map(\.name),
                declared: stack.reversed().flatMap(\.arguments),
                optionValues: values.options,
                flagsGiven: values.flags,
                positionalValues: values.positionals
            ))
        } catch {
            return .usageError(usageError(for: error, stack: error.isFromSplitting ? [root] : stack,
                                          commandLineIsEmpty: arguments.isEmpty))
        }
    }
}

// MARK: - Values

extension CommandLineParser {
    /// Everything given so far, across the commands of the path.
    struct Values {
        var options: [String: [String]] = [:]
        var flags: Set<String> = []
        var positionals: [String: [String]] = [:]
    }

    /// Why a command line cannot be run; turned into swift-argument-parser's wording at the end.
    enum Failure: Error {
        case invalidOption(String)
        case unknownOption(display: String, isShort: Bool)
        case missingValue(display: String, argument: ArgumentSpec)
        case unexpectedValue(display: String, value: String)
        case invalidValue(value: String, display: String, argument: ArgumentSpec)
        case missingArgument(ArgumentSpec)
        case unexpectedValues([String])
        case unknownCommand(String, candidates: [String])
        case missingCommand

        /// Splitting fails before any command is chosen, so its errors show the root's usage.
        var isFromSplitting: Bool {
            if case .invalidOption = self { return true }
            return false
        }
    }
}

// MARK: - Parsing one command

private extension CommandLineParser {
    /// Takes the current command's options and positionals out of `tokens`.
    ///
    /// Returns help or version when a required argument is missing but either was asked for,
    /// since asking for help must work on an incomplete command line.
    func parseLevel(
        _ command: CommandSpec, stack: [CommandSpec], tokens: inout [Token], values: inout Values
    ) throws(Failure) -> ParseOutcome? {
        let named = command.arguments.filter { !$0.isPositional }
        var consumed = Set<Int>()
        var positionalQueue: [Int] = []
        var position = 0
        while position < tokens.count {
            defer { position += 1 }
            switch tokens[position].kind {
            case .terminator, .singleDashLong:
                continue
            case .value:
                positionalQueue.append(position)
            case .long(let name, let attached):
                guard let argument = named.first(where: { $0.name == name }) else { continue }
                consumed.insert(position)
                try take(argument, display: "--\(name)", attached: attached, at: &position,
                         tokens: tokens, consumed: &consumed, values: &values)
            case .short(let letter, let attached):
                guard let argument = named.first(where: { $0.short == letter }) else { continue }
                consumed.insert(position)
                try take(argument, display: "-\(letter)", attached: attached, at: &position,
                         tokens: tokens, consumed: &consumed, values: &values)
            case .group(let letters):
                let arguments = letters.compactMap { letter in named.first { $0.short == letter } }
                // A group is taken whole or left whole for a deeper command (or an error).
                guard arguments.count == letters.count else { continue }
                consumed.insert(position)
                for (offset, argument) in arguments.enumerated() {
                    let display = "-\(letters[offset])"
                    if argument.takesValue, offset != arguments.count - 1 {
                        throw Failure.missingValue(display: display, argument: argument)
                    }
                    try take(argument, display: display, attached: nil, at: &position,
                             tokens: tokens, consumed: &consumed, values: &values)
                }
            }
        }

        var queue = positionalQueue[...]
        for argument in command.arguments where argument.isPositional {
            let taken: [Int]
            if argument.isRepeating {
                taken = Array(queue)
                queue = []
            } else if let first = queue.popFirst() {
                taken = [first]
            } else {
                taken = []
            }
            guard !taken.isEmpty else { continue }
            consumed.formUnion(taken)
            values.positionals[argument.name, default: []] += taken.compactMap { tokens[$0].value }
        }

        for argument in command.arguments where !argument.isOptional {
            let isGiven = argument.isPositional
                ? values.positionals[argument.name] != nil
                : values.options[argument.name] != nil
            if !isGiven {
                if let answer = builtInAnswer(tokens: tokens, stack: stack) { return answer }
                throw Failure.missingArgument(argument)
            }
        }

        tokens = tokens.enumerated().filter { !consumed.contains($0.offset) }.map(\.element)
        return nil
    }

    /// Records one option or flag, taking its value from `attached` or the next word.
    func take(
        _ argument: ArgumentSpec, display: String, attached: String?, at position: inout Int,
        tokens: [Token], consumed: inout Set<Int>, values: inout Values
    ) throws(Failure) {
        guard argument.takesValue else {
            if let attached { throw Failure.unexpectedValue(display: display, value: attached) }
            values.flags.insert(argument.name)
            return
        }
        let value: String
        if let attached {
            value = attached
        } else if position + 1 < tokens.count, case .value(let next) = tokens[position + 1].kind {
            // The next word is a value only when it cannot be read as an option: a value
            // starting with '-' must be attached with '='.
            value = next
            position += 1
            consumed.insert(position)
        } else {
            throw Failure.missingValue(display: display, argument: argument)
        }
        let allowed = argument.allowedValues
        if !allowed.isEmpty, !allowed.contains(value) {
            throw Failure.invalidValue(value: value, display: display, argument: argument)
        }
        values.options[argument.name, default: []].append(value)
    }

    /// Help when `-h` or `--help` is left, else the version when `--version` is left and known.
    func builtInAnswer(tokens: [Token], stack: [CommandSpec]) -> ParseOutcome? {
        let asksForHelp = tokens.contains { token in
            switch token.kind {
            case .long("help", _), .short("h", _): return true
            case .group(let letters): return letters.contains("h")
            default: return false
            }
        }
        if asksForHelp {
            return .help(HelpGenerator(stack: stack).rendered())
        }
        if let version = HelpGenerator(stack: stack).version,
           tokens.contains(where: { if case .long("version", _) = $0.kind { return true } else { return false } }) {
            return .version(version)
        }
        return nil
    }

    /// Fails on the first option nobody took, else on the values nobody took.
    func rejectLeftovers(_ tokens: [Token], command: CommandSpec) throws(Failure) {
        for token in tokens {
            switch token.kind {
            case .long(let name, _):
                throw Failure.unknownOption(display: "--\(name)", isShort: false)
            case .short(let letter, _):
                throw Failure.unknownOption(display: "-\(letter)", isShort: true)
            case .singleDashLong(let name, _):
                throw Failure.unknownOption(display: "-\(name)", isShort: false)
            case .group(let letters):
                // Upstream reports the first letter it cannot place, or the whole word when it
                // can place none of them.
                let shorts = Set(command.arguments.compactMap(\.short))
                if letters.contains(where: shorts.contains), let unknown = letters.first(where: { !shorts.contains($0) }) {
                    throw Failure.unknownOption(display: "-\(unknown)", isShort: true)
                }
                throw Failure.unknownOption(display: "-\(String(letters))", isShort: false)
            case .value, .terminator:
                continue
            }
        }
        let leftovers = tokens.compactMap(\.value)
        if !leftovers.isEmpty { throw Failure.unexpectedValues(leftovers) }
    }

    /// `scimgen help <subcommand> ...`: the help of the named command; extra help flags are ignored.
    func answerHelpCommand(tokens: [Token], stack: [CommandSpec]) throws(Failure) -> ParseOutcome {
        let remaining = tokens.filter { token in
            switch token.kind {
            case .long("help", nil), .short("h", nil): return false
            case .group(let letters): return String(letters) != "help"
            default: return true
            }
        }
        if let answer = builtInAnswer(tokens: remaining, stack: stack) { return answer }
        try rejectLeftovers(remaining.filter { $0.value == nil }, command: stack[stack.count - 1])
        var topic = [root]
        for name in remaining.compactMap(\.value) {
            let group = topic[topic.count - 1]
            guard let next = group.subcommand(named: name, isRoot: topic.count == 1) else {
                throw Failure.unknownCommand(name, candidates: group.commandNames(isRoot: topic.count == 1))
            }
            topic.append(next)
        }
        return .help(HelpGenerator(stack: topic).rendered())
    }
}

// MARK: - Messages

private extension CommandLineParser {
    /// The error in swift-argument-parser's words, with the usage of the command at fault.
    func usageError(for failure: Failure, stack: [CommandSpec], commandLineIsEmpty: Bool) -> UsageError {
        let generator = HelpGenerator(stack: stack)
        // With nothing typed at all, upstream shows the whole root help instead of the usage.
        let usage = commandLineIsEmpty
            ? "\n" + HelpGenerator(stack: [root]).rendered()
            : generator.usageMessage
        let command = generator.command
        switch failure {
        case .invalidOption(let text):
            return UsageError(message: "Invalid option: \(text)", usage: usage)
        case .unknownOption(let display, let isShort):
            var message = "Unknown option '\(display)'"
            if !isShort, let suggestion = suggestion(for: display, in: command) {
                message += ". Did you mean '\(suggestion)'?"
            }
            return UsageError(message: message, usage: usage)
        case .missingValue(let display, let argument):
            return UsageError(
                message: "Missing value for '\(display) <\(argument.valueName)>'",
                help: "\(display) <\(argument.valueName)>  \(argument.help)",
                usage: usage)
        case .unexpectedValue(let display, let value):
            return UsageError(
                message: "The option '\(display)' does not take any value, but '\(value)' was specified.",
                usage: usage)
        case .invalidValue(let value, let display, let argument):
            return UsageError(
                message: "The value '\(value)' is invalid for '\(display) <\(argument.valueName)>'"
                    + Self.valueList(argument.allowedValues),
                help: "\(display) <\(argument.valueName)>  \(argument.help)",
                usage: usage)
        case .missingArgument(let argument):
            let label = argument.isPositional
                ? "<\(argument.valueName)>"
                : "\(argument.longName) <\(argument.valueName)>"
            return UsageError(
                message: "Missing expected argument '\(HelpGenerator.synopsis(of: argument, forceRequired: true))'",
                help: "\(label)  \(argument.help)",
                usage: usage)
        case .unknownCommand(let word, let candidates):
            var message = "Unknown command '\(word)'"
            if let suggestion = Self.closest(to: word, among: candidates) {
                message += ". Did you mean '\(suggestion)'?"
            }
            return UsageError(message: message, usage: usage)
        case .missingCommand:
            // The whole help, so that the commands to choose from are listed.
            return UsageError(message: "Missing command", usage: "\n" + generator.rendered())
        case .unexpectedValues(let values):
            let message = values.count == 1
                ? "Unexpected argument '\(values[0])'"
                : "\(values.count) unexpected arguments: '\(values.joined(separator: "', '"))'"
            return UsageError(message: message, usage: usage)
        }
    }

    /// The closest long name of the command, when fewer than 4 edits away.
    func suggestion(for display: String, in command: CommandSpec) -> String? {
        let names = command == CommandSpec.helpCommand
            ? ["--help", "-help"]
            : command.arguments.filter { !$0.isPositional && !$0.isHidden }.map(\.longName)
        return Self.closest(to: display, among: names)
    }

    /// The only name the word begins (`gen` for `generate`), else the name fewest edits away when fewer than 4.
    static func closest(to word: String, among names: [String]) -> String? {
        let extended = names.filter { !word.isEmpty && $0.hasPrefix(word) }
        if extended.count == 1 { return extended[0] }
        return names
            .map { (name: $0, distance: $0.editDistance(to: word)) }
            .filter { $0.distance < 4 }
            .min { $0.distance < $1.distance }?
            .name
    }

    /// `. Please provide one of 'a', 'b' or 'c'.`, or a bulleted list past five values.
    static func valueList(_ values: [String]) -> String {
        guard let last = values.last else { return "" }
        if values.count < 6 {
            let quoted = values.map { "'\($0)'" }
            let list = quoted.count <= 2
                ? quoted.joined(separator: " and ")
                : quoted.dropLast().joined(separator: ", ") + " or '\(last)'"
            return ". Please provide one of \(list)."
        }
        return ". Please provide one of the following:\n" + values.map { "  - \($0)" }.joined(separator: "\n")
    }
}
