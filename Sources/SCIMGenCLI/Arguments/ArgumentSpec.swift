/// One argument a command accepts: a positional value, an option with a value, or a flag.
///
/// Specs are plain values so that a command tree can be written as a literal, compared in
/// tests and rendered as help without running anything.
public struct ArgumentSpec: Sendable, Hashable {
    /// What kind of argument this is, with the details that only that kind has.
    public enum Kind: Sendable, Hashable {
        /// A value given by position, such as `<file>`.
        case positional(isOptional: Bool, isRepeating: Bool)
        /// A named option taking a value, such as `--vendors <dir>`.
        case option(Option)
        /// A named switch without a value, such as `--strict`.
        case flag(short: Character?)
    }

    /// The details of an option that takes a value.
    public struct Option: Sendable, Hashable {
        /// The one-letter alias, as in `-o`.
        public var short: Character?
        /// The placeholder shown between angle brackets, as in `--vendors <dir>`.
        public var valueName: String
        /// The value used when the option is absent, also shown as `(default: ...)` in help.
        public var defaultValue: String?
        /// Whether the option may be given several times, each value kept.
        public var isRepeating: Bool
        /// Whether the option must be given; an option with a default value is never required.
        public var isRequired: Bool
        /// The only values accepted, in the order help lists them; empty accepts anything.
        public var allowedValues: [String]
    }

    /// The name without dashes (`vendors` for `--vendors`); positionals use it as their placeholder.
    public var name: String
    /// One line shown in help; empty shows the label alone.
    public var help: String
    /// Positional, option or flag.
    public var kind: Kind
    /// Hidden arguments are parsed but never shown in usage or help.
    var isHidden = false

    /// A value given by position, shown as `<name>`.
    public static func positional(
        _ name: String, help: String = "", isOptional: Bool = false, isRepeating: Bool = false
    ) -> ArgumentSpec {
        ArgumentSpec(name: name, help: help, kind: .positional(isOptional: isOptional, isRepeating: isRepeating))
    }

    /// A named option taking a value, shown as `--name <valueName>`.
    ///
    /// `valueName` defaults to the option's own name, as swift-argument-parser does.
    public static func option(
        _ name: String,
        short: Character? = nil,
        valueName: String? = nil,
        help: String = "",
        defaultValue: String? = nil,
        isRepeating: Bool = false,
        isRequired: Bool = false,
        allowedValues: [String] = []
    ) -> ArgumentSpec {
        let option = Option(
            short: short,
            valueName: valueName ?? name,
            defaultValue: defaultValue,
            isRepeating: isRepeating,
            isRequired: isRequired && defaultValue == nil,
            allowedValues: allowedValues
        )
        return ArgumentSpec(name: name, help: help, kind: .option(option))
    }

    /// A named switch without a value, shown as `--name`.
    public static func flag(_ name: String, short: Character? = nil, help: String = "") -> ArgumentSpec {
        ArgumentSpec(name: name, help: help, kind: .flag(short: short))
    }
}

// MARK: - Derived properties

extension ArgumentSpec {
    /// Whether this argument is given by position rather than by name.
    var isPositional: Bool {
        if case .positional = kind { return true }
        return false
    }

    /// The one-letter alias of an option or flag.
    var short: Character? {
        switch kind {
        case .positional: return nil
        case .option(let option): return option.short
        case .flag(let short): return short
        }
    }

    /// The placeholder between angle brackets, without them.
    var valueName: String {
        if case .option(let option) = kind { return option.valueName }
        return name
    }

    /// Whether the argument takes a value (positionals and options do, flags do not).
    var takesValue: Bool {
        if case .flag = kind { return false }
        return true
    }

    /// Whether leaving the argument out is allowed.
    var isOptional: Bool {
        switch kind {
        case .positional(let isOptional, _): return isOptional
        case .option(let option): return !option.isRequired
        case .flag: return true
        }
    }

    /// Whether the argument keeps every value given.
    var isRepeating: Bool {
        switch kind {
        case .positional(_, let isRepeating): return isRepeating
        case .option(let option): return option.isRepeating
        case .flag: return false
        }
    }

    /// The accepted values, empty when any value is accepted.
    var allowedValues: [String] {
        if case .option(let option) = kind { return option.allowedValues }
        return []
    }

    /// The value assumed when the option is absent.
    var defaultValue: String? {
        if case .option(let option) = kind { return option.defaultValue }
        return nil
    }

    /// `--name`, the name usage lines prefer.
    var longName: String { "--\(name)" }
}
