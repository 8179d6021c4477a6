extension TutorialReader {
    /// Reads one section's blocks in order, keeping track of what a following screenshot,
    /// code block or table belongs to.
    mutating func read(_ section: TutorialSection) {
        var owner = Owner.none
        if section.kind == .capabilities {
            capabilities = capabilities ?? Capabilities(
                createUsers: false, updateUsers: false, deprovisionUsers: .none, groups: false, singleSignOn: false)
        }
        for block in section.blocks {
            switch block.kind {
            case .heading, .html:
                continue
            case .alert(let kind):
                readAlert(block, kind: kind, in: section)
                owner = .none
            case .checklist(let items):
                for item in items { owner = readText(item.text, line: item.line, isItem: true, in: section) }
            case .paragraph, .quote:
                owner = readText(block.text, line: block.line, isItem: false, in: section)
            case .listItem:
                owner = readText(block.text, line: block.line, isItem: true, in: section)
            case .image(let alt, let path):
                readImage(alt: alt, path: path, line: block.line, owner: owner)
            case .code(let language):
                readCode(block, language: language, owner: owner)
            case .table(let lines):
                readTable(lines, in: section)
            }
        }
    }

    // MARK: - Text

    /// Reads a paragraph or list item; returns what a following screenshot belongs to.
    mutating func readText(_ text: String, line: Int, isItem: Bool, in section: TutorialSection) -> Owner {
        let what = isItem ? "list item" : "paragraph"
        switch section.kind {
        case .capabilities where isItem:
            readCapability(text, line: line)
            return .none
        case .credentials:
            return readCredentialText(text, line: line)
        default:
            break
        }

        var specific: [String] = []
        var step: ProvisioningStep?
        var placedSomething = false
        for sentence in TutorialText.sentences(text) {
            switch Boilerplate.classify(sentence, app: app) {
            case .generic(let kind):
                step = step ?? kind
                placedSomething = checkLinks(in: sentence, line: line, section: section) || placedSomething
                let normal = TutorialText.normalised(sentence, app: app)
                if normal.hasPrefix("review the group attributes") { pendingTarget = .groups }
                if normal.hasPrefix("review the user attributes") { pendingTarget = .users }
            case .mapping(let name, let optional):
                let target: Target = TutorialText.normalised(name, app: app).contains("group") ? .groups : .users
                pendingTarget = target
                if target == .groups {
                    vendor.groups.mappingName = imported(name, line: line)
                    vendor.groups.optional = optional
                    groupMappingLine = line
                } else {
                    vendor.users.mappingName = imported(name, line: line)
                    vendor.users.optional = optional
                }
                placedSomething = true
            case .connectionHint(let hint):
                vendor.testConnectionHint = imported(hint, line: line)
                placedSomething = true
            case .provisioningIntroduction(let create, let update, let deprovision):
                if inferredCapabilities == nil { inferredCapabilities = (create, update, deprovision, line) }
            case .specific:
                if let url = tenantURL(in: sentence) {
                    vendor.tenantURL = url
                    // "Use `https://…` as the Tenant URL." says nothing else; a longer sentence still needs a place.
                    let rest = TutorialText.normalised(sentence.replacingOccurrences(of: url, with: ""), app: app)
                    if Self.tenantURLOnly.matches(rest) {
                        placedSomething = true
                        continue
                    }
                }
                specific.append(sentence)
            }
        }

        if !specific.isEmpty {
            switch section.kind {
            case .prerequisites where isItem:
                let item = imported(text, line: line)
                vendor.prerequisites.append(Prerequisite(kind: Self.prerequisiteKind(item), text: TutorialText.withFinalPeriod(item)))
                record(.imported, line: line)
                return .none
            case .scope, .assignment, .assignmentTips:
                if isItem {
                    vendor.assignmentTips.append(imported(text, line: line))
                    record(.imported, line: line)
                    return .none
                }
            case .provisioning:
                // The older layout has no Step 2: the vendor's own words on the token sit in the Admin Credentials step.
                let normal = TutorialText.normalised(text, app: app)
                if normal.hasPrefix("under the admin credentials section"), vendor.steps.isEmpty {
                    vendor.steps.append(ImportedVendor.Step(text: imported(text, line: line)))
                    record(.imported, line: line)
                    return .step(vendor.steps.count - 1)
                }
            default:
                break
            }
            notPlaced(what, specific.joined(separator: " "), line: line)
        } else {
            record(placedSomething ? .imported : .boilerplate, line: line)
        }
        return .generic(step)
    }

    /// A sentence's Tenant URL, when it says what the Tenant URL is: "enter `https://…` as the **Tenant URL**".
    func tenantURL(in sentence: String) -> String? {
        let normal = TutorialText.normalised(sentence, app: app)
        // Only a URL the sentence shows (a code span, a bare URL or a link's text), never a link's
        // target: "ask [support](https://…/support) for the Tenant URL" does not give the URL.
        let shown = TutorialText.withLinkTexts(sentence)
        guard normal.contains("tenant url"), var url = Self.url.firstMatch(in: shown)?[0] else { return nil }
        while let last = url.last, ".,;:".contains(last) { url.removeLast() }
        return url
    }

    /// Links in template text that lead outside Microsoft's documentation carry a vendor fact:
    /// the introduction's link is the product website; any other is reported.
    mutating func checkLinks(in sentence: String, line: Int, section: TutorialSection) -> Bool {
        var placed = false
        for link in TutorialText.links(in: sentence) where Self.isVendorLink(link.target) {
            if section.kind == .introduction, vendor.website == nil {
                vendor.website = link.target
                placed = true
            } else if vendor.website != link.target {
                notPlaced("link", "[\(link.text)](\(link.target))", line: line)
            }
        }
        return placed
    }

    static func isVendorLink(_ target: String) -> Bool {
        guard target.hasPrefix("https://") || target.hasPrefix("http://") else { return false }
        let host = target.split(separator: "/").dropFirst().first.map { $0.lowercased() } ?? ""
        return !["microsoft.com", "azure.com", "aka.ms", "windows.net", "office.com"].contains { host == $0 || host.hasSuffix("." + $0) }
    }

    static let tenantURLOnly = ImportPattern(
        "^(((use|enter|input|type|paste|set)( the url)? )?(as|in|into) (the|your) tenant url( field)?|(the|your) tenant url is)$")
    static let url = ImportPattern(#"https://[^\s`)\]*]+"#)

    // MARK: - Capabilities

    mutating func readCapability(_ text: String, line: Int) {
        capabilitiesLine = capabilitiesLine ?? line
        let normal = TutorialText.normalised(text, app: app)
        var caps = capabilities ?? Capabilities()
        defer { capabilities = caps }
        if Self.createUsers.matches(normal) {
            caps.createUsers = true
        } else if Self.removeUsers.matches(normal) {
            caps.deprovisionUsers = .remove
        } else if Self.disableUsers.matches(normal) {
            caps.deprovisionUsers = .disable
        } else if Self.updateUsers.matches(normal) {
            caps.updateUsers = true
        } else if Self.groups.matches(normal) {
            caps.groups = true
        } else if Self.singleSignOn.matches(normal) {
            caps.singleSignOn = true
            if let link = TutorialText.links(in: text).first(where: { !$0.isImage }) {
                vendor.singleSignOnTutorial = link.target
            }
        } else {
            notPlaced("capability", text, line: line)
            return
        }
        record(.imported, line: line)
    }

    static let createUsers = ImportPattern("^create users in app$")
    static let removeUsers = ImportPattern("^(remove|delete) users in app when they do not require access anymore$")
    static let disableUsers = ImportPattern("^(disable|deactivate|suspend) users in app when they do not require access anymore$")
    static let updateUsers = ImportPattern("^keep user attributes synchronized between entra and app$")
    static let groups = ImportPattern("^provision groups and group memberships in app$")
    static let singleSignOn = ImportPattern(#"^single sign-on to app( \(recommended\))?$"#)

    // MARK: - Credentials

    /// Step 2: every paragraph and list item is a credential step, except the sentence that names
    /// the response fields holding the Tenant URL and Secret Token.
    mutating func readCredentialText(_ text: String, line: Int) -> Owner {
        if let url = Self.responseField(text, "Tenant URL"), let token = Self.responseField(text, "Secret Token") {
            vendor.responseFields = Credentials.ResponseFields(tenantURL: url, secretToken: token)
            record(.imported, line: line)
            return .none
        }
        for sentence in TutorialText.sentences(text) {
            if let url = tenantURL(in: sentence) { vendor.tenantURL = url }
        }
        vendor.steps.append(ImportedVendor.Step(text: imported(text, line: line)))
        record(.imported, line: line)
        return .step(vendor.steps.count - 1)
    }

    /// The field in "`baseUrl` (**Tenant URL** in …)".
    static func responseField(_ text: String, _ name: String) -> String? {
        ImportPattern("`([^`]+)`\\s*\\(\\s*\\*{0,2}" + name + "\\*{0,2}").firstMatch(in: text)?[1]
    }

    static func prerequisiteKind(_ text: String) -> Prerequisite.Kind {
        let lowered = text.lowercased()
        for (pattern, kind) in prerequisiteKinds where pattern.matches(lowered) { return kind }
        return .other
    }

    static let prerequisiteKinds: [(ImportPattern, Prerequisite.Kind)] = ([
        (#"\b(enable|activate|turn on)\b.*\b(scim|provisioning)\b"#, .enablement),
        ("licen[cs]e", .license),
        (#"\btoken\b|\bsecret\b|\bapi key\b"#, .token),
        (#"\bplan\b|\bpricing\b|\bedition\b|\bsubscription\b|\btier\b"#, .plan),
        (#"\brole\b"#, .role),
        (#"\baccount\b"#, .account),
    ] as [(String, Prerequisite.Kind)]).map { (ImportPattern($0.0), $0.1) }

    // MARK: - Alerts, screenshots, code

    mutating func readAlert(_ block: MarkdownBlock, kind: String, in section: TutorialSection) {
        let sentences = TutorialText.sentences(block.text)
        let generic = sentences.allSatisfy { sentence in
            if case .generic = Boilerplate.classify(sentence, app: app) { return true }
            return false
        }
        if !sentences.isEmpty, generic {
            record(.boilerplate, line: block.line)
            return
        }
        guard let noteSection = section.kind.noteSection, let noteKind = Note.Kind(rawValue: kind) else {
            notPlaced("note", block.text, line: block.line)
            return
        }
        let text = TutorialText.renamed(block.text)
        if text.changed {
            report(.note, "old product name updated: imported as Microsoft Entra ID and the Microsoft Entra admin center", line: block.line)
        }
        vendor.notes.append(Note(kind: noteKind, section: noteSection, text: text.text))
        record(.imported, line: block.line)
    }

    mutating func readImage(alt: String, path: String, line: Int, owner: Owner) {
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        // Shared screenshots of the Entra admin center: the templates show them for every vendor.
        if relative.hasPrefix("common/") {
            record(.boilerplate, line: line)
            return
        }
        let shot = ImportedVendor.Shot(path: relative, alt: alt)
        switch owner {
        case .step(let index) where index < vendor.steps.count && vendor.steps[index].shot == nil:
            vendor.steps[index].shot = shot
        case .generic(let step?) where vendor.provisioningScreenshots[step] == nil:
            vendor.provisioningScreenshots[step] = shot
        default:
            notPlaced("screenshot", "![\(alt)](\(path))", line: line)
            return
        }
        record(.imported, line: line)
    }

    mutating func readCode(_ block: MarkdownBlock, language: String, owner: Owner) {
        guard case .step(let index) = owner, index < vendor.steps.count, vendor.steps[index].code == nil,
            !TutorialText.trimmed(block.text).isEmpty
        else {
            notPlaced("code block", block.text, line: block.line)
            return
        }
        vendor.steps[index].code = CodeBlock(language: language, body: block.text)
        record(.imported, line: block.line)
    }

    // MARK: - Tables

    mutating func readTable(_ lines: [SourceLine], in section: TutorialSection) {
        var target = pendingTarget
        pendingTarget = nil
        if target == .users && vendor.users.found { target = vendor.groups.found ? nil : .groups }
        if target == .groups && vendor.groups.found { target = vendor.users.found ? nil : .users }
        if target == nil { target = !vendor.users.found ? .users : !vendor.groups.found ? .groups : nil }
        let table = AttributeTableReader(lines: lines, resource: target == .groups ? .group : .user)
        rowsFound += table.rowLines.count
        for issue in table.issues {
            if !issue.message.isEmpty { report(.warning, issue.message, line: issue.line) }
            if let fact = issue.fact { notImported.append((issue.line, fact)) }
        }
        // A row that lost a cell (a column with no home, a stray cell, a type word) was not wholly imported.
        let lossy = Set(table.issues.filter { $0.fact != nil }.map(\.line))
        for line in table.rowLines {
            record(table.rejectedLines.contains(line) || lossy.contains(line) ? .notImported : .imported, line: line)
        }
        guard table.isAttributeTable else { return }
        guard let target else {
            for row in table.rows {
                notPlaced("table row", "|\(row.path)|\(row.type.rawValue)|", line: row.line)
            }
            return
        }
        rowsImported += table.rows.count
        switch target {
        case .users:
            vendor.users.rows += table.rows
            vendor.users.found = true
            vendor.users.statesMatching = table.statesMatching
        case .groups:
            vendor.groups.rows += table.rows
            vendor.groups.found = true
            vendor.groups.statesMatching = table.statesMatching
        }
    }
}
