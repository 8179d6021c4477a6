import Foundation
import SCIMGenKit

/// `scimgen import FILE.md... [--vendors DIR] [--force] [--report]`: existing tutorials become descriptors.
enum ImportCommand {
    static func run(_ context: CommandContext) -> Int32 {
        let files = context.command.positionals("files")
        let vendors = CommandContext.display(context.option("vendors"))
        let force = context.command.flag("force")
        let dryRun = context.command.flag("dry-run")
        var results: [(String, TutorialImport)] = []
        var failed = false
        var written: [String] = []
        for file in files {
            guard let data = context.read(file, what: "tutorial") else {
                failed = true
                continue
            }
            let markdown = String(decoding: data, as: UTF8.self)
            let result = TutorialImporter.importTutorial(markdown: markdown, file: file)
            results.append((file, result))
            context.report(result.diagnostics)
            guard let id = result.id, let bytes = result.bytes, VendorLoader.isValidID(id) else {
                failed = true
                continue
            }
            if dryRun { continue }
            let folder = context.url(vendors).appendingPathComponent(id)
            let target = folder.appendingPathComponent(VendorLoader.descriptorName)
            let display = "\(vendors)/\(id)/\(VendorLoader.descriptorName)"
            if FileManager.default.fileExists(atPath: target.path) && !force {
                context.error("'\(display)' exists; pass --force to replace it with the import of '\(file)'")
                failed = true
                continue
            }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(bytes).write(to: target, options: .atomic)
                written.append(display)
            } catch {
                context.error("cannot write '\(display)': \(error.localizedDescription)")
                failed = true
            }
        }
        let report = ImportReport(results)
        context.console.out(report.markdown(), terminator: "")
        for path in written { context.console.out("wrote \(path)") }
        return failed ? SCIMGen.ExitCode.failure : SCIMGen.ExitCode.success
    }
}
