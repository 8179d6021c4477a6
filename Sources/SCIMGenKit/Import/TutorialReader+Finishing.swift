extension TutorialReader {
    /// Settles what needs the whole tutorial: matching, vendor extensions, catalog checks,
    /// capabilities, the token's name, and the facts a descriptor needs but the tutorial lacks.
    mutating func finish() {
        declareExtensions()
        vendor.users.attributes = checkedRows(vendor.users.attributes, resource: .user)
        groups.attributes = checkedRows(groups.attributes, resource: .group)
        applyDefaultMatching()
        settleCapabilities()
        settleCredentials()
        nameSecretToken()
        reportMissing()
        holdTextToTheDescriptorRules()
        vendor.groups = groupsFound ? groups : nil
        if let flowStated { vendor.provisioningFlow = flowStated }
    }

    /// Entra matches users on `userName` and groups on `displayName` unless told otherwise; the
    /// seed descriptors record that as matching precedence 1, and so does an import, unless the
    /// table has its own matching column.
    mutating func applyDefaultMatching() {
        if !usersStateMatching,
            let index = vendor.users.attributes.firstIndex(where: { $0.path.lowercased() == "username" && $0.filterable })
        {
            vendor.users.attributes[index].matching = 1
        }
        if !groupsStateMatching,
            let index = groups.attributes.firstIndex(where: { $0.path.lowercased() == "displayname" && $0.filterable })
        {
            groups.attributes[index].matching = 1
        }
        vendor.users.attributes = consistentMatching(vendor.users.attributes)
        groups.attributes = consistentMatching(groups.attributes)
        // Entra matches groups on displayName; a group table that lists rows but not that one
        // lacks it (a defect of the table), and a descriptor without it does not validate.
        if !groups.attributes.isEmpty,
            !groups.attributes.contains(where: { ["displayname", SCIMURN.group.lowercased() + ":displayname"].contains($0.path.lowercased()) })
        {
            let line = groups.attributes.first.map(Self.line(of:)) ?? 1
            correct(
                line: line, found: "(no displayName row)", recorded: "displayName|String",
                reason: "Entra matches groups on displayName, which the group table leaves out")
            var row = AttributeMapping(path: "displayName", type: .string, filterable: true, origin: at(line))
            row.matching = groups.attributes.contains { $0.matching == 1 } ? nil : 1
            groups.attributes.insert(row, at: 0)
            rowsAdded += 1
        }
    }

    /// Matching precedences `validate` accepts: only on filterable rows, each used once. A
    /// precedence the table gives otherwise is not kept (tutorials show no matching column), with
    /// a warning.
    mutating func consistentMatching(_ rows: [AttributeMapping]) -> [AttributeMapping] {
        var used: Set<Int> = []
        return rows.map { row in
            guard let matching = row.matching else { return row }
            var row = row
            if !row.filterable || used.contains(matching) {
                report(
                    .warning,
                    "matching precedence \(matching) of '\(TutorialText.clipped(row.path))' not kept: \(row.filterable ? "another row has it" : "the row is not filterable, and Entra matches by filtering")",
                    line: Self.line(of: row))
                notImported.append((Self.line(of: row), "matching precedence \(matching) of '\(row.path)'"))
                record(.notImported, line: Self.line(of: row))
                row.matching = nil
            } else {
                used.insert(matching)
            }
            return row
        }
    }

    /// Declares the vendor extension schemas that table rows use (`urn:…:lucid:2.0:User:billingCode`),
    /// so that the descriptor resolves; a path with a sub-attribute makes its attribute complex.
    mutating func declareExtensions() {
        var firstLines: [Int] = []
        var schemaIndex: [String: Int] = [:]
        var attributeIndex: [String: Int] = [:]
        for row in vendor.users.attributes + groups.attributes {
            guard let path = try? AttributePath(parsing: row.path), let urn = path.schema,
                SCIMCatalog.schema(withID: urn) == nil, Self.isExtensionURN(urn)
            else { continue }
            let kind = ExtensionAttribute.Kind(rawValue: row.type.rawValue) ?? .string
            let schema: Int
            if let known = schemaIndex[urn.lowercased()] {
                schema = known
            } else {
                vendor.extensions.append(ExtensionSchema(id: urn, name: Self.extensionName(urn)))
                firstLines.append(Self.line(of: row))
                schema = vendor.extensions.count - 1
                schemaIndex[urn.lowercased()] = schema
            }
            let key = urn.lowercased() + ":" + path.attribute.lowercased()
            let position: Int
            if let known = attributeIndex[key] {
                position = known
            } else {
                vendor.extensions[schema].attributes.append(
                    ExtensionAttribute(name: path.attribute, type: path.subAttribute == nil ? kind : .complex))
                position = vendor.extensions[schema].attributes.count - 1
                attributeIndex[key] = position
            }
            if let sub = path.subAttribute {
                vendor.extensions[schema].attributes[position].type = .complex
                if !vendor.extensions[schema].attributes[position].subAttributes.contains(where: { $0.name.lowercased() == sub.lowercased() }) {
                    vendor.extensions[schema].attributes[position].subAttributes.append(ExtensionAttribute(name: sub, type: kind))
                }
            }
        }
        for (schema, line) in zip(vendor.extensions, firstLines) {
            let count = schema.attributes.count
            report(
                .note,
                "extension declared from the attribute table: '\(SCIMURN.abbreviated(schema.id))' with \(count) \(count == 1 ? "attribute" : "attributes"); describe them in 'extensions'",
                line: line)
        }
    }

    /// Whether a URN names a vendor extension schema: `urn:ietf:params:scim:schemas:extension:…`
    /// with a version and a resource, as RFC 7643 writes them, and nothing a URN cannot hold.
    static func isExtensionURN(_ urn: String) -> Bool {
        let lowered = urn.lowercased()
        guard lowered.hasPrefix("urn:ietf:params:scim:schemas:extension:"), urn.count <= 200 else { return false }
        let parts = urn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count >= 8 && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }
        }
    }

    /// A short name for an extension schema: `urn:…:extension:lucid:2.0:User` is `LucidUser`.
    static func extensionName(_ urn: String) -> String {
        let parts = urn.split(separator: ":").map(String.init)
        let resource = parts.last ?? ""
        var vendorPart = parts.count >= 2 ? parts[parts.count - 2] : ""
        if let version = parts.firstIndex(where: { $0.first?.isNumber == true && $0.allSatisfy { $0.isNumber || $0 == "." } }),
            version > 0
        {
            vendorPart = parts[version - 1]
        }
        let camel = vendorPart.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let name = camel.lowercased().hasSuffix(resource.lowercased()) ? camel : camel + resource
        return name.first?.isLetter == true ? name : "Extension" + name
    }

    /// The rows as the descriptor can hold them. A row stays as the tutorial wrote it unless it is
    /// a published defect: a misspelled name with exactly one likely spelling, an Enterprise User
    /// attribute written without its schema, curly quotes in a filter, or a type no Entra schema
    /// gives the attribute; each is corrected with a warning. A row that cannot be corrected, or that
    /// repeats an earlier one, is left out with a warning.
    mutating func checkedRows(_ rows: [AttributeMapping], resource: SCIMResource) -> [AttributeMapping] {
        let extensions = vendor.extensions.map(\.schemaDefinition)
        var kept: [AttributeMapping] = []
        var seen: [String: (line: Int, index: Int)] = [:]
        for var row in rows {
            guard let resolved = resolvedRow(&row, resource: resource, extensions: extensions) else { continue }
            let identity = resolved.identity
            if let first = seen[identity] {
                correct(
                    line: Self.line(of: row), found: row.path, recorded: nil,
                    reason: "the same attribute as the row on line \(first.line); a table lists each attribute once")
                // The row kept takes the marks either row gives.
                kept[first.index].filterable = kept[first.index].filterable || row.filterable
                if row.required == true { kept[first.index].required = true }
                dropped(row)
                continue
            }
            seen[identity] = (Self.line(of: row), kept.count)
            if !resolved.acceptsTableType(row.type.rawValue),
                let expected = AttributeType(rawValue: AttributeTableValidator.tableTypeName(resolved))
            {
                correct(
                    line: Self.line(of: row), found: "\(row.path)|\(row.type.rawValue)", recorded: "\(row.path)|\(expected.rawValue)",
                    reason: "'\(row.path)' is \(article(expected.rawValue)) \(expected.rawValue) in SCIM and in Entra")
                row.type = expected
                rowsCorrected.insert(Self.line(of: row))
            }
            kept.append(row)
        }
        return kept
    }

    /// Resolves a row's path, correcting it where the catalog knows exactly one likely meaning;
    /// nil, with the row left out, when it names nothing.
    mutating func resolvedRow(
        _ row: inout AttributeMapping, resource: SCIMResource, extensions: [SCIMSchemaDefinition]
    ) -> ResolvedAttribute? {
        var path = row.path
        var reasons: [String] = []
        let curly: [(String, String)] = [("\u{201C}", "\""), ("\u{201D}", "\""), ("\u{2018}", "'"), ("\u{2019}", "'")]
        if curly.contains(where: { path.contains($0.0) }) {
            for (from, to) in curly { path = path.replacingOccurrences(of: from, with: to) }
            reasons.append("curly quotes in a filter")
        }
        for _ in 0..<4 {
            let parsed: AttributePath
            do {
                parsed = try AttributePath(parsing: path)
            } catch {
                // `urn:scim:schemas:extension:enterprise:1.0.department` is SCIM 1.1, which some
                // gallery apps still publish: a real path, though not one a descriptor can hold.
                if row.path.lowercased().hasPrefix("urn:scim:schemas:") {
                    report(
                        .warning,
                        "table row not imported: '\(TutorialText.clipped(row.path))' is a SCIM 1.1 path; a descriptor holds SCIM 2.0 paths (RFC 7644)",
                        line: Self.line(of: row))
                    dropped(row)
                    return nil
                }
                correct(line: Self.line(of: row), found: row.path, recorded: nil, reason: "not an attribute path: \(error.message)")
                dropped(row)
                return nil
            }
            switch SCIMCatalog.resolve(parsed, resource: resource, extensions: extensions) {
            case .success(let resolved):
                if !reasons.isEmpty {
                    correct(line: Self.line(of: row), found: row.path, recorded: path, reason: reasons.joined(separator: "; "))
                    row.path = path
                    rowsCorrected.insert(Self.line(of: row))
                }
                return resolved
            case .failure(let problem):
                guard let fixed = Self.repaired(path, problem: problem, resource: resource) else {
                    correct(line: Self.line(of: row), found: row.path, recorded: nil, reason: problem.message)
                    dropped(row)
                    return nil
                }
                reasons.append(fixed.reason)
                path = fixed.path
            }
        }
        correct(line: Self.line(of: row), found: row.path, recorded: nil, reason: "no attribute of the catalog")
        dropped(row)
        return nil
    }

    /// The path with one problem repaired: the did-you-mean put in place of the misspelled name,
    /// or the Enterprise User schema put before a name only it defines.
    static func repaired(
        _ path: String, problem: AttributeResolutionError, resource: SCIMResource
    ) -> (path: String, reason: String)? {
        let scalars = Array(path.unicodeScalars)
        func replacing(_ name: String, with suggestion: String) -> String? {
            let start = problem.offset
            let length = name.unicodeScalars.count
            guard start >= 0, start + length <= scalars.count,
                String(String.UnicodeScalarView(scalars[start..<start + length])) == name
            else { return nil }
            return String(String.UnicodeScalarView(scalars[..<start])) + suggestion
                + String(String.UnicodeScalarView(scalars[(start + length)...]))
        }
        switch problem.reason {
        case .unknownAttribute(let name, let schema, let suggestion):
            if let suggestion, let fixed = replacing(name, with: suggestion) {
                // The catalog suggests `urn:…:enterprise:2.0:User:department` for a bare `department`.
                if suggestion.lowercased().hasPrefix("urn:") {
                    return (fixed, "'\(name)' belongs to the schema '\(SCIMURN.abbreviated(String(suggestion.dropLast(name.count + 1))))', which Entra names in full")
                }
                return (fixed, "'\(name)' is spelled '\(suggestion)'")
            }
            // `department` in a user table is the Enterprise User's, which Entra names in full.
            if resource == .user, schema.lowercased() == SCIMURN.user.lowercased(), !path.lowercased().hasPrefix("urn:"),
                SCIMCatalog.enterpriseUser.attributes.contains(where: { $0.name.lowercased() == name.lowercased() })
            {
                return (SCIMURN.enterpriseUser + ":" + path, "'\(name)' belongs to the Enterprise User schema, which Entra names in full")
            }
            return nil
        case .unknownSubAttribute(let name, _, let suggestion?), .unknownFilterAttribute(let name, _, let suggestion?):
            return replacing(name, with: suggestion).map { ($0, "'\(name)' is spelled '\(suggestion)'") }
        case .unknownSchema(let urn, let suggestion?):
            return replacing(urn, with: suggestion).map { ($0, "the schema '\(SCIMURN.abbreviated(urn))' is '\(SCIMURN.abbreviated(suggestion))'") }
        default:
            return nil
        }
    }

    /// A row left out: it no longer counts as imported.
    mutating func dropped(_ row: AttributeMapping) {
        notImported.append((Self.line(of: row), "|\(row.path)|\(row.type.rawValue)|"))
        record(.notImported, line: Self.line(of: row))
    }

    /// The capabilities checklist when there is one; otherwise what Step 5's introduction says.
    mutating func settleCapabilities() {
        if !groupsFound, !groups.screenshots.isEmpty { groupsFound = true }
        if !usersFound, !vendor.users.screenshots.isEmpty { usersFound = true }
        let groupsFound = self.groupsFound
        if var caps = capabilities {
            let line = capabilitiesLine ?? 1
            if caps.groups && !groupsFound {
                // The promise stands; the tutorial just does not list the group attributes.
                self.groupsFound = true
                report(
                    .warning,
                    "capabilities list groups, but the tutorial shows no group attributes; recorded a group table without rows, to fill in",
                    line: line)
            } else if !caps.groups && groupsFound {
                report(.warning, "group table found, but the capabilities do not list groups; recorded 'groups' as true", line: line)
                caps.groups = true
            }
            vendor.capabilities = caps
            return
        }
        let mentionsSingleSignOn = vendor.notes.contains { (note: Note) -> Bool in
            let text = note.text.lowercased()
            return TutorialText.contains(text, "single sign-on") || Self.ssoWord.matches(text)
        }
        let singleSignOn = vendor.singleSignOnTutorial != nil || mentionsSingleSignOn
        if let inferred = inferredCapabilities {
            vendor.capabilities = Capabilities(
                createUsers: inferred.create, updateUsers: inferred.update, deprovisionUsers: inferred.deprovision,
                groups: groupsFound, singleSignOn: singleSignOn)
            var verbs: [String] = []
            if inferred.create { verbs.append("create") }
            if inferred.update { verbs.append("update") }
            if inferred.deprovision != .none { verbs.append(inferred.deprovision.rawValue) }
            let list = verbs.count > 1 ? verbs.dropLast().joined(separator: ", ") + " and " + (verbs.last ?? "") : verbs.joined()
            report(
                .note,
                "capabilities inferred: there is no capabilities checklist, so '\(list) users' comes from this paragraph",
                line: inferred.line)
            record(.imported, line: inferred.line)
        } else {
            vendor.capabilities = Capabilities(groups: groupsFound, singleSignOn: singleSignOn)
            report(
                .warning,
                "capabilities assumed: there is no capabilities checklist; recorded create, update and remove users", line: 1)
        }
    }

    static let ssoWord = ImportPattern(#"\bsso\b"#)

    /// Credential steps for a tutorial that gives none: the vendor's own Admin Credentials step
    /// (an app that signs in with OAuth says "select Authorize" there), else a placeholder that
    /// `validate` warns about until someone writes the steps.
    mutating func settleCredentials() {
        guard vendor.credentials.steps.isEmpty else { return }
        if let text = vendor.credentials.adminCredentials, let line = adminCredentialsLine {
            vendor.credentials.steps.append(CredentialStep(text: text, origin: at(line)))
            report(
                .warning,
                "no section on configuring \(app): the credential step is the tutorial's Admin Credentials step; check 'credentials.steps'",
                line: line)
            return
        }
        vendor.credentials.steps.append(
            CredentialStep(text: "\(VendorSkeleton.placeholder): how an administrator obtains the Tenant URL and Secret Token from \(app)."))
        report(
            .warning,
            "no credential steps: the tutorial does not say how to obtain the Tenant URL and Secret Token; 'credentials.steps' holds a placeholder to replace",
            line: 1)
    }

    /// What the vendor calls the secret token, when a step names it in bold ("**Bearer Token**",
    /// "**API Key**"); a phrase that starts with a verb is a button ("**Generate Token**").
    mutating func nameSecretToken() {
        let verbs: Set<String> = ["generate", "create", "copy", "new", "regenerate", "add", "show", "reveal", "revoke"]
        for step in vendor.credentials.steps {
            for phrase in TutorialText.boldPhrases(in: step.text) {
                let words = phrase.split(separator: " ").map { $0.lowercased() }
                // A menu path ("Settings > Generate token") or a sentence is not a name.
                guard words.last == "token" || words.last == "key", phrase.lowercased() != "secret token", words.count <= 4,
                    !phrase.contains(">"), !phrase.contains("/"), let first = words.first, !verbs.contains(first)
                else { continue }
                vendor.credentials.secretTokenName = phrase
                return
            }
        }
    }

    /// Facts every descriptor needs and facts that found no table.
    mutating func reportMissing() {
        if !usersFound {
            report(.warning, "no user attribute table: 'users.attributes' is empty", line: 1)
        }
        if !groupsFound, let name = groups.mappingName, let line = groupMappingLine {
            notPlaced("group mapping without a table", name, line: line)
        }
    }

    /// Leaves out the rows the validator refuses in the descriptor made from this import; returns
    /// whether it left out any, so that the descriptor is made again.
    mutating func leaveOut(refused errors: [Diagnostic], in decoded: VendorDescriptor) -> Bool {
        var refused: [Int: String] = [:]
        for error in errors {
            if let line = error.location?.line, refused[line] == nil { refused[line] = error.message }
        }
        var any = false
        func filter(_ rows: [AttributeMapping], _ written: [AttributeMapping]) -> [AttributeMapping] {
            var kept: [AttributeMapping] = []
            for (row, mapping) in zip(rows, written) {
                guard let line = mapping.origin.location?.line, let message = refused[line] else {
                    kept.append(row)
                    continue
                }
                correct(line: Self.line(of: row), found: row.path, recorded: nil, reason: message)
                dropped(row)
                any = true
            }
            return kept
        }
        vendor.users.attributes = filter(vendor.users.attributes, decoded.users.attributes)
        if var table = vendor.groups {
            table.attributes = filter(table.attributes, decoded.groups?.attributes ?? [])
            vendor.groups = table
        }
        return any
    }
}
