import Foundation

/// The one home of YAML escaping: any text as one scalar of a front-matter line (`title: …`),
/// read back by every YAML parser (1.1 or 1.2, PyYAML or js-yaml) as that same text, a string.
///
/// Text is written plain where that is safe and unambiguous (`author: jeevansd`,
/// `ms.date: 01/12/2024`), as Microsoft Learn front matter usually is, and single-quoted otherwise:
/// when it holds a YAML indicator (`: `, ` #`, a leading `-`, `*`, `&`, `!`, `%`, `@`, backtick or
/// quote…), when a parser would read it as something other than a string (`null`, `yes`, `off`,
/// `0x1F`, `1e3`, `2024-01-12`), or when it has surrounding spaces. In single quotes the only escape
/// is `''` for `'`. Line breaks (U+2028 and U+2029 too, which YAML 1.1 counts) and tabs become
/// spaces, other controls (NEL too) and bidirectional overrides are dropped, so a scalar is always
/// one line.
enum YAMLScalar {
    /// `text` as a plain or single-quoted scalar on one line.
    static func scalar(_ text: String) -> String {
        let line = oneLine(text)
        return isSafePlain(line) ? line : "'" + inQuotes(line) + "'"
    }

    /// `text` for the inside of a single-quoted scalar the template writes itself:
    /// `'Configure {{yamlInQuotes(app)}} for …'`.
    static func inQuotes(_ text: String) -> String {
        oneLine(text).replacingOccurrences(of: "'", with: "''")
    }

    /// The text on one line, as `MarkdownText.inline` makes it (line breaks and tabs become spaces,
    /// controls, NEL included, and bidirectional overrides are dropped, surrounding spaces go),
    /// without the characters YAML forbids in a document besides: a byte order mark, U+FFFE, U+FFFF.
    static func oneLine(_ text: String) -> String {
        let line = MarkdownText.inline(text)
        guard line.unicodeScalars.contains(where: isForbidden) else { return line }
        return String(String.UnicodeScalarView(line.unicodeScalars.filter { !isForbidden($0) }))
            .trimmingCharacters(in: .whitespaces)
    }
}

// MARK: - Plain scalars

extension YAMLScalar {
    /// Whether `text` reads back as the same string when written without quotes. Conservative:
    /// letters, digits, spaces and `. - _ / ( ) , '` only, starting with a letter or digit, and
    /// nothing a YAML 1.1 or 1.2 parser would resolve to null, a Boolean, a number or a date.
    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first.properties.isAlphabetic || isDigit(first), last != " "
        else { return false }
        for scalar in text.unicodeScalars {
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil || " .-_/(),'".unicodeScalars.contains(scalar)
            else { return false }
        }
        return !isReserved(text) && !looksNumeric(text)
    }

    /// YAML 1.1 and 1.2 words for null and Booleans, in any case.
    static func isReserved(_ text: String) -> Bool {
        ["null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
    }

    /// Whether a parser might read `text` as a number or a timestamp: integers in any base, with
    /// `_` separators (YAML 1.1), decimals, exponents, and `YYYY-M-D` dates.
    static func looksNumeric(_ text: String) -> Bool {
        let scalars = Array(text.lowercased().unicodeScalars)
        guard let first = scalars.first, isDigit(first) else { return false }
        if scalars.count >= 8, scalars[4] == "-", scalars[0..<4].allSatisfy(isDigit) { return true }
        if scalars.count > 2, first == "0", "xob".unicodeScalars.contains(scalars[1]) {
            return scalars.dropFirst(2).allSatisfy { isHexDigit($0) || $0 == "_" }
        }
        // Digits, underscores and dots (YAML 1.1's float pattern allows several), then an optional exponent.
        var index = 0
        while index < scalars.count, isDigit(scalars[index]) || scalars[index] == "_" || scalars[index] == "." {
            index += 1
        }
        if index == scalars.count { return true }
        guard scalars[index] == "e" else { return false }
        index += 1
        if index < scalars.count, scalars[index] == "-" { index += 1 }
        return index < scalars.count && scalars[index...].allSatisfy(isDigit)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || ("a"..."f").contains(scalar)
    }

    /// Characters YAML forbids in a document beyond the controls `MarkdownText` drops.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{FEFF}" || scalar == "\u{FFFE}" || scalar == "\u{FFFF}"
    }
}
