/// Wraps text in ANSI colours, or leaves it alone when colour is off.
///
/// Only the severity is coloured (bold red errors, bold magenta warnings, bold grey notes, as
/// swift-format colours them); locations and messages stay in the terminal's own colour, which is
/// readable on light and dark backgrounds alike, where swift-format's bold white is not.
public struct TextStyle: Sendable, Hashable {
    /// Whether escape sequences are written.
    public var isColored: Bool

    /// Creates a style.
    public init(isColored: Bool) {
        self.isColored = isColored
    }

    /// No escape sequences: for files, pipes and `NO_COLOR`.
    public static let plain = TextStyle(isColored: false)
    /// ANSI escape sequences: for terminals.
    public static let ansi = TextStyle(isColored: true)

    /// Bold red, for `error:`.
    public func error(_ text: String) -> String { apply("1;31", to: text) }
    /// Bold magenta, for `warning:`.
    public func warning(_ text: String) -> String { apply("1;35", to: text) }
    /// Bold grey, for `note:`.
    public func note(_ text: String) -> String { apply("1;90", to: text) }

    /// `ESC[<code>m` text `ESC[0m`; the text alone when plain or empty.
    private func apply(_ code: String, to text: String) -> String {
        guard isColored, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
