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
                owner = .none
            case .include(let name, let path):
                readInclude(name: name, path: path, line: block.line, in: section)
                owner = .none
            }
        }
    }

    // MARK: - Text

    /// Reads a paragraph or list item; returns what a following screenshot belongs to.
    mutating func readText(_ text: String, line: Int, isItem: Bool, in section: TutorialSection) -> Owner {
        let what = isItem ? "list item" : "paragraph"
        checkPlaceholders(in: text, line: line)
        switch section.kind {
        case .capabilities where isItem:
            readCapability(text, line: line)
            return .none
        case .credentials:
            return readCredentialText(text, line: line)
        case .changeLog, .limitations, .troubleshooting:
            readListed(text, line: line, in: section.kind)
            return .none
        default:
            break
        }
        // A paragraph too long to be a template sentence is the vendor's own, whole.
        guard text.utf16.count <= Self.longestTemplateText else {
            placeSpecific(text, text: text, line: line, isItem: isItem, what: what, in: section)
            return .none
        }

        var specific: [String] = []
        var adminCredentials: [String] = []
        var step: ProvisioningStep?
        var owner = Owner.none
        var placedSomething = false
        for sentence in TutorialText.sentences(text) {
            switch Boilerplate.classify(sentence, app: app) {
            case .generic(let kind):
                step = step ?? kind
                placedSomething = checkLinks(in: sentence, line: line, section: section) || placedSomething
                let normal = TutorialText.normalised(sentence, app: app)
                if normal.hasPrefix("review the group attributes") { pendingTarget = .groups; owner = .mapping(.groups) }
                if normal.hasPrefix("review the user attributes") { pendingTarget = .users; owner = .mapping(.users) }
                if normal.hasPrefix("select attribute mapping") {
                    pendingTarget = normal.hasSuffix("groups") ? .groups : .users
                    owner = .mapping(pendingTarget ?? .users)
                }
            case .flow(let flow):
                step = step ?? .provisioningMode
                if flowStated == nil { flowStated = flow }
                placedSomething = true
            case .mapping(let name, let optional):
                let target: Target = TutorialText.contains(TutorialText.normalised(name, app: app), "group") ? .groups : .users
                pendingTarget = target
                owner = .mapping(target)
                if target == .groups {
                    groups.mappingName = imported(name, line: line)
                    groups.optional = optional
                    groupMappingLine = line
                } else {
                    vendor.users.mappingName = imported(name, line: line)
                    vendor.users.optional = optional
                }
                placedSomething = true
            case .connectionHint(let hint):
                vendor.credentials.testConnectionHint = imported(hint, line: line)
                placedSomething = true
            case .provisioningIntroduction(let create, let update, let deprovision):
                if inferredCapabilities == nil { inferredCapabilities = (create, update, deprovision, line) }
            case .adminCredentials:
                step = step ?? .adminCredentials
                adminCredentials.append(sentence)
                if let url = tenantURL(in: sentence) { vendor.credentials.tenantURL = url }
            case .specific:
                if let misnamed = Boilerplate.misnamed(sentence, app: app) {
                    // "8x8 Admin Console" for 8x8 is the same product named otherwise: template text all the same.
                    if Self.namesAnotherProduct(misnamed.name, app: app) {
                        correct(line: line, found: misnamed.name, recorded: app, reason: "another product's name in template text, copied from its tutorial")
                    }
                    step = step ?? misnamed.step
                    placedSomething = true
                    continue
                }
                if let url = tenantURL(in: sentence) {
                    vendor.credentials.tenantURL = url
                    // "Use `https://…` as the Tenant URL." says nothing else; a longer sentence still needs a place.
                    let rest = TutorialText.normalised(sentence.replacingOccurrences(of: url, with: ""), app: app)
                    if Self.tenantURLOnly.matches(rest) {
                        placedSomething = true
                        continue
                    }
                }
                if !adminCredentials.isEmpty, section.kind == .provisioning {
                    // A sentence that follows "In the Admin Credentials section, …" goes on describing it.
                    adminCredentials.append(sentence)
                } else {
                    specific.append(sentence)
                }
            }
        }
        if !adminCredentials.isEmpty {
            if vendor.credentials.adminCredentials == nil {
                vendor.credentials.adminCredentials = imported(adminCredentials.joined(separator: " "), line: line)
                adminCredentialsLine = line
                placedSomething = true
            } else {
                specific += adminCredentials
            }
        }

        if !specific.isEmpty {
            if placeSpecific(specific.joined(separator: " "), text: text, line: line, isItem: isItem, what: what, in: section) {
                return .none
            }
        } else {
            record(placedSomething ? .imported : .boilerplate, line: line)
        }
        if case .none = owner { return .generic(step) }
        return owner
    }

    /// Places the vendor's own sentences of a paragraph or item by section; returns whether they
    /// went into the descriptor.
    @discardableResult
    mutating func placeSpecific(
        _ specific: String, text: String, line: Int, isItem: Bool, what: String, in section: TutorialSection
    ) -> Bool {
        switch section.kind {
        case .prerequisites where isItem:
            let item = imported(text, line: line)
            vendor.prerequisites.append(
                Prerequisite(kind: Self.prerequisiteKind(item), text: TutorialText.withFinalPeriod(item), origin: at(line)))
            record(.imported, line: line)
            return true
        case .scope where isItem, .assignment where isItem, .assignmentTips where isItem:
            vendor.assignmentTips.append(imported(text, line: line))
            record(.imported, line: line)
            return true
        case .resources where isItem && !TutorialText.links(in: text).isEmpty:
            vendor.resources.append(imported(text, line: line))
            record(.imported, line: line)
            return true
        default:
            notPlaced(what, specific, line: line)
            return false
        }
    }

    /// Change-log entries, connector limitations and troubleshooting tips: every paragraph or item is one.
    mutating func readListed(_ text: String, line: Int, in kind: TutorialSection.Kind) {
        let text = imported(text, line: line)
        switch kind {
        case .changeLog:
            let entry = Self.changeLogEntry(text)
            if let date = entry.date, let written = Self.changeLogDate.firstMatch(in: text)?[1], written != date {
                correct(line: line, found: written, recorded: date, reason: "a change log date is written MM/DD/YYYY, as ms.date is")
            }
            vendor.changeLog.append(ChangeLogEntry(date: entry.date, text: entry.text, origin: at(line)))
        case .limitations:
            vendor.limitations.append(text)
        default:
            vendor.troubleshooting.append(text)
        }
        record(.imported, line: line)
    }

    /// "03/23/2022 - Added support for groups." as its date (MM/DD/YYYY) and its text; an entry
    /// without a leading date keeps its whole text.
    static func changeLogEntry(_ text: String) -> (date: String?, text: String) {
        guard let match = changeLogDate.firstMatch(in: text), let date = LearnDate.normalised(match[1]) else {
            return (nil, text)
        }
        let rest = TutorialText.trimmed(String(text.dropFirst(match[0].count)))
        return rest.isEmpty ? (nil, text) : (date, rest)
    }

    static let changeLogDate = ImportPattern(#"^\**([0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4})\**\s*(?:[-–—:]\s*)?"#)

    /// A sentence's Tenant URL, when it says what the Tenant URL is: "enter `https://…` as the **Tenant URL**".
    func tenantURL(in sentence: String) -> String? {
        guard sentence.utf16.count <= Self.longestTemplateText, TutorialText.contains(sentence.lowercased(), "tenant") else { return nil }
        let normal = TutorialText.normalised(sentence, app: app)
        // Only a URL the sentence shows (a code span, a bare URL or a link's text), never a link's
        // target: "ask [support](https://…/support) for the Tenant URL" does not give the URL.
        let shown = TutorialText.withLinkTexts(sentence)
        guard TutorialText.contains(normal, "tenant url"), var url = Self.url.firstMatch(in: shown)?[0] else { return nil }
        while let last = url.last, ".,;:".contains(last) { url.removeLast() }
        return url
    }

    /// Links in template text that lead outside Microsoft's documentation carry a vendor fact:
    /// the introduction's link is the product website; any other is reported.
    mutating func checkLinks(in sentence: String, line: Int, section: TutorialSection) -> Bool {
        var placed = false
        for link in TutorialText.links(in: sentence) where Self.isVendorLink(link.target) {
            if section.kind == .introduction, vendor.website == nil, !websiteChecked {
                websiteChecked = true
                if Self.namesAnotherProduct(link.text, app: app) {
                    correct(
                        line: line, found: "[\(link.text)](\(link.target))", recorded: nil,
                        reason: "the introduction links another product's website; set 'website' to \(app)'s own")
                    placed = true
                    continue
                }
                vendor.website = link.target
                websiteLine = line
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

    /// Whether a link text names a product other than the app: it shares no word with the app's
    /// name ("Tribeloo" for Chaos), ignoring case and punctuation.
    static func namesAnotherProduct(_ text: String, app: String) -> Bool {
        func words(_ text: String) -> Set<String> {
            Set(text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init).filter { $0.count > 1 })
        }
        let linked = words(text)
        let own = words(app)
        guard !linked.isEmpty, !own.isEmpty else { return false }
        if !linked.isDisjoint(with: own) { return false }
        // "OrgWiki" for "TheOrgWiki", "BLDNG" for "BLDNG APP": one name inside the other is the same product.
        let squeezedLink = linked.sorted().joined()
        let squeezedApp = app.lowercased().filter { $0.isLetter || $0.isNumber }
        return !(squeezedApp.contains(squeezedLink) || squeezedLink.contains(squeezedApp))
    }

    static let tenantURLOnly = ImportPattern(
        "^(((use|enter|input|type|paste|set)( the url)? )?(as|in|into) (the|your) tenant url( field)?|(the|your) tenant url is)$")
    static let url = ImportPattern(#"https://[^\s`)\]*]+"#)

    // MARK: - Includes

    /// A shared section from an `[!INCLUDE]` file: the standard Step 4 and Step 6 includes are what
    /// the templates write anyway; any other include is kept, with the section it stands in.
    mutating func readInclude(name: String, path: String, line: Int, in section: TutorialSection) {
        let file = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        if Self.templateIncludes[file] == section.kind {
            record(.boilerplate, line: line)
            return
        }
        guard let home = section.kind.noteSection else {
            notPlaced("include", "[!INCLUDE [\(name)](\(path))]", line: line)
            return
        }
        guard DescriptorValidator.includeProblem(path) == nil else {
            notPlaced("include", "[!INCLUDE [\(name)](\(path))]", line: line)
            return
        }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let text = TutorialText.trimmed(name)
        vendor.includes.append(Include(section: home, path: path, name: text.isEmpty || text == fileName ? nil : text, origin: at(line)))
        record(.imported, line: line)
    }

    /// The includes the templates write in every tutorial, by the section they stand in.
    static let templateIncludes: [String: TutorialSection.Kind] = [
        "create-assign-users-provisioning.md": .scope,
        "monitor-deployment.md": .monitor,
    ]

    // MARK: - Capabilities

    mutating func readCapability(_ text: String, line: Int) {
        capabilitiesLine = capabilitiesLine ?? line
        var caps = capabilities ?? Capabilities()
        defer { capabilities = caps }
        // The checklist may name the product otherwise than the heading does ("BLDNG.AI" for "BLDNG APP").
        var normal = TutorialText.normalised(text, app: app)
        if let match = Self.capabilityProduct.firstMatch(in: normal) {
            normal = match[1] + "app" + match[3]
        }
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

    static let capabilityProduct = ImportPattern(
        #"^(create (?:users|hosts) in |(?:remove|delete|deprovision|disable|deactivate|suspend) users in |keep user attributes synchronized between entra and |provision (?:host )?groups and (?:group|their) memberships in |single sign-on to )(?!app\b)(.+?)( when they (?:do not|no longer) require access( anymore)?| \(recommended\))?$"#)
    static let createUsers = ImportPattern("^create (users|hosts) in app$")
    static let removeUsers = ImportPattern(
        "^(remove|delete|deprovision) users in app( when they (do not|no longer) require access( anymore)?)?$")
    static let disableUsers = ImportPattern(
        "^(disable|deactivate|suspend) users in app( when they (do not|no longer) require access( anymore)?)?$")
    static let updateUsers = ImportPattern("^keep user attributes synchronized between entra and app$")
    static let groups = ImportPattern("^provision (host )?groups and (group|their) memberships in app$")
    static let singleSignOn = ImportPattern(#"^single sign-on to app( \(recommended\))?$"#)

    // MARK: - Credentials

    /// Step 2: every paragraph and list item is a credential step, except the sentence that names
    /// the response fields holding the Tenant URL and Secret Token.
    mutating func readCredentialText(_ text: String, line: Int) -> Owner {
        if text.utf16.count <= Self.longestTemplateText, let url = Self.responseField(text, Self.tenantURLField),
            let token = Self.responseField(text, Self.secretTokenField)
        {
            vendor.credentials.responseFields = Credentials.ResponseFields(tenantURL: url, secretToken: token)
            record(.imported, line: line)
            return .none
        }
        if text.utf16.count <= Self.longestTemplateText {
            let sentences = TutorialText.sentences(text)
            // "This section guides you through the steps to configure <App> …": no step of its own.
            if !sentences.isEmpty, sentences.allSatisfy({ sentence in
                if case .generic = Boilerplate.classify(sentence, app: app) { return true }
                return false
            }) {
                record(.boilerplate, line: line)
                return .none
            }
            for sentence in sentences {
                if let url = tenantURL(in: sentence) { vendor.credentials.tenantURL = url }
            }
        }
        vendor.credentials.steps.append(CredentialStep(text: imported(text, line: line), origin: at(line)))
        record(.imported, line: line)
        return .step(vendor.credentials.steps.count - 1)
    }

    /// The field in "`baseUrl` (**Tenant URL** in …)".
    static func responseField(_ text: String, _ pattern: ImportPattern) -> String? {
        pattern.firstMatch(in: text)?[1]
    }

    static let tenantURLField = ImportPattern("`([^`]+)`\\s*\\(\\s*\\*{0,2}Tenant URL\\*{0,2}")
    static let secretTokenField = ImportPattern("`([^`]+)`\\s*\\(\\s*\\*{0,2}Secret Token\\*{0,2}")

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
        checkPlaceholders(in: block.text, line: block.line)
        let sentences = block.text.utf16.count <= Self.longestTemplateText ? TutorialText.sentences(block.text) : []
        let generic = sentences.allSatisfy { sentence in
            if case .generic = Boilerplate.classify(sentence, app: app) { return true }
            return false
        }
        if !sentences.isEmpty, generic {
            record(.boilerplate, line: block.line)
            return
        }
        switch section.kind {
        case .limitations, .troubleshooting, .changeLog:
            readListed(block.text, line: block.line, in: section.kind)
            return
        default:
            break
        }
        guard let noteSection = section.kind.noteSection, let noteKind = Note.Kind(rawValue: kind) else {
            notPlaced("note", block.text, line: block.line)
            return
        }
        let text = TutorialText.renamed(block.text)
        if text.changed {
            report(.note, "old product name updated: imported as Microsoft Entra ID and the Microsoft Entra admin center", line: block.line)
        }
        vendor.notes.append(Note(kind: noteKind, section: noteSection, text: text.text, origin: at(block.line)))
        record(.imported, line: block.line)
    }

    mutating func readImage(alt: String, path: String, line: Int, owner: Owner) {
        var relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        // Shared screenshots of the Entra admin center: the templates show them for every vendor.
        if relative.hasPrefix("common/") {
            record(.boilerplate, line: line)
            return
        }
        if relative.contains("\\") {
            let fixed = relative.replacingOccurrences(of: "\\", with: "/")
            correct(line: line, found: relative, recorded: fixed, reason: "a Windows-style path; Markdown links use '/'")
            relative = fixed
        }
        if let problem = RelativePath.problem(relative) {
            correct(line: line, found: "![\(alt)](\(path))", recorded: nil, reason: "the screenshot path \(problem)")
            record(.notImported, line: line)
            notImported.append((line, "![\(alt)](\(path))"))
            return
        }
        let shot = Screenshot(path: relative, alt: alt, origin: at(line))
        switch owner {
        case .step(let index) where index < vendor.credentials.steps.count && vendor.credentials.steps[index].screenshot == nil:
            vendor.credentials.steps[index].screenshot = shot
        case .generic(let step?) where vendor.provisioningScreenshots[step] == nil:
            vendor.provisioningScreenshots[step] = shot
        case .mapping(.users):
            vendor.users.screenshots.append(shot)
        case .mapping(.groups):
            groups.screenshots.append(shot)
        default:
            notPlaced("screenshot", "![\(alt)](\(path))", line: line)
            return
        }
        record(.imported, line: line)
    }

    mutating func readCode(_ block: MarkdownBlock, language: String, owner: Owner) {
        guard case .step(let index) = owner, index < vendor.credentials.steps.count, vendor.credentials.steps[index].code == nil,
            !TutorialText.trimmed(block.text).isEmpty
        else {
            notPlaced("code block", block.text, line: block.line)
            return
        }
        vendor.credentials.steps[index].code = CodeBlock(language: language, body: block.text)
        record(.imported, line: block.line)
    }

    // MARK: - Tables

    /// Reads an attribute table into the user or the group table: the one the text before it
    /// names ("Review the group attributes…"), else the one its rows belong to (a table of
    /// `displayName` and `members` is a group table), else the users. A second table for the same
    /// object type adds to the first; a repeated row is then left out as a duplicate.
    mutating func readTable(_ lines: [SourceLine], in section: TutorialSection) {
        let named = pendingTarget
        pendingTarget = nil
        var table = AttributeTableReader(lines: lines, resource: named == .groups ? .group : .user, file: file)
        let target = named ?? (Self.isGroupTable(table.rows) ? .groups : .users)
        if target == .groups, named != .groups {
            table = AttributeTableReader(lines: lines, resource: .group, file: file)
        }
        // Only the rows of attribute tables are attribute rows; another table's rows are facts like any other.
        if table.isAttributeTable { rowsFound += table.rowLines.count }
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
        rowsCorrected.formUnion(table.typeCompleted)
        switch target {
        case .users:
            vendor.users.attributes += table.rows
            usersFound = true
            usersStateMatching = table.statesMatching
        case .groups:
            groups.attributes += table.rows
            groupsFound = true
            groupsStateMatching = table.statesMatching
        }
    }

    /// Whether every row names a Group attribute (a core one, or one of a Group extension) and one
    /// is `displayName` or `members`.
    static func isGroupTable(_ rows: [AttributeMapping]) -> Bool {
        let prefix = SCIMURN.group.lowercased() + ":"
        let names = rows.map { row -> String in
            let path = row.path.lowercased()
            return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        }
        let groupNames: Set<String> = ["displayname", "members", "externalid", "id"]
        return names.contains { $0 == "members" || $0 == "displayname" }
            && names.allSatisfy { groupNames.contains($0) || ($0.hasPrefix("urn:") && TutorialText.contains($0, ":group:")) }
    }

    // MARK: - Published defects

    /// Published defects in text, found once per line: "TestApp", the placeholder of Microsoft's
    /// tutorial template, where the app's name belongs; another product's name copied from its
    /// tutorial ("the Provisioning tab of your getAbstract application" in Britive's).
    mutating func checkPlaceholders(in text: String, line: Int) {
        guard text.utf16.count <= Self.longestTemplateText, !checkedLines.contains(line) else { return }
        checkedLines.insert(line)
        if text.range(of: "testapp", options: .caseInsensitive) != nil, Self.placeholder.matches(text) {
            correct(line: line, found: "TestApp", recorded: app, reason: "the template's placeholder left in place of the app's name")
        }
        if text.range(of: "application", options: .caseInsensitive) != nil, let other = Self.otherProduct.firstMatch(in: text),
            Self.namesAnotherProduct(other[1], app: app)
        {
            correct(line: line, found: other[1], recorded: app, reason: "another product's name, copied from its tutorial")
            otherProducts[line] = other[1]
        }
    }

    static let placeholder = ImportPattern(#"\btestapp\b"#)
    static let otherProduct = ImportPattern(#"(?:provisioning tab of|tab of) your \**([A-Za-z0-9][A-Za-z0-9 .-]{0,40}?)\** application"#)

    /// Paragraphs longer than this are never template text: no template sentence comes close, and
    /// sentence-by-sentence matching stays bounded.
    static let longestTemplateText = ImportPattern.maximumInput
    /// The tutorial line a row was read from.
    static func line(of row: AttributeMapping) -> Int { row.origin.location?.line ?? 0 }
}
