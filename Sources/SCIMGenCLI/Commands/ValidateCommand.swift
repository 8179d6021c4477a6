import Foundation
import SCIMGenKit

/// `scimgen validate`: every problem in the descriptors and templates, in one run.
enum ValidateCommand: Command {
    static let spec = CommandSpec(
        name: "validate",
        abstract: "Check the vendor descriptors and templates and report every problem.",
        discussion: """
            Each problem is printed as 'FILE:LINE:COLUMN: error|warning: message'. Exits 0 when \
            there is no error, 1 when there is one (or a warning, with '--strict').
            """,
        arguments: [.vendors, .templates, .flag("strict", help: "Treat warnings as errors."), .format])

    static func run(_ context: CommandContext) -> Int32 {
        let checksTemplates = context.command.isGiven("templates")
            || FileManager.default.fileExists(atPath: context.url(context.option("templates")).path)
        // Templates are checked when the folder exists; a descriptor-only repository validates too.
        let result = context.loadSite(kinds: checksTemplates ? .all : [.scim, .mappings])
        context.report(result.diagnostics)
        let strict = context.command.flag("strict")
        let failing = result.hasErrors || (strict && result.diagnostics.contains { $0.severity == .warning })
        let vendors = result.vendors.count == 1 ? "1 vendor" : "\(result.vendors.count) vendors"
        if let tally = CommandContext.tally(result.diagnostics) {
            context.console.out("found \(tally); \(failing ? "not valid" : "\(vendors) valid")")
        } else {
            context.console.out("\(vendors) valid")
        }
        return failing ? SCIMGen.ExitCode.failure : SCIMGen.ExitCode.success
    }
}
