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
            vendors or kinds are written and cleaned up, and the index is left as it is.
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

    static let root = CommandSpec(
        name: "scimgen",
        abstract: "Generate SCIM provisioning documentation from vendor descriptors.",
        discussion: """
            Vendor descriptors in 'Vendors/<id>/vendor.json' and templates in 'Templates/' become \
            Microsoft Entra tutorials, SCIM discovery documents and attribute mapping files in 'Site/'.
            """,
        version: SCIMGen.version,
        subcommands: [validate, render, new])
}
