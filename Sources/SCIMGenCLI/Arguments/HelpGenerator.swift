/// Renders help and usage lines for a command, laid out as swift-argument-parser lays them out.
///
/// The layout (2-space indent, abstracts in column 26, wrapping before column 80, the
/// `See '... help <subcommand>'` trailer) follows `HelpGenerator.swift` and
/// `UsageGenerator.swift` of apple/swift-argument-parser. The width is fixed at 80 rather
/// than read from the terminal so that help is the same everywhere and can be tested.
struct HelpGenerator {
    static let helpIndent = 2
    static let labelColumnWidth = 26
    static let screenWidth = 80

    /// The commands from the root down to the one whose help this is; never empty.
    let stack: [CommandSpec]
    /// The command whose help this is.
    let command: CommandSpec

    /// Creates a generator for the last command of `stack`.
    init(stack: [CommandSpec]) {
        precondition(!stack.isEmpty, "a command stack always holds the root")
        self.stack = stack
        self.command = stack[stack.count - 1]
    }

    /// `scimgen validate`: the names from the root down.
    var toolName: String { stack.map(\.name).joined(separator: " ") }

    /// The version `--version` prints, from the deepest command that has one.
    var version: String? { stack.last(where: { $0.version != nil })?.version }

    /// The synopsis after `USAGE:`, as in `scimgen validate [--strict] <file> ...`.
    var usage: String {
        var usage = synopsis
        if !command.subcommands.isEmpty {
            usage += " <subcommand>"
        }
        return usage
    }

    /// The usage part of a usage error: the synopsis and where to find the command's help.
    var usageMessage: String {
        var message = "Usage: \(usage)"
        if command.offersHelpFlags {
            message += "\n  See '\(toolName) --help' for more information."
        }
        return message
    }

    /// The whole help text, without its final newline.
    func rendered() -> String {
        var overview = command.abstract
        if let discussion = command.discussion, !discussion.isEmpty {
            if !overview.isEmpty { overview += "\n" }
            overview += "\n" + discussion
        }
        let renderedOverview = overview.isEmpty
            ? ""
            : "OVERVIEW: \(overview)".wrapped(to: Self.screenWidth) + "\n\n"

        let subcommandRows = visibleSubcommandRows
        let sections = [
            section("ARGUMENTS", rows: positionalRows),
            section("OPTIONS", rows: optionRows),
            section("SUBCOMMANDS", rows: subcommandRows),
        ].filter { !$0.isEmpty }

        var trailer = ""
        if !subcommandRows.isEmpty {
            var names = stack.map(\.name)
            names.insert("help", at: 1)
            trailer = "\n  See '\(names.joined(separator: " ")) <subcommand>' for detailed help."
        }
        return renderedOverview + "USAGE: \(usage)\n\n" + sections.joined(separator: "\n") + trailer
    }
}

// MARK: - Rows

private extension HelpGenerator {
    /// A help row: a label, and an abstract in the label column or on the next line.
    struct Row {
        var label: String
        var abstract: String
    }

    var visibleArguments: [ArgumentSpec] { command.arguments.filter { !$0.isHidden } }

    var positionalRows: [Row] {
        visibleArguments.filter(\.isPositional).map { Row(label: "<\($0.valueName)>", abstract: description(of: $0)) }
    }

    var optionRows: [Row] {
        var rows = visibleArguments.filter { !$0.isPositional }.map { argument -> Row in
            var label = [argument.short.map { "-\($0)" }, argument.longName].compactMap { $0 }.joined(separator: ", ")
            if argument.takesValue { label += " <\(argument.valueName)>" }
            return Row(label: label, abstract: description(of: argument))
        }
        if version != nil {
            rows.append(Row(label: "--version", abstract: "Show the version."))
        }
        if command.offersHelpFlags {
            rows.append(Row(label: "-h, --help", abstract: "Show help information."))
        }
        return rows
    }

    var visibleSubcommandRows: [Row] {
        command.subcommands.map { subcommand in
            let label = subcommand.name == command.defaultSubcommand ? "\(subcommand.name) (default)" : subcommand.name
            return Row(label: label, abstract: subcommand.abstract)
        }
    }

    /// The abstract followed by `(values: a, b; default: x)` when there are any.
    func description(of argument: ArgumentSpec) -> String {
        let values = argument.allowedValues.filter { !$0.isEmpty }
        let defaultValue = argument.defaultValue ?? ""
        let suffix: String
        switch (values.isEmpty, defaultValue.isEmpty) {
        case (true, true): suffix = ""
        case (false, true): suffix = "(values: \(values.joined(separator: ", ")))"
        case (true, false): suffix = "(default: \(defaultValue))"
        case (false, false): suffix = "(values: \(values.joined(separator: ", ")); default: \(defaultValue))"
        }
        return [argument.help, suffix].filter { !$0.isEmpty }.joined(separator: " ")
    }

    func section(_ header: String, rows: [Row]) -> String {
        guard !rows.isEmpty else { return "" }
        return "\(header):\n" + rows.map(render).joined()
    }

    func render(_ row: Row) -> String {
        let paddedLabel = String(repeating: " ", count: Self.helpIndent) + row.label
        guard !row.abstract.isEmpty else { return paddedLabel + "\n" }
        let wrappedAbstract = row.abstract.wrapped(to: Self.screenWidth, wrappingIndent: Self.labelColumnWidth)
        if paddedLabel.count < Self.labelColumnWidth {
            return paddedLabel + wrappedAbstract.dropFirst(paddedLabel.count) + "\n"
        }
        return paddedLabel + "\n" + wrappedAbstract + "\n"
    }
}

// MARK: - Synopsis

extension HelpGenerator {
    /// The tool name followed by every visible argument; past 12 arguments, only the required ones.
    var synopsis: String {
        var arguments = visibleArguments
        switch arguments.count {
        case 0:
            return toolName
        case 13...:
            arguments = arguments.filter { $0.isPositional || !$0.isOptional }
            if !arguments.isEmpty, arguments.count <= 12 {
                return "\(toolName) [<options>] " + arguments.map { Self.synopsis(of: $0) }.joined(separator: " ")
            }
            return "\(toolName) <options>"
        default:
            return "\(toolName) " + arguments.map { Self.synopsis(of: $0) }.joined(separator: " ")
        }
    }

    /// `--name <value>`, `--flag` or `<value>`, without brackets or repetition marks.
    static func unadornedSynopsis(of argument: ArgumentSpec) -> String {
        switch argument.kind {
        case .positional: return "<\(argument.valueName)>"
        case .option: return "\(argument.longName) <\(argument.valueName)>"
        case .flag: return argument.longName
        }
    }

    /// The synopsis with ` ...` for repeating arguments, bracketed when optional.
    static func synopsis(of argument: ArgumentSpec, forceRequired: Bool = false) -> String {
        var synopsis = unadornedSynopsis(of: argument)
        if argument.isRepeating { synopsis += " ..." }
        if argument.isOptional, !forceRequired { synopsis = "[\(synopsis)]" }
        return synopsis
    }
}
