import Foundation
import SCIMGenKit

/// `scimgen generate`: validate, render, then write only what changed.
enum GenerateCommand {
    static func run(_ context: CommandContext) -> Int32 {
        let kinds = context.kinds
        let only = context.command.options("vendor")
        guard let plan = Generation.prepare(context, kinds: kinds, only: only) else { return SCIMGen.ExitCode.failure }
        let out = context.option("out")
        do {
            let writer = SiteWriter(root: context.url(out), display: CommandContext.display(out))
            let summary = try writer.stream(scope: plan.scope) { write in
                try SiteGenerator.generate(plan.input, kinds: kinds, includeIndex: plan.includeIndex, each: write)
            }
            Generation.report(summary.warnings, context: context)
            if !context.command.flag("quiet") {
                context.console.out("\(summary.line) in \(CommandContext.display(out))")
            }
            return SCIMGen.ExitCode.success
        } catch {
            Generation.report(error, context: context, out: out)
            return SCIMGen.ExitCode.failure
        }
    }
}

/// Loading and the problems shared by `generate` and `check`.
enum Generation {
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
