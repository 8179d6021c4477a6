import Foundation
import SCIMGenKit

/// `scimgen import FILE.md... [--vendors DIR] [--force] [--dry-run] [--report FILE.md]`: existing
/// tutorials become descriptors, and a report says what became of each.
enum ImportCommand {
    static func run(_ context: CommandContext) -> Int32 {
        let files = context.command.positionals("files")
        let vendors = CommandContext.display(context.option("vendors"))
        let force = context.command.flag("force")
        let dryRun = context.command.flag("dry-run")
        var entries: [ImportReport.Entry] = []
        var written: [String] = []
        for file in files {
            // `read` says why on standard error; the report lists the file among the failures.
            guard let data = context.read(file, what: "tutorial") else {
                entries.append(ImportReport.Entry(file: file, result: TutorialImport(), problem: "cannot read the file"))
                continue
            }
            let markdown = String(decoding: data, as: UTF8.self)
            let result = TutorialImporter.importTutorial(markdown: markdown, file: file)
            context.report(result.diagnostics)
            var entry = ImportReport.Entry(file: file, result: result)
            defer { entries.append(entry) }
            guard let id = result.id, let bytes = result.bytes else { continue }
            guard VendorLoader.isValidID(id) else {
                entry.problem = "'\(id)' is not a vendor id"
                continue
            }
            if dryRun { continue }
            let folder = context.url(vendors).appendingPathComponent(id)
            let target = folder.appendingPathComponent(VendorLoader.descriptorName)
            let display = "\(vendors)/\(id)/\(VendorLoader.descriptorName)"
            if FileManager.default.fileExists(atPath: target.path) && !force {
                context.error("'\(display)' exists; pass --force to replace it with the import of '\(file)'")
                entry.problem = "'\(display)' exists; not replaced without --force"
                continue
            }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(bytes).write(to: target, options: .atomic)
                written.append(display)
            } catch {
                context.error("cannot write '\(display)': \(error.localizedDescription)")
                entry.problem = "cannot write '\(display)'"
            }
        }
        let report = ImportReport(entries: entries).markdown()
        if let path = context.command.option("report") {
            do {
                try Data(report.utf8).write(to: context.url(path), options: .atomic)
                written.append(path)
            } catch {
                context.error("cannot write the report '\(path)': \(error.localizedDescription)")
                return SCIMGen.ExitCode.failure
            }
        } else {
            context.console.out(report, terminator: "")
        }
        for path in written { context.console.out("wrote \(path)") }
        return entries.allSatisfy(\.succeeded) ? SCIMGen.ExitCode.success : SCIMGen.ExitCode.failure
    }
}
