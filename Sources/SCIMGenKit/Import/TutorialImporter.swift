import Foundation

/// Turns an existing Microsoft Learn provisioning tutorial into a vendor descriptor.
///
/// Tolerant of the layouts in use: "Capabilities supported" or "Supported capabilities", with or
/// without the checklist div; "Step 1." or "Step 1:"; tables with or without "Required by <App>" and
/// other columns (matched by header name); checkmarks as `&check;`, `✓` or `Yes`; "Azure AD",
/// "Azure Active Directory" or "Microsoft Entra ID"; no group table; old layouts with sections such as
/// "Assigning users to <App>". Standard Entra text the templates produce again is recognized and left
/// out; every other paragraph, item or row is imported or reported as a warning with its line.
public enum TutorialImporter {
    /// Imports one tutorial; `file` names it in messages.
    public static func importTutorial(markdown: String, file: String) -> TutorialImport {
        var state = ImportState(file: file, document: MarkdownBlocks(markdown))
        return state.run()
    }
}

/// The work of one import.
struct ImportState {
    let file: String
    let document: MarkdownBlocks
    var diagnostics: [Diagnostic] = []
    var notImported: [String] = []
    var app = ""

    // What the descriptor gets.
    var learn: [JSONValue.Member] = []
    var website: String?
    var singleSignOnTutorial: String?
    var capabilities: (create: Bool, update: Bool, deprovision: String, groups: Bool, sso: Bool)?
    var prerequisites: [JSONValue] = []
    var notes: [JSONValue] = []
    var assignmentTips: [String] = []
    var steps: [[JSONValue.Member]] = []
    var responseFields: (String, String)?
    var secretTokenName: String?
    var testConnectionHint: String?
    var provisioningScreenshots: [JSONValue.Member] = []
    var tables: [(rows: [JSONValue], mappingName: String?, kind: String)] = []
    var mappingNames: [String] = []
    var rowsSeen = 0
    var rowsImported = 0

    init(file: String, document: MarkdownBlocks) {
        self.file = file
        self.document = document
    }

    mutating func warn(_ line: Int, _ what: String, _ text: String) {
        let short = text.count > 100 ? String(text.prefix(99)) + "…" : text
        diagnostics.append(Diagnostic(.warning, "\(what) not imported: \(short)", at: SourceLocation(file: file, line: line, column: 1)))
        notImported.append("line \(line): \(what): \(short)")
    }

    // MARK: - Naming

    /// Current product naming in imported text.
    static func modernize(_ text: String) -> String {
        var text = text
        for (old, new) in [
            ("Azure Active Directory (Azure AD)", "Microsoft Entra ID"), ("Azure Active Directory", "Microsoft Entra ID"),
            ("Azure AD", "Microsoft Entra ID"), ("the Azure portal", "the Microsoft Entra admin center"),
        ] {
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    static func normalized(_ text: String) -> String {
        modernize(text).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " ."))
    }

    /// The app's name from the H1 or the title.
    static func appName(_ document: MarkdownBlocks) -> String? {
        var candidates: [String] = []
        for block in document.blocks {
            if case .heading(1, let text) = block.kind { candidates.append(text) }
        }
        candidates += document.frontMatter.filter { $0.key == "title" }.map(\.value)
        for candidate in candidates {
            for pattern in [
                #"Configure (.+?) for automatic user provisioning"#, #"User provisioning for (.+?)$"#,
                #"Configure (.+?) for automatic provisioning"#, #"(.+?) provisioning tutorial"#,
            ] {
                if let match = candidate.range(of: pattern, options: [.regularExpression, .caseInsensitive]) {
                    var name = String(candidate[match])
                    for prefix in ["Configure ", "configure ", "User provisioning for ", "user provisioning for "] where name.hasPrefix(prefix) {
                        name = String(name.dropFirst(prefix.count))
                    }
                    for suffix in [" for automatic user provisioning", " for automatic provisioning", " provisioning tutorial"] {
                        if let range = name.range(of: suffix, options: [.caseInsensitive, .backwards]) { name = String(name[..<range.lowerBound]) }
                    }
                    name = name.trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty { return name }
                }
            }
        }
        return nil
    }

    // MARK: - Run

    mutating func run() -> TutorialImport {
        guard let name = Self.appName(document) else {
            let problem = Diagnostic(
                .error, "not a provisioning tutorial: no 'Configure <App> for automatic user provisioning' heading or title",
                at: SourceLocation(file: file, line: 1, column: 1))
            return TutorialImport(
                id: nil, name: nil, descriptor: nil, bytes: nil, diagnostics: [problem], notImported: [], rowsSeen: 0, rowsImported: 0,
                credentialSteps: 0, prerequisites: 0)
        }
        app = name
        readFrontMatter()
        var section = ""
        var sectionBlocks: [MarkdownBlocks.Block] = []
        func sectionName(_ heading: String) -> String {
            var text = Self.normalized(heading)
            if let match = text.range(of: #"^step \d+[.:]\s*"#, options: .regularExpression) { text.removeSubrange(match) }
            return text
        }
        for block in document.blocks {
            if case .heading(let level, let text) = block.kind, level <= 2 {
                readSection(section, sectionBlocks)
                section = level == 1 ? "#title" : sectionName(text)
                sectionBlocks = []
                continue
            }
            sectionBlocks.append(block)
        }
        readSection(section, sectionBlocks)
        return finish()
    }

    mutating func readFrontMatter() {
        let standard: Set<String> = [
            "services", "ms.service", "ms.subservice", "ms.workload", "ms.topic", "documentationcenter", "ms.tgt_pltfrm",
            "ms.devlang", "ms.custom", "ms.collection", "ms.reviewer",
        ]
        let mapped: [String: String] = [
            "author": "author", "writer": "writer", "manager": "manager", "ms.date": "date", "ms.author": "msAuthor",
            "ms.assetid": "assetId",
        ]
        for (key, value, line) in document.frontMatter {
            let lower = key.lowercased()
            if lower == "title" {
                let standardTitle = "Configure \(app) for automatic user provisioning with Microsoft Entra ID"
                var title = Self.modernize(value)
                for suffix in [" | Microsoft Docs", " | Microsoft Learn"] where title.hasSuffix(suffix) { title = String(title.dropLast(suffix.count)) }
                if !["Tutorial: " + standardTitle, standardTitle, "Tutorial: Configure \(app) for automatic user provisioning"].contains(title) {
                    learn.append(.init("title", .string(title)))
                }
            } else if lower == "description" {
                let standard = [
                    "Learn how to automatically provision and de-provision user accounts from Microsoft Entra ID to \(app).",
                    "Learn how to automatically provision and deprovision user accounts from Microsoft Entra ID to \(app).",
                ]
                let description = Self.modernize(value)
                if !standard.contains(description) { learn.append(.init("description", .string(description))) }
            } else if let name = mapped[lower] {
                if !value.isEmpty && value != "''" { learn.append(.init(name, .string(value))) }
            } else if !standard.contains(lower) {
                warn(line, "front matter", "\(key): \(value)")
            }
        }
        let standardIntent =
            "As an IT administrator, I want to learn how to automatically provision and deprovision user accounts from Microsoft Entra ID to \(app) so that I can streamline the user management process and ensure that users have the appropriate access to \(app)."
        if let intent = document.customerIntent, Self.modernize(intent) != standardIntent {
            learn.append(.init("customerIntent", .string(Self.modernize(intent))))
        }
    }

    // MARK: - Sections

    mutating func readSection(_ name: String, _ blocks: [MarkdownBlocks.Block]) {
        if name.isEmpty || name == "#title" {
            readIntroduction(blocks)
        } else if name.contains("capabilit") {
            readCapabilities(blocks)
        } else if name.hasPrefix("prerequisite") {
            readPrerequisites(blocks)
        } else if name.hasPrefix("plan your provisioning") {
            readBoilerplate(blocks, section: "plan")
        } else if name.contains("to support provisioning") {
            readCredentials(blocks)
        } else if name.contains("from the") && name.contains("gallery") {
            readBoilerplate(blocks, section: "gallery")
        } else if name.hasPrefix("define who will be in scope") || name.hasPrefix("assigning users") || name.hasPrefix("assign users") {
            readScope(blocks)
        } else if name.contains("user provisioning") || name.contains("configure automatic") || name.hasPrefix("configuring") {
            readProvisioning(blocks)
        } else if name.hasPrefix("monitor") {
            readBoilerplate(blocks, section: "monitor")
        } else if ["more resources", "additional resources", "next steps", "related content"].contains(where: name.hasPrefix) {
            readBoilerplate(blocks, section: "monitor")
        } else {
            for block in blocks { unplaced(block) }
        }
    }

    mutating func unplaced(_ block: MarkdownBlocks.Block) {
        switch block.kind {
        case .paragraph(let text), .listItem(_, let text), .checklistItem(let text): warn(block.line, "paragraph", text)
        case .alert(let kind, let text): warn(block.line, "note", "[!\(kind)] \(text)")
        case .table(let rows): warn(block.line, "table", "\(rows.count) rows")
        case .code(_, let body): warn(block.line, "code block", body)
        case .image(_, let path): warn(block.line, "image", path)
        case .heading(_, let text): warn(block.line, "heading", text)
        }
    }

    mutating func note(_ block: MarkdownBlocks.Block, kind: String, text: String, section: String) {
        let kinds = ["NOTE": "note", "TIP": "tip", "IMPORTANT": "important", "CAUTION": "caution", "WARNING": "warning"]
        guard let noteKind = kinds[kind] else {
            warn(block.line, "note", "[!\(kind)] \(text)")
            return
        }
        notes.append(
            .object([
                .init("kind", .string(noteKind)), .init("section", .string(section)), .init("text", .string(Self.modernize(text))),
            ]))
    }

    mutating func readIntroduction(_ blocks: [MarkdownBlocks.Block]) {
        for block in blocks {
            switch block.kind {
            case .paragraph(let text):
                // The standard introduction; its link to the app gives the website.
                if website == nil, let match = text.range(of: "[\(app)](", options: .caseInsensitive) {
                    let rest = text[match.upperBound...]
                    if let close = rest.firstIndex(of: ")") { website = String(rest[..<close]) }
                }
                let lower = text.lowercased()
                if !(lower.contains("provision") && (lower.contains("tutorial") || lower.contains("article") || lower.contains("objective"))) {
                    warn(block.line, "paragraph", text)
                }
            case .alert(let kind, let text): note(block, kind: kind, text: text, section: "introduction")
            default: unplaced(block)
            }
        }
    }

    mutating func readCapabilities(_ blocks: [MarkdownBlocks.Block]) {
        var found = (create: false, update: false, deprovision: "none", groups: false, sso: false)
        for block in blocks {
            switch block.kind {
            case .checklistItem(let text), .listItem(_, let text):
                let lower = text.lowercased()
                if lower.contains("create users") {
                    found.create = true
                } else if lower.contains("remove users") || lower.contains("delete users") {
                    found.deprovision = "remove"
                } else if lower.contains("disable users") || lower.contains("deactivate users") || lower.contains("suspend users") {
                    found.deprovision = "disable"
                } else if lower.contains("keep user attributes synchronized") || lower.contains("update users") {
                    found.update = true
                } else if lower.contains("provision groups") || lower.contains("group memberships") {
                    found.groups = true
                } else if lower.contains("single sign-on") {
                    found.sso = true
                    if let open = text.range(of: "]("), let close = text[open.upperBound...].firstIndex(of: ")") {
                        singleSignOnTutorial = String(text[open.upperBound..<close])
                    }
                } else {
                    warn(block.line, "capability", text)
                }
            case .paragraph(let text) where text.lowercased().contains("capabilit"):
                continue
            case .alert(let kind, let text): note(block, kind: kind, text: text, section: "capabilities")
            default: unplaced(block)
            }
        }
        capabilities = found
    }

    mutating func readPrerequisites(_ blocks: [MarkdownBlocks.Block]) {
        for block in blocks {
            switch block.kind {
            case .listItem(_, let text):
                let lower = Self.normalized(text)
                let standard =
                    (lower.contains("tenant") && (lower.contains("microsoft entra") || lower.contains("quickstart")) && !lower.contains(app.lowercased()))
                    || lower.contains("permission](") || lower.hasPrefix("one of the following roles")
                    || (lower.contains("user account in microsoft entra id") && lower.contains("permission"))
                if standard { continue }
                prerequisites.append(.object([.init("kind", .string(Self.prerequisiteKind(lower))), .init("text", .string(Self.sentence(text)))]))
            case .paragraph(let text) where text.lowercased().contains("assumes that you already have"):
                continue
            case .alert(let kind, let text): note(block, kind: kind, text: text, section: "prerequisites")
            default: unplaced(block)
            }
        }
    }

    static func prerequisiteKind(_ text: String) -> String {
        if text.contains("licen") { return "license" }
        if text.contains("plan") { return "plan" }
        if text.contains("role") { return "role" }
        if text.contains("token") { return "token" }
        if text.contains("enable") { return "enablement" }
        if text.contains("account") { return "account" }
        return "other"
    }

    /// Text with a final period, as list items in the descriptors have.
    static func sentence(_ text: String) -> String {
        let text = modernize(text).trimmingCharacters(in: .whitespaces)
        guard let last = text.last, !".!?:)".contains(last) || text.hasSuffix("**)") else { return text }
        return text + "."
    }

    mutating func readBoilerplate(_ blocks: [MarkdownBlocks.Block], section: String) {
        for block in blocks {
            if case .alert(let kind, let text) = block.kind { note(block, kind: kind, text: text, section: section) }
        }
    }

    mutating func readCredentials(_ blocks: [MarkdownBlocks.Block]) {
        for block in blocks {
            switch block.kind {
            case .paragraph(let text), .listItem(_, let text):
                if let fields = Self.responseFields(text) {
                    responseFields = fields
                    continue
                }
                steps.append([.init("text", .string(Self.modernize(text)))])
            case .code(let language, let body):
                var code: [JSONValue.Member] = []
                let guessed = language.isEmpty && body.hasPrefix("curl") ? "bash" : language
                if !guessed.isEmpty { code.append(.init("language", .string(guessed))) }
                code.append(.init("body", .string(body)))
                if steps.isEmpty { steps.append([.init("text", .string("Run:"))]) }
                steps[steps.count - 1].append(.init("code", .object(code)))
            case .image(let alt, let path):
                let shot = JSONValue.object([.init("path", .string(Self.relative(path))), .init("alt", .string(alt))])
                if steps.isEmpty { steps.append([.init("text", .string("See the screenshot."))]) }
                steps[steps.count - 1].append(.init("screenshot", shot))
            case .alert(let kind, let text): note(block, kind: kind, text: text, section: "credentials")
            default: unplaced(block)
            }
        }
    }

    static func relative(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }

    /// "The response will include the `baseUrl` (**Tenant URL** …) and `apiToken` (**Secret Token** …)".
    static func responseFields(_ text: String) -> (String, String)? {
        guard text.contains("**Tenant URL**"), text.contains("**Secret Token**"), text.lowercased().contains("response") else { return nil }
        let codes = text.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        guard codes.count >= 2 else { return nil }
        return (codes[0], codes[1])
    }

    mutating func readScope(_ blocks: [MarkdownBlocks.Block]) {
        var inTips = false
        for block in blocks {
            switch block.kind {
            case .heading(_, let text):
                inTips = text.lowercased().contains("tips")
                if !inTips { warn(block.line, "heading", text) }
            case .listItem(_, let text) where inTips:
                assignmentTips.append(Self.modernize(text))
            case .alert(let kind, let text): note(block, kind: kind, text: text, section: "scope")
            default:
                continue  // The scoping text and the standard bullets come from the templates.
            }
        }
    }

    mutating func readProvisioning(_ blocks: [MarkdownBlocks.Block]) {
        var currentStep = ""
        var stepLine = 0
        for block in blocks {
            switch block.kind {
            case .listItem(true, let text):
                currentStep = text
                stepLine = block.line
                readProvisioningStep(text, line: block.line)
            case .table(let rows):
                readTable(rows, line: block.line, after: currentStep)
            case .image(let alt, let path):
                let relative = Self.relative(path)
                guard !relative.hasPrefix("common/") else { continue }
                let lower = currentStep.lowercased()
                if lower.contains("admin credentials"), !steps.isEmpty, let last = steps.indices.last,
                    !steps[last].contains(where: { $0.key == "screenshot" })
                {
                    steps[last].append(.init("screenshot", .object([.init("path", .string(relative)), .init("alt", .string(alt))])))
                    continue
                }
                let step =
                    lower.contains("provisioning mode") ? "provisioningMode"
                    : lower.contains("admin credentials") ? "adminCredentials"
                    : lower.contains("enterprise applications") ? "enterpriseApplications"
                    : lower.contains("applications list") || lower.contains("search") ? "allApplications"
                    : lower.contains("notification") ? "notificationEmail"
                    : lower.contains("provisioning status") ? "provisioningStatus"
                    : lower.contains("scope") ? "scope"
                    : lower.contains("provisioning tab") || lower.contains("**provisioning**") ? "provisioningTab"
                    : lower.contains("save") ? "save" : ""
                if step.isEmpty || provisioningScreenshots.contains(where: { $0.key == step }) {
                    warn(block.line, "image", relative)
                } else {
                    provisioningScreenshots.append(
                        .init(step, .object([.init("path", .string(relative)), .init("alt", .string(alt))])))
                }
            case .alert(let kind, let text): note(block, kind: kind, text: text, section: "provisioning")
            case .heading, .paragraph, .listItem(false, _):
                continue  // Headings and text of the standard steps come from the templates.
            default:
                unplaced(block)
            }
            _ = stepLine
        }
    }

    mutating func readProvisioningStep(_ text: String, line: Int) {
        let lower = text.lowercased()
        if lower.contains("under the mappings section, select") || lower.contains("mappings** section, select") || lower.contains("mappings section, select") {
            if let name = Self.lastBold(text) { mappingNames.append(Self.modernize(name)) }
        }
        if lower.contains("admin credentials") {
            if let range = text.range(of: "If the connection fails, ") {
                var hint = String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces)
                if hint.hasSuffix(".") { hint.removeLast() }
                testConnectionHint = hint
            }
            // Old layouts say here where the token comes from; newer ones have a Step 2.
            if steps.isEmpty, lower.contains("token") {
                if let token = Self.firstBold(text), token.lowercased().contains("token"), token.lowercased() != "secret token" {
                    secretTokenName = token
                }
                steps.append([.init("text", .string(Self.modernize(text)))])
            }
        }
        if lower.hasPrefix("select test connection"), let range = text.range(of: "If the connection fails, ") {
            var hint = String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            if hint.hasSuffix(".") { hint.removeLast() }
            for suffix in [" and try step 5 again", " and try again"] where hint.hasSuffix(suffix) { hint = String(hint.dropLast(suffix.count)) }
            testConnectionHint = hint + " and try again"
        }
    }

    static func lastBold(_ text: String) -> String? {
        let parts = text.components(separatedBy: "**")
        guard parts.count >= 3 else { return nil }
        return parts[parts.count - 2]
    }

    static func firstBold(_ text: String) -> String? {
        let parts = text.components(separatedBy: "**")
        return parts.count >= 3 ? parts[1] : nil
    }

    mutating func readTable(_ rows: [[String]], line: Int, after step: String) {
        guard let header = rows.first else { return }
        let columns = header.map { $0.lowercased() }
        guard let pathColumn = columns.firstIndex(where: { $0 == "attribute" || $0 == "name" || $0.hasPrefix("attribute") }) else {
            warn(line, "table", header.joined(separator: " | "))
            return
        }
        let typeColumn = columns.firstIndex { $0 == "type" || $0.hasPrefix("data type") }
        let filterColumn = columns.firstIndex { $0.contains("filter") }
        let requiredColumn = columns.firstIndex { $0.hasPrefix("required") }
        let matchingColumn = columns.firstIndex { $0.contains("matching") }
        for (index, name) in header.enumerated() where ![pathColumn, typeColumn, filterColumn, requiredColumn, matchingColumn].contains(index) {
            warn(line, "table column", name)
        }
        let isGroup = step.lowercased().contains("group")
        var imported: [JSONValue] = []
        for (offset, row) in rows.enumerated().dropFirst() {
            let rowLine = line + offset
            if row.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { continue }
            rowsSeen += 1
            guard pathColumn < row.count, !row[pathColumn].isEmpty else {
                warn(rowLine, "table row", "no attribute name in '|\(row.joined(separator: "|"))|'")
                continue
            }
            let path = row[pathColumn].replacingOccurrences(of: "`", with: "")
            func cell(_ column: Int?) -> String? {
                guard let column, column < row.count else { return nil }
                return row[column]
            }
            let typeText = cell(typeColumn) ?? "String"
            guard let type = ["String", "Boolean", "Reference", "Integer", "DateTime", "Binary", "Decimal"]
                .first(where: { $0.lowercased() == typeText.lowercased() })
            else {
                warn(rowLine, "table row", "\(path): unknown type '\(typeText)'")
                continue
            }
            var members: [JSONValue.Member] = [.init("path", .string(path)), .init("type", .string(type))]
            let filterable = Self.isMark(cell(filterColumn))
            if filterable { members.append(.init("filterable", .bool(true))) }
            if requiredColumn != nil { members.append(.init("required", .bool(Self.isMark(cell(requiredColumn))))) }
            var matching: Int?
            if let text = cell(matchingColumn), let number = Int(text) { matching = number }
            if matching == nil, filterable, (isGroup ? path == "displayName" : path == "userName") { matching = 1 }
            if let matching { members.append(.init("matching", .int(matching))) }
            imported.append(.object(members))
            rowsImported += 1
        }
        tables.append((imported, nil, isGroup ? "groups" : (tables.isEmpty ? "users" : "groups")))
    }

    /// Vendor extension schemas declared from the table rows that use them, such as Lucid's
    /// `urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.Lucidchart`:
    /// a tutorial lists the attributes but not their characteristics, so each is a single-valued
    /// read-write attribute of the row's type, and a person is told to check them.
    mutating func inferExtensions(_ rows: [JSONValue]) -> [JSONValue] {
        let standard = Set(SCIMCatalog.schemas.map { $0.id.lowercased() })
        var order: [String] = []
        var attributes: [String: [(name: String, sub: String?, type: String)]] = [:]
        for row in rows {
            guard case .string(let path)? = row["path"], case .string(let type)? = row["type"],
                path.lowercased().hasPrefix("urn:"), let parsed = try? AttributePath(parsing: path), let schema = parsed.schema,
                !standard.contains(schema.lowercased())
            else { continue }
            if attributes[schema] == nil { order.append(schema) }
            attributes[schema, default: []].append((parsed.attribute, parsed.subAttribute, type))
        }
        var result: [JSONValue] = []
        for schema in order {
            let rows = attributes[schema] ?? []
            var names: [String] = []
            var subs: [String: [(String, String)]] = [:]
            var types: [String: String] = [:]
            for row in rows {
                if !names.contains(row.name) { names.append(row.name) }
                if let sub = row.sub { subs[row.name, default: []].append((sub, row.type)) } else { types[row.name] = row.type }
            }
            let declared: [JSONValue] = names.map { name in
                if let children = subs[name] {
                    return .object([
                        .init("name", .string(name)), .init("type", .string("Complex")),
                        .init(
                            "subAttributes",
                            .array(children.map { .object([.init("name", .string($0.0)), .init("type", .string($0.1))]) })),
                    ])
                }
                return .object([.init("name", .string(name)), .init("type", .string(types[name] ?? "String"))])
            }
            let segments = schema.split(separator: ":")
            let base = segments.count >= 3 ? String(segments[segments.count - 3]) : "Vendor"
            let name = base.prefix(1).uppercased() + base.dropFirst() + "User"
            result.append(
                .object([
                    .init("$comment", .string("Declared by 'scimgen import' from the attribute table: check multiplicity, mutability and descriptions.")),
                    .init("id", .string(schema)), .init("name", .string(name)), .init("attributes", .array(declared)),
                ]))
            diagnostics.append(
                Diagnostic(
                    .warning, "extension schema '\(schema)' declared from the table's rows; check its attributes' characteristics",
                    at: SourceLocation(file: file, line: 1, column: 1)))
            notImported.append("extension '\(schema)': characteristics (multiplicity, mutability, descriptions) are not in the tutorial")
        }
        return result
    }

    static func isMark(_ text: String?) -> Bool {
        guard let text = text?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty else { return false }
        return ["&check;", "✓", "✔", "yes", "x", "true", "&#x2713;", "&#10003;", "required"].contains(text)
    }

    // MARK: - Descriptor

    mutating func finish() -> TutorialImport {
        var users: JSONValue?
        var groups: JSONValue?
        var names = mappingNames.makeIterator()
        for table in tables {
            var members: [JSONValue.Member] = []
            if let name = names.next() { members.append(.init("mappingName", .string(name))) }
            members.append(.init("attributes", .array(table.rows)))
            if table.kind == "users" && users == nil { users = .object(members) } else { groups = .object(members) }
        }
        if users == nil {
            diagnostics.append(
                Diagnostic(.warning, "no user attribute table found; the descriptor lists userName only", at: SourceLocation(file: file, line: 1, column: 1)))
            notImported.append("no user attribute table: add the user attributes by hand")
            users = .object([
                .init("attributes", .array([.object([.init("path", .string("userName")), .init("type", .string("String")), .init("filterable", .bool(true)), .init("matching", .int(1))])]))
            ])
        }
        if steps.isEmpty {
            diagnostics.append(
                Diagnostic(.warning, "no credential steps found; the descriptor has a TODO step", at: SourceLocation(file: file, line: 1, column: 1)))
            notImported.append("no credential steps: describe how to get the Tenant URL and Secret Token")
            steps = [[.init("text", .string("TODO: how an administrator obtains the Tenant URL and Secret Token."))]]
        }
        let found = capabilities ?? (true, true, "disable", groups != nil, singleSignOnTutorial != nil)
        var descriptor: [JSONValue.Member] = [
            .init("$schema", .string("../vendor.schema.json")),
            .init("$comment", .string("Imported from \(file) by 'scimgen import'; review it, then run 'scimgen validate'.")),
            .init("name", .string(app)),
        ]
        if let website { descriptor.append(.init("website", .string(website))) }
        if let singleSignOnTutorial { descriptor.append(.init("singleSignOnTutorial", .string(singleSignOnTutorial))) }
        descriptor.append(.init("learn", .object(learn)))
        descriptor.append(
            .init(
                "capabilities",
                .object([
                    .init("createUsers", .bool(found.create)), .init("updateUsers", .bool(found.update)),
                    .init("deprovisionUsers", .string(found.deprovision)), .init("groups", .bool(groups != nil)),
                    .init("singleSignOn", .bool(found.sso)),
                ])))
        descriptor.append(
            .init(
                "scim",
                .object([
                    .init("$comment", .string("Tutorials do not state the service features; these are the minimum Microsoft Entra ID needs.")),
                    .init("patch", .bool(true)), .init("bulk", .object([.init("supported", .bool(false))])),
                    .init("filter", .object([.init("supported", .bool(true)), .init("maxResults", .int(100))])),
                    .init("changePassword", .bool(false)), .init("sort", .bool(false)), .init("etag", .bool(false)),
                    .init(
                        "authenticationSchemes",
                        .array([
                            .object([
                                .init("type", .string("oauthbearertoken")), .init("name", .string("OAuth Bearer Token")),
                                .init("description", .string("Authentication with the Secret Token from \(app).")),
                                .init("primary", .bool(true)),
                            ])
                        ])),
                ])))
        if !prerequisites.isEmpty { descriptor.append(.init("prerequisites", .array(prerequisites))) }
        if !notes.isEmpty { descriptor.append(.init("notes", .array(notes))) }
        if !assignmentTips.isEmpty { descriptor.append(.init("assignmentTips", .array(assignmentTips.map(JSONValue.string)))) }
        var credentials: [JSONValue.Member] = [.init("steps", .array(steps.map { JSONValue.object($0) }))]
        if let (url, token) = responseFields {
            credentials.append(.init("responseFields", .object([.init("tenantURL", .string(url)), .init("secretToken", .string(token))])))
        }
        if let secretTokenName { credentials.append(.init("secretTokenName", .string(secretTokenName))) }
        if let testConnectionHint { credentials.append(.init("testConnectionHint", .string(testConnectionHint))) }
        descriptor.append(.init("credentials", .object(credentials)))
        if !provisioningScreenshots.isEmpty { descriptor.append(.init("provisioningScreenshots", .object(provisioningScreenshots))) }
        if let users { descriptor.append(.init("users", users)) }
        if let groups { descriptor.append(.init("groups", groups)) }
        let extensions = inferExtensions(tables.flatMap(\.rows))
        if !extensions.isEmpty { descriptor.append(.init("extensions", .array(extensions))) }
        let value = JSONValue.object(descriptor)
        let bytes = JSONWriter.writeBytes(value)
        let id = VendorLoader.slug(app)
        // Problems the validator finds (a type that contradicts RFC 7643, say) are the tutorial's:
        // the row is imported as written and the person finishing the descriptor is told.
        let (decoded, decodeProblems) = VendorDescriptor.decode(id: id.isEmpty ? "vendor" : id, file: "\(id)/vendor.json", bytes: bytes)
        var problems = decodeProblems
        if let decoded { problems += DescriptorValidator.validate(decoded) }
        var reported = Set<String>()
        for problem in problems where problem.severity == .error && reported.insert(problem.message).inserted {
            diagnostics.append(Diagnostic(.warning, "the imported descriptor will not validate until fixed: \(problem.message)", at: SourceLocation(file: file, line: 1, column: 1)))
            notImported.append("to fix by hand: \(problem.message)")
        }
        return TutorialImport(
            id: id, name: app, descriptor: value, bytes: bytes, diagnostics: diagnostics, notImported: notImported,
            rowsSeen: rowsSeen, rowsImported: rowsImported, credentialSteps: steps.count, prerequisites: prerequisites.count)
    }
}
