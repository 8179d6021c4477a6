import Foundation
import SCIMGenKit

/// `scimgen new ID --name "Display Name"`: a vendor folder with a skeleton that validates.
enum NewCommand: Command {
    static let spec = CommandSpec(
        name: "new",
        abstract: "Create a vendor folder with a descriptor skeleton to fill in.",
        arguments: [
            .positional("id", help: "The vendor id: a lowercase slug such as 'acme-hr'."),
            .option("name", help: "The display name, such as 'Acme HR'.", isRequired: true),
            .vendors, .format,
        ])

    static func run(_ context: CommandContext) -> Int32 {
        let id = context.command.positional("id") ?? ""
        let name = context.option("name").trimmingCharacters(in: .whitespacesAndNewlines)
        guard VendorLoader.isValidID(id) else {
            context.console.err(
                "error: vendor id '\(id)' is not a lowercase slug; use letters a-z, digits and single hyphens, such as '\(VendorLoader.slug(id))'")
            return SCIMGen.ExitCode.usage
        }
        guard !name.isEmpty, !name.contains(where: \.isNewline) else {
            context.console.err("error: '--name' must be a display name on one line, such as 'Acme HR'")
            return SCIMGen.ExitCode.usage
        }
        let vendors = CommandContext.display(context.option("vendors"))
        let folder = context.url(vendors).appendingPathComponent(id)
        let file = folder.appendingPathComponent(VendorLoader.descriptorName)
        let display = "\(vendors)/\(id)/\(VendorLoader.descriptorName)"
        if FileManager.default.fileExists(atPath: folder.path) {
            context.error("'\(vendors)/\(id)' already exists; choose another id or edit '\(display)'")
            return SCIMGen.ExitCode.failure
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MM/dd/yyyy"
        let bytes = VendorSkeleton.bytes(name: name, date: formatter.string(from: Date()))
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: file, options: .withoutOverwriting)
        } catch {
            context.error("cannot write '\(display)': \(error.localizedDescription)")
            return SCIMGen.ExitCode.failure
        }
        context.console.out(
            """
            created \(display)
            next: replace every 'TODO' in it (validate warns while any remains): the prerequisites, \
            the credential steps and the attribute tables; set the capabilities, then run \
            'swift run scimgen validate' and 'swift run scimgen generate'
            """)
        return SCIMGen.ExitCode.success
    }
}
