import Foundation
import SCIMGenKit

/// `scimgen check`: is the output folder exactly what `generate` would write?
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Fail when the output folder is not what 'generate' would write.",
        discussion: """
            Regenerates in memory and compares with the output folder. Exits 1 naming every \
            stale, missing or extra generated file with a short diff; exits 0 when current. \
            Run it in CI so that a change that forgot to regenerate does not land.
            """,
        arguments: [.vendors, .templates, .out, .format, .quiet])

    static func run(_ context: CommandContext) -> Int32 {
        if let refusal = Generation.outputRefusal(context) {
            context.console.err(refusal)
            return SCIMGen.ExitCode.usage
        }
        guard let plan = Generation.prepare(context, kinds: .all, only: [], outcome: "cannot check the output") else {
            return SCIMGen.ExitCode.failure
        }
        let out = CommandContext.display(context.option("out"))
        let check: SiteCheck
        let progress = Generation.Progression(context: context, vendors: plan.input.vendors.count, verb: "checked")
        do {
            check = try SiteCheck(root: context.url(out), display: out, scope: plan.scope) { compare in
                try SiteGenerator.generate(plan.input, kinds: .all, includeIndex: plan.includeIndex) { files in
                    try compare(files)
                    progress.advance(files)
                }
            }
            progress.finish()
        } catch {
            progress.finish()
            Generation.report(error, context: context, out: out)
            return SCIMGen.ExitCode.failure
        }
        Generation.report(check.warnings, context: context)
        if check.isCurrent {
            if context.command.flag("quiet") { return SCIMGen.ExitCode.success }
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
