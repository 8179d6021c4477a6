import Foundation

extension VendorDescriptor {
    /// Reads a descriptor from its bytes, reporting every structural problem (syntax, unknown
    /// keys, missing or wrongly typed values) with its location. Semantic checks against the
    /// SCIM catalog are `DescriptorValidator`'s.
    ///
    /// - Returns: the descriptor, or nil when an error left it unusable, and every diagnostic.
    public static func decode(id: String, file: String, bytes: [UInt8]) -> (VendorDescriptor?, [Diagnostic]) {
        let sink = DiagnosticSink(file: file)
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            sink.error(error.message, line: error.line, column: error.column)
            return (nil, sink.diagnostics)
        }
        let reader = ObjectReader(root, context: "", sink: sink)
        guard reader.isObject else { return (nil, sink.diagnostics) }
        var descriptor = read(reader, id: id, file: file)
        reader.finish()
        descriptor.locations = KeyLocations(sink.keyLocations)
        let hasErrors = sink.diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : descriptor, sink.diagnostics)
    }
}

// MARK: - Sections

private func read(_ r: ObjectReader, id: String, file: String) -> VendorDescriptor {
    _ = r.string("$schema")
    var d = VendorDescriptor(id: id, file: file, name: r.string("name", required: true) ?? id)
    d.origin = Origin(r.sink.location(r.node))
    d.website = r.string("website")
    d.singleSignOnTutorial = r.string("singleSignOnTutorial")
    d.gallery = r.bool("gallery") ?? true
    if let learn = r.object("learn", required: true) {
        d.learn = LearnMetadata(
            title: learn.string("title"), description: learn.string("description"),
            author: learn.string("author"), writer: learn.string("writer"), manager: learn.string("manager"),
            date: learn.string("date"), msAuthor: learn.string("msAuthor"), assetId: learn.string("assetId"),
            customerIntent: learn.string("customerIntent"))
        learn.finish()
    }
    if let caps = r.object("capabilities", required: true) {
        d.capabilities = Capabilities(
            createUsers: caps.bool("createUsers", required: true) ?? true,
            updateUsers: caps.bool("updateUsers", required: true) ?? true,
            deprovisionUsers: caps.choice("deprovisionUsers", required: true, as: Capabilities.Deprovisioning.self)
                ?? .remove,
            groups: caps.bool("groups", required: true) ?? false,
            singleSignOn: caps.bool("singleSignOn", required: true) ?? false)
        caps.finish()
    }
    if let scim = r.object("scim", required: true) {
        d.service = readService(scim)
        scim.finish()
    }
    d.prerequisites = r.objects("prerequisites") { p in
        let kind = p.choice("kind", required: true, as: Prerequisite.Kind.self)
        let text = p.string("text", required: true)
        guard let kind, let text else { return nil }
        return Prerequisite(kind: kind, text: text, origin: Origin(p.sink.location(p.node)))
    }
    if let credentials = r.object("credentials", required: true) {
        d.credentials = readCredentials(credentials)
        credentials.finish()
    }
    d.notes = r.objects("notes") { n in
        let kind = n.choice("kind", required: true, as: Note.Kind.self)
        let section = n.choice("section", required: true, as: Note.Section.self)
        let text = n.string("text", required: true)
        guard let kind, let section, let text else { return nil }
        return Note(kind: kind, section: section, text: text, origin: Origin(n.sink.location(n.node)))
    }
    d.assignmentTips = r.strings("assignmentTips")
    if let shots = r.object("provisioningScreenshots") {
        for member in shots.members {
            guard let step = ProvisioningStep(rawValue: member.key) else { continue }
            if let reader = shots.object(step.rawValue), let shot = readScreenshot(reader) {
                d.provisioningScreenshots[step] = shot
                reader.finish()
            }
        }
        _ = ProvisioningStep.allCases.map { shots.value($0.rawValue) }
        shots.finish()
    }
    if let users = r.object("users", required: true) {
        d.users = readTable(users)
        users.finish()
    }
    if let groups = r.object("groups") {
        d.groups = readTable(groups)
        groups.finish()
    }
    d.extensions = r.objects("extensions") { e in
        let id = e.string("id", required: true)
        let name = e.string("name", required: true)
        let description = e.string("description")
        let required = e.bool("required")
        let attributes = e.objects("attributes", required: true, readExtensionAttribute)
        guard let id, let name else { return nil }
        return ExtensionSchema(
            id: id, name: name, description: description ?? "", required: required ?? false,
            attributes: attributes, origin: Origin(e.sink.location(e.node)))
    }
    if let custom = r.object("customFieldMappings") {
        d.customFieldMappings = CustomFieldMappings(
            allowedAttributes: custom.objects("allowedAttributes", required: true) { a in
                let path = a.string("path", required: true)
                let fieldRef = a.string("fieldRef")
                guard let path, let node = a.value("path") else { return nil }
                return CustomFieldMappings.Allowed(path: path, fieldRef: fieldRef, origin: Origin(a.sink.location(node)))
            },
            fieldRefRule: custom.string("fieldRefRule"), newFieldsLocation: custom.string("newFieldsLocation"),
            requestChannel: custom.string("requestChannel"),
            otherIdentityProviders: custom.strings("otherIdentityProviders"))
        custom.finish()
    }
    if let page = r.object("helpPage") {
        d.helpPage = HelpPage(
            title: page.string("title") ?? "SCIM Provisioning", productName: page.string("productName"),
            sources: page.string("sources"))
        page.finish()
    }
    return d
}

private func readService(_ r: ObjectReader) -> ServiceFeatures {
    var s = ServiceFeatures()
    s.baseURL = r.string("baseURL")
    s.patch = r.bool("patch", required: true) ?? true
    if let bulk = r.object("bulk", required: true) {
        let supported = bulk.bool("supported", required: true) ?? false
        s.bulk = .init(
            supported: supported,
            maxOperations: bulk.integer("maxOperations", required: supported) ?? 0,
            maxPayloadSize: bulk.integer("maxPayloadSize", required: supported) ?? 0)
        bulk.finish()
    }
    if let filter = r.object("filter", required: true) {
        let supported = filter.bool("supported", required: true) ?? true
        s.filter = .init(
            supported: supported, maxResults: filter.integer("maxResults", required: supported) ?? 0)
        filter.finish()
    }
    s.changePassword = r.bool("changePassword", required: true) ?? false
    s.sort = r.bool("sort", required: true) ?? false
    s.etag = r.bool("etag", required: true) ?? false
    s.authenticationSchemes = r.objects("authenticationSchemes", required: true) { a in
        let type = a.choice("type", required: true, as: AuthenticationScheme.Kind.self)
        let name = a.string("name", required: true)
        let description = a.string("description", required: true)
        let specUri = a.string("specUri")
        let documentationUri = a.string("documentationUri")
        let primary = a.bool("primary")
        guard let type, let name, let description else { return nil }
        return AuthenticationScheme(
            type: type, name: name, description: description, specUri: specUri,
            documentationUri: documentationUri, primary: primary ?? false)
    }
    if let node = r.value("authenticationSchemes"), s.authenticationSchemes.isEmpty,
        case .array(let items) = node.value, items.isEmpty
    {
        r.sink.error("'\(r.path("authenticationSchemes"))' must list at least one scheme", at: node)
    }
    return s
}

private func readCredentials(_ r: ObjectReader) -> Credentials {
    var c = Credentials()
    c.steps = r.objects("steps", required: true) { step in
        let text = step.string("text", required: true)
        var result = CredentialStep(text: text ?? "", origin: Origin(step.sink.location(step.node)))
        if let code = step.object("code") {
            let body = code.string("body", required: true)
            let language = code.string("language", nonEmpty: false)
            if let body { result.code = CodeBlock(language: language ?? "", body: body) }
            code.finish()
        }
        if let shot = step.object("screenshot") {
            result.screenshot = readScreenshot(shot)
            shot.finish()
        }
        return text == nil ? nil : result
    }
    if let fields = r.object("responseFields") {
        let url = fields.string("tenantURL", required: true)
        let token = fields.string("secretToken", required: true)
        if let url, let token { c.responseFields = .init(tenantURL: url, secretToken: token) }
        fields.finish()
    }
    c.tenantURL = r.string("tenantURL")
    c.secretTokenName = r.string("secretTokenName")
    c.issuer = r.string("issuer")
    c.testConnectionHint = r.string("testConnectionHint")
    return c
}

private func readScreenshot(_ r: ObjectReader) -> Screenshot? {
    let path = r.string("path", required: true)
    let alt = r.string("alt", required: true)
    guard let path, let alt else { return nil }
    return Screenshot(path: path, alt: alt, origin: Origin(r.sink.location(r.value("path") ?? r.node)))
}

private func readTable(_ r: ObjectReader) -> AttributeTable {
    var table = AttributeTable(mappingName: r.string("mappingName"), optional: r.bool("optional") ?? false)
    table.attributes = r.objects("attributes", required: true) { row in
        // Every key is read before giving up on the row, so each problem in it is reported.
        let path = row.string("path", required: true)
        let type = row.choice("type", required: true, as: AttributeType.self)
        let filterable = row.bool("filterable")
        let required = row.bool("required")
        let matching = row.integer("matching", range: 1...1000)
        let fieldRef = row.string("fieldRef")
        let flowType = row.choice("flowType", as: MappingFlowType.self)
        let flowBehavior = row.choice("flowBehavior", as: MappingFlowBehavior.self)
        let defaultValue = row.string("defaultValue")
        let sources: [(String, (String) -> MappingSource)] = [
            ("source", MappingSource.attribute), ("expression", MappingSource.expression),
            ("constant", MappingSource.constant),
        ]
        var source: MappingSource?
        var given: [String] = []
        for (key, make) in sources {
            if let text = row.string(key, nonEmpty: key != "constant") {
                given.append(key)
                source = make(text)
            }
        }
        if given.count > 1, let node = row.value(given[1]) {
            row.sink.error(
                "'\(row.context)' gives both '\(given[0])' and '\(given[1])'; keep one source for the attribute",
                at: node)
        }
        guard let path, let type else { return nil }
        var mapping = AttributeMapping(
            path: path, type: type, filterable: filterable ?? false, required: required,
            matching: matching, fieldRef: fieldRef,
            origin: Origin(row.sink.location(row.value("path") ?? row.node)))
        mapping.source = source
        if let key = given.last, let node = row.value(key) { mapping.sourceOrigin = Origin(row.sink.location(node)) }
        (mapping.flowType, mapping.flowBehavior, mapping.defaultValue) = (flowType, flowBehavior, defaultValue)
        return mapping
    }
    return table
}

private func readExtensionAttribute(_ r: ObjectReader) -> ExtensionAttribute? {
    let name = r.string("name", required: true)
    let type = r.choice("type", required: true, as: ExtensionAttribute.Kind.self)
    let multiValued = r.bool("multiValued")
    let required = r.bool("required")
    let caseExact = r.bool("caseExact")
    let mutability = r.choice("mutability", as: ExtensionAttribute.Mutability.self)
    let description = r.string("description")
    let canonicalValues = r.strings("canonicalValues")
    let referenceTypes = r.strings("referenceTypes")
    let subAttributes = r.objects("subAttributes", readExtensionAttribute)
    guard let name, let type else { return nil }
    var attribute = ExtensionAttribute(
        name: name, type: type, multiValued: multiValued ?? false, required: required ?? false,
        caseExact: caseExact ?? false, mutability: mutability ?? .readWrite,
        description: description ?? "", canonicalValues: canonicalValues,
        referenceTypes: referenceTypes, origin: Origin(r.sink.location(r.value("name") ?? r.node)))
    attribute.subAttributes = subAttributes
    return attribute
}
