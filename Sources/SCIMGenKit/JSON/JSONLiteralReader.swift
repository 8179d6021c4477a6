/// Reads JSON string and number literals (RFC 8259 sections 6 and 7) from UTF-8 bytes: the one
/// reader behind `JSONParser` and behind the quoted values and numbers of attribute-path filters.
///
/// Strings come back with their escapes resolved and, when they had any, with a map from the
/// decoded text back to the source columns, so that a message about a character inside a string
/// (`name.familyNme`, a `javascript:` link) points at that character even after `\"` or `\u00e9`.
struct JSONLiteralReader {
    /// Why a literal could not be read, and the byte offset to blame.
    struct Failure: Error {
        /// What went wrong.
        enum Kind: Equatable {
            /// The string that opens at byte offset `quote` never ends: no closing quote, or a
            /// line break before it. The failure's offset is where it ran off.
            case unclosedString(quote: Int)
            /// Anything else, as a message.
            case message(String)
        }

        var kind: Kind
        /// The byte offset to blame: where an unclosed string ran off, else the culprit.
        var offset: Int

        init(_ kind: Kind, at offset: Int) {
            self.kind = kind
            self.offset = offset
        }
    }

    /// The bytes read; they must outlive the reader.
    let bytes: UnsafeBufferPointer<UInt8>

    /// Creates a reader over a buffer.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: - Strings

    /// Reads the string whose opening quote is at `quote`: its text, the offset just past the
    /// closing quote, and its escapes (empty when it has none). `scratch` is reused storage.
    func readString(at quote: Int, scratch: inout [UInt8]) throws(Failure) -> (text: String, end: Int, escapes: [JSONStringEscape]) {
        var pos = quote + 1
        let contentStart = pos
        // Fast path: no escapes, so the contents are the bytes between the quotes.
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "\"") { return (text(contentStart..<pos), pos + 1, []) }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(byte, at: pos, quote: quote) }
            if byte < 0x80 { pos += 1 } else { pos += try utf8Length(at: pos) }
        }
        guard pos < bytes.count else { throw Failure(.unclosedString(quote: quote), at: pos) }

        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<pos]))
        var escapes: [JSONStringEscape] = []
        // Scalars decoded so far, counted only from here on: the fast path's prefix is counted once.
        var decoded = scalarCount(contentStart..<pos)
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "\"") { return (String(decoding: scratch, as: UTF8.self), pos + 1, escapes) }
            if byte == UInt8(ascii: "\\") {
                let start = pos
                pos = try readEscape(at: pos, quote: quote, into: &scratch)
                escapes.append(JSONStringEscape(scalarIndex: decoded, width: pos - start))
            } else if byte < 0x20 {
                throw controlCharacter(byte, at: pos, quote: quote)
            } else if byte < 0x80 {
                scratch.append(byte)
                pos += 1
            } else {
                let length = try utf8Length(at: pos)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pos..<pos + length]))
                pos += length
            }
            decoded += 1
        }
        throw Failure(.unclosedString(quote: quote), at: pos)
    }

    /// Reads one escape at its backslash into `scratch`; the offset after it.
    private func readEscape(at escapeStart: Int, quote: Int, into scratch: inout [UInt8]) throws(Failure) -> Int {
        var pos = escapeStart + 1
        guard pos < bytes.count else { throw Failure(.unclosedString(quote: quote), at: pos) }
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
            let unit = try readHex4(at: pos, escapeStart: escapeStart)
            pos += 4
            var scalar = unit
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate counts only when a low surrogate escape follows at once.
                guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                    throw unpairedSurrogate(escapeStart)
                }
                let low = try readHex4(at: pos + 2, escapeStart: pos)
                guard (0xDC00...0xDFFF).contains(low) else { throw unpairedSurrogate(escapeStart) }
                pos += 6
                scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw unpairedSurrogate(escapeStart)
            }
            appendUTF8(scalar, to: &scratch)
        case 0x0A, 0x0D:
            throw Failure(.unclosedString(quote: quote), at: pos - 1)
        default:
            if (0x21...0x7E).contains(byte) {
                throw Failure(.message("invalid escape '\\\(Character(Unicode.Scalar(byte)))' in string"), at: escapeStart)
            }
            throw Failure(.message("invalid escape in string: '\\' followed by \(describeCharacter(at: pos - 1))"), at: escapeStart)
        }
        return pos
    }

    /// The four hex digits of a `\u` escape starting at `pos`.
    private func readHex4(at pos: Int, escapeStart: Int) throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for index in pos..<pos + 4 {
            guard index < bytes.count, let digit = bytes[index].hexDigitValue else {
                throw Failure(
                    .message("invalid unicode escape '\(escapeText(from: escapeStart))'; expected four hex digits"), at: escapeStart)
            }
            value = value << 4 | digit
        }
        return value
    }

    private func unpairedSurrogate(_ escapeStart: Int) -> Failure {
        Failure(.message("unpaired UTF-16 surrogate '\(escapeText(from: escapeStart))' in string"), at: escapeStart)
    }

    /// A line break inside a string almost always means its closing quote is missing.
    private func controlCharacter(_ byte: UInt8, at pos: Int, quote: Int) -> Failure {
        if byte == 0x0A || byte == 0x0D { return Failure(.unclosedString(quote: quote), at: pos) }
        return Failure(.message("control character \(Self.scalarName(UInt32(byte))) must be escaped in a string"), at: pos)
    }

    /// The escape as written, for messages: printable ASCII from the backslash, at most six characters.
    private func escapeText(from start: Int) -> String {
        var end = start + 1
        while end < bytes.count, end < start + 6, (0x21...0x7E).contains(bytes[end]), bytes[end] != UInt8(ascii: "\"") {
            end += 1
        }
        return text(start..<end)
    }

    // MARK: - Numbers

    /// The offset just past the number that starts at `start`, checked against the RFC 8259 grammar
    /// `-? (0 / [1-9] DIGIT*) ["." DIGIT+] [("e" / "E") ["+" / "-"] DIGIT+]`.
    ///
    /// A letter, '.', '+' or '-' right after the number is its error (`1.2a`, `0x1`), not the next token's.
    func numberEnd(at start: Int) throws(Failure) -> Int {
        var pos = start
        func expectDigit(_ message: String) throws(Failure) {
            guard pos < bytes.count, bytes[pos].isASCIIDigit else {
                throw Failure(.message(pos < bytes.count ? message : "unexpected end of input; expected a digit"), at: pos)
            }
        }
        func skipDigits() { while pos < bytes.count, bytes[pos].isASCIIDigit { pos += 1 } }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "-") {
            pos += 1
            try expectDigit("expected a digit after '-'")
        }
        try expectDigit("expected a digit")
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < bytes.count, bytes[pos].isASCIIDigit {
                throw Failure(.message("leading zeros are not allowed in numbers"), at: pos - 1)
            }
        } else {
            skipDigits()
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            try expectDigit("expected a digit after '.' in number")
            skipDigits()
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            try expectDigit("expected a digit in the exponent of number")
            skipDigits()
        }
        if pos < bytes.count {
            let next = bytes[pos]
            if next.isASCIILetter || next == UInt8(ascii: ".") || next == UInt8(ascii: "+") || next == UInt8(ascii: "-") {
                throw Failure(.message("unexpected \(describeCharacter(at: pos)) in number"), at: pos)
            }
        }
        return pos
    }

    // MARK: - UTF-8

    /// The length of the well-formed UTF-8 sequence at `pos`.
    func utf8Length(at pos: Int) throws(Failure) -> Int {
        guard let (length, _) = utf8Sequence(at: pos) else {
            // Blame the sequence's first byte: a Latin-1 'é' (0xE9) is the usual culprit, not the byte after it.
            throw Failure(
                .message("invalid UTF-8 byte 0x\(Self.hex(bytes[pos], width: 2)) in string; save the file as UTF-8"), at: pos)
        }
        return length
    }

    /// The length and value of the well-formed UTF-8 sequence at `start` (no overlong forms,
    /// surrogates or values above U+10FFFF), or nil if it is not one.
    func utf8Sequence(at start: Int) -> (length: Int, scalar: UInt32)? {
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
    func describeCharacter(at offset: Int) -> String {
        let byte = bytes[offset]
        if (0x21...0x7E).contains(byte) { return "character '\(Character(Unicode.Scalar(byte)))'" }
        guard let (_, scalar) = utf8Sequence(at: offset) else { return "byte 0x\(Self.hex(byte, width: 2)) (invalid UTF-8)" }
        return "character \(Self.scalarName(scalar))"
    }

    /// The text of a byte range.
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// How many Unicode scalars the bytes of `range` hold.
    func scalarCount(_ range: Range<Int>) -> Int {
        var count = 0
        for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    private func appendUTF8(_ scalar: UInt32, to scratch: inout [UInt8]) {
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

    /// `U+000A`.
    static func scalarName(_ scalar: UInt32) -> String {
        "U+" + hex(scalar, width: 4)
    }

    static func hex<T: BinaryInteger>(_ value: T, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// One escape in a JSON string: where its character is in the decoded text and how many source
/// characters (columns) it takes, such as 2 for `\"` and 6 for `\u00e9`.
public struct JSONStringEscape: Hashable, Sendable {
    /// The 0-based Unicode scalar index of the escaped character in the decoded text.
    public var scalarIndex: Int
    /// How many source characters the escape takes: 2, 6, or 12 for a surrogate pair.
    public var width: Int

    /// Creates an escape.
    public init(scalarIndex: Int, width: Int) {
        self.scalarIndex = scalarIndex
        self.width = width
    }

    /// The 0-based column offset, from the character after the opening quote, of the decoded
    /// character at `index` of a string with these escapes.
    public static func sourceOffset(of index: Int, in escapes: [JSONStringEscape]) -> Int {
        var offset = index
        for escape in escapes where escape.scalarIndex < index { offset += escape.width - 1 }
        return offset
    }
}

extension UInt8 {
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
