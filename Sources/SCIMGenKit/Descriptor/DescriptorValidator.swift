import Foundation

/// Checks a decoded descriptor against the SCIM catalog and its own consistency: attribute
/// paths that exist, types that agree with the schema, no duplicate rows, matching attributes
/// that are filterable, safe screenshot paths. What it checks, it returns as a `ResolvedVendor`.
public enum DescriptorValidator {
    /// Every semantic problem of one descriptor.
    public static func validate(_ d: VendorDescriptor) -> [Diagnostic] { check(d).diagnostics }

    /// Checks one descriptor: the checked vendor when no problem is an error, and every problem.
    ///
    /// - Parameter document: the descriptor's file as parsed, whose text is checked for what may not
    ///   reach a tutorial (`TextSafetyValidator`) at its own positions; without it, the descriptor's
    ///   encoding is checked instead, so a descriptor built in memory is held to the same rules.
    public static func check(_ d: VendorDescriptor, document: JSONNode? = nil) -> (vendor: ResolvedVendor?, diagnostics: [Diagnostic]) {
        var text: [Diagnostic] = []
        if let parsed = document ?? (try? JSONParser.parse(DescriptorCodec.encode(d))) {
            text = TextSafetyValidator.validate(parsed, file: d.file)
        }
        let (vendor, found) = checkFacts(d)
        return (text.isEmpty ? vendor : nil, text + found)
    }

    /// Every check but the text's: what the hardening tests use to show that escaping holds even
    /// for text that validation would refuse. Nothing else may skip `TextSafetyValidator`.
    static func checkFacts(_ d: VendorDescriptor) -> (vendor: ResolvedVendor?, diagnostics: [Diagnostic]) {
        var found: [Diagnostic] = []
        func error(_ message: String, _ origin: Origin?) {
            found.append(Diagnostic(.error, message, at: origin?.location ?? d.origin.location))
        }
        func error(_ message: String, key: String) {
            found.append(Diagnostic(.error, message, at: d.locations[key] ?? d.origin.location))
        }
        func warning(_ message: String, _ origin: Origin?) {
            found.append(Diagnostic(.warning, message, at: origin?.location ?? d.origin.location))
        }

        // Front matter.
        if let date = d.learn.date, !isLearnDate(date) {
            error("'learn.date' must be a date written MM/DD/YYYY, as ms.date is, not '\(date)'", key: "learn.date")
        }
        if let asset = d.learn.assetId, UUID(uuidString: asset) == nil {
            error("'learn.assetId' must be a GUID such as '1b4993b3-7fb1-4128-a399-3bad8e26559f', not '\(asset)'", key: "learn.assetId")
        }
        // `website` and every other link are `TextSafetyValidator`'s: https only.
        if let url = d.service.baseURL, case .failure(let problem) = SCIMBaseURL.parse(url) {
            error(problem.message(url), key: "scim.baseURL")
        }

        // Facts checked against each other, unless one of them could not be read (its value is
        // then a default, and the decoder has said what is wrong with it).
        func readable(_ paths: String...) -> Bool { !paths.contains(where: d.locations.isDamaged) }
        if readable("capabilities", "groups") {
            if d.capabilities.groups && d.groups == nil {
                error("'capabilities.groups' is true but there is no 'groups' table; add the group attributes or set it to false", key: "capabilities.groups")
            }
            if !d.capabilities.groups && d.groups != nil {
                error("there is a 'groups' table but 'capabilities.groups' is false; set it to true or remove the table", key: "groups")
            }
        }
        if readable("scim.authenticationSchemes"),
            d.service.authenticationSchemes.count > 1 && d.service.authenticationSchemes.filter(\.primary).count != 1
        {
            error("'scim.authenticationSchemes' must mark exactly one scheme as primary", key: "scim.authenticationSchemes")
        }
        if readable("credentials"), d.credentials.steps.isEmpty {
            error("'credentials.steps' is empty; say how an administrator obtains the Tenant URL and Secret Token", key: "credentials.steps")
        }

        // Screenshots stay inside the vendor's folder.
        var shots = d.credentials.steps.compactMap(\.screenshot)
        shots += d.provisioningScreenshots.sorted { $0.key < $1.key }.map(\.value)
        shots += d.users.screenshots + (d.groups?.screenshots ?? [])
        for shot in shots {
            if let problem = RelativePath.problem(shot.path) {
                error("screenshot path '\(shot.path)' \(problem); use a relative path inside the vendor's folder", shot.origin)
            }
        }

        // Change log dates and includes.
        for entry in d.changeLog {
            if let date = entry.date, !isLearnDate(date) {
                error("a change log date must be written MM/DD/YYYY, as ms.date is, not '\(date)'", entry.origin)
            }
        }
        for include in d.includes {
            if let problem = includeProblem(include.path) {
                error("include path '\(include.path)' \(problem); write it as Learn does, such as '~/identity/saas-apps/includes/common-prerequisites.md'", include.origin)
            }
        }

        // Attribute tables, resolved once: every output takes these rows.
        let extensions = d.extensions.map(\.schemaDefinition)
        let users = AttributeTableValidator(resource: .user, table: d.users, extensions: extensions, vendor: d).check()
        found += users.diagnostics
        var groups: ResolvedTable?
        if let table = d.groups {
            let checked = AttributeTableValidator(resource: .group, table: table, extensions: extensions, vendor: d).check()
            found += checked.diagnostics
            groups = checked.table
            // By identity, so `displayName` and its full URN both count; a row that did not decode may
            // be it. A table that lists no rows (a tutorial that shows the group mapping only as a
            // screenshot) contradicts nothing.
            if readable("groups"), !table.attributes.isEmpty,
                !checked.identities.contains(SCIMURN.group.lowercased() + ":displayname")
            {
                error("the group table has no 'displayName' row; Entra matches groups on it", key: "groups")
            }
        }
        found += ExtensionValidator.validate(d)
        // Mapping sources through Entra's expression parser, located at the character.
        found += EntraSourceValidator.validate(d.users, context: "users")
        if let groups = d.groups { found += EntraSourceValidator.validate(groups, context: "groups") }
        var customFields: [ResolvedCustomField] = []
        for allowed in d.customFieldMappings?.allowedAttributes ?? [] {
            let checker = AttributeTableValidator(resource: .user, table: AttributeTable(), extensions: extensions, vendor: d)
            if let attribute = checker.resolve(allowed.path, origin: allowed.origin, into: &found) {
                customFields.append(ResolvedCustomField(allowed: allowed, attribute: attribute))
            }
        }
        guard !found.contains(where: { $0.severity == .error }) else { return (nil, found) }
        let vendor = ResolvedVendor(
            descriptor: d, users: users.table, groups: groups, extensionSchemas: extensions,
            customFields: customFields)
        return (vendor, found)
    }

    /// Why an include path is not one Microsoft Learn resolves to a shared Markdown file, or nil.
    static func includeProblem(_ path: String) -> String? {
        guard path.hasSuffix(".md") else { return "does not name a Markdown file" }
        var rest = path
        if rest.hasPrefix("~/") { rest.removeFirst(2) }
        // Learn resolves `../` within the docs repository, so leading ones are allowed.
        while rest.hasPrefix("../") { rest.removeFirst(3) }
        if rest.contains(where: { $0.isWhitespace || "[]()<>\"'`\\".contains($0) }) { return "holds a space, bracket or quote" }
        return RelativePath.problem(rest)
    }

    /// `MM/DD/YYYY` with a real month and day.
    static func isLearnDate(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
            let month = Int(parts[0]), let day = Int(parts[1]), let year = Int(parts[2]),
            (1...12).contains(month), (1900...2999).contains(year)
        else { return false }
        let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...days[month - 1]).contains(day)
    }
}

/// Checks that a relative path in a descriptor cannot lead out of its folder.
public enum RelativePath {
    /// Why `path` is unsafe, or nil when it is a plain relative path.
    public static func problem(_ path: String) -> String? {
        if path.isEmpty { return "is empty" }
        if path.hasPrefix("/") || path.hasPrefix("~") { return "is absolute" }
        if path.contains("\\") { return "contains a backslash" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "contains a control character"
        }
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { return "is a URL or drive path" }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains("..") { return "leaves the vendor folder with '..'" }
        if segments.contains("") { return "has an empty segment" }
        return nil
    }
}
