import Foundation
import Mustache

/// How much text one generation may render: a bound per document and a budget for the whole run,
/// so that a planted template (a huge partial, or one included many times) fails with a located
/// error instead of filling memory and, for every vendor, the disk.
///
/// A real tutorial is about 15 KB and a help page about 5 KB; the bounds are far above that.
/// Template files themselves are bounded when they are read (`TemplateLibrary.LoadLimits`).
public struct GenerationLimits: Sendable, Hashable {
    /// The largest rendered document of one vendor, in bytes.
    public var documentBytes: Int
    /// The run's budget in bytes: this much, plus ``bytesPerVendor`` for each vendor generated.
    public var baseBytes: Int
    /// What each vendor adds to the run's budget, in bytes.
    public var bytesPerVendor: Int

    /// Creates limits; the defaults are 1 MiB a document and 64 MiB plus 128 KiB a vendor a run.
    public init(documentBytes: Int = 1 << 20, baseBytes: Int = 64 << 20, bytesPerVendor: Int = 128 << 10) {
        self.documentBytes = documentBytes
        self.baseBytes = baseBytes
        self.bytesPerVendor = bytesPerVendor
    }

    /// The run's budget for `vendors` vendors.
    public func runBytes(vendors: Int) -> Int {
        baseBytes + bytesPerVendor * vendors
    }

    /// The largest index, which lists every vendor: a document's bound plus a vendor's share of it.
    public func indexBytes(vendors: Int) -> Int {
        documentBytes + (4 << 10) * vendors
    }
}

/// The bytes rendered so far in a run, shared by the vendors rendering at the same time, so that
/// a run stops as soon as it is over budget rather than at the end of a batch.
final class RenderBudget: @unchecked Sendable {
    private let lock = NSLock()
    private var spent = 0
    /// The most the run may render.
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Whether the run is already over budget.
    var isExhausted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return spent > limit
    }

    /// What adding a vendor's files did to the budget.
    enum Outcome {
        /// Still within it.
        case within
        /// These files took the run over it: the one place to report.
        case crossed
        /// The run was over it already.
        case over
    }

    /// Adds `files`' bytes to what the run has spent.
    func spend(_ files: [String: [UInt8]]) -> Outcome {
        let bytes = files.values.reduce(0) { $0 + $1.count }
        lock.lock()
        defer { lock.unlock() }
        let before = spent
        spent += bytes
        if spent <= limit { return .within }
        return before <= limit ? .crossed : .over
    }

    /// The error for the run that went over, the same whichever vendor happened to cross: located at
    /// the first line of the shared tutorial template, since no one tag is to blame.
    func overBudget(_ input: SiteInput) -> Diagnostic {
        let file = input.templates[TutorialOutput.tutorialTemplate]?.file ?? TutorialOutput.tutorialTemplate
        return Diagnostic(
            .error,
            "files generated for \(input.vendors.count) vendors exceed the run's budget of \(limit) bytes; "
                + "a template or partial produces far more text than a tutorial needs",
            at: SourceLocation(file: file, line: 1, column: 1))
    }
}
