/// The changes between two versions of one descriptor, in a stable order.
struct DescriptorComparison {
    typealias Change = VendorSetDiff.Change
    private(set) var changes: [Change] = []

    init(old: VendorDescriptor, new: VendorDescriptor) {
        fields(.metadata, item: "vendor", metadata(old), metadata(new))
        fields(.capabilities, item: "capabilities", capabilities(old.capabilities), capabilities(new.capabilities))
        fields(.scimFeatures, item: "scim", features(old.service), features(new.service))
        keyed(.scimFeatures, prefix: "authentication scheme ", schemes(old.service), schemes(new.service))
        keyed(
            .prerequisites, prefix: "",
            old.prerequisites.map { ($0.text, [("kind", $0.kind.rawValue)]) },
            new.prerequisites.map { ($0.text, [("kind", $0.kind.rawValue)]) })
        credentials(old.credentials, new.credentials)
        keyed(
            .notes, prefix: "",
            old.notes.map { ("\($0.kind.rawValue) in \($0.section.rawValue): \($0.text)", []) },
            new.notes.map { ("\($0.kind.rawValue) in \($0.section.rawValue): \($0.text)", []) })
        keyed(.assignmentTips, prefix: "", old.assignmentTips.map { ($0, []) }, new.assignmentTips.map { ($0, []) })
        table(.userAttributes, old.users, new.users)
        switch (old.groups, new.groups) {
        case (nil, nil): break
        case (nil, let table?): add(.groupAttributes, .added, "group table", old: nil, new: "\(table.attributes.count) attributes")
            self.table(.groupAttributes, AttributeTable(), table)
        case (let table?, nil): add(.groupAttributes, .removed, "group table", old: "\(table.attributes.count) attributes", new: nil)
        case (let before?, let after?): self.table(.groupAttributes, before, after)
        }
        extensions(old.extensions, new.extensions)
        customFields(old.customFieldMappings, new.customFieldMappings)
    }

    // MARK: - Building blocks

    private mutating func add(_ area: VendorSetDiff.Area, _ kind: VendorSetDiff.Kind, _ item: String, field: String? = nil, old: String?, new: String?) {
        changes.append(Change(area: area, kind: kind, item: item, field: field, old: old, new: new))
    }

    /// Field-by-field changes of one item.
    private mutating func fields(_ area: VendorSetDiff.Area, item: String, _ old: [(String, String)], _ new: [(String, String)]) {
        let before = Dictionary(old, uniquingKeysWith: { first, _ in first })
        for (field, value) in new where before[field] != value {
            add(area, .changed, item, field: field, old: before[field] ?? "none", new: value)
        }
    }

    /// Items matched by key: added, removed, or changed field by field.
    private mutating func keyed(
        _ area: VendorSetDiff.Area, prefix: String, _ old: [(String, [(String, String)])], _ new: [(String, [(String, String)])]
    ) {
        let before = Dictionary(old, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new, uniquingKeysWith: { first, _ in first })
        for (key, _) in old where after[key] == nil { add(area, .removed, prefix + key, old: nil, new: nil) }
        for (key, value) in new {
            guard let previous = before[key] else {
                add(area, .added, prefix + key, old: nil, new: Self.summary(value))
                continue
            }
            fields(area, item: prefix + key, previous, value)
        }
    }

    static func summary(_ fields: [(String, String)]) -> String? {
        let shown = fields.filter { !["none", "no", "not stated", "default", ""].contains($0.1) }
        return shown.isEmpty ? nil : shown.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    static func flag(_ value: Bool) -> String { value ? "yes" : "no" }
    static func text(_ value: String?) -> String { value ?? "none" }

    // MARK: - Areas

    private func metadata(_ d: VendorDescriptor) -> [(String, String)] {
        [
            ("name", d.name), ("website", Self.text(d.website)), ("single sign-on tutorial", Self.text(d.singleSignOnTutorial)),
            ("gallery", Self.flag(d.gallery)), ("learn title", Self.text(d.learn.title)),
            ("learn description", Self.text(d.learn.description)), ("author", Self.text(d.learn.author)),
            ("writer", Self.text(d.learn.writer)), ("manager", Self.text(d.learn.manager)), ("ms.date", Self.text(d.learn.date)),
            ("ms.author", Self.text(d.learn.msAuthor)), ("asset id", Self.text(d.learn.assetId)),
            ("customer intent", Self.text(d.learn.customerIntent)),
            ("help page", d.helpPage.map { "\($0.title) (\($0.productName ?? d.name))" } ?? "none"),
        ]
    }

    private func capabilities(_ c: Capabilities) -> [(String, String)] {
        [
            ("create users", Self.flag(c.createUsers)), ("update users", Self.flag(c.updateUsers)),
            ("deprovision users", c.deprovisionUsers.rawValue), ("groups", Self.flag(c.groups)),
            ("single sign-on", Self.flag(c.singleSignOn)),
        ]
    }

    private func features(_ s: ServiceFeatures) -> [(String, String)] {
        [
            ("base URL", Self.text(s.baseURL)), ("patch", Self.flag(s.patch)), ("bulk", Self.flag(s.bulk.supported)),
            ("bulk maxOperations", String(s.bulk.maxOperations)), ("bulk maxPayloadSize", String(s.bulk.maxPayloadSize)),
            ("filter", Self.flag(s.filter.supported)), ("filter maxResults", String(s.filter.maxResults)),
            ("change password", Self.flag(s.changePassword)), ("sort", Self.flag(s.sort)), ("etag", Self.flag(s.etag)),
        ]
    }

    private func schemes(_ s: ServiceFeatures) -> [(String, [(String, String)])] {
        s.authenticationSchemes.map { scheme in
            (
                scheme.name,
                [
                    ("type", scheme.type.rawValue), ("description", scheme.description), ("specUri", Self.text(scheme.specUri)),
                    ("documentationUri", Self.text(scheme.documentationUri)), ("primary", Self.flag(scheme.primary)),
                ]
            )
        }
    }

    private mutating func credentials(_ old: Credentials, _ new: Credentials) {
        for index in 0..<max(old.steps.count, new.steps.count) {
            let item = "step \(index + 1)"
            switch (index < old.steps.count ? old.steps[index] : nil, index < new.steps.count ? new.steps[index] : nil) {
            case (nil, let step?): add(.credentials, .added, item, old: nil, new: step.text)
            case (let step?, nil): add(.credentials, .removed, item, old: step.text, new: nil)
            case (let before?, let after?):
                fields(.credentials, item: item, step(before), step(after))
            default: break
            }
        }
        fields(.credentials, item: "credentials", credentialFields(old), credentialFields(new))
    }

    private func step(_ s: CredentialStep) -> [(String, String)] {
        [
            ("text", s.text),
            ("code", s.code.map { "\($0.language.isEmpty ? "" : $0.language + ": ")\($0.body)" } ?? "none"),
            ("screenshot", s.screenshot.map { "\($0.path) (\($0.alt))" } ?? "none"),
        ]
    }

    private func credentialFields(_ c: Credentials) -> [(String, String)] {
        [
            ("response fields", c.responseFields.map { "Tenant URL from \($0.tenantURL), Secret Token from \($0.secretToken)" } ?? "none"),
            ("tenant URL", Self.text(c.tenantURL)), ("secret token name", Self.text(c.secretTokenName)),
            ("issuer", Self.text(c.issuer)), ("test connection hint", Self.text(c.testConnectionHint)),
        ]
    }

    private mutating func table(_ area: VendorSetDiff.Area, _ old: AttributeTable, _ new: AttributeTable) {
        keyed(area, prefix: "", old.attributes.map(row), new.attributes.map(row))
        fields(
            area, item: "table", [("mapping name", Self.text(old.mappingName)), ("optional", Self.flag(old.optional))],
            [("mapping name", Self.text(new.mappingName)), ("optional", Self.flag(new.optional))])
    }

    private func row(_ r: AttributeMapping) -> (String, [(String, String)]) {
        let source: String
        switch r.source {
        case .attribute(let name)?: source = name
        case .expression(let text)?: source = text
        case .constant(let value)?: source = "constant \"\(value)\""
        case nil: source = "default"
        }
        return (
            r.path,
            [
                ("type", r.type.rawValue), ("filterable", Self.flag(r.filterable)),
                ("required", r.required.map(Self.flag) ?? "not stated"), ("matching", r.matching.map(String.init) ?? "none"),
                ("source", source), ("field ref", Self.text(r.fieldRef)), ("flow type", Self.text(r.flowType?.rawValue)),
                ("flow behavior", Self.text(r.flowBehavior?.rawValue)), ("default value", Self.text(r.defaultValue)),
            ]
        )
    }

    private mutating func extensions(_ old: [ExtensionSchema], _ new: [ExtensionSchema]) {
        let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.map(\.id))
        for schema in old where !after.contains(schema.id) { add(.extensions, .removed, schema.id, old: nil, new: nil) }
        for schema in new {
            guard let previous = before[schema.id] else {
                add(.extensions, .added, schema.id, old: nil, new: "\(schema.attributes.count) attributes")
                continue
            }
            fields(
                .extensions, item: schema.id,
                [("name", previous.name), ("description", previous.description), ("required", Self.flag(previous.required))],
                [("name", schema.name), ("description", schema.description), ("required", Self.flag(schema.required))])
            keyed(.extensions, prefix: schema.id + ":", flatten(previous.attributes), flatten(schema.attributes))
        }
    }

    private func flatten(_ attributes: [ExtensionAttribute], prefix: String = "") -> [(String, [(String, String)])] {
        attributes.flatMap { a -> [(String, [(String, String)])] in
            let fields: [(String, String)] = [
                ("type", a.type.rawValue), ("multiValued", Self.flag(a.multiValued)), ("required", Self.flag(a.required)),
                ("caseExact", Self.flag(a.caseExact)), ("mutability", a.mutability.rawValue), ("description", a.description),
                ("canonicalValues", a.canonicalValues.joined(separator: ", ")), ("referenceTypes", a.referenceTypes.joined(separator: ", ")),
            ]
            return [(prefix + a.name, fields)] + flatten(a.subAttributes, prefix: prefix + a.name + ".")
        }
    }

    private mutating func customFields(_ old: CustomFieldMappings?, _ new: CustomFieldMappings?) {
        let empty = CustomFieldMappings()
        keyed(
            .customFieldMappings, prefix: "",
            (old ?? empty).allowedAttributes.map { ($0.path, [("field ref", Self.text($0.fieldRef))]) },
            (new ?? empty).allowedAttributes.map { ($0.path, [("field ref", Self.text($0.fieldRef))]) })
        func info(_ c: CustomFieldMappings?) -> [(String, String)] {
            [
                ("field ref rule", Self.text(c?.fieldRefRule)), ("new fields location", Self.text(c?.newFieldsLocation)),
                ("request channel", Self.text(c?.requestChannel)),
                ("other identity providers", c.map { $0.otherIdentityProviders.joined(separator: ", ") } ?? "none"),
            ]
        }
        fields(.customFieldMappings, item: "custom fields", info(old), info(new))
    }
}
