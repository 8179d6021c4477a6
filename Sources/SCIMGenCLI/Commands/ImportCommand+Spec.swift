// The spec of `import`, kept beside its own file so that the command's run stays as its author wrote it.
extension ImportCommand: Command {
    static let spec = CommandSpec(
        name: "import",
        abstract: "Turn existing Microsoft Learn provisioning tutorials into vendor descriptors.",
        discussion: """
            Writes one descriptor per tutorial into 'Vendors/<id>/vendor.json' and prints a report: \
            rows and steps imported, and every fact that could not be placed (also as a warning \
            with its line), so that a person can finish the descriptor by hand. Published defects \
            (a misspelled attribute, a malformed date) are corrected with a warning and listed. \
            Refuses to replace an existing vendor without '--force'.
            """,
        arguments: [
            .positional("files", help: "The tutorials (Markdown with front matter).", isRepeating: true),
            .vendors,
            .flag("force", help: "Replace existing descriptors."),
            .flag("dry-run", help: "Report only; write no descriptor."),
            .option("report", valueName: "file", help: "Write the report to this Markdown file instead of printing it."),
            .format,
        ])

    /// A dry run writes nothing, so it needs no project to write into.
    static func needsProject(_ parsed: ParsedCommand) -> Bool {
        !parsed.flag("dry-run") && !parsed.isGiven("vendors")
    }
}
