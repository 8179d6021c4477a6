extension SCIMGen {
    /// Every command, in the order help lists them.
    static let commands: [any Command.Type] = [
        ValidateCommand.self, GenerateCommand.self, CheckCommand.self, DiffCommand.self, NewCommand.self,
        ImportCommand.self, EntraMergeCommand.self, RenderCommand.self,
    ]

    /// The root of the command tree: the program itself, with every command below it.
    public static let spec = CommandSpec(
        name: "scimgen",
        abstract: "Generate SCIM provisioning documentation from vendor descriptors.",
        discussion: """
            Vendor descriptors in 'Vendors/<id>/vendor.json' and templates in 'Templates/' become \
            Microsoft Entra tutorials, SCIM discovery documents and attribute mapping files in 'Site/'. \
            Every command finds the project from any folder inside it, as git does: the nearest folder \
            above that holds 'Vendors/' and 'Templates/'.
            """,
        version: version,
        subcommands: commands.map { $0.spec })

    /// The command type a parsed command line names.
    static func command(for parsed: ParsedCommand) -> (any Command.Type)? {
        guard parsed.path.count == 2 else { return nil }
        return commands.first { $0.spec.name == parsed.path[1] }
    }
}
