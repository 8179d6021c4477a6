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
    /// The string and number grammar, shared with attribute-path filters.
    private let literals: JSONLiteralReader

    /// Creates a scanner over a buffer that must outlive it.
    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
        self.literals = JSONLiteralReader(bytes)
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
                let (text, escapes) = try readString()
                node = JSONNode(.string(text), line: startLine, column: startColumn, offset: start)
                node.escapes = escapes
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
                let valueEnd = pos, valueLine = line, valueLineStart = lineStart
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
                    // What comes next could start another member or element: the comma between is missing.
                    let startsNext = byte == UInt8(ascii: "\"")
                        || !isObject && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "-")
                            || byte.isASCIIDigit || byte.isASCIILetter)
                    if startsNext && line > valueLine {
                        throw error(at: valueEnd, line: valueLine, lineStart: valueLineStart,
                                    "missing ',' after the value on line \(valueLine)")
                    }
                    if startsNext {
                        throw error(at: pos, "missing ',' before \(describeCharacter(at: pos))")
                    }
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
        frame.key = try readString().0
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

    // MARK: - Numbers and strings

    /// Checks the RFC 8259 number grammar and returns the literal text.
    private mutating func readNumber() throws(JSONSyntaxError) -> String {
        let start = pos
        do {
            pos = try literals.numberEnd(at: start)
        } catch {
            throw failure(error)
        }
        return text(start..<pos)
    }

    /// Reads a string starting at its opening quote: its contents with escapes resolved, and the escapes.
    private mutating func readString() throws(JSONSyntaxError) -> (String, [JSONStringEscape]) {
        do {
            let (text, end, escapes) = try literals.readString(at: pos, scratch: &scratch)
            pos = end
            return (text, escapes)
        } catch {
            throw failure(error)
        }
    }

    /// A literal's failure as a located syntax error; strings never span lines, so it is on this one.
    private func failure(_ failure: JSONLiteralReader.Failure) -> JSONSyntaxError {
        switch failure.kind {
        case .unclosedString(let quote):
            let start = error(at: quote, "")
            return error(
                at: failure.offset,
                "unclosed string that starts at \(start.line):\(start.column); add the closing '\"'")
        case .message(let message):
            if failure.offset >= bytes.count { return error(at: bytes.count, message) }
            return error(at: failure.offset, message)
        }
    }

    private func describeCharacter(at offset: Int) -> String { literals.describeCharacter(at: offset) }

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

}
