import Foundation

/// A progress line on standard error for long work: `generating: 512 of 2000 vendors, 4864 files`.
///
/// Shown only on a terminal, only once the work has taken about a second, never with `CI` set
/// (CI logs keep every carriage return) or `--quiet`; each update rewrites the line, at most ten
/// times a second, and `finish` clears it so that the summary after it starts on a clean line.
final class Progress: @unchecked Sendable {
    /// How long work runs before the line appears.
    static let delay = 1.0
    /// The least time between two updates.
    static let interval = 0.1

    private let console: any Console
    private let isEnabled: Bool
    private let start: Double
    private var shownAt: Double?
    private let lock = NSLock()

    /// A progress line for the command of `context`; `total` is informative only.
    init(context: CommandContext, total: Int = 0) {
        console = context.console
        let quiet = context.command.declares("quiet") && context.command.flag("quiet")
        isEnabled = context.console.isTerminal(.standardError) && context.console.environment["CI", default: ""].isEmpty
            && !quiet
        start = context.console.uptime()
    }

    /// Shows `text` when the line is due.
    func update(_ text: String) {
        guard isEnabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = console.uptime()
        guard now - start >= Self.delay, shownAt.map({ now - $0 >= Self.interval }) ?? true else { return }
        shownAt = now
        console.write("\r\u{1B}[K" + text, to: .standardError)
    }

    /// Clears the line, if it was shown.
    func finish() {
        guard isEnabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if shownAt != nil { console.write("\r\u{1B}[K", to: .standardError) }
        shownAt = nil
    }
}
