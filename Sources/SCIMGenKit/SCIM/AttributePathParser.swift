/// A recursive-descent parser for attribute paths and the filters inside their brackets.
///
/// Grammar (RFC 7644 sections 3.4.2.2 and 3.10), with names, keywords and operators matched
/// case-insensitively:
///
///     path      = [URI ":"] ATTRNAME ["[" valFilter "]"] ["." ATTRNAME]
///     valFilter = orExp
///     orExp     = andExp *(SP "or" SP andExp)
///     andExp    = unary *(SP "and" SP unary)
///     unary     = "not" "(" orExp ")" / "(" orExp ")" / attrPath SP "pr" / attrPath SP compareOp SP compValue
///     attrPath  = [URI ":"] ATTRNAME ["." ATTRNAME]
///
/// The schema URI is everything up to the last ':' before the first '[': URNs themselves contain
/// ':' and '.' (`…:enterprise:2.0:User:manager`), so the URN has to be split off before any dot
/// is read as a sub-attribute separator.
struct AttributePathParser {
    /// How deeply parentheses and `not` may nest; bounds recursion so hostile input cannot exhaust the stack.
    static let maximumDepth = 32

    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Parses the whole text as a path.
    mutating func parsePath() throws(AttributePathError) -> AttributePath {
        guard !scalars.isEmpty else { throw AttributePathError("empty attribute path", at: 0) }
        let bracket = scalars.firstIndex(of: "[") ?? scalars.count
        position = 0
        return try parseAttributePath(end: scalars.count, schemaLimit: bracket, inFilter: false)
    }
}

// MARK: - Paths

private extension AttributePathParser {
    /// Parses `[URI ":"] name ["[" filter "]"] ["." name]` from `position` to exactly `end`.
    mutating func parseAttributePath(end: Int, schemaLimit: Int, inFilter: Bool) throws(AttributePathError) -> AttributePath {
        let start = position
        var schema: String?
        if let colon = (start..<schemaLimit).last(where: { scalars[$0] == ":" }) {
            guard colon > start else { throw AttributePathError("expected a schema URN before ':'", at: start) }
            for index in start..<colon where !Self.isURIScalar(scalars[index]) {
                throw AttributePathError("invalid character \(Self.quoted(scalars[index])) in schema URN", at: index)
            }
            schema = String(String.UnicodeScalarView(scalars[start..<colon]))
            position = colon + 1
        }
        let attributeStart = position
        let attribute = try readName(end: end, after: schema == nil ? nil : ":")

        var filter: SCIMFilter?
        var filterStart = position
        if !inFilter, position < end, scalars[position] == "[" {
            filterStart = position
            position += 1
            filter = try parseValueFilter()
        }

        var subAttribute: String?
        var subStart = position
        if position < end, scalars[position] == "." {
            position += 1
            subStart = position
            subAttribute = try readName(end: end, after: ".")
        }

        if position < end {
            let scalar = scalars[position]
            let message: String
            if let subAttribute, scalar == "." || scalar == "[" {
                message = "unexpected '\(scalar)' after sub-attribute '\(Self.printable(subAttribute))'"
            } else if filter != nil && subAttribute == nil {
                message = "expected '.' or the end of the path after ']'"
            } else if scalar == "]" {
                message = "unexpected ']' without a matching '['"
            } else if scalar.properties.isWhitespace {
                message = "unexpected whitespace in attribute path"
            } else {
                message = "invalid character \(Self.quoted(scalar)) in attribute name"
            }
            throw AttributePathError(message, at: position)
        }

        var path = AttributePath(schema: schema, attribute: attribute, filter: filter, subAttribute: subAttribute)
        path.offsets = .init(schema: start, attribute: attributeStart, filter: filterStart, subAttribute: subStart)
        return path
    }

    /// Reads `ALPHA *(ALPHA / DIGIT / "-" / "_")`, or the `$ref` that RFC 7643 uses as a sub-attribute name.
    mutating func readName(end: Int, after separator: String?) throws(AttributePathError) -> String {
        let start = position
        if start < end, scalars[start] == "$" {
            let candidate = String(String.UnicodeScalarView(scalars[start..<min(start + 4, end)]))
            let next = start + 4 < end ? scalars[start + 4] : nil
            if candidate.lowercased() == "$ref", !(next.map(Self.isNameScalar) ?? false) {
                position = start + 4
                return candidate
            }
        }
        guard start < end, Self.isLetter(scalars[start]) else {
            if let separator, start >= end || Self.isDelimiter(scalars[start]) {
                throw AttributePathError("expected an attribute name after '\(separator)'", at: start)
            }
            throw AttributePathError("attribute name must start with a letter", at: start)
        }
        position += 1
        while position < end, Self.isNameScalar(scalars[position]) { position += 1 }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }
}

// MARK: - Filters

private extension AttributePathParser {
    /// A lexical token inside brackets.
    enum TokenKind: Equatable {
        case word(String)
        case string(String)
        case open, close, openBracket, closeBracket, end
    }

    struct Token {
        var kind: TokenKind
        var offset: Int
        /// Where the token ends, exclusive.
        var end: Int
    }

    /// Parses the filter after '[' up to and including its ']'.
    mutating func parseValueFilter() throws(AttributePathError) -> SCIMFilter {
        let first = try peekToken()
        switch first.kind {
        case .closeBracket: throw AttributePathError("empty value filter", at: first.offset)
        case .end: throw AttributePathError("expected ']' to close the value filter", at: first.offset)
        default: break
        }
        let filter = try parseOr(depth: 0)
        let token = try nextToken()
        switch token.kind {
        case .closeBracket:
            return filter
        case .end:
            throw AttributePathError("expected ']' to close the value filter", at: token.offset)
        case .close:
            throw AttributePathError("unexpected ')' without a matching '('", at: token.offset)
        case .openBracket:
            throw AttributePathError("a value filter cannot contain another value filter", at: token.offset)
        default:
            throw AttributePathError("expected 'and', 'or' or ']' but found \(Self.describe(token.kind))", at: token.offset)
        }
    }

    mutating func parseOr(depth: Int) throws(AttributePathError) -> SCIMFilter {
        var operands = [try parseAnd(depth: depth, after: nil)]
        while case .word(let word) = try peekToken().kind, word.lowercased() == "or" {
            _ = try nextToken()
            operands.append(try parseAnd(depth: depth, after: word))
        }
        guard operands.count > 1 else { return operands[0] }
        return .or(operands.flatMap { operand -> [SCIMFilter] in
            if case .or(let inner) = operand { return inner }
            return [operand]
        })
    }

    mutating func parseAnd(depth: Int, after keyword: String?) throws(AttributePathError) -> SCIMFilter {
        var operands = [try parseUnary(depth: depth, after: keyword)]
        while case .word(let word) = try peekToken().kind, word.lowercased() == "and" {
            _ = try nextToken()
            operands.append(try parseUnary(depth: depth, after: word))
        }
        guard operands.count > 1 else { return operands[0] }
        return .and(operands.flatMap { operand -> [SCIMFilter] in
            if case .and(let inner) = operand { return inner }
            return [operand]
        })
    }

    mutating func parseUnary(depth: Int, after keyword: String?) throws(AttributePathError) -> SCIMFilter {
        let token = try nextToken()
        switch token.kind {
        case .open:
            return try parseParenthesized(openedAt: token.offset, depth: depth)
        case .word(let word):
            if word.lowercased() == "not" {
                let next = try peekToken()
                if next.kind == .open {
                    _ = try nextToken()
                    return .not(try parseParenthesized(openedAt: next.offset, depth: depth))
                }
                // An attribute may be called "not"; only an operator after it says so.
                guard case .word(let following) = next.kind, Self.isOperator(following) else {
                    throw AttributePathError("expected '(' after '\(word)'", at: next.offset)
                }
            }
            return try parseAttributeExpression(token, word: word)
        case .end:
            throw AttributePathError("expected ']' to close the value filter", at: token.offset)
        default:
            if let keyword {
                throw AttributePathError("expected a filter expression after '\(keyword)'", at: token.offset)
            }
            throw AttributePathError("expected an attribute name, 'not' or '('", at: token.offset)
        }
    }

    /// Parses `orExp ")"` after an opening parenthesis.
    mutating func parseParenthesized(openedAt offset: Int, depth: Int) throws(AttributePathError) -> SCIMFilter {
        guard depth < Self.maximumDepth else {
            throw AttributePathError("parentheses nest too deeply (more than \(Self.maximumDepth) levels)", at: offset)
        }
        let inner = try parseOr(depth: depth + 1)
        let token = try nextToken()
        switch token.kind {
        case .close:
            return inner
        case .end, .closeBracket:
            throw AttributePathError("expected ')' to close '('", at: token.offset)
        default:
            throw AttributePathError("expected 'and', 'or' or ')' but found \(Self.describe(token.kind))", at: token.offset)
        }
    }

    /// Parses `attrPath pr` or `attrPath op value`, the attribute path being `word`.
    mutating func parseAttributeExpression(_ token: Token, word: String) throws(AttributePathError) -> SCIMFilter {
        let resume = position
        position = token.offset
        let path = try parseAttributePath(end: token.end, schemaLimit: token.end, inFilter: true)
        position = resume

        let operatorToken = try nextToken()
        guard case .word(let name) = operatorToken.kind else {
            if operatorToken.kind == .openBracket {
                throw AttributePathError("a value filter cannot contain another value filter", at: operatorToken.offset)
            }
            throw AttributePathError("expected an operator after '\(Self.printable(word))'", at: operatorToken.offset)
        }
        let lowered = name.lowercased()
        if lowered == "pr" { return .present(path) }
        guard let comparison = SCIMFilter.ComparisonOperator(rawValue: lowered) else {
            throw AttributePathError(
                "unknown operator '\(Self.printable(name))'; expected one of eq, ne, co, sw, ew, gt, lt, ge, le, pr",
                at: operatorToken.offset
            )
        }

        let valueToken = try nextToken()
        switch valueToken.kind {
        case .string(let text):
            return .compare(path, comparison, .string(text))
        case .word(let text):
            switch text.lowercased() {
            case "true": return .compare(path, comparison, .boolean(true))
            case "false": return .compare(path, comparison, .boolean(false))
            case "null": return .compare(path, comparison, .null)
            default:
                guard Self.isJSONNumber(text) else {
                    throw AttributePathError(
                        "invalid value '\(Self.printable(text))'; expected a quoted string, a number, true, false or null",
                        at: valueToken.offset
                    )
                }
                return .compare(path, comparison, .number(text))
            }
        default:
            throw AttributePathError("expected a value after '\(Self.printable(name))'", at: valueToken.offset)
        }
    }
}

// MARK: - Tokens

private extension AttributePathParser {
    mutating func peekToken() throws(AttributePathError) -> Token {
        let saved = position
        defer { position = saved }
        return try nextToken()
    }

    mutating func nextToken() throws(AttributePathError) -> Token {
        while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
        let start = position
        guard start < scalars.count else { return Token(kind: .end, offset: start, end: start) }
        let single: TokenKind? = switch scalars[start] {
        case "(": .open
        case ")": .close
        case "[": .openBracket
        case "]": .closeBracket
        default: nil
        }
        if let single {
            position += 1
            return Token(kind: single, offset: start, end: position)
        }
        if scalars[start] == "\"" {
            let text = try readString()
            return Token(kind: .string(text), offset: start, end: position)
        }
        while position < scalars.count, !Self.endsWord(scalars[position]) { position += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<position]))
        return Token(kind: .word(word), offset: start, end: position)
    }

    /// Reads a JSON string starting at its opening quote, with the JSON parser's own reader.
    mutating func readString() throws(AttributePathError) -> String {
        let opening = position
        var bytes = Array(String(String.UnicodeScalarView(scalars[position...])).utf8)
        let result = bytes.withUnsafeMutableBufferPointer { buffer -> Result<(String, Int), JSONLiteralReader.Failure> in
            var scratch: [UInt8] = []
            let reader = JSONLiteralReader(UnsafeBufferPointer(buffer))
            return Result { () throws(JSONLiteralReader.Failure) in
                let (text, end, _) = try reader.readString(at: 0, scratch: &scratch)
                return (text, reader.scalarCount(0..<end))
            }
        }
        switch result {
        case .success(let (text, length)):
            position += length
            return text
        case .failure(let failure):
            let offset = opening + String(decoding: bytes[..<min(failure.offset, bytes.count)], as: UTF8.self).unicodeScalars.count
            switch failure.kind {
            case .unclosedString:
                throw AttributePathError("unclosed string value; add the closing '\"'", at: opening)
            case .message(let message):
                throw AttributePathError(message, at: offset)
            }
        }
    }
}

// MARK: - Character classes

private extension AttributePathParser {
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }

    /// Characters that separate names, after which a missing name is "expected" rather than "invalid".
    static func isDelimiter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == ":" || scalar == "[" || scalar == "]" || scalar.properties.isWhitespace
    }

    /// RFC 3986 URI characters without the brackets that delimit a filter.
    static func isURIScalar(_ scalar: Unicode.Scalar) -> Bool {
        isNameScalar(scalar) || "._~%!$&'()*+,;=:@/?#".unicodeScalars.contains(scalar)
    }

    static func endsWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || "()[]\"".unicodeScalars.contains(scalar)
    }

    static func isOperator(_ word: String) -> Bool {
        let lowered = word.lowercased()
        return lowered == "pr" || SCIMFilter.ComparisonOperator(rawValue: lowered) != nil
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 48
        case "a"..."f": scalar.value - 87
        case "A"..."F": scalar.value - 55
        default: nil
        }
    }

    /// Whether `text` is exactly one JSON number, by the JSON parser's own grammar.
    static func isJSONNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            guard !buffer.isEmpty else { return false }
            return (try? JSONLiteralReader(buffer).numberEnd(at: 0)) == buffer.count
        }
    }
}

// MARK: - Message text

private extension AttributePathParser {
    /// A scalar for a message: `'x'`, or `U+0009` for whitespace and invisible characters.
    static func quoted(_ scalar: Unicode.Scalar) -> String {
        isVisible(scalar) ? "'\(scalar)'" : codePoint(scalar)
    }

    /// Text for a message: invisible characters spelled as code points, long text shortened.
    static func printable(_ text: String) -> String {
        var result = ""
        for (count, scalar) in text.unicodeScalars.enumerated() {
            if count == 40 { return result + "…" }
            result += isVisible(scalar) ? String(scalar) : codePoint(scalar)
        }
        return result
    }

    static func describe(_ kind: TokenKind) -> String {
        switch kind {
        case .word(let word): "'\(printable(word))'"
        case .string(let text): "'\(printable(JSONWriter.quoted(text)))'"
        case .open: "'('"
        case .close: "')'"
        case .openBracket: "'['"
        case .closeBracket: "']'"
        case .end: "the end of the path"
        }
    }

    static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .spaceSeparator, .lineSeparator, .paragraphSeparator:
            false
        default:
            true
        }
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
