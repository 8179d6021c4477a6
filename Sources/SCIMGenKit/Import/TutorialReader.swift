import Foundation

/// Walks a parsed tutorial section by section and places every fact in a `VendorDescriptor`,
/// accounting for every unit (front matter line, paragraph, list item, checklist item, alert,
/// image, code block, table row) as imported, boilerplate or not imported.
struct TutorialReader {
    /// What became of one unit of the source.
    enum Outcome: Int, Comparable, Sendable {
        case boilerplate, imported, notImported
        static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What a screenshot or code block after a text block belongs to.
    enum Owner: Hashable {
        case none
        /// Template text; in Step 5, the standard step it describes.
        case generic(ProvisioningStep?)
        /// The credential step at this index.
        case step(Int)
        /// The mapping of users or groups: a screenshot shows its attributes.
        case mapping(Target)
    }

    /// Which attribute table a Markdown table fills.
    enum Target { case users, groups }

    let file: String
    let app: String
    /// The descriptor so far; imported rows, steps and entries carry their tutorial line as origin.
    var vendor: VendorDescriptor
    /// The group table so far; it becomes `vendor.groups` when the tutorial has one.
    var groups = AttributeTable()
    var usersFound = false
    var groupsFound = false
    /// Whether a table had a matching column, which then replaces Entra's default matching.
    var usersStateMatching = false
    var groupsStateMatching = false
    var diagnostics: [(order: Int, diagnostic: Diagnostic)] = []
    var notImported: [(line: Int, text: String)] = []
    var outcomes: [Int: Outcome] = [:]
    var corrections: [ImportCorrection] = []
    var rowsFound = 0
    /// Rows the importer added, which no table of the tutorial has (a group table's displayName).
    var rowsAdded = 0
    /// Rows of attribute tables that found no table to go into.
    var rejectedRows = 0
    /// The lines of rows kept with a corrected path or type, or a type completed from the catalog.
    var rowsCorrected: Set<Int> = []

    // Context gathered on the way.
    var capabilities: Capabilities?
    var capabilitiesLine: Int?
    var inferredCapabilities: (create: Bool, update: Bool, deprovision: Capabilities.Deprovisioning, line: Int)?
    var pendingTarget: Target?
    var groupMappingLine: Int?
    var adminCredentialsLine: Int?
    /// The line each imported text came from, for messages about text kept without an origin.
    var textLines: [String: Int] = [:]
    var websiteLine: Int?
    /// The flow Step 5 follows, when the tutorial says.
    var flowStated: ProvisioningFlow?
    var websiteChecked = false
    /// Lines already searched for published defects in their text.
    var checkedLines: Set<Int> = []
    /// Another product's name found on a line, which imported text of that line replaces.
    var otherProducts: [Int: String] = [:]

    init(file: String, app: String) {
        self.file = file
        self.app = app
        vendor = VendorDescriptor(id: "", file: "", name: app)
    }

    // MARK: - Reporting

    /// The origin of a fact read at a line of the tutorial.
    func at(_ line: Int) -> Origin { Origin(SourceLocation(file: file, line: line, column: 1)) }

    mutating func record(_ outcome: Outcome, line: Int) {
        outcomes[line] = max(outcomes[line] ?? outcome, outcome)
    }

    mutating func report(_ severity: Diagnostic.Severity, _ message: String, line: Int) {
        let location = SourceLocation(file: file, line: line, column: 1)
        diagnostics.append((diagnostics.count, Diagnostic(severity, message, at: location)))
    }

    /// Reports a fact that has no place: a warning at its line, the fact in `notImported`.
    mutating func notPlaced(_ what: String, _ text: String, line: Int) {
        report(.warning, "\(what) not imported: \(TutorialText.quoted(text))", line: line)
        notImported.append((line, TutorialText.collapsed(text)))
        record(.notImported, line: line)
    }

    /// Each fact not imported as `line N: text`, in line order.
    func notImportedLines() -> [String] {
        notImported.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map { "line \($0.element.line): \($0.element.text)" }
    }

    /// Reports a published defect and what the descriptor records instead (nil when it records
    /// nothing): a warning at its line, and an entry in the report's corrections.
    mutating func correct(line: Int, found: String, recorded: String?, reason: String) {
        let correction = ImportCorrection(line: line, found: TutorialText.clipped(found), recorded: recorded.map { TutorialText.clipped($0) }, reason: reason)
        // Two sentences of one paragraph may repeat one defect; it is one correction.
        guard !corrections.contains(correction) else { return }
        corrections.append(correction)
        report(.warning, correction.message, line: line)
    }

    /// Imported text with the product's current names and without the defects found on its line
    /// (the template's "TestApp", another product's name); a note says when a name was updated.
    mutating func imported(_ text: String, line: Int) -> String {
        var (result, changed) = TutorialText.renamed(TutorialText.collapsed(text))
        if changed {
            report(.note, "old product name updated: imported as Microsoft Entra ID and the Microsoft Entra admin center", line: line)
        }
        if checkedLines.contains(line) {
            result = TutorialReader.placeholder.replacing(in: result, literally: app)
            if let other = otherProducts[line] { result = result.replacingOccurrences(of: other, with: app) }
        }
        if textLines[result] == nil { textLines[result] = line }
        return result
    }

    // MARK: - Front matter

    mutating func read(frontMatter: [TutorialDocument.FrontMatterLine]) {
        for entry in frontMatter {
            let text = entry.key.map { "\($0): \(entry.value)" } ?? "# \(entry.value)"
            guard let key = entry.key else {
                let normal = TutorialText.normalised(entry.value, app: app)
                if normal == Self.defaultIntent {
                    record(.boilerplate, line: entry.line)
                } else if let colon = entry.value.firstIndex(of: ":"), normal.hasPrefix("customer intent:") {
                    vendor.learn.customerIntent = imported(String(entry.value[entry.value.index(after: colon)...]), line: entry.line)
                    record(.imported, line: entry.line)
                } else {
                    notPlaced("front matter comment", text, line: entry.line)
                }
                continue
            }
            let lowered = key.lowercased()
            if let field = Self.learnKeys[lowered], !entry.value.isEmpty {
                var value = entry.value
                // "| Microsoft Docs" was the old site's suffix, never part of the title.
                for suffix in [" | Microsoft Docs", " | Microsoft Learn"] where value.hasSuffix(suffix) {
                    value.removeLast(suffix.count)
                }
                let normal = TutorialText.normalised(value, app: app)
                if (lowered == "title" && Self.defaultTitle.matches(normal))
                    || (lowered == "description" && Self.defaultDescription.matches(normal))
                {
                    record(.boilerplate, line: entry.line)
                    continue
                }
                guard let value = checkedValue(value, field: field, line: entry.line) else {
                    record(.notImported, line: entry.line)
                    continue
                }
                vendor.learn[keyPath: field] = imported(value, line: entry.line)
                record(.imported, line: entry.line)
            } else if Self.templateKeys.contains(lowered) || (Self.learnKeys[lowered] != nil && entry.value.isEmpty)
                || (lowered == "editor" && entry.value.isEmpty)
            {
                record(.boilerplate, line: entry.line)
            } else {
                notPlaced("front matter", text, line: entry.line)
            }
        }
    }

    /// A front matter value as the descriptor can hold it: a date brought to MM/DD/YYYY, a GUID
    /// without braces, a stray quote dropped; nil, with a correction, for a value that cannot be
    /// made valid (`na` for a GUID).
    mutating func checkedValue(_ value: String, field: WritableKeyPath<LearnMetadata, String?>, line: Int) -> String? {
        var value = value
        if let first = value.first, first == "'" || first == "\"", value.last != first || value.count == 1 {
            let fixed = TutorialText.trimmed(String(value.dropFirst()))
            correct(line: line, found: value, recorded: fixed, reason: "a quote that is never closed")
            value = fixed
        } else if let last = value.last, last == "'" || last == "\"", value.first != last {
            let fixed = TutorialText.trimmed(String(value.dropLast()))
            correct(line: line, found: value, recorded: fixed, reason: "a quote that is never opened")
            value = fixed
        }
        guard !TutorialText.trimmed(value).isEmpty else { return nil }
        switch field {
        case \LearnMetadata.date where !DescriptorValidator.isLearnDate(value):
            guard let date = LearnDate.normalised(value) else {
                correct(line: line, found: value, recorded: nil, reason: "'ms.date' is no date; write it MM/DD/YYYY")
                return nil
            }
            correct(line: line, found: value, recorded: date, reason: "'ms.date' is written MM/DD/YYYY")
            return date
        case \LearnMetadata.assetId where UUID(uuidString: value) == nil:
            let bare = value.trimmingCharacters(in: CharacterSet(charactersIn: "{}() "))
            guard UUID(uuidString: bare) != nil else {
                correct(line: line, found: value, recorded: nil, reason: "'ms.assetid' is not a GUID")
                return nil
            }
            correct(line: line, found: value, recorded: bare, reason: "'ms.assetid' is a bare GUID")
            return bare
        default:
            return value
        }
    }

    /// The front matter keys a descriptor keeps, with their place in it. Key paths are immutable
    /// values, so sharing this constant between threads is safe though the type does not say so.
    nonisolated(unsafe) static let learnKeys: [String: WritableKeyPath<LearnMetadata, String?>] = [
        "title": \.title, "description": \.description, "author": \.author, "writer": \.writer, "manager": \.manager,
        "ms.date": \.date, "ms.author": \.msAuthor, "ms.assetid": \.assetId,
    ]
    /// Front matter the templates write the same for every vendor, or that Microsoft Learn no longer uses.
    static let templateKeys: Set<String> = [
        "ms.service", "ms.subservice", "ms.topic", "services", "ms.workload", "documentationcenter", "ms.tgt_pltfrm",
        "ms.devlang", "ms.custom", "ms.collection",
    ]
    static let defaultTitle = ImportPattern("^(tutorial: )?configure app for automatic user provisioning( with entra)?$")
    static let defaultDescription = ImportPattern(
        "^learn how to (configure entra to )?automatically provision and de-?provision user accounts (from entra )?to app$")
    static let defaultIntent =
        "customer intent: as an it administrator, i want to learn how to automatically provision and deprovision user accounts from entra to app so that i can streamline the user management process and ensure that users have the appropriate access to app"
}
