extension JSONNode {
    /// Where the `index`-th Unicode scalar of this string value is in the file, counted through
    /// its escapes: in `"a\u0041\"<"` the `<` (scalar 3) is at the quote's column plus 10, not 4.
    ///
    /// JSON strings never span lines, so only the column moves. `bytes` are the file's bytes the
    /// node was parsed from; for a node that is not a string, or an index past its end, this is
    /// the node's own location.
    public func location(ofScalar index: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        guard case .string = value, offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
            return location(in: file)
        }
        var position = offset + 1
        var column = self.column + 1
        var scalar = 0
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
            if scalar == index { return SourceLocation(file: file, line: line, column: column) }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\"), position + 1 < bytes.count {
                let length = Self.escapeLength(bytes, at: position)
                position += length
                column += length
            } else {
                // One scalar: a lead byte and its continuation bytes.
                position += 1
                while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
                column += 1
            }
            scalar += 1
        }
        return SourceLocation(file: file, line: line, column: scalar == index ? column : self.column)
    }

    /// How many bytes (all ASCII, so also columns) the escape at `position` takes: `\n` is 2,
    /// `\u00e9` 6, and a surrogate pair `\ud83d\ude00`, which stands for one scalar, 12.
    private static func escapeLength(_ bytes: [UInt8], at position: Int) -> Int {
        guard bytes[position + 1] == UInt8(ascii: "u"), position + 6 <= bytes.count else { return 2 }
        let unit = hexValue(bytes[(position + 2)..<(position + 6)])
        guard let unit, (0xD800...0xDBFF).contains(unit), position + 12 <= bytes.count,
            bytes[position + 6] == UInt8(ascii: "\\"), bytes[position + 7] == UInt8(ascii: "u"),
            let low = hexValue(bytes[(position + 8)..<(position + 12)]), (0xDC00...0xDFFF).contains(low)
        else { return 6 }
        return 12
    }

    private static func hexValue(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for digit in digits {
            guard let nibble = Int(String(UnicodeScalar(digit)), radix: 16) else { return nil }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }
}
