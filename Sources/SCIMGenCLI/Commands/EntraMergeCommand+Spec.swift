// The spec of `entra-merge`, kept beside its own file so that the command's run stays as its author wrote it.
extension EntraMergeCommand: Command {
    static let spec = CommandSpec(
        name: "entra-merge",
        abstract: "Merge a vendor's attribute mappings into a schema downloaded from Microsoft Entra.",
        discussion: """
            Reads the synchronization schema exported from the app's schema editor (Download) or \
            from Graph (GET .../synchronization/jobs/{id}/schema), refuses one whose target is not \
            a SCIM app, adds the vendor's target attributes and mappings that the tenant lacks, \
            keeps everything else, and prints or writes the complete document to paste back or \
            send with PUT. Where the tenant and the vendor disagree, the tenant's side stays \
            unless '--prefer vendor'; the tenant's matching stays unless '--matching vendor'. \
            A report lists every conflict and what is still to do; saving restarts an initial cycle.
            """,
        arguments: [
            .option("vendor", valueName: "id", help: "The vendor whose mappings to merge.", isRequired: true),
            .option("schema", valueName: "file", help: "The schema downloaded from the tenant.", isRequired: true),
            .option("out", short: "o", valueName: "file", help: "Write the merged schema here instead of printing it; not the schema file."),
            .option(
                "prefer", valueName: "side", help: "Whose side of a conflicting mapping wins.", defaultValue: "tenant",
                allowedValues: ["tenant", "vendor"]),
            .option(
                "matching", valueName: "side", help: "Whose matching precedences the merged schema has.", defaultValue: "tenant",
                allowedValues: ["tenant", "vendor"]),
            .vendors,
            .option(
                "format", help: "How to print problems and the report: plain text, GitHub Actions annotations, or JSON (with '--out').",
                defaultValue: "text", allowedValues: ["text", "github", "json"]),
        ])
}
