/// Reads Microsoft Entra's attribute-mapping expressions into `EntraExpression` trees.
///
/// A recursive-descent parser over Unicode scalars, so that every offset it reports is a column
/// offset as `SourceLocation` counts them. Nesting is limited to `maximumDepth` calls, so a hostile
/// input cannot exhaust the stack; everything else is linear in the length of the text.
enum EntraExpressionParser {
    /// Why an expression could not be read, and where.
    struct Problem: Error, Hashable, Sendable {
        /// Lowercase text that says what is wrong and how to fix it.
        var message: String
        /// Where the problem is, in Unicode scalars from the start of the expression (0-based).
        var offset: Int
    }

    /// The deepest nesting of function calls accepted.
    static let maximumDepth = 64

    /// Parses a whole expression: one function call, attribute, string or number, with nothing after it.
    static func parse(_ text: String) throws(Problem) -> EntraExpression {
        var scanner = Scanner(Array(text.unicodeScalars))
        scanner.skipSpaces()
        guard !scanner.isAtEnd else {
            throw Problem(message: Message.empty, offset: 0)
        }
        let node = try scanner.operand(depth: 0)
        scanner.skipSpaces()
        if let next = scanner.peek {
            if Scanner.startsComparison(next) {
                throw Problem(message: Message.comparisonAtTop, offset: scanner.position)
            }
            throw Problem(message: Message.trailing(next), offset: scanner.position)
        }
        return node
    }
}

// MARK: - Scanner

private extension EntraExpressionParser {
    struct Scanner {
        let scalars: [Unicode.Scalar]
        var position = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var isAtEnd: Bool { position >= scalars.count }
        var peek: Unicode.Scalar? { isAtEnd ? nil : scalars[position] }

        func peek(at distance: Int) -> Unicode.Scalar? {
            position + distance < scalars.count ? scalars[position + distance] : nil
        }

        mutating func skipSpaces() {
            while let next = peek, next.properties.isWhitespace { position += 1 }
        }

        static func startsComparison(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "=" || scalar == "<" || scalar == ">"
        }

        static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || (scalar.properties.isAlphabetic && scalar.isASCII)
        }

        static func isNamePart(_ scalar: Unicode.Scalar) -> Bool {
            isNameStart(scalar) || ("0"..."9").contains(scalar)
        }

        static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
            scalar.map { ("0"..."9").contains($0) } ?? false
        }

        // MARK: Operands

        /// One function call, attribute, string, number or bare word.
        mutating func operand(depth: Int) throws(Problem) -> EntraExpression {
            let start = position
            guard let next = peek else { throw Problem(message: Message.missingOperand, offset: start) }
            switch next {
            case "[": return try attribute()
            case "\"": return EntraExpression(kind: .string(try string()), offset: start)
            case "]": throw Problem(message: Message.strayBracket, offset: start)
            case ")": throw Problem(message: Message.strayParenthesis, offset: start)
            case "&" where peek(at: 1) == "H" || peek(at: 1) == "h":
                position += 2
                while let digit = peek, digit.properties.isASCIIHexDigit { position += 1 }
                guard position > start + 2 else { throw Problem(message: Message.hexWithoutDigits, offset: start) }
                return EntraExpression(kind: .literal(text(from: start)), offset: start)
            case "-", "+", "0"..."9":
                if next == "-" || next == "+" {
                    guard Self.isDigit(peek(at: 1)) else { throw Problem(message: Message.unexpected(next), offset: start) }
                    position += 1
                }
                while Self.isDigit(peek) { position += 1 }
                if peek == ".", Self.isDigit(peek(at: 1)) {
                    position += 1
                    while Self.isDigit(peek) { position += 1 }
                }
                return EntraExpression(kind: .literal(text(from: start)), offset: start)
            default:
                guard Self.isNameStart(next) else { throw Problem(message: Message.unexpected(next), offset: start) }
                while let part = peek, Self.isNamePart(part) { position += 1 }
                let name = text(from: start)
                var afterName = self
                afterName.skipSpaces()
                guard afterName.peek == "(" else { return EntraExpression(kind: .literal(name), offset: start) }
                self = afterName
                return try call(name, start: start, depth: depth + 1)
            }
        }

        /// `[name]`, the name trimmed of spaces.
        mutating func attribute() throws(Problem) -> EntraExpression {
            let start = position
            position += 1
            while let next = peek, next != "]" {
                if next == "[" || next == "\n" || next == "\r" { break }
                position += 1
            }
            guard peek == "]" else { throw Problem(message: Message.unclosedAttribute, offset: start) }
            let name = String(String.UnicodeScalarView(scalars[(start + 1)..<position]))
                .trimmingSpaces()
            position += 1
            guard !name.isEmpty else { throw Problem(message: Message.emptyAttribute, offset: start) }
            return EntraExpression(kind: .attribute(name), offset: start)
        }

        /// `"text"`, where `\` takes the next character as it is.
        mutating func string() throws(Problem) -> String {
            let start = position
            position += 1
            var value = String.UnicodeScalarView()
            while let next = peek {
                position += 1
                if next == "\"" { return String(value) }
                if next == "\\" {
                    guard let escaped = peek else { break }
                    value.append(escaped)
                    position += 1
                } else {
                    value.append(next)
                }
            }
            throw Problem(message: Message.unclosedString, offset: start)
        }

        /// `Name(argument, …)`, the scanner at the `(`.
        mutating func call(_ name: String, start: Int, depth: Int) throws(Problem) -> EntraExpression {
            guard depth <= maximumDepth else { throw Problem(message: Message.tooDeep, offset: start) }
            let open = position
            position += 1
            skipSpaces()
            var arguments: [EntraExpression?] = []
            if peek == ")" {
                position += 1
                return EntraExpression(kind: .call(name: name, arguments: []), offset: start)
            }
            while true {
                skipSpaces()
                guard !isAtEnd else { throw Problem(message: Message.unclosedCall(name), offset: open) }
                arguments.append(try argument(depth: depth))
                skipSpaces()
                guard let next = peek else { throw Problem(message: Message.unclosedCall(name), offset: open) }
                position += 1
                if next == ")" { break }
                if next != "," {
                    throw Problem(message: Message.missingSeparator(name, found: next), offset: position - 1)
                }
            }
            return EntraExpression(kind: .call(name: name, arguments: arguments), offset: start)
        }

        /// One argument: empty, an operand, or a comparison of two operands.
        mutating func argument(depth: Int) throws(Problem) -> EntraExpression? {
            skipSpaces()
            if peek == "," || peek == ")" { return nil }
            let left = try operand(depth: depth)
            skipSpaces()
            guard let first = peek, Self.startsComparison(first) else { return left }
            let opStart = position
            position += 1
            if let second = peek, (first == "<" && (second == ">" || second == "=")) || (first == ">" && second == "=") {
                position += 1
            }
            let op = text(from: opStart)
            skipSpaces()
            guard let next = peek, next != ",", next != ")" else {
                throw Problem(message: Message.comparisonWithoutRight(op), offset: opStart)
            }
            let right = try operand(depth: depth)
            return EntraExpression(kind: .comparison(left, operator: op, right), offset: left.offset)
        }

        func text(from start: Int) -> String {
            String(String.UnicodeScalarView(scalars[start..<position]))
        }
    }

    /// Every message the parser gives, in one place.
    enum Message {
        static let empty = "the expression is empty; write a function call, an attribute such as '[mail]' or a string in double quotes"
        static let missingOperand = "the expression ends where a value was expected; complete it"
        static let comparisonAtTop = "a comparison is allowed only as a function's argument, as in 'IIF([country]=\"USA\", [country], [department])'"
        static let strayBracket = "']' closes nothing; remove it or add the '[' that opens the attribute name"
        static let strayParenthesis = "')' closes nothing; remove it or add the function call it closes"
        static let hexWithoutDigits = "'&H' is not followed by hexadecimal digits; write a number such as '&HF7'"
        static let unclosedAttribute = "'[' is never closed; end the attribute name with ']'"
        static let emptyAttribute = "'[]' names no attribute; write the source attribute's name between the brackets"
        static let unclosedString = "the string is never closed; end it with '\"' (write '\\\"' for a quotation mark inside it)"
        static let tooDeep = "functions are nested more than \(maximumDepth) deep; simplify the expression"

        static func trailing(_ found: Unicode.Scalar) -> String {
            "unexpected '\(found)' after the end of the expression; an expression is one value or one function call"
        }

        static func unexpected(_ found: Unicode.Scalar) -> String {
            "unexpected '\(found)'; expected a function call, an attribute such as '[mail]', a string in double quotes or a number"
        }

        static func unclosedCall(_ name: String) -> String {
            "the '(' after '\(name)' is never closed; add ')' after its last argument"
        }

        static func missingSeparator(_ name: String, found: Unicode.Scalar) -> String {
            "expected ',' or ')' after an argument of '\(name)', found '\(found)'"
        }

        static func comparisonWithoutRight(_ op: String) -> String {
            "'\(op)' has nothing to compare with; write a value after it"
        }
    }
}

private extension String {
    /// The text without leading and trailing white space.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
