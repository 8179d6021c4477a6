/// Walks a parsed tutorial section by section and places every fact in an `ImportedVendor`,
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
    }

    /// Which attribute table a Markdown table fills.
    enum Target { case users, groups }

    let file: String
    let app: String
    var vendor: ImportedVendor
    var diagnostics: [(order: Int, diagnostic: Diagnostic)] = []
    var notImported: [(line: Int, text: String)] = []
    var outcomes: [Int: Outcome] = [:]
    var rowsFound = 0
    var rowsImported = 0

    // Context gathered on the way.
    var capabilities: Capabilities?
    var capabilitiesLine: Int?
    var inferredCapabilities: (create: Bool, update: Bool, deprovision: Capabilities.Deprovisioning, line: Int)?
    var pendingTarget: Target?
    var groupMappingLine: Int?

    init(file: String, app: String) {
        self.file = file
        self.app = app
        vendor = ImportedVendor(name: app)
    }

    // MARK: - Reporting

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

    /// Imported text with the product's current names; a note says when a name was updated.
    mutating func imported(_ text: String, line: Int) -> String {
        let (result, changed) = TutorialText.renamed(TutorialText.collapsed(text))
        if changed {
            report(.note, "old product name updated: imported as Microsoft Entra ID and the Microsoft Entra admin center", line: line)
        }
        return result
    }

    // MARK: - Front matter

    mutating func read(frontMatter: [TutorialDocument.FrontMatterLine]) {
        var learn: [String: String] = [:]
        for entry in frontMatter {
            let text = entry.key.map { "\($0): \(entry.value)" } ?? "# \(entry.value)"
            guard let key = entry.key else {
                let normal = TutorialText.normalised(entry.value, app: app)
                if normal == Self.defaultIntent {
                    record(.boilerplate, line: entry.line)
                } else if let colon = entry.value.firstIndex(of: ":"), normal.hasPrefix("customer intent:") {
                    learn["customerIntent"] = imported(String(entry.value[entry.value.index(after: colon)...]), line: entry.line)
                    record(.imported, line: entry.line)
                } else {
                    notPlaced("front matter comment", text, line: entry.line)
                }
                continue
            }
            let lowered = key.lowercased()
            if let field = Self.learnKeys[lowered], !entry.value.isEmpty {
                let normal = TutorialText.normalised(entry.value, app: app)
                if (lowered == "title" && normal == Self.defaultTitle) || (lowered == "description" && normal == Self.defaultDescription) {
                    record(.boilerplate, line: entry.line)
                    continue
                }
                learn[field] = imported(entry.value, line: entry.line)
                record(.imported, line: entry.line)
                if field == "date", !DescriptorValidator.isLearnDate(entry.value) {
                    report(.warning, "date not in MM/DD/YYYY form: '\(entry.value)'; imported as written", line: entry.line)
                }
            } else if Self.templateKeys.contains(lowered) || (Self.learnKeys[lowered] != nil && entry.value.isEmpty)
                || (lowered == "editor" && entry.value.isEmpty)
            {
                record(.boilerplate, line: entry.line)
            } else {
                notPlaced("front matter", text, line: entry.line)
            }
        }
        vendor.learn = Self.learnOrder.compactMap { key in learn[key].map { (key, $0) } }
    }

    /// The learn keys in the order the committed descriptors write them.
    static let learnOrder = ["title", "description", "author", "writer", "manager", "date", "msAuthor", "assetId", "customerIntent"]
    static let learnKeys = [
        "title": "title", "description": "description", "author": "author", "writer": "writer", "manager": "manager",
        "ms.date": "date", "ms.author": "msAuthor", "ms.assetid": "assetId",
    ]
    /// Front matter the templates write the same for every vendor, or that Microsoft Learn no longer uses.
    static let templateKeys: Set<String> = [
        "ms.service", "ms.subservice", "ms.topic", "services", "ms.workload", "documentationcenter", "ms.tgt_pltfrm",
        "ms.devlang", "ms.custom", "ms.collection",
    ]
    static let defaultTitle = "tutorial: configure app for automatic user provisioning with entra"
    static let defaultDescription = "learn how to automatically provision and de-provision user accounts from entra to app"
    static let defaultIntent =
        "customer intent: as an it administrator, i want to learn how to automatically provision and deprovision user accounts from entra to app so that i can streamline the user management process and ensure that users have the appropriate access to app"
}
