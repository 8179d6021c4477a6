extension TutorialReader {
    /// Settles what needs the whole tutorial: matching, vendor extensions, catalog checks,
    /// capabilities, the token's name, and the facts a descriptor needs but the tutorial lacks.
    mutating func finish() {
        applyDefaultMatching()
        declareExtensions()
        checkRows(vendor.users.rows, resource: .user)
        checkRows(vendor.groups.rows, resource: .group)
        settleCapabilities()
        nameSecretToken()
        reportMissing()
    }

    /// Entra matches users on `userName` and groups on `displayName` unless told otherwise; the
    /// seed descriptors record that as matching precedence 1, and so does an import, unless the
    /// table has its own matching column.
    mutating func applyDefaultMatching() {
        if !vendor.users.statesMatching,
            let index = vendor.users.rows.firstIndex(where: { $0.path.lowercased() == "username" && $0.filterable })
        {
            vendor.users.rows[index].matching = 1
        }
        if !vendor.groups.statesMatching,
            let index = vendor.groups.rows.firstIndex(where: { $0.path.lowercased() == "displayname" && $0.filterable })
        {
            vendor.groups.rows[index].matching = 1
        }
    }

    /// Declares the vendor extension schemas that table rows use (`urn:…:lucid:2.0:User:billingCode`),
    /// so that the descriptor resolves; a path with a sub-attribute makes its attribute complex.
    mutating func declareExtensions() {
        var firstLines: [Int] = []
        for row in vendor.users.rows + vendor.groups.rows {
            guard let path = try? AttributePath(parsing: row.path), let urn = path.schema,
                SCIMCatalog.schema(withID: urn) == nil
            else { continue }
            let kind = ExtensionAttribute.Kind(rawValue: row.type.rawValue) ?? .string
            var index = vendor.extensions.firstIndex { $0.id.lowercased() == urn.lowercased() }
            if index == nil {
                vendor.extensions.append(ExtensionSchema(id: urn, name: Self.extensionName(urn)))
                firstLines.append(row.line)
                index = vendor.extensions.count - 1
            }
            guard let schema = index else { continue }
            var attributes = vendor.extensions[schema].attributes
            var position = attributes.firstIndex { $0.name.lowercased() == path.attribute.lowercased() }
            if position == nil {
                attributes.append(ExtensionAttribute(name: path.attribute, type: path.subAttribute == nil ? kind : .complex))
                position = attributes.count - 1
            }
            if let sub = path.subAttribute, let parent = position {
                attributes[parent].type = .complex
                if !attributes[parent].subAttributes.contains(where: { $0.name.lowercased() == sub.lowercased() }) {
                    attributes[parent].subAttributes.append(ExtensionAttribute(name: sub, type: kind))
                }
            }
            vendor.extensions[schema].attributes = attributes
        }
        for (schema, line) in zip(vendor.extensions, firstLines) {
            let count = schema.attributes.count
            report(
                .note,
                "extension declared from the attribute table: '\(SCIMURN.abbreviated(schema.id))' with \(count) \(count == 1 ? "attribute" : "attributes"); describe them in 'extensions'",
                line: line)
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

    /// Rows stay as the tutorial wrote them; where the catalog disagrees, a warning says so.
    mutating func checkRows(_ rows: [ImportedVendor.Row], resource: SCIMResource) {
        let extensions = vendor.extensions.map(\.schemaDefinition)
        for row in rows {
            let path: AttributePath
            do {
                path = try AttributePath(parsing: row.path)
            } catch {
                report(.warning, "path does not parse: '\(row.path)' (\(error.message)); imported as written", line: row.line)
                continue
            }
            switch SCIMCatalog.resolve(path, resource: resource, extensions: extensions) {
            case .failure(let problem):
                report(.warning, "not in the catalog: \(problem.message); imported as written", line: row.line)
            case .success(let resolved) where !resolved.acceptsTableType(row.type.rawValue):
                let expected = AttributeTableValidator.tableTypeName(resolved)
                let place = resolved.schema.map { "'\(SCIMURN.abbreviated($0.id))'" } ?? "the common attributes"
                report(
                    .warning,
                    "type contradicts the catalog: '\(row.path)' is \(article(expected)) \(expected) in \(place), not \(article(row.type.rawValue)) \(row.type.rawValue); imported as written",
                    line: row.line)
            case .success:
                break
            }
        }
    }

    /// The capabilities checklist when there is one; otherwise what Step 5's introduction says.
    mutating func settleCapabilities() {
        let groupsFound = vendor.groups.found
        if var caps = capabilities {
            let line = capabilitiesLine ?? 1
            if caps.groups && !groupsFound {
                report(
                    .warning,
                    "capabilities list groups, but there is no group attribute table; add one or set 'capabilities.groups' to false",
                    line: line)
            } else if !caps.groups && groupsFound {
                report(.warning, "group table found, but the capabilities do not list groups; recorded 'groups' as true", line: line)
                caps.groups = true
            }
            vendor.capabilities = caps
            return
        }
        let mentionsSingleSignOn = vendor.notes.contains { note in
            let text = note.text.lowercased()
            return text.contains("single sign-on") || Self.ssoWord.matches(text)
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

    /// What the vendor calls the secret token, when a step names it in bold ("**Bearer Token**",
    /// "**API Key**"); a phrase that starts with a verb is a button ("**Generate Token**").
    mutating func nameSecretToken() {
        let verbs: Set<String> = ["generate", "create", "copy", "new", "regenerate", "add", "show", "reveal", "revoke"]
        for step in vendor.steps {
            for phrase in TutorialText.boldPhrases(in: step.text) {
                let words = phrase.split(separator: " ").map { $0.lowercased() }
                guard words.last == "token" || words.last == "key", phrase.lowercased() != "secret token",
                    let first = words.first, !verbs.contains(first)
                else { continue }
                vendor.secretTokenName = phrase
                return
            }
        }
    }

    /// Facts every descriptor needs and facts that found no table.
    mutating func reportMissing() {
        if vendor.steps.isEmpty {
            report(
                .warning,
                "no credential steps: the tutorial does not say how to obtain the Tenant URL and Secret Token; add 'credentials.steps'",
                line: 1)
        }
        if !vendor.users.found {
            report(.warning, "no user attribute table: 'users.attributes' is empty", line: 1)
            if let name = vendor.users.mappingName {
                notImported.append((1, "user mapping name: \(name)"))
            }
        }
        if !vendor.groups.found, let name = vendor.groups.mappingName, let line = groupMappingLine {
            notPlaced("group mapping without a table", name, line: line)
        }
    }
}
