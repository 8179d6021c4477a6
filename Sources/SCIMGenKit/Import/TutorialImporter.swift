/// Turns an existing Microsoft Learn provisioning tutorial into a vendor descriptor.
///
/// Template text (the generic prerequisites, Steps 1, 3, 4 and 6, the standard provisioning steps
/// and their shared screenshots) maps to nothing, because scimgen's templates write it again.
/// Everything vendor-specific goes into the descriptor; what has no place there is reported as a
/// warning at its line and listed in `TutorialImport.notImported`. Nothing is dropped silently.
/// Pure: no printing, no file access.
public enum TutorialImporter {
    /// Imports one tutorial; `file` is the path used in diagnostics.
    public static func importTutorial(markdown: String, file: String) -> TutorialImport {
        read(markdown: markdown, file: file).result
    }

    /// The import with what became of each unit of the source, for tests that follow every line.
    static func read(markdown: String, file: String) -> (result: TutorialImport, units: [(SourceLine, TutorialReader.Outcome)]) {
        let document = TutorialDocument(parsing: markdown)
        var blocks = document.blocks
        let title = document.frontMatter.first { $0.key?.lowercased() == "title" }?.value
        let headingIndex = blocks.firstIndex { $0.kind == .heading(level: 1) }
        let heading = headingIndex.map { blocks[$0].text }
        guard let name = appName(heading: heading, title: title) else {
            return (failure(
                "not a provisioning tutorial: no heading or title such as 'Tutorial: Configure <App> for automatic user provisioning'",
                file: file, line: headingIndex.map { blocks[$0].line } ?? 1), [])
        }
        if let headingIndex { blocks.remove(at: headingIndex) }
        let sections = TutorialSection.sections(of: blocks, app: name)
        let provisioningKinds: Set<TutorialSection.Kind> = [.capabilities, .prerequisites, .credentials, .provisioning]
        guard sections.contains(where: { provisioningKinds.contains($0.kind) }) else {
            var result = failure(
                "not a provisioning tutorial: '\(name)' has no capabilities, prerequisites, credentials or provisioning section",
                file: file, line: headingIndex.map { document.blocks[$0].line } ?? 1)
            result.name = name
            return (result, [])
        }

        var reader = TutorialReader(file: file, app: name)
        reader.read(frontMatter: document.frontMatter)
        for section in sections { reader.read(section) }
        reader.finish()
        let units = units(of: document)
        // A safety net for the promise that nothing is dropped silently: a unit the reader did
        // not account for is reported like any other fact without a place.
        for unit in units where reader.outcomes[unit.line] == nil {
            reader.notPlaced("block", unit.text, line: unit.line)
        }

        let id = VendorLoader.slug(name)
        let notImported = reader.notImported.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map { "line \($0.element.line): \($0.element.text)" }
        var diagnostics = reader.diagnostics
            .sorted { ($0.diagnostic.location?.line ?? 0, $0.order) < ($1.diagnostic.location?.line ?? 0, $1.order) }
            .map(\.diagnostic)
        let source = file.split(separator: "/").last.map(String.init) ?? file
        let provenance = JSONValue.string(
            "Imported from '\(source)' by 'scimgen import'; compare it with the tutorial before committing it.")
        let comment: JSONValue =
            notImported.isEmpty ? provenance : .array([provenance] + notImported.map { .string("Not imported: " + $0) })
        let descriptor = reader.vendor.descriptor(comment: comment)
        let bytes = JSONWriter.writeBytes(descriptor)
        // The importer's own contract: what it writes must read back without an error.
        let (_, found) = VendorDescriptor.decode(id: id, file: "\(id)/vendor.json", bytes: bytes)
        diagnostics += found.filter { $0.severity == .error }

        let outcomes = units.map { reader.outcomes[$0.line] ?? .notImported }
        let result = TutorialImport(
            id: id, name: name, descriptor: descriptor, bytes: bytes, diagnostics: diagnostics, notImported: notImported,
            rowsFound: reader.rowsFound, rowsImported: reader.rowsImported, units: units.count,
            unitsImported: outcomes.filter { $0 == .imported }.count,
            unitsBoilerplate: outcomes.filter { $0 == .boilerplate }.count,
            unitsNotImported: outcomes.filter { $0 == .notImported }.count)
        return (result, Array(zip(units, outcomes)))
    }

    /// The app's name from the tutorial's heading, else its front matter title.
    static func appName(heading: String?, title: String?) -> String? {
        for text in [heading, title].compactMap({ $0 }) {
            for pattern in namePatterns {
                if let match = pattern.firstMatch(in: TutorialText.collapsed(text)) {
                    let name = TutorialText.trimmed(match[1].replacingOccurrences(of: "*", with: ""))
                    if !name.isEmpty { return name }
                }
            }
        }
        return nil
    }

    private static let namePatterns = [
        ImportPattern(#"^(?:tutorial:\s*)?configur(?:e|ing)\s+(.+?)\s+for\s+automatic\s+user\s+(?:account\s+)?provisioning"#),
        ImportPattern(#"^(?:tutorial:\s*)?user provisioning for\s+(.+?)\s*$"#),
    ]

    /// The units of the source that carry text, each with its line.
    static func units(of document: TutorialDocument) -> [SourceLine] {
        var units = document.frontMatter.map { SourceLine(text: $0.value, line: $0.line) }
        for block in document.blocks {
            switch block.kind {
            case .heading, .html:
                continue
            case .table(let lines):
                for line in lines.dropFirst() where !AttributeTableReader.separator.matches(line.text) {
                    units.append(line)
                }
            case .checklist(let items):
                units += items
            default:
                units.append(SourceLine(text: block.text, line: block.line))
            }
        }
        return units
    }

    private static func failure(_ message: String, file: String, line: Int) -> TutorialImport {
        TutorialImport(diagnostics: [Diagnostic(.error, message, at: SourceLocation(file: file, line: line, column: 1))])
    }
}
