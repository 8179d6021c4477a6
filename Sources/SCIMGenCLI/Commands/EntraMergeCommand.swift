import Foundation
import SCIMGenKit

/// `scimgen entra-merge --vendor ID --schema DOWNLOADED.json [--out FILE]`: the vendor's mappings
/// merged into a tenant's synchronization schema, ready to paste or PUT.
enum EntraMergeCommand {
    static func run(_ context: CommandContext) -> Int32 {
        let id = context.option("vendor")
        let schemaPath = context.option("schema")
        let vendors = CommandContext.display(context.option("vendors"))
        let set = VendorLoader.load(directory: context.url(vendors), display: vendors, only: [id])
        context.report(set.diagnostics)
        guard !set.hasErrors, let vendor = set.vendors.first else {
            context.console.err("cannot merge: vendor '\(id)' has errors; nothing written")
            return SCIMGen.ExitCode.failure
        }
        guard let data = FileManager.default.contents(atPath: context.url(schemaPath).path) else {
            context.error("cannot read schema file '\(schemaPath)'; download it from the app's schema editor or Graph first")
            return SCIMGen.ExitCode.failure
        }
        let merged: [UInt8]
        do {
            merged = try EntraMerge.merge(schema: [UInt8](data), file: schemaPath, vendor: vendor)
        } catch {
            context.report(error.diagnostics)
            context.console.err("cannot merge into '\(schemaPath)'; nothing written")
            return SCIMGen.ExitCode.failure
        }
        guard let out = context.command.option("out") else {
            context.console.out(String(decoding: merged, as: UTF8.self), terminator: "")
            return SCIMGen.ExitCode.success
        }
        do {
            try Data(merged).write(to: context.url(out), options: .atomic)
        } catch {
            context.error("cannot write '\(out)': \(error.localizedDescription)")
            return SCIMGen.ExitCode.failure
        }
        context.console.out(
            "wrote \(out): '\(vendor.name)' merged into '\(schemaPath)'; paste it into the schema editor or PUT it (saving restarts an initial cycle)")
        return SCIMGen.ExitCode.success
    }
}
