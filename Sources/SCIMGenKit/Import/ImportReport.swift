/// The round-trip report of importing many tutorials: how many were imported with every table row
/// intact, how many with warnings, how many failed and why, and every fact that was not imported.
public struct ImportReport: Hashable, Sendable {
    /// One tutorial and what its import gave.
    public struct Entry: Hashable, Sendable {
        /// The tutorial's path as given.
        public var file: String
        /// The import's result.
        public var result: TutorialImport

        /// Creates an entry.
        public init(file: String, result: TutorialImport) {
            self.file = file
            self.result = result
        }
    }

    /// The tutorials in the order given.
    public var entries: [Entry]

    /// Creates a report from imports in the order they should be listed.
    public init(_ imports: [(file: String, result: TutorialImport)]) {
        entries = imports.map { Entry(file: $0.file, result: $0.result) }
    }

    /// Tutorials that yielded a descriptor.
    public var imported: Int { entries.filter(\.result.succeeded).count }
    /// Tutorials that yielded a descriptor with every table row in it.
    public var importedWithAllRows: Int { entries.filter { $0.result.succeeded && $0.result.allRowsImported }.count }
    /// Tutorials that yielded a descriptor with no warning at all.
    public var importedWithoutWarnings: Int { entries.filter { $0.result.succeeded && $0.result.warnings.isEmpty }.count }
    /// Tutorials that yielded a descriptor and at least one warning.
    public var importedWithWarnings: Int { entries.filter { $0.result.succeeded && !$0.result.warnings.isEmpty }.count }
    /// Tutorials that yielded no descriptor.
    public var failed: Int { entries.filter { !$0.result.succeeded }.count }
    /// Each failed tutorial with the reason: its errors' messages.
    public var failures: [(file: String, reason: String)] {
        entries.filter { !$0.result.succeeded }.map { ($0.file, $0.result.errors.map(\.message).joined(separator: "; ")) }
    }

    /// The report in Markdown, as `scimgen import` prints it.
    public func markdown() -> String {
        let results = entries.map(\.result)
        let sum = { (value: (TutorialImport) -> Int) in results.reduce(0) { $0 + value($1) } }
        var lines = [
            "# Import report", "",
            "| figure | count |", "| --- | ---: |",
            "| tutorials | \(entries.count) |",
            "| imported | \(imported) |",
            "| imported with every table row | \(importedWithAllRows) |",
            "| imported without warnings | \(importedWithoutWarnings) |",
            "| imported with warnings | \(importedWithWarnings) |",
            "| failed | \(failed) |",
            "| table rows imported | \(sum(\.rowsImported)) of \(sum(\.rowsFound)) |",
            "| units imported | \(sum(\.unitsImported)) of \(sum(\.units)) |",
            "| units of template text | \(sum(\.unitsBoilerplate)) |",
            "| units not imported | \(sum(\.unitsNotImported)) |",
            "| facts not imported | \(sum { $0.notImported.count }) |",
            "| warnings | \(sum { $0.warnings.count }) |",
        ]
        lines += [
            "", "## Tutorials", "",
            "| file | vendor | result | table rows | units imported / template / not imported | warnings |",
            "| --- | --- | --- | ---: | ---: | ---: |",
        ]
        for entry in entries {
            let result = entry.result
            let outcome = !result.succeeded ? "failed" : result.warnings.isEmpty ? "imported" : "imported with warnings"
            lines.append(
                "| \(cell(entry.file)) | \(result.id.map(cell) ?? "") | \(outcome) | \(result.rowsImported) of \(result.rowsFound) | \(result.unitsImported) / \(result.unitsBoilerplate) / \(result.unitsNotImported) | \(result.warnings.count) |"
            )
        }
        if failed > 0 {
            lines += ["", "## Failed", ""]
            for failure in failures { lines.append("- \(cell(failure.file)): \(failure.reason)") }
        }
        var kinds: [String: Int] = [:]
        for warning in results.flatMap(\.warnings) { kinds[Self.kind(of: warning.message), default: 0] += 1 }
        if !kinds.isEmpty {
            lines += ["", "## Warnings by kind", "", "| kind | count |", "| --- | ---: |"]
            for (kind, count) in kinds.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                lines.append("| \(kind) | \(count) |")
            }
        }
        let withFacts = entries.filter { !$0.result.notImported.isEmpty }
        if !withFacts.isEmpty {
            lines += ["", "## Not imported"]
            for entry in withFacts {
                lines += ["", "### \(cell(entry.file))", ""]
                lines += entry.result.notImported.map { "- " + $0 }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A warning's kind: its message up to the first colon, such as `paragraph not imported`.
    static func kind(of message: String) -> String {
        String(message.prefix { $0 != ":" })
    }
}

// MARK: - Markdown

private extension ImportReport {
    /// A value as inline code, safe inside a table cell (`MarkdownText`, as templates' `cell(code(x))`).
    func cell(_ text: String) -> String {
        MarkdownText.tableCell(MarkdownText.codeSpan(text))
    }
}
