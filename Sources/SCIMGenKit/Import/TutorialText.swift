/// Text helpers for tutorial prose: whitespace, sentences, links, bold phrases, product names,
/// and the normal form in which template sentences are recognised.
enum TutorialText {
    /// The text without leading and trailing whitespace.
    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    /// The text with every run of whitespace made one space, trimmed: Markdown reads it the same.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The text's sentences, split after `.`, `?` or `!` followed by whitespace, but never inside
    /// brackets, parentheses or code spans, so that link texts and "(for example, …)" stay whole.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var depth = 0
        var inCode = false
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            switch character {
            case "`": inCode.toggle()
            case "[", "(": if !inCode { depth += 1 }
            case "]", ")": if !inCode { depth = max(0, depth - 1) }
            case ".", "?", "!":
                if !inCode, depth == 0, index + 1 < characters.count, characters[index + 1].isWhitespace {
                    result.append(current)
                    current = ""
                }
            default: break
            }
        }
        result.append(current)
        return result.map(collapsed).filter { !$0.isEmpty }
    }

    /// The text quoted for a message: collapsed, cut at `limit` characters with an ellipsis, in single quotes.
    static func quoted(_ text: String, limit: Int = 80) -> String {
        let flat = collapsed(text)
        return "'" + (flat.count > limit ? String(flat.prefix(limit)) + "…" : flat) + "'"
    }

    /// The text ending in `.`, `!` or `?`: prerequisites are sentences in a bulleted list.
    static func withFinalPeriod(_ text: String) -> String {
        guard let last = text.last, !".!?".contains(last) else { return text }
        return text + "."
    }

    /// The links in the text: whether each is an image, its text and its target.
    static func links(in text: String) -> [(isImage: Bool, text: String, target: String)] {
        linkPattern.allMatches(in: text).map { ($0[1] == "!", $0[2], $0[3]) }
    }

    /// The text with each link or image replaced by its text.
    static func withLinkTexts(_ text: String) -> String {
        linkTextPattern.replacing(in: text, with: "$1")
    }

    /// The phrases between `**` pairs, in order.
    static func boldPhrases(in text: String) -> [String] {
        boldPattern.allMatches(in: text).map { trimmed($0[1]) }
    }

    /// The text with the product's old names replaced by the current ones: Azure Active Directory
    /// and Azure AD became Microsoft Entra ID, and provisioning is configured in the Microsoft Entra
    /// admin center rather than the Azure portal. Returns whether anything changed.
    static func renamed(_ text: String) -> (text: String, changed: Bool) {
        var result = text
        for (old, new) in renames { result = result.replacingOccurrences(of: old, with: new) }
        return (result, result != text)
    }

    /// The normal form in which template sentences are compared: links reduced to their text,
    /// emphasis and code marks dropped, lowercased, contractions expanded, the app's name written
    /// `app` and every name of Microsoft Entra ID written `entra`, whitespace collapsed, without
    /// final punctuation.
    static func normalised(_ text: String, app: String) -> String {
        var result = withLinkTexts(text)
        for (entity, character) in entities { result = result.replacingOccurrences(of: entity, with: character) }
        result = result.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "`", with: "")
        result = result.lowercased()
        result = result.replacingOccurrences(of: "testapp", with: "app")
        let name = collapsed(app.lowercased())
        if !name.isEmpty { result = collapsed(result).replacingOccurrences(of: name, with: "app") }
        for (old, new) in entraNames { result = result.replacingOccurrences(of: old, with: new) }
        for (short, long) in contractions { result = result.replacingOccurrences(of: short, with: long) }
        result = collapsed(result)
        while let last = result.last, ".:;!?".contains(last) || last == " " { result.removeLast() }
        return result
    }
}

// MARK: - Tables of words

private extension TutorialText {
    static let linkPattern = ImportPattern(#"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)"#)
    static let linkTextPattern = ImportPattern(#"!?\[([^\]]*)\]\([^)]*\)"#)
    static let boldPattern = ImportPattern(#"\*\*([^*]+)\*\*"#)

    static let renames: [(String, String)] = [
        ("[Azure portal](https://portal.azure.com)", "[Microsoft Entra admin center](https://entra.microsoft.com)"),
        ("Azure Active Directory (Azure AD)", "Microsoft Entra ID"),
        ("Azure Active Directory", "Microsoft Entra ID"),
        ("Azure AD", "Microsoft Entra ID"),
        ("Azure portal", "Microsoft Entra admin center"),
    ]

    static let entraNames: [(String, String)] = [
        ("azure active directory (azure ad)", "entra"),
        ("azure active directory", "entra"),
        ("azure ad", "entra"),
        ("microsoft entra id", "entra"),
        ("microsoft entra", "entra"),
        ("entra id", "entra"),
    ]

    static let entities: [(String, String)] = [
        ("&gt;", ">"), ("&lt;", "<"), ("&nbsp;", " "), ("&amp;", "&"), ("\u{2019}", "'"), ("\u{2018}", "'"),
        ("\u{201C}", "\""), ("\u{201D}", "\""),
    ]

    static let contractions: [(String, String)] = [
        ("it's", "it is"), ("you'll", "you will"), ("you'd", "you would"), ("you've", "you have"),
        ("you're", "you are"), ("don't", "do not"), ("doesn't", "does not"), ("isn't", "is not"),
        ("can't", "cannot"), ("won't", "will not"), ("that's", "that is"),
    ]
}
