/// The command a command line resolved to, with the values given for its arguments.
///
/// Values of the commands above it on the path (a root's `--verbose`) are kept too: names are
/// looked up across the whole path, the deepest command first.
public struct ParsedCommand: Sendable, Hashable {
    /// The command names from the root down, as in `["scimgen", "validate"]`.
    public var path: [String]
    /// The arguments declared along the path, the deepest command first.
    var declared: [ArgumentSpec]
    /// Option values in the order given, by option name.
    var optionValues: [String: [String]]
    /// The names of the flags given.
    var flagsGiven: Set<String>
    /// Positional values in the order given, by positional name.
    var positionalValues: [String: [String]]

    /// The last value given for an option, or its default value, or nil.
    public func option(_ name: String) -> String? {
        options(name).last
    }

    /// Every value given for an option, in order; its default value alone when none was given.
    public func options(_ name: String) -> [String] {
        assert(declaration(of: name) != nil, "option '\(name)' is not declared on \(path)")
        if let values = optionValues[name], !values.isEmpty { return values }
        return declaration(of: name)?.defaultValue.map { [$0] } ?? []
    }

    /// Whether an option was given on the command line, as opposed to taking its default.
    public func isGiven(_ name: String) -> Bool {
        !(optionValues[name] ?? []).isEmpty
    }

    /// Whether an argument of this name is declared on the path.
    public func declares(_ name: String) -> Bool {
        declaration(of: name) != nil
    }

    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool {
        assert(declaration(of: name) != nil, "flag '\(name)' is not declared on \(path)")
        return flagsGiven.contains(name)
    }

    /// The values given for a positional, in order; one at most unless it repeats.
    public func positionals(_ name: String) -> [String] {
        assert(declaration(of: name) != nil, "positional '\(name)' is not declared on \(path)")
        return positionalValues[name] ?? []
    }

    /// The value given for a positional that does not repeat.
    public func positional(_ name: String) -> String? {
        positionals(name).first
    }

    /// The declaration of an argument on the path, the deepest command first.
    private func declaration(of name: String) -> ArgumentSpec? {
        declared.first { $0.name == name }
    }
}
