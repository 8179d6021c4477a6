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
        let source = file.split(separator: "/").last.map(String.init) ?? file
        let provenance = "Imported from '\(source)' by 'scimgen import'; compare it with the tutorial before committing it."
        // The importer's own contract: what it writes must pass `validate`. A row the validator
        // still refuses is left out with a warning, and the descriptor made again.
        var descriptor: VendorDescriptor
        var bytes: [UInt8]
        var errors: [Diagnostic]
        var readBack: VendorDescriptor?
        var attempts = 0
        repeat {
            descriptor = reader.vendor
            descriptor.jsonSchema = "../vendor.schema.json"
            descriptor.comments = Comments([
                "": [provenance] + reader.notImportedLines().map { "Not imported: " + $0 },
                "scim": [Self.minimumServiceComment],
            ])
            bytes = DescriptorCodec.encode(descriptor)
            // Exactly what `validate` reads and checks: the codec, the semantic checks, text safety.
            let file = "\(id)/vendor.json"
            let (decoded, _) = DescriptorCodec.decode(id: id, file: file, bytes: bytes)
            readBack = decoded
            errors = VendorLoader.load(sources: [VendorSource(id: id, file: file, bytes: bytes)]).diagnostics
                .filter { $0.severity == .error }
            attempts += 1
            guard !errors.isEmpty, attempts < 4, let decoded, reader.leaveOut(refused: errors, in: decoded) else { break }
        } while true
        if let readBack, errors.isEmpty { descriptor = readBack }

        let notImported = reader.notImportedLines()
        var diagnostics = reader.diagnostics
            .sorted { ($0.diagnostic.location?.line ?? 0, $0.order) < ($1.diagnostic.location?.line ?? 0, $1.order) }
            .map(\.diagnostic)
        diagnostics += errors.map { error in
            Diagnostic(.error, "the import does not validate: \(error.message)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        let outcomes = units.map { reader.outcomes[$0.line] ?? .notImported }
        let corrections = reader.corrections.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
        let rows = reader.vendor.users.attributes + (reader.vendor.groups?.attributes ?? [])
        let result = TutorialImport(
            id: id, name: name, descriptor: errors.isEmpty ? descriptor : nil, bytes: errors.isEmpty ? bytes : nil,
            diagnostics: diagnostics, notImported: notImported, corrections: corrections,
            rowsFound: reader.rowsFound, rowsImported: rows.count - reader.rowsAdded,
            rowsCorrected: rows.filter { reader.rowsCorrected.contains(TutorialReader.line(of: $0)) }.count, units: units.count,
            unitsImported: outcomes.filter { $0 == .imported }.count,
            unitsBoilerplate: outcomes.filter { $0 == .boilerplate }.count,
            unitsNotImported: outcomes.filter { $0 == .notImported }.count)
        return (result, Array(zip(units, outcomes)))
    }

    /// What every imported descriptor says of its `scim` object: the tutorials never state the
    /// service's features, so the descriptor records the minimum Microsoft Entra ID needs.
    static let minimumServiceComment =
        "The tutorial does not state the SCIM service features; these are the minimum Microsoft Entra ID needs (PATCH, filtering) with bearer-token authentication."

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
        ImportPattern(
            #"^(?:tutorial:\s*)?(?:configur(?:e|ing)|set ?up|setting up)\s+(.+?)\s+for\s+(?:automatic\s+)?(?:(?:user|users|host|hosts|group|groups|account|and|identity)\s+){0,4}provisioning"#),
        ImportPattern(#"^(?:tutorial:\s*)?integrat(?:e|ing)\s+(.+?)\s+with\s+.*\bprovisioning\b"#),
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
                for line in lines.dropFirst() where !MarkdownLine.isSeparatorRow(line.text[...]) {
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
