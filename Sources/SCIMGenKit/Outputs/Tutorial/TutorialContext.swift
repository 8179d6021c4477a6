import Mustache

/// The data templates see for one vendor: descriptor facts made safe for Markdown, and flags that
/// logic-less templates need (`groups`, `credentials.several`). Prose stays in the templates.
///
/// Keys (all text is already one line unless noted):
/// - `id`, `app` (display name), `website`, `singleSignOnTutorial`, `gallery`
/// - `learn`: `title`, `description` (nil for the template's default), `author`, `writer`, `manager`,
///   `date`, `msAuthor`, `assetId`, `customerIntent` (front matter writes them through `yaml(…)`)
/// - `capabilities`: `createUsers`, `updateUsers`, `removeUsers`, `disableUsers`, `groups`, `singleSignOn`
/// - `prerequisites`: `[{text}]`; `notes.<section>`: `[{alert}]` (multi-line `> [!NOTE]` blocks)
/// - `credentials`: `steps [{text, code?, screenshot? {path, alt}}]`, `several`, `single`,
///   `responseFields? {tenantURL, secretToken}`, `tenantURL?`, `secretTokenName?`, `issuer?`, `testConnectionHint?`
/// - `assignmentTips`: `[{text}]`, `hasAssignmentTips`
/// - `shots.<step>`: `{path, alt}` where the vendor replaces a standard screenshot
/// - `users`, `groups?`: `{mappingName?, statesRequired, statesNotes, hasRows, optional, screenshots [{path, alt}],
///   rows [{path, type, filter, required, note, fieldRef?}]}` where `filter` and `required` are `&check;` or empty
/// - `flow`: `{automatic, newConfiguration}`, one of them true: how Step 5 starts
/// - `includes.<section>`: `[{name, path}]`; `hasIncludes.<section>`: whether there is one
/// - `limitations`, `troubleshooting`, `resources`: `[{text}]` with `hasLimitations`, `hasTroubleshooting`
/// - `changeLog`: `[{date?, text}]` with `hasChangeLog`
/// - `credentials.steps[].code`: `{block, listBlock}`, a fenced block, and the same indented for a list item
/// - `extensions`: `[{id, name, attributes [{name, type}]}]`
/// - `customFields?`: `{allowed [{path, shortName, fieldRef?}], fieldRefRule?, newFieldsLocation?, requestChannel?, otherIdentityProviders [{name}]}`
/// - `helpPage?`: `{title, productName, sources?}`
enum TutorialContext {
    static func make(_ vendor: ResolvedVendor) -> MustacheValue {
        let app = MarkdownText.inline(vendor.name)
        var context: [String: MustacheValue] = [
            "id": .string(vendor.id),
            "app": .string(app),
            "gallery": .bool(vendor.gallery),
            "learn": learn(vendor.learn, app: app),
            "capabilities": .object([
                "createUsers": .bool(vendor.capabilities.createUsers),
                "updateUsers": .bool(vendor.capabilities.updateUsers),
                "removeUsers": .bool(vendor.capabilities.deprovisionUsers == .remove),
                "disableUsers": .bool(vendor.capabilities.deprovisionUsers == .disable),
                "groups": .bool(vendor.capabilities.groups),
                "singleSignOn": .bool(vendor.capabilities.singleSignOn),
            ]),
            "prerequisites": .array(vendor.prerequisites.map { .object(["text": .string(listText($0.text))]) }),
            "notes": notes(vendor.notes),
            "credentials": credentials(vendor.credentials),
            "assignmentTips": .array(vendor.assignmentTips.map { .object(["text": .string(listText($0))]) }),
            "hasAssignmentTips": .bool(!vendor.assignmentTips.isEmpty),
            "shots": .object(
                Dictionary(
                    uniqueKeysWithValues: vendor.provisioningScreenshots.map { step, shot in
                        (step.rawValue, screenshot(shot))
                    })),
            "users": table(vendor.users),
            "extensions": .array(vendor.extensions.map(extensionSchema)),
            "flow": .object([
                "automatic": .bool(vendor.provisioningFlow == .automatic),
                "newConfiguration": .bool(vendor.provisioningFlow == .newConfiguration),
            ]),
            "includes": includes(vendor.includes),
            "hasIncludes": .object(
                Dictionary(uniqueKeysWithValues: Note.Section.allCases.map { section in
                    (section.rawValue, MustacheValue.bool(vendor.includes.contains { $0.section == section }))
                })),
            "limitations": .array(vendor.limitations.map { .object(["text": .string(listText($0))]) }),
            "hasLimitations": .bool(!vendor.limitations.isEmpty),
            "troubleshooting": .array(vendor.troubleshooting.map { .object(["text": .string(listText($0))]) }),
            "hasTroubleshooting": .bool(!vendor.troubleshooting.isEmpty),
            "changeLog": .array(
                vendor.changeLog.map { entry in
                    var object: [String: MustacheValue] = ["text": .string(listText(entry.text))]
                    if let date = entry.date { object["date"] = .string(MarkdownText.inline(date)) }
                    return .object(object)
                }),
            "hasChangeLog": .bool(!vendor.changeLog.isEmpty),
            "resources": .array(vendor.resources.map { .object(["text": .string(listText($0))]) }),
        ]
        if let website = vendor.website { context["website"] = .string(MarkdownText.destination(website)) }
        if let tutorial = vendor.singleSignOnTutorial {
            context["singleSignOnTutorial"] = .string(MarkdownText.destination(tutorial))
        }
        if let groups = vendor.groups { context["groups"] = table(groups) }
        if let custom = vendor.customFieldMappings { context["customFields"] = customFields(custom) }
        if let page = vendor.helpPage {
            var help: [String: MustacheValue] = [
                "title": .string(MarkdownText.inline(page.title)),
                "productName": .string(MarkdownText.inline(page.productName ?? vendor.name)),
            ]
            if let sources = page.sources { help["sources"] = .string(MarkdownText.inline(sources)) }
            context["helpPage"] = .object(help)
        }
        return .object(context)
    }

    /// A list item's text: one line, and never read as a heading, quote or nested list.
    static func listText(_ text: String) -> String {
        MarkdownText.listItem(text)
    }

    static func learn(_ learn: LearnMetadata, app: String) -> MustacheValue {
        var object: [String: MustacheValue] = [:]
        let fields: [(String, String?)] = [
            ("title", learn.title), ("description", learn.description), ("author", learn.author), ("writer", learn.writer),
            ("manager", learn.manager), ("date", learn.date), ("msAuthor", learn.msAuthor), ("assetId", learn.assetId),
            ("customerIntent", learn.customerIntent),
        ]
        for (key, value) in fields {
            if let value { object[key] = .string(MarkdownText.inline(value)) }
        }
        return .object(object)
    }

    static func notes(_ notes: [Note]) -> MustacheValue {
        var bySection: [String: MustacheValue] = [:]
        for section in Note.Section.allCases {
            let alerts = notes.filter { $0.section == section }.map { note -> MustacheValue in
                .object(["alert": .string(MarkdownText.alert(note.kind.rawValue.uppercased(), note.text))])
            }
            bySection[section.rawValue] = .array(alerts)
        }
        return .object(bySection)
    }

    static func screenshot(_ shot: Screenshot) -> MustacheValue {
        .object(["path": .string(MarkdownText.destination(shot.path)), "alt": .string(MarkdownText.alt(shot.alt))])
    }

    static func credentials(_ credentials: Credentials) -> MustacheValue {
        let steps: [MustacheValue] = credentials.steps.map { step in
            var object: [String: MustacheValue] = ["text": .string(listText(step.text))]
            if let code = step.code {
                let block = MarkdownText.fencedCode(language: code.language, body: code.body)
                // Inside a numbered list every line after the first must be indented to stay in the item.
                let listBlock = block.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                    .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : "   " + $0.element }
                    .joined(separator: "\n")
                object["code"] = .object(["block": .string(block), "listBlock": .string(listBlock)])
            }
            if let shot = step.screenshot { object["screenshot"] = screenshot(shot) }
            return .object(object)
        }
        var object: [String: MustacheValue] = [
            "steps": .array(steps),
            "several": .bool(steps.count > 1),
            "single": .bool(steps.count == 1),
        ]
        if let fields = credentials.responseFields {
            object["responseFields"] = .object([
                "tenantURL": .string(MarkdownText.inline(fields.tenantURL)),
                "secretToken": .string(MarkdownText.inline(fields.secretToken)),
            ])
        }
        let optional: [(String, String?)] = [
            ("tenantURL", credentials.tenantURL), ("secretTokenName", credentials.secretTokenName),
            ("issuer", credentials.issuer), ("testConnectionHint", credentials.testConnectionHint),
            ("adminCredentials", credentials.adminCredentials),
        ]
        for (key, value) in optional {
            if let value { object[key] = .string(MarkdownText.inline(value)) }
        }
        return .object(object)
    }

    static func table(_ table: ResolvedTable) -> MustacheValue {
        let rows: [MustacheValue] = table.rows.map(\.mapping).map { row in
            var object: [String: MustacheValue] = [
                "path": .string(row.path),
                "type": .string(row.type.rawValue),
                "filter": .string(row.filterable ? "&check;" : ""),
                "required": .string(row.required == true ? "&check;" : ""),
                "note": .string(row.note.map(MarkdownText.inline) ?? ""),
            ]
            if let fieldRef = row.fieldRef { object["fieldRef"] = .string(fieldRef) }
            return .object(object)
        }
        var object: [String: MustacheValue] = [
            "statesRequired": .bool(table.statesRequired), "optional": .bool(table.optional), "rows": .array(rows),
            "hasRows": .bool(!rows.isEmpty),
            "statesNotes": .bool(table.rows.contains { $0.mapping.note != nil }),
            "screenshots": .array(table.table.screenshots.map(screenshot)),
        ]
        if let name = table.mappingName { object["mappingName"] = .string(MarkdownText.inline(name)) }
        return .object(object)
    }

    static func includes(_ includes: [Include]) -> MustacheValue {
        var bySection: [String: MustacheValue] = [:]
        for section in Note.Section.allCases {
            bySection[section.rawValue] = .array(
                includes.filter { $0.section == section }.map { include in
                    .object([
                        "name": .string(MarkdownText.inline(include.linkText)),
                        "path": .string(MarkdownText.destination(include.path)),
                    ])
                })
        }
        return .object(bySection)
    }

    static func extensionSchema(_ schema: ExtensionSchema) -> MustacheValue {
        .object([
            "id": .string(schema.id),
            "name": .string(MarkdownText.inline(schema.name)),
            "attributes": .array(
                schema.attributes.map { .object(["name": .string($0.name), "type": .string($0.type.rawValue)]) }),
        ])
    }

    static func customFields(_ custom: CustomFieldMappings) -> MustacheValue {
        var object: [String: MustacheValue] = [
            "allowed": .array(
                custom.allowedAttributes.map { allowed in
                    var item: [String: MustacheValue] = [
                        "path": .string(MarkdownText.inline(allowed.path)),
                        "shortName": .string(String(allowed.path.split(separator: ":").last ?? "")),
                    ]
                    if let ref = allowed.fieldRef { item["fieldRef"] = .string(MarkdownText.inline(ref)) }
                    return .object(item)
                }),
            "otherIdentityProviders": .array(custom.otherIdentityProviders.map { .object(["name": .string(MarkdownText.inline($0))]) }),
        ]
        let optional: [(String, String?)] = [
            ("fieldRefRule", custom.fieldRefRule), ("newFieldsLocation", custom.newFieldsLocation),
            ("requestChannel", custom.requestChannel),
        ]
        for (key, value) in optional {
            if let value { object[key] = .string(MarkdownText.inline(value)) }
        }
        return .object(object)
    }
}
