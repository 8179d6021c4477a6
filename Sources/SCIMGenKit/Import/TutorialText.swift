/// Text helpers for tutorial prose: whitespace, sentences, links, bold phrases, product names,
/// and the normal form in which template sentences are recognised.
enum TutorialText {
    /// The text without leading and trailing whitespace.
    static func trimmed(_ text: String) -> String { String(MarkdownLine.trimmed(text[...])) }

    /// The text with every run of whitespace made one space, trimmed: Markdown reads it the same.
    static func collapsed(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The text's sentences, split after `.`, `?` or `!` followed by whitespace, but never inside
    /// brackets, parentheses or code spans, so that link texts and "(for example, …)" stay whole.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        var inCode = false
        var ending = false
        for scalar in text.unicodeScalars {
            if ending, scalar.properties.isWhitespace {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
            ending = false
            current.append(scalar)
            switch scalar {
            case "`": inCode.toggle()
            case "[", "(": if !inCode { depth += 1 }
            case "]", ")": if !inCode { depth = max(0, depth - 1) }
            case ".", "?", "!": ending = !inCode && depth == 0
            default: break
            }
        }
        result.append(String(current))
        return result.map(collapsed).filter { !$0.isEmpty }
    }

    /// The text quoted for a message: collapsed, cut at `limit` characters with an ellipsis, in single quotes.
    static func quoted(_ text: String, limit: Int = 80) -> String { "'" + clipped(text, limit: limit) + "'" }

    /// The text for a message: collapsed and cut at `limit` characters with an ellipsis.
    static func clipped(_ text: String, limit: Int = 80) -> String {
        let flat = collapsed(String(text.prefix(limit * 4)))
        return flat.count > limit || text.count > limit * 4 ? String(flat.prefix(limit)) + "…" : flat
    }

    /// The text ending in `.`, `!` or `?`: prerequisites are sentences in a bulleted list.
    static func withFinalPeriod(_ text: String) -> String {
        guard let last = text.last, !".!?".contains(last) else { return text }
        return text + "."
    }

    /// The links in the text: whether each is an image, its text and its target.
    static func links(in text: String) -> [(isImage: Bool, text: String, target: String)] {
        InlineMarkdown.links(in: text).map { ($0.isImage, $0.text, $0.target) }
    }

    /// The text with each link or image replaced by its text.
    static func withLinkTexts(_ text: String) -> String { InlineMarkdown.withLinkTexts(text) }

    /// The phrases between `**` pairs, in order.
    static func boldPhrases(in text: String) -> [String] { InlineMarkdown.boldPhrases(in: text) }

    /// The text with the product's old names replaced by the current ones: Azure Active Directory
    /// and Azure AD became Microsoft Entra ID, and provisioning is configured in the Microsoft Entra
    /// admin center rather than the Azure portal. Returns whether anything changed.
    static func renamed(_ text: String) -> (text: String, changed: Bool) {
        var result = text
        guard contains(text, "Azure") else { return (text, false) }
        for (old, new) in renames { result = result.replacingOccurrences(of: old, with: new) }
        return (result, result != text)
    }

    /// The normal form in which template sentences are compared: links reduced to their text,
    /// emphasis and code marks dropped, lowercased, contractions expanded, the app's name written
    /// `app` and every name of Microsoft Entra ID written `entra`, whitespace collapsed, without
    /// final punctuation.
    static func normalised(_ text: String, app: String) -> String {
        // Bytes, one pass to make them plain and one to replace phrases: a tutorial has thousands of
        // sentences and headings, and Foundation's `replacingOccurrences` costs far more each.
        let bytes = plainLowercase(withLinkTexts(text))
        let name = plainLowercase(app)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        outer: while index < bytes.count {
            let byte = bytes[index]
            if !name.isEmpty, byte == name[0], index + name.count <= bytes.count,
                bytes[index..<index + name.count].elementsEqual(name), !startsFixedPhrase(bytes, at: index, before: name.count)
            {
                result += appBytes
                index += name.count
                continue
            }
            if let candidates = fixedPhrasesByFirstByte[byte] {
                for (from, to) in candidates where index + from.count <= bytes.count {
                    if bytes[index..<index + from.count].elementsEqual(from) {
                        result += to
                        index += from.count
                        continue outer
                    }
                }
            }
            result.append(byte)
            index += 1
        }
        while let last = result.last, last == 0x20 || last == 0x2E || last == 0x3A || last == 0x3B || last == 0x21 || last == 0x3F {
            result.removeLast()
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether "testapp", the one phrase preferred to the app's name, starts at `index`.
    private static func startsFixedPhrase(_ bytes: [UInt8], at index: Int, before length: Int) -> Bool {
        let testapp = fixedPhrases[0].0
        return testapp.count >= length && index + testapp.count <= bytes.count
            && bytes[index..<index + testapp.count].elementsEqual(testapp)
    }

    /// The text's bytes with ASCII letters lowercased, entities and curly quotes made plain, `*` and
    /// backticks dropped, and whitespace collapsed to single spaces without leading or trailing ones.
    /// Other non-ASCII text passes unchanged: every template phrase is ASCII.
    static func plainLowercase(_ text: String) -> [UInt8] {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var pendingSpace = false
        var index = 0
        func emit(_ byte: UInt8) {
            if pendingSpace {
                output.append(0x20)
                pendingSpace = false
            }
            output.append(byte)
        }
        scan: while index < input.count {
            let byte = input[index]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                // "fails , ensure": a space before a comma or period reads as none.
                let next = index + 1 < input.count ? input[index + 1] : 0
                pendingSpace = !output.isEmpty && next != 0x2C && next != 0x2E
            case 0x2A, 0x60:  // `*` and a backtick
                break
            case 0x41...0x5A:
                emit(byte + 32)
            case 0x26:  // `&`
                for (entity, replacement) in entities where index + entity.count <= input.count {
                    if input[index..<index + entity.count].elementsEqual(entity) {
                        if replacement == 0x20 { pendingSpace = !output.isEmpty } else { emit(replacement) }
                        index += entity.count
                        continue scan
                    }
                }
                emit(byte)
            case 0xC2 where index + 1 < input.count && input[index + 1] == 0xA0:  // no-break space
                pendingSpace = !output.isEmpty
                index += 2
                continue scan
            case 0xE2 where index + 2 < input.count && input[index + 1] == 0x80:
                switch input[index + 2] {
                case 0x98, 0x99: emit(0x27)  // ‘ ’
                case 0x9C, 0x9D: emit(0x22)  // “ ”
                default: output += input[index...index + 2]
                }
                index += 3
                continue scan
            default:
                emit(byte)
            }
            index += 1
        }
        return output
    }

    private static let appBytes = Array("app".utf8)

    /// Whether `needle` occurs in `text`, compared byte for byte (Foundation's `contains` bridges
    /// through NSString and costs a hundred times more).
    static func contains(_ text: String, _ needle: String) -> Bool {
        let bytes = Array(needle.utf8)
        guard let first = bytes.first else { return true }
        let haystack = Array(text.utf8)
        guard haystack.count >= bytes.count else { return false }
        var index = 0
        while index + bytes.count <= haystack.count {
            if haystack[index] == first, haystack[index..<index + bytes.count].elementsEqual(bytes) { return true }
            index += 1
        }
        return false
    }

    /// Replaced in the normal form, longest first where two start at one place; "testapp" is
    /// preferred even to the app's own name.
    static let fixedPhrases: [([UInt8], [UInt8])] = ([
        ("testapp", "app"),
        ("azure active directory (azure ad)", "entra"),
        ("azure active directory", "entra"),
        ("azure ad", "entra"),
        ("microsoft entra id", "entra"),
        ("microsoft entra", "entra"),
        ("entra id", "entra"),
        ("it's", "it is"), ("you'll", "you will"), ("you'd", "you would"), ("you've", "you have"),
        ("you're", "you are"), ("don't", "do not"), ("doesn't", "does not"), ("isn't", "is not"),
        ("can't", "cannot"), ("won't", "will not"), ("that's", "that is"),
        ("who's", "who is"), ("we're", "we are"), ("aren't", "are not"), ("there's", "there is"), ("they're", "they are"),
    ] as [(String, String)]).map { (Array($0.0.utf8), Array($0.1.utf8)) }

    static let fixedPhrasesByFirstByte: [UInt8: [([UInt8], [UInt8])]] = Dictionary(grouping: fixedPhrases, by: { $0.0[0] })

    static let entities: [([UInt8], UInt8)] = ([
        ("&gt;", ">"), ("&lt;", "<"), ("&nbsp;", " "), ("&amp;", "&"),
    ] as [(String, Character)]).map { (Array($0.0.utf8), $0.1.asciiValue!) }

    static let renames: [(String, String)] = [
        ("[Azure portal](https://portal.azure.com)", "[Microsoft Entra admin center](https://entra.microsoft.com)"),
        ("Azure Active Directory (Azure AD)", "Microsoft Entra ID"),
        ("Azure Active Directory", "Microsoft Entra ID"),
        ("Azure AD", "Microsoft Entra ID"),
        ("Azure portal", "Microsoft Entra admin center"),
    ]
}
