import Foundation
import SCIMGenKit

/// `scimgen generate`: validate, render in memory, then write only what changed.
enum GenerateCommand {
    static func run(_ context: CommandContext) -> Int32 {
        let kinds = context.kinds
        let only = context.command.options("vendor")
        guard let (files, scope) = Generation.render(context, kinds: kinds, only: only) else {
            return SCIMGen.ExitCode.failure
        }
        let out = context.option("out")
        do {
            let summary = try SiteWriter(root: context.url(out)).write(files, scope: scope)
            if !context.command.flag("quiet") {
                context.console.out("\(summary.line) in \(CommandContext.display(out))")
            }
            return SCIMGen.ExitCode.success
        } catch let error as SiteWriteError {
            context.error("\(CommandContext.display(out))/\(error.path): \(error.reason)")
        } catch {
            context.error("cannot write '\(CommandContext.display(out))': \(error)")
        }
        return SCIMGen.ExitCode.failure
    }
}

/// Loading and rendering shared by `generate` and `check`.
enum Generation {
    /// The files to write and the scope of previously generated files they replace, or nil after
    /// printing every problem.
    static func render(_ context: CommandContext, kinds: OutputKinds, only: [String], outcome: String = "nothing written")
        -> ([String: [UInt8]], @Sendable (String) -> Bool)?
    {
        let result = context.loadSite(kinds: kinds, only: only)
        context.report(result.diagnostics)
        guard let input = result.input else {
            let tally = CommandContext.tally(result.diagnostics) ?? "errors"
            context.console.err("found \(tally); \(outcome)")
            return nil
        }
        let vendors: Set<String>? = only.isEmpty ? nil : Set(only)
        do {
            let files = try SiteGenerator.generate(input, kinds: kinds, includeIndex: vendors == nil)
            let scope: @Sendable (String) -> Bool = { path in
                if path == SiteGenerator.indexPath { return vendors == nil && kinds.contains(.docs) }
                return kinds.covers(path: path, vendors: vendors)
            }
            return (files, scope)
        } catch let error as DiagnosticsError {
            context.report(error.diagnostics)
        } catch {
            context.error("\(error)")
        }
        context.console.err("generation failed; \(outcome)")
        return nil
    }
}
