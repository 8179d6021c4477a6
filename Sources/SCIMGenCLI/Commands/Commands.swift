/// The command tree: every command, option and help text in one literal.
enum Commands {
    static let vendors = ArgumentSpec.option(
        "vendors", valueName: "dir", help: "The folder of vendor descriptors.", defaultValue: "Vendors")
    static let templates = ArgumentSpec.option(
        "templates", valueName: "dir", help: "The folder of shared templates.", defaultValue: "Templates")
    static let out = ArgumentSpec.option(
        "out", short: "o", valueName: "dir", help: "The output folder.", defaultValue: "Site")
    static let format = ArgumentSpec.option(
        "format", help: "How to print problems: plain text, or GitHub Actions annotations.",
        defaultValue: "text", allowedValues: ["text", "github"])
    static let vendor = ArgumentSpec.option(
        "vendor", valueName: "id", help: "Only this vendor; repeat for several.", isRepeating: true)
    static let only = ArgumentSpec.option(
        "only", valueName: "kind", help: "Only this kind of output; repeat for several.", isRepeating: true,
        allowedValues: ["docs", "scim", "mappings"])

    static let validate = CommandSpec(
        name: "validate",
        abstract: "Check the vendor descriptors and templates and report every problem.",
        discussion: """
            Each problem is printed as 'FILE:LINE:COLUMN: error|warning: message'. Exits 0 when \
            there is no error, 1 when there is one (or a warning, with '--strict').
            """,
        arguments: [
            vendors, templates,
            .flag("strict", help: "Treat warnings as errors."),
            format,
        ])

    static let generate = CommandSpec(
        name: "generate",
        abstract: "Write the tutorials, SCIM documents and mapping files.",
        discussion: """
            Validates first and writes nothing when anything is invalid. Writes only files whose \
            bytes changed, each atomically, and removes files it generated before that are no \
            longer produced; a manifest in the output folder ('.scimgen-manifest') records them. \
            Files it did not write are never touched. With '--vendor' or '--only', only the named \
            vendors or kinds are written and cleaned up; with '--vendor', the index is left as it is.
            """,
        arguments: [vendors, templates, out, vendor, only, format, .flag("quiet", short: "q", help: "Print nothing but problems.")])

    static let check = CommandSpec(
        name: "check",
        abstract: "Fail when the output folder is not what 'generate' would write.",
        discussion: """
            Regenerates in memory and compares with the output folder. Exits 1 naming every \
            stale, missing or extra generated file with a short diff; exits 0 when current. \
            Run it in CI so that a change that forgot to regenerate does not land.
            """,
        arguments: [vendors, templates, out, format])

    static let render = CommandSpec(
        name: "render",
        abstract: "Render one Mustache template with JSON data and print the result.",
        discussion: """
            Escaping follows the template's kind: none for Markdown ('.md', '.md.mustache'), \
            HTML otherwise; '--escape' overrides it. Missing names render as nothing, as the \
            Mustache specification says; '--strict' makes them errors, as in generation.
            """,
        arguments: [
            .positional("template", help: "The template file."),
            .option("data", valueName: "file", help: "A JSON file with the data to render; '{}' when absent."),
            .option("partials", valueName: "dir", help: "A folder of partials ('NAME.mustache'); the template's own folder when absent."),
            .option("escape", help: "Override the escaping.", allowedValues: ["html", "none"]),
            .flag("strict", help: "Fail on missing names and partials."),
            format,
        ])

    static let new = CommandSpec(
        name: "new",
        abstract: "Create a vendor folder with a descriptor skeleton to fill in.",
        arguments: [
            .positional("id", help: "The vendor id: a lowercase slug such as 'acme-hr'."),
            .option("name", help: "The display name, such as 'Acme HR'.", isRequired: true),
            vendors, format,
        ])

    static let diff = CommandSpec(
        name: "diff",
        abstract: "Summarize what changed between two sets of descriptors, vendor by vendor.",
        discussion: """
            Compares two descriptor files, vendor folders or folders of vendors (OLD NEW), or the \
            descriptors at a git revision with the working tree ('--base main'). Prints Markdown \
            for a pull-request comment, or JSON for tools.
            """,
        arguments: [
            .positional("paths", help: "OLD and NEW: descriptor files or folders.", isOptional: true, isRepeating: true),
            .option("base", valueName: "rev", help: "Compare the descriptors at this git revision with the working tree."),
            vendors,
            .option("format", help: "Markdown for people, JSON for tools.", defaultValue: "markdown", allowedValues: ["markdown", "json"]),
            .flag("exit-code", help: "Exit 1 when there are changes."),
        ])

    static let entraMerge = CommandSpec(
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
            vendors,
            .option(
                "format", help: "How to print problems and the report: plain text, GitHub Actions annotations, or JSON (with '--out').",
                defaultValue: "text", allowedValues: ["text", "github", "json"]),
        ])

    static let importTutorials = CommandSpec(
        name: "import",
        abstract: "Turn existing Microsoft Learn provisioning tutorials into vendor descriptors.",
        discussion: """
            Writes one descriptor per tutorial into 'Vendors/<id>/vendor.json' and prints a report: \
            rows and steps imported, and every fact that could not be placed (also as a warning \
            with its line), so that a person can finish the descriptor by hand. Refuses to replace \
            an existing vendor without '--force'.
            """,
        arguments: [
            .positional("files", help: "The tutorials (Markdown with front matter).", isRepeating: true),
            vendors,
            .flag("force", help: "Replace existing descriptors."),
            .flag("dry-run", help: "Report only; write nothing."),
            format,
        ])

    static let root = CommandSpec(
        name: "scimgen",
        abstract: "Generate SCIM provisioning documentation from vendor descriptors.",
        discussion: """
            Vendor descriptors in 'Vendors/<id>/vendor.json' and templates in 'Templates/' become \
            Microsoft Entra tutorials, SCIM discovery documents and attribute mapping files in 'Site/'.
            """,
        version: SCIMGen.version,
        subcommands: [validate, generate, check, diff, new, importTutorials, entraMerge, render])
}
