/// The engine behind `JSONParser`: one pass over a UTF-8 buffer, with an explicit stack of open
/// containers instead of recursion, so that nesting depth costs heap rather than call stack.
///
/// Speed comes from scanning raw bytes: strings without escapes become a `String` straight from their
/// byte range, and columns are counted lazily from a cached position on the current line, so a long
/// single-line file stays linear.
struct JSONScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: JSONLimits
    /// The next byte to read.
    private var pos = 0
    /// The 1-based line of `pos`; only whitespace can hold a line feed, so only `skipWhitespace` moves it.
    private var line = 1
    /// The offset of the first byte of the current line.
    private var lineStart = 0
    /// A known (offset, column) on the current line, so that each column is counted from the last one.
    private var cachedColumnOffset = 0
    private var cachedColumn = 1
    /// Reused buffer for strings that contain escapes.
    private var scratch: [UInt8] = []

    /// Creates a scanner over a buffer that must outlive it.
    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    /// An array or object being read.
    private struct Frame {
        var isObject: Bool
        var line: Int
        var column: Int
        var offset: Int
        var items: [JSONNode] = []
        var members: [JSONMember] = []
        /// The key of the object member whose value is being read.
        var key = ""
        var keyLine = 0
        var keyColumn = 0
        var keyOffset = 0
    }

    // MARK: - Document

    /// Reads the whole buffer as one JSON value.
    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        guard bytes.count <= limits.maxBytes else {
            throw JSONSyntaxError(
                line: 1, column: 1, offset: 0,
                message: "input of \(bytes.count) bytes is larger than the limit of \(limits.maxBytes) bytes")
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw error(at: 0, "unexpected UTF-8 byte order mark; save the file as UTF-8 without one")
        }
        var stack: [Frame] = []
        nextValue: while true {
            skipWhitespace()
            guard pos < bytes.count else { throw endOfInput(expecting: "a value") }
            let start = pos
            let startLine = line
            let startColumn = column(at: pos)
            var node: JSONNode
            switch bytes[pos] {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                let isObject = bytes[pos] == UInt8(ascii: "{")
                guard stack.count < limits.maxDepth else {
                    throw error(at: start, "nesting deeper than \(limits.maxDepth) levels")
                }
                pos += 1
                skipWhitespace()
                if pos < bytes.count, bytes[pos] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    pos += 1
                    node = JSONNode(isObject ? .object([]) : .array([]), line: startLine, column: startColumn, offset: start)
                } else {
                    var frame = Frame(isObject: isObject, line: startLine, column: startColumn, offset: start)
                    if isObject { try readKey(into: &frame, afterComma: false) }
                    stack.append(frame)
                    continue nextValue
                }
            case UInt8(ascii: "\""):
                node = JSONNode(.string(try readString()), line: startLine, column: startColumn, offset: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                node = JSONNode(.number(try readNumber()), line: startLine, column: startColumn, offset: start)
            default:
                node = JSONNode(try readLiteral(), line: startLine, column: startColumn, offset: start)
            }

            // Hand the finished value to its container, closing every container that ends right after it.
            while true {
                guard !stack.isEmpty else {
                    skipWhitespace()
                    if pos < bytes.count { throw trailingContent() }
                    return node
                }
                let top = stack.count - 1
                let isObject = stack[top].isObject
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if isObject {
                    // Field by field: copying the whole frame would share its arrays and make the append copy them.
                    let member = JSONMember(
                        key: stack[top].key, keyLine: stack[top].keyLine, keyColumn: stack[top].keyColumn,
                        keyOffset: stack[top].keyOffset, value: node)
                    stack[top].members.append(member)
                } else {
                    stack[top].items.append(node)
                }
                skipWhitespace()
                guard pos < bytes.count else { throw endOfInput(expecting: isObject ? "',' or '}'" : "',' or ']'") }
                let byte = bytes[pos]
                if byte == UInt8(ascii: ",") {
                    let comma = pos, commaLine = line, commaLineStart = lineStart
                    pos += 1
                    skipWhitespace()
                    if pos < bytes.count, bytes[pos] == close {
                        throw error(at: comma, line: commaLine, lineStart: commaLineStart,
                                    "trailing comma before '\(Character(Unicode.Scalar(close)))'")
                    }
                    if isObject { try readKey(into: &stack[top], afterComma: true) }
                    continue nextValue
                }
                guard byte == close else {
                    throw error(at: pos, isObject ? "expected ',' or '}' after object member"
                                                  : "expected ',' or ']' after array element")
                }
                pos += 1
                let frame = stack.removeLast()
                node = JSONNode(isObject ? .object(frame.members) : .array(frame.items),
                                line: frame.line, column: frame.column, offset: frame.offset)
            }
        }
    }

    // MARK: - Keys and literals

    /// Reads `"key" :` at the current position (after whitespace) into the frame.
    private mutating func readKey(into frame: inout Frame, afterComma: Bool) throws(JSONSyntaxError) {
        guard pos < bytes.count else {
            throw endOfInput(expecting: afterComma ? "a string key" : "a string key or '}'")
        }
        let byte = bytes[pos]
        guard byte == UInt8(ascii: "\"") else {
            if byte == UInt8(ascii: "'") {
                throw error(at: pos, "single-quoted strings are not allowed; use double quotes")
            }
            if byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "_") {
                throw error(at: pos, "object keys must be strings in double quotes")
            }
            if byte == UInt8(ascii: "/") { throw error(at: pos, "comments are not allowed in JSON") }
            throw error(at: pos, afterComma ? "expected a string key after ','" : "expected a string key or '}'")
        }
        frame.keyLine = line
        frame.keyColumn = column(at: pos)
        frame.keyOffset = pos
        frame.key = try readString()
        skipWhitespace()
        guard pos < bytes.count else { throw endOfInput(expecting: "':'") }
        guard bytes[pos] == UInt8(ascii: ":") else { throw error(at: pos, "expected ':' after object key") }
        pos += 1
    }

    /// Reads `true`, `false` or `null`, or explains what stands where a value should.
    private mutating func readLiteral() throws(JSONSyntaxError) -> JSONNode.Kind {
        let start = pos
        let byte = bytes[pos]
        if byte.isASCIILetter {
            while pos < bytes.count, bytes[pos].isASCIILetter || bytes[pos].isASCIIDigit || bytes[pos] == UInt8(ascii: "_") {
                pos += 1
            }
            let word = text(start..<pos)
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            case "NaN", "Infinity": throw error(at: start, "invalid literal '\(word)'; JSON has no NaN or Infinity")
            default: throw error(at: start, "invalid literal '\(word)'")
            }
        }
        switch byte {
        case UInt8(ascii: "'"): throw error(at: start, "single-quoted strings are not allowed; use double quotes")
        case UInt8(ascii: "/"): throw error(at: start, "comments are not allowed in JSON")
        case UInt8(ascii: "+"): throw error(at: start, "numbers must not start with '+'")
        case UInt8(ascii: "."): throw error(at: start, "numbers must have a digit before '.'")
        default: throw error(at: start, "unexpected \(describeCharacter(at: start)); expected a value")
        }
    }

    // MARK: - Numbers

    /// Checks the RFC 8259 number grammar and returns the literal text.
    private mutating func readNumber() throws(JSONSyntaxError) -> String {
        let start = pos
        if bytes[pos] == UInt8(ascii: "-") {
            pos += 1
            guard pos < bytes.count, bytes[pos].isASCIIDigit else { throw expectedDigit("expected a digit after '-'") }
        }
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < bytes.count, bytes[pos].isASCIIDigit {
                throw error(at: pos - 1, "leading zeros are not allowed in numbers")
            }
        } else {
            skipDigits()
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            guard pos < bytes.count, bytes[pos].isASCIIDigit else { throw expectedDigit("expected a digit after '.' in number") }
            skipDigits()
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < bytes.count, bytes[pos].isASCIIDigit else { throw expectedDigit("expected a digit in the exponent of number") }
            skipDigits()
        }
        // Name the culprit in `1.2a` or `0x1` rather than complaining about a missing ',' after `1.2`.
        if pos < bytes.count {
            let next = bytes[pos]
            if next.isASCIILetter || next == UInt8(ascii: ".") || next == UInt8(ascii: "+") || next == UInt8(ascii: "-") {
                throw error(at: pos, "unexpected \(describeCharacter(at: pos)) in number")
            }
        }
        return text(start..<pos)
    }

    private mutating func skipDigits() {
        while pos < bytes.count, bytes[pos].isASCIIDigit { pos += 1 }
    }

    private func expectedDigit(_ message: String) -> JSONSyntaxError {
        pos < bytes.count ? error(at: pos, message) : endOfInput(expecting: "a digit")
    }

    // MARK: - Strings

    /// Reads a string starting at its opening quote and returns its contents with escapes resolved.
    private mutating func readString() throws(JSONSyntaxError) -> String {
        let quote = pos
        pos += 1
        let contentStart = pos
        // Fast path: no escapes, so the contents are the bytes between the quotes.
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "\"") {
                let result = text(contentStart..<pos)
                pos += 1
                return result
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(byte) }
            if byte < 0x80 { pos += 1 } else { try skipUTF8Sequence() }
        }
        guard pos < bytes.count else { throw error(at: quote, "unterminated string") }

        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<pos]))
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "\"") {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try readEscape(quote: quote)
            } else if byte < 0x20 {
                throw controlCharacter(byte)
            } else if byte < 0x80 {
                scratch.append(byte)
                pos += 1
            } else {
                let sequenceStart = pos
                try skipUTF8Sequence()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[sequenceStart..<pos]))
            }
        }
        throw error(at: quote, "unterminated string")
    }

    /// Reads one escape sequence starting at its backslash and appends what it stands for to `scratch`.
    private mutating func readEscape(quote: Int) throws(JSONSyntaxError) {
        let escapeStart = pos
        pos += 1
        guard pos < bytes.count else { throw error(at: quote, "unterminated string") }
        let byte = bytes[pos]
        pos += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try readHex4(escapeStart: escapeStart)
            var scalar = unit
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate counts only when a low surrogate escape follows at once.
                guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                    throw unpairedSurrogate(escapeStart)
                }
                let lowStart = pos
                pos += 2
                let low = try readHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else { throw unpairedSurrogate(escapeStart) }
                scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw unpairedSurrogate(escapeStart)
            }
            appendUTF8(scalar)
        default:
            if (0x21...0x7E).contains(byte) {
                throw error(at: escapeStart, "invalid escape '\\\(Character(Unicode.Scalar(byte)))' in string")
            }
            throw error(at: escapeStart, "invalid escape in string: '\\' followed by \(describeCharacter(at: pos - 1))")
        }
    }

    /// Reads the four hex digits of a `\u` escape; `pos` is just after the `u`.
    private mutating func readHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard pos < bytes.count, let digit = bytes[pos].hexDigitValue else {
                throw error(at: escapeStart, "invalid unicode escape '\(escapeText(from: escapeStart))'; expected four hex digits")
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    private func unpairedSurrogate(_ escapeStart: Int) -> JSONSyntaxError {
        error(at: escapeStart, "unpaired UTF-16 surrogate '\(escapeText(from: escapeStart))' in string")
    }

    /// The escape as written, for messages: printable ASCII from the backslash, at most six characters.
    private func escapeText(from start: Int) -> String {
        var end = start + 1
        while end < bytes.count, end < start + 6, (0x21...0x7E).contains(bytes[end]), bytes[end] != UInt8(ascii: "\"") {
            end += 1
        }
        return text(start..<end)
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private func controlCharacter(_ byte: UInt8) -> JSONSyntaxError {
        error(at: pos, "control character \(scalarName(UInt32(byte))) must be escaped in a string")
    }

    // MARK: - UTF-8

    /// Steps over the multi-byte UTF-8 sequence at `pos`, rejecting overlong forms, surrogates and
    /// values above U+10FFFF.
    private mutating func skipUTF8Sequence() throws(JSONSyntaxError) {
        guard let (length, _) = utf8Sequence(at: pos) else {
            // Blame the sequence's first byte: a Latin-1 'é' (0xE9) is the usual culprit, not the byte after it.
            throw error(at: pos, "invalid UTF-8 byte 0x\(hex(bytes[pos], width: 2)) in string; save the file as UTF-8")
        }
        pos += length
    }

    /// The length and value of the well-formed UTF-8 sequence at `start`, or nil if it is not one.
    private func utf8Sequence(at start: Int) -> (length: Int, scalar: UInt32)? {
        let lead = bytes[start]
        if lead < 0x80 { return (1, UInt32(lead)) }
        let trailing: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: trailing = 1
        case 0xE0: trailing = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: trailing = 2
        case 0xED: trailing = 2; high = 0x9F
        case 0xF0: trailing = 3; low = 0x90
        case 0xF1...0xF3: trailing = 3
        case 0xF4: trailing = 3; high = 0x8F
        default: return nil
        }
        guard start + trailing < bytes.count else { return nil }
        var scalar = UInt32(lead) & (0x7F >> UInt32(trailing + 1))
        for index in 1...trailing {
            let byte = bytes[start + index]
            guard index == 1 ? (low...high).contains(byte) : (0x80...0xBF).contains(byte) else { return nil }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        return (trailing + 1, scalar)
    }

    /// `character '#'`, `character U+2060` or `byte 0xE5 (invalid UTF-8)`, for messages.
    private func describeCharacter(at offset: Int) -> String {
        let byte = bytes[offset]
        if (0x21...0x7E).contains(byte) { return "character '\(Character(Unicode.Scalar(byte)))'" }
        guard let (_, scalar) = utf8Sequence(at: offset) else { return "byte 0x\(hex(byte, width: 2)) (invalid UTF-8)" }
        return "character \(scalarName(scalar))"
    }

    // MARK: - Positions and errors

    private mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0D:
                pos += 1
            case 0x0A:
                pos += 1
                line += 1
                lineStart = pos
            default:
                return
            }
        }
    }

    /// The column of `offset` on the current line, counted on from the last column asked for.
    private mutating func column(at offset: Int) -> Int {
        if cachedColumnOffset < lineStart || cachedColumnOffset > offset {
            cachedColumnOffset = lineStart
            cachedColumn = 1
        }
        var column = cachedColumn
        var index = cachedColumnOffset
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        cachedColumnOffset = offset
        cachedColumn = column
        return column
    }

    /// An error at `offset`, which lies on the given line (the current one unless told).
    private func error(at offset: Int, line: Int? = nil, lineStart: Int? = nil, _ message: String) -> JSONSyntaxError {
        let start = lineStart ?? self.lineStart
        var column = 1
        var index = start
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return JSONSyntaxError(line: line ?? self.line, column: column, offset: offset, message: message)
    }

    private func endOfInput(expecting expected: String) -> JSONSyntaxError {
        error(at: bytes.count, "unexpected end of input; expected \(expected)")
    }

    private func trailingContent() -> JSONSyntaxError {
        if bytes[pos] == UInt8(ascii: "/") { return error(at: pos, "comments are not allowed in JSON") }
        return error(at: pos, "unexpected \(describeCharacter(at: pos)) after the top-level value")
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func scalarName(_ scalar: UInt32) -> String {
        "U+" + hex(scalar, width: 4)
    }

    private func hex<T: BinaryInteger>(_ value: T, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

private extension UInt8 {
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }

    var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }

    var hexDigitValue: UInt32? {
        switch self {
        case 0x30...0x39: return UInt32(self - 0x30)
        case 0x41...0x46: return UInt32(self - 0x41 + 10)
        case 0x61...0x66: return UInt32(self - 0x61 + 10)
        default: return nil
        }
    }
}
