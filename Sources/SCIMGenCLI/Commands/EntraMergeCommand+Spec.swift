// The spec of `entra-merge`, kept beside its own file so that the command's run stays as its author wrote it.
extension EntraMergeCommand: Command {
    static let spec = CommandSpec(
        name: "entra-merge",
        abstract: "Merge a vendor's attribute mappings into a schema downloaded from Microsoft Entra.",
        discussion: """
            Reads the synchronization schema exported from the app's schema editor (Download) or \
            from Graph (GET .../synchronization/jobs/{id}/schema), adds or updates the vendor's \
            target attributes and mappings, keeps everything else, and prints or writes the \
            complete document to paste back or send with PUT. Saving restarts an initial cycle.
            """,
        arguments: [
            .option("vendor", valueName: "id", help: "The vendor whose mappings to merge.", isRequired: true),
            .option("schema", valueName: "file", help: "The schema downloaded from the tenant.", isRequired: true),
            .option("out", short: "o", valueName: "file", help: "Write the merged schema here instead of printing it."),
            .vendors, .format,
        ])
}
