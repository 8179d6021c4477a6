/// The arguments several commands share, declared once so that their help reads the same everywhere.
extension ArgumentSpec {
    /// `--vendors <dir>`: the folder of vendor descriptors.
    static let vendors = ArgumentSpec.option(
        "vendors", valueName: "dir", help: "The folder of vendor descriptors.", defaultValue: "Vendors")
    /// `--templates <dir>`: the folder of shared templates.
    static let templates = ArgumentSpec.option(
        "templates", valueName: "dir", help: "The folder of shared templates.", defaultValue: "Templates")
    /// `--out <dir>`: the output folder.
    static let out = ArgumentSpec.option(
        "out", short: "o", valueName: "dir", help: "The output folder.", defaultValue: "Site")
    /// `--format text|github`: how problems are printed.
    static let format = ArgumentSpec.option(
        "format", help: "How to print problems: plain text, or GitHub Actions annotations.",
        defaultValue: "text", allowedValues: ["text", "github"])
    /// `--vendor <id>`: limit a run to some vendors.
    static let vendor = ArgumentSpec.option(
        "vendor", valueName: "id", help: "Only this vendor; repeat for several.", isRepeating: true)
    /// `--only docs|scim|mappings`: limit a run to some kinds of output.
    static let only = ArgumentSpec.option(
        "only", valueName: "kind", help: "Only this kind of output; repeat for several.", isRepeating: true,
        allowedValues: ["docs", "scim", "mappings"])
    /// `--quiet`: print nothing but problems.
    static let quiet = ArgumentSpec.flag("quiet", short: "q", help: "Print nothing but problems (no summary, no progress).")
}
