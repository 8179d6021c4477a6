import Foundation

/// One of the importer's fixed regular expressions, compiled once.
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

    /// Whether the pattern compiled.
    var isValid: Bool { regex != nil }

    /// The groups of the first match (group 0 is the whole match; "" for a group that took no part).
    func firstMatch(in text: String) -> [String]? {
        guard let regex else { return nil }
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return Self.groups(of: match, in: text)
    }

    /// The groups of every match, in order.
    func allMatches(in text: String) -> [[String]] {
        guard let regex else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { Self.groups(of: $0, in: text) }
    }

    /// Whether the pattern matches somewhere in `text`.
    func matches(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// `text` with every match replaced by `template` (`$1` names a group).
    func replacing(in text: String, with template: String) -> String {
        guard let regex else { return text }
        return regex.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    private static func groups(of match: NSTextCheckingResult, in text: String) -> [String] {
        (0..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }
}
