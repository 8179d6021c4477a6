import Foundation
import SCIMGenKit

/// `scimgen generate`: validate, render, then write only what changed.
enum GenerateCommand: Command {
    static let spec = CommandSpec(
        name: "generate",
        abstract: "Write the tutorials, SCIM documents and mapping files.",
        discussion: """
            Validates first and writes nothing when anything is invalid. Writes only files whose \
            bytes changed, each atomically, and removes files it generated before that are no \
            longer produced and still hold the bytes it wrote; a manifest beside the output folder \
            ('.Site.scimgen-manifest' for 'Site') records them with their SHA-256. Files it did not \
            write are never touched, and links in the output folder are never followed. One run at a \
            time: a second waits up to 5 s for the first. With '--vendor' or '--only', only the named \
            vendors or kinds are written and cleaned up; with '--vendor', the index is left as it is. \
            On a terminal, work that takes more than a second shows a progress line.
            """,
        arguments: [.vendors, .templates, .out, .vendor, .only, .format, .quiet])

    static func run(_ context: CommandContext) -> Int32 {
        let kinds = context.kinds
        let only = context.command.options("vendor")
        if let refusal = Generation.outputRefusal(context) {
            context.console.err(refusal)
            return SCIMGen.ExitCode.usage
        }
        guard let plan = Generation.prepare(context, kinds: kinds, only: only) else { return SCIMGen.ExitCode.failure }
        let out = context.option("out")
        let progress = Generation.Progression(context: context, vendors: plan.input.vendors.count, verb: "written")
        do {
            let writer = SiteWriter(root: context.url(out), display: CommandContext.display(out))
            let summary = try writer.stream(scope: plan.scope) { write in
                try SiteGenerator.generate(plan.input, kinds: kinds, includeIndex: plan.includeIndex) { files in
                    try write(files)
                    progress.advance(files)
                }
            }
            progress.finish()
            Generation.report(summary.warnings, context: context)
            if !context.command.flag("quiet") {
                context.console.out("\(summary.line) in \(CommandContext.display(out))")
            }
            return SCIMGen.ExitCode.success
        } catch {
            // The line goes before a problem is printed, so that the problem starts a line of its own.
            progress.finish()
            Generation.report(error, context: context, out: out)
            return SCIMGen.ExitCode.failure
        }
    }
}

/// Loading and the problems shared by `generate` and `check`.
enum Generation {
    /// The progress line of a run over every vendor: `512 of 2000 vendors rendered, 4864 files written`.
    final class Progression: @unchecked Sendable {
        private let progress: Progress
        private let vendors: Int
        private let verb: String
        private var rendered = 0
        private var files = 0

        init(context: CommandContext, vendors: Int, verb: String) {
            progress = Progress(context: context)
            self.vendors = vendors
            self.verb = verb
        }

        /// Counts a batch of files, and the vendors they belong to.
        func advance(_ batch: [String: [UInt8]]) {
            rendered += Set(batch.keys.compactMap { path in path.firstIndex(of: "/").map { path[..<$0] } }).count
            files += batch.count
            progress.update("\(min(rendered, vendors)) of \(vendors) vendors rendered, \(files) files \(verb)")
        }

        func finish() { progress.finish() }
    }

    struct Plan {
        var input: SiteInput
        var includeIndex: Bool
        var scope: @Sendable (String) -> Bool
    }

    /// The loaded input and the scope of previously generated files this run replaces, or nil
    /// after printing every problem.
    static func prepare(_ context: CommandContext, kinds: OutputKinds, only: [String], outcome: String = "nothing written")
        -> Plan?
    {
        let result = context.loadSite(kinds: kinds, only: only)
        context.report(result.diagnostics)
        guard let input = result.input else {
            let tally = CommandContext.tally(result.diagnostics) ?? "errors"
            context.console.err("found \(tally); \(outcome)")
            return nil
        }
        let vendors: Set<String>? = only.isEmpty ? nil : Set(only)
        let scope: @Sendable (String) -> Bool = { path in
            if path == SiteGenerator.indexPath { return vendors == nil && kinds.contains(.docs) }
            return kinds.covers(path: path, vendors: vendors)
        }
        return Plan(input: input, includeIndex: vendors == nil, scope: scope)
    }

    /// Why `--out` cannot be used: it is, or lies inside, the vendors or templates folder (links
    /// and `..` resolved), where generated files would mix with the input.
    static func outputRefusal(_ context: CommandContext) -> String? {
        let out = CommandContext.display(context.option("out"))
        for (option, kind) in [("vendors", "vendors"), ("templates", "templates")] {
            let folder = CommandContext.display(context.option(option))
            guard Project.contains(context.url(folder), context.url(out)) else { continue }
            let relation = Project.resolved(context.url(folder)) == Project.resolved(context.url(out)) ? "is" : "is inside"
            return """
                error: output folder '\(out)' \(relation) the \(kind) folder '\(folder)', where generated files would \
                mix with the input; choose another '--out', such as 'Site'
                """
        }
        return nil
    }

    /// Prints what was left alone in the output folder, and why.
    static func report(_ warnings: [SiteWarning], context: CommandContext) {
        for warning in warnings {
            context.console.err(context.formatter.line(severity: .warning, message: warning.message, file: warning.path, line: warning.line))
        }
    }

    /// Prints a failure of rendering, writing or reading the output folder.
    static func report(_ error: Error, context: CommandContext, out: String) {
        let display = CommandContext.display(out)
        switch error {
        case let error as DiagnosticsError:
            context.report(error.diagnostics)
            context.console.err("generation failed")
        case let error as SiteWriteError:
            context.console.err(context.formatter.line(severity: .error, message: "\(error.reason)", file: error.path))
        default:
            context.error("cannot use '\(display)': \(error)")
        }
    }
}
