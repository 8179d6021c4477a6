/// One word of a command line, classified before any command looks at it.
///
/// The rules are swift-argument-parser's `SplitArguments`: `--name[=value]` is a long option,
/// `-n[=value]` a short one, `-abc` a group of short flags, `--` ends the options, a lone `-`
/// is a value, and three or more dashes are invalid.
struct Token: Hashable {
    /// What the word is.
    enum Kind: Hashable {
        /// `--name` or `--name=value`.
        case long(String, value: String?)
        /// `-n` or `-n=value`.
        case short(Character, value: String?)
        /// `-abc`: several short flags at once.
        case group([Character])
        /// `-name=value`: a single-dash long name, which no scimgen option has.
        case singleDashLong(String, value: String)
        /// A value, or any word after `--`.
        case value(String)
        /// `--`.
        case terminator
    }

    /// What the word is.
    var kind: Kind

    /// The word itself when it is a value.
    var value: String? {
        if case .value(let value) = kind { return value }
        return nil
    }

    /// Classifies every word; words after `--` are values whatever they look like.
    static func split(_ arguments: [String]) throws(CommandLineParser.Failure) -> [Token] {
        var tokens: [Token] = []
        var isAfterTerminator = false
        for argument in arguments {
            if isAfterTerminator {
                tokens.append(Token(kind: .value(argument)))
            } else {
                let token = try classify(argument)
                isAfterTerminator = token.kind == .terminator
                tokens.append(token)
            }
        }
        return tokens
    }
}

// MARK: - Classifying

private extension Token {
    static func classify(_ argument: String) throws(CommandLineParser.Failure) -> Token {
        let dashes = argument.prefix { $0 == "-" }.count
        let remainder = argument.dropFirst(dashes)
        switch (dashes, remainder.isEmpty) {
        case (0, _), (1, true):
            return Token(kind: .value(argument))
        case (2, true):
            return Token(kind: .terminator)
        case (2, false):
            let (name, value) = try nameAndValue(remainder, argument: argument)
            return Token(kind: .long(name, value: value))
        case (1, false):
            let (name, value) = try nameAndValue(remainder, argument: argument)
            if name.count == 1, let letter = name.first {
                return Token(kind: .short(letter, value: value))
            }
            if let value {
                return Token(kind: .singleDashLong(name, value: value))
            }
            if let bad = name.first(where: { !($0.isLetter || $0.isNumber) }) {
                throw CommandLineParser.Failure.invalidOption("-\(bad)")
            }
            return Token(kind: .group(Array(name)))
        default:
            throw CommandLineParser.Failure.invalidOption(argument)
        }
    }

    /// Splits `name=value` at the first `=`; an empty name is invalid.
    static func nameAndValue(_ remainder: Substring, argument: String) throws(CommandLineParser.Failure) -> (String, String?) {
        guard let equals = remainder.firstIndex(of: "=") else { return (String(remainder), nil) }
        let name = remainder[..<equals]
        guard !name.isEmpty else { throw CommandLineParser.Failure.invalidOption(argument) }
        return (String(name), String(remainder[remainder.index(after: equals)...]))
    }
}
