import Foundation
import SCIMGenKit

/// `scimgen check`: is the output folder exactly what `generate` would write?
enum CheckCommand {
    static func run(_ context: CommandContext) -> Int32 {
        guard let plan = Generation.prepare(context, kinds: .all, only: [], outcome: "cannot check the output") else {
            return SCIMGen.ExitCode.failure
        }
        let out = CommandContext.display(context.option("out"))
        let check: SiteCheck
        do {
            check = try SiteCheck(root: context.url(out), display: out, scope: plan.scope) { compare in
                try SiteGenerator.generate(plan.input, kinds: .all, includeIndex: plan.includeIndex, each: compare)
            }
        } catch {
            Generation.report(error, context: context, out: out)
            return SCIMGen.ExitCode.failure
        }
        Generation.report(check.warnings, context: context)
        if check.isCurrent {
            context.console.out("\(out) is current: \(check.current == 1 ? "1 file" : "\(check.current) files")")
            return SCIMGen.ExitCode.success
        }
        let formatter = context.formatter
        for finding in check.findings {
            context.console.err(formatter.line(severity: .error, message: finding.message, file: finding.file))
            if !finding.diff.isEmpty && formatter.format == .text { context.console.err(finding.diff, terminator: "") }
        }
        context.console.err(
            "\(out) is out of date: \(check.findings.count == 1 ? "1 file" : "\(check.findings.count) files"); run 'swift run scimgen generate' and commit the result")
        return SCIMGen.ExitCode.failure
    }
}
