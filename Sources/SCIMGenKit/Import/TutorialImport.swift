/// The result of importing one tutorial.
public struct TutorialImport: Sendable {
    /// The vendor id, a slug of the app's name; nil when the file is not a provisioning tutorial.
    public var id: String?
    /// The app's display name.
    public var name: String?
    /// The descriptor, in the format of `Vendors/<id>/vendor.json`.
    public var descriptor: JSONValue?
    /// The descriptor's bytes, as `scimgen import` writes them.
    public var bytes: [UInt8]?
    /// Warnings for every fact not placed (located at the tutorial's line) and errors for failures.
    public var diagnostics: [Diagnostic]
    /// Each fact not placed, for the report's "Not imported" list.
    public var notImported: [String]
    /// Attribute table rows seen in the tutorial, and rows imported.
    public var rowsSeen: Int
    public var rowsImported: Int
    /// Credential steps and prerequisites imported.
    public var credentialSteps: Int
    public var prerequisites: Int

    /// Whether a descriptor was produced.
    public var succeeded: Bool { bytes != nil }
}

/// What importing many tutorials came to: how many kept every row, how many need a person.
public struct ImportReport: Sendable {
    /// Each file with its result, in the order given.
    public var results: [(file: String, result: TutorialImport)]

    /// Creates a report.
    public init(_ results: [(String, TutorialImport)]) {
        self.results = results.map { (file: $0.0, result: $0.1) }
    }

    /// Imported with every attribute row and no warning.
    public var clean: Int { results.filter { $0.result.succeeded && $0.result.diagnostics.isEmpty }.count }
    /// Imported with every attribute row.
    public var rowsIntact: Int { results.filter { $0.result.succeeded && $0.result.rowsImported == $0.result.rowsSeen }.count }
    /// Imported with at least one warning.
    public var withWarnings: Int { results.filter { $0.result.succeeded && !$0.result.diagnostics.isEmpty }.count }
    /// Not imported at all.
    public var failed: Int { results.filter { !$0.result.succeeded }.count }

    /// The round-trip report `scimgen import` prints.
    public func markdown() -> String {
        var text = "## Import report\n\n"
        text += "| tutorials | imported | every table row intact | with warnings | failed |\n|---:|---:|---:|---:|---:|\n"
        text += "| \(results.count) | \(results.count - failed) | \(rowsIntact) | \(withWarnings) | \(failed) |\n\n"
        text += "| file | vendor | rows | prerequisites | credential steps | warnings |\n|---|---|---:|---:|---:|---:|\n"
        for (file, result) in results {
            let vendor = result.id.map { "`\($0)`" } ?? "failed"
            text += "| \(Self.cell(file)) | \(vendor) | \(result.rowsImported)/\(result.rowsSeen) | \(result.prerequisites) | \(result.credentialSteps) | \(result.diagnostics.count) |\n"
        }
        let dropped = results.filter { !$0.result.notImported.isEmpty || !$0.result.succeeded }
        if !dropped.isEmpty {
            text += "\n## Not imported\n\n"
            for (file, result) in dropped {
                if !result.succeeded {
                    let reason = result.diagnostics.first { $0.severity == .error }?.message ?? "not a provisioning tutorial"
                    text += "- \(Self.cell(file)): failed: \(reason)\n"
                }
                for fact in result.notImported { text += "- \(Self.cell(file)): \(fact)\n" }
            }
        }
        return text
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
