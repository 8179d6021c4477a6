import Foundation

/// One of the importer's fixed regular expressions, compiled once, for short text only.
///
/// `NSRegularExpression` backtracks, so a pattern can take time in the square of its input's
/// length. The importer applies patterns to sentences, headings and table cells, never to a whole
/// line of unknown length: text longer than `maximumInput` characters matches nothing, which keeps
/// every match bounded (no template sentence is anywhere near that long).
///
/// `NSRegularExpression` is immutable and documented as safe to use from several threads at once,
/// which is why this wrapper may be `Sendable` and live in `static let`s. A pattern that fails to
/// compile matches nothing rather than trapping; `ImportPatternTests` checks that none does.
struct ImportPattern: @unchecked Sendable {
    private let regex: NSRegularExpression?
    /// The source text of the pattern, for tests and messages.
    let source: String

    init(_ pattern: String, caseInsensitive: Bool = true) {
        source = pattern
        regex = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    /// The longest text, in UTF-16 code units, a pattern is tried on.
    static let maximumInput = 2_000

    /// Whether the pattern compiled.
    var isValid: Bool { regex != nil }

    /// The groups of the first match (group 0 is the whole match; "" for a group that took no part).
    func firstMatch(in text: String) -> [String]? {
        guard let regex, text.utf16.count <= Self.maximumInput else { return nil }
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return Self.groups(of: match, in: text)
    }

    /// The groups of every match, in order.
    func allMatches(in text: String) -> [[String]] {
        guard let regex, text.utf16.count <= Self.maximumInput else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { Self.groups(of: $0, in: text) }
    }

    /// Whether the pattern matches somewhere in `text`.
    func matches(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// `text` with every match replaced by `template` (`$1` names a group).
    func replacing(in text: String, with template: String) -> String {
        guard let regex, text.utf16.count <= Self.maximumInput else { return text }
        return regex.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    /// `text` with every match replaced by `replacement`, taken as it is (no `$1`).
    func replacing(in text: String, literally replacement: String) -> String {
        replacing(in: text, with: NSRegularExpression.escapedTemplate(for: replacement))
    }

    private static func groups(of match: NSTextCheckingResult, in text: String) -> [String] {
        (0..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }
}
