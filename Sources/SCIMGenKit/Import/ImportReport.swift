/// The report of importing many tutorials: how many became descriptors, how many kept every table
/// row as published, which failed and why, every published defect corrected (file and line), and
/// every fact that found no place; what a docs team reads before migrating.
public struct ImportReport: Hashable, Sendable {
    /// One tutorial and what its import gave.
    public struct Entry: Hashable, Sendable {
        /// The tutorial's path as given.
        public var file: String
        /// The import's result.
        public var result: TutorialImport
        /// Why no descriptor was written although the import succeeded (the vendor exists, the
        /// folder cannot be written), or why the file was never imported (it cannot be read).
        public var problem: String?

        /// Creates an entry.
        public init(file: String, result: TutorialImport, problem: String? = nil) {
            self.file = file
            self.result = result
            self.problem = problem
        }

        /// Whether the tutorial became a descriptor (written, or in a dry run, writable).
        public var succeeded: Bool { problem == nil && result.succeeded }
    }

    /// The tutorials in the order given.
    public var entries: [Entry]

    /// Creates a report from entries in the order they should be listed.
    public init(entries: [Entry]) { self.entries = entries }

    /// Creates a report from imports in the order they should be listed.
    public init(_ imports: [(file: String, result: TutorialImport)]) {
        entries = imports.map { Entry(file: $0.file, result: $0.result) }
    }

    /// Tutorials that became descriptors.
    public var imported: Int { entries.filter(\.succeeded).count }
    /// Tutorials that became descriptors with every table row as published.
    public var importedWithAllRows: Int { entries.filter { $0.succeeded && $0.result.allRowsImported }.count }
    /// Tutorials that became descriptors with no warning at all.
    public var importedWithoutWarnings: Int { entries.filter { $0.succeeded && $0.result.warnings.isEmpty }.count }
    /// Tutorials that did not become descriptors.
    public var failed: Int { entries.filter { !$0.succeeded }.count }
    /// Each failed tutorial with the reason.
    public var failures: [(file: String, reason: String)] {
        entries.filter { !$0.succeeded }.map { entry in
            (entry.file, entry.problem ?? entry.result.errors.map(\.message).joined(separator: "; "))
        }
    }

    /// The report in Markdown.
    public func markdown() -> String {
        let results = entries.map(\.result)
        let sum = { (value: (TutorialImport) -> Int) in results.reduce(0) { $0 + value($1) } }
        let corrected = entries.filter { !$0.result.corrections.isEmpty }.count
        var lines = [
            "# Import report", "",
            "| figure | count |", "| --- | ---: |",
            "| tutorials | \(entries.count) |",
            "| imported | \(imported) |",
            "| imported with every table row as published | \(importedWithAllRows) |",
            "| imported without warnings | \(importedWithoutWarnings) |",
            "| failed | \(failed) |",
            "| table rows imported | \(sum(\.rowsImported)) of \(sum(\.rowsFound)) |",
            "| table rows changed (corrected, or type completed) | \(sum(\.rowsCorrected)) |",
            "| published defects corrected or left out | \(sum { $0.corrections.count }) in \(corrected) \(corrected == 1 ? "tutorial" : "tutorials") |",
            "| units imported | \(sum(\.unitsImported)) of \(sum(\.units)) |",
            "| units of template text | \(sum(\.unitsBoilerplate)) |",
            "| units not imported | \(sum(\.unitsNotImported)) |",
            "| facts not placed | \(sum { $0.notImported.count }) |",
            "| warnings | \(sum { $0.warnings.count }) |",
        ]
        lines += [
            "", "## Tutorials", "",
            "| file | vendor | result | table rows | corrections | units imported / template / not imported | warnings |",
            "| --- | --- | --- | ---: | ---: | ---: | ---: |",
        ]
        for entry in entries {
            let result = entry.result
            let outcome =
                !entry.succeeded ? "failed" : result.allRowsImported ? "imported" : "imported, rows changed"
            lines.append(
                "| \(cell(entry.file)) | \(result.id.map(cell) ?? "") | \(outcome) | \(result.rowsImported) of \(result.rowsFound) | \(result.corrections.count) | \(result.unitsImported) / \(result.unitsBoilerplate) / \(result.unitsNotImported) | \(result.warnings.count) |"
            )
        }
        if failed > 0 {
            lines += ["", "## Failed", ""]
            for failure in failures { lines.append("- \(cell(failure.file)): \(Self.escaped(failure.reason))") }
        }
        let withCorrections = entries.filter { !$0.result.corrections.isEmpty }
        if !withCorrections.isEmpty {
            lines += ["", "## Published defects", ""]
            lines.append("Each is corrected in the descriptor, or left out of it, with a warning at its line.")
            for entry in withCorrections {
                lines += ["", "### \(cell(entry.file))", ""]
                lines += entry.result.corrections.map { "- line \($0.line): \(Self.escaped($0.message.replacingPrefix("published defect ")))" }
            }
        }
        var kinds: [String: Int] = [:]
        for warning in results.flatMap(\.warnings) { kinds[Self.kind(of: warning.message), default: 0] += 1 }
        if !kinds.isEmpty {
            lines += ["", "## Warnings by kind", "", "| kind | count |", "| --- | ---: |"]
            for (kind, count) in kinds.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                lines.append("| \(Self.escaped(kind)) | \(count) |")
            }
        }
        let withFacts = entries.filter { !$0.result.notImported.isEmpty }
        if !withFacts.isEmpty {
            lines += ["", "## Facts not placed"]
            for entry in withFacts {
                lines += ["", "### \(cell(entry.file))", ""]
                lines += entry.result.notImported.map { "- " + Self.escaped($0) }
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

    /// Text from a tutorial, on one line, that cannot start a heading, a list or a table cell.
    static func escaped(_ text: String) -> String {
        TutorialText.collapsed(text).replacingOccurrences(of: "|", with: "\\|")
    }
}

private extension String {
    func replacingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
