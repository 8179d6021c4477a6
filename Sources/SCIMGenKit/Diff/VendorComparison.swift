/// Collects the changes between two versions of one vendor's descriptor, area by area.
///
/// Items and fields are named as `vendor.json` names them (`filterable`, `bulk.maxOperations`,
/// `learn.date`), so that a reviewer finds the key behind a bullet. The order is fixed: areas in
/// declaration order; within a list (rows, schemes, schemas, attributes) added items, removed items,
/// then changed ones, in document order; credential steps in step order; single fields as declared.
struct VendorComparison {
    typealias Area = VendorSetDiff.Change.Area

    private(set) var changes: [VendorSetDiff.Change] = []

    /// The changes from `old` to `new`, ignoring where anything was written.
    static func changes(old: VendorDescriptor, new: VendorDescriptor) -> [VendorSetDiff.Change] {
        var comparison = VendorComparison()
        comparison.compareTable(.userAttributes, old.users, new.users)
        comparison.compareGroupTable(old.groups, new.groups)
        comparison.compareCapabilities(old.capabilities, new.capabilities)
        comparison.compareService(old.service, new.service)
        comparison.comparePrerequisites(old.prerequisites, new.prerequisites)
        comparison.compareCredentials(old.credentials, new.credentials)
        comparison.compareNotes(old.notes, new.notes)
        comparison.compareTips(old.assignmentTips, new.assignmentTips)
        comparison.compareScreenshots(old.provisioningScreenshots, new.provisioningScreenshots)
        comparison.compareExtensions(old.extensions, new.extensions)
        comparison.compareCustomFields(old.customFieldMappings, new.customFieldMappings)
        comparison.compareMetadata(old, new)
        return comparison.changes
    }
}

// MARK: - Attribute tables

private extension VendorComparison {
    mutating func compareTable(_ area: Area, _ old: AttributeTable, _ new: AttributeTable) {
        let pairs = Self.pair(old.attributes, new.attributes, key: \.path)
        for row in pairs.added { append(area, .added, row.path, new: row.type.rawValue) }
        for row in pairs.removed { append(area, .removed, row.path, old: row.type.rawValue) }
        if !pairs.common.map(\.oldIndex).isAscending {
            append(area, .changed, "row order", isLabel: true)
        }
        for (_, a, b) in pairs.common {
            let item = b.path
            field(area, item, "type", a.type.rawValue, b.type.rawValue)
            field(area, item, "filterable", Self.text(a.filterable), Self.text(b.filterable))
            field(area, item, "required", a.required.map(Self.text), b.required.map(Self.text))
            field(area, item, "matching", a.matching.map(String.init), b.matching.map(String.init))
            field(area, item, "source", a.source.map(Self.text), b.source.map(Self.text))
            field(area, item, "fieldRef", a.fieldRef, b.fieldRef)
            field(area, item, "flowType", a.flowType?.rawValue, b.flowType?.rawValue)
            field(area, item, "flowBehavior", a.flowBehavior?.rawValue, b.flowBehavior?.rawValue)
            field(area, item, "defaultValue", a.defaultValue, b.defaultValue)
        }
        field(area, "mappingName", nil, old.mappingName, new.mappingName)
        field(area, "optional", nil, Self.text(old.optional), Self.text(new.optional))
    }

    /// A group table that appears or disappears is said so, then listed row by row.
    mutating func compareGroupTable(_ old: AttributeTable?, _ new: AttributeTable?) {
        switch (old, new) {
        case (nil, nil):
            return
        case (nil, let table?):
            append(.groupAttributes, .added, "group table", isLabel: true)
            compareTable(.groupAttributes, AttributeTable(mappingName: table.mappingName, optional: table.optional), table)
        case (let table?, nil):
            append(.groupAttributes, .removed, "group table", isLabel: true)
            compareTable(.groupAttributes, table, AttributeTable(mappingName: table.mappingName, optional: table.optional))
        case (let a?, let b?):
            compareTable(.groupAttributes, a, b)
        }
    }
}

// MARK: - Capabilities and SCIM features

private extension VendorComparison {
    mutating func compareCapabilities(_ a: Capabilities, _ b: Capabilities) {
        let area = Area.capabilities
        field(area, "createUsers", nil, Self.text(a.createUsers), Self.text(b.createUsers))
        field(area, "updateUsers", nil, Self.text(a.updateUsers), Self.text(b.updateUsers))
        field(area, "deprovisionUsers", nil, a.deprovisionUsers.rawValue, b.deprovisionUsers.rawValue)
        field(area, "groups", nil, Self.text(a.groups), Self.text(b.groups))
        field(area, "singleSignOn", nil, Self.text(a.singleSignOn), Self.text(b.singleSignOn))
    }

    mutating func compareService(_ a: ServiceFeatures, _ b: ServiceFeatures) {
        let area = Area.scimFeatures
        field(area, "baseURL", nil, a.baseURL, b.baseURL)
        field(area, "patch", nil, Self.text(a.patch), Self.text(b.patch))
        field(area, "bulk.supported", nil, Self.text(a.bulk.supported), Self.text(b.bulk.supported))
        field(area, "bulk.maxOperations", nil, String(a.bulk.maxOperations), String(b.bulk.maxOperations))
        field(area, "bulk.maxPayloadSize", nil, String(a.bulk.maxPayloadSize), String(b.bulk.maxPayloadSize))
        field(area, "filter.supported", nil, Self.text(a.filter.supported), Self.text(b.filter.supported))
        field(area, "filter.maxResults", nil, String(a.filter.maxResults), String(b.filter.maxResults))
        field(area, "changePassword", nil, Self.text(a.changePassword), Self.text(b.changePassword))
        field(area, "sort", nil, Self.text(a.sort), Self.text(b.sort))
        field(area, "etag", nil, Self.text(a.etag), Self.text(b.etag))
        let pairs = Self.pair(a.authenticationSchemes, b.authenticationSchemes, key: \.type.rawValue)
        let item = { (scheme: AuthenticationScheme) in "authenticationSchemes.\(scheme.type.rawValue)" }
        for scheme in pairs.added { append(area, .added, item(scheme), new: scheme.name) }
        for scheme in pairs.removed { append(area, .removed, item(scheme), old: scheme.name) }
        for (_, x, y) in pairs.common {
            field(area, item(y), "name", x.name, y.name)
            field(area, item(y), "description", x.description, y.description)
            field(area, item(y), "specUri", x.specUri, y.specUri)
            field(area, item(y), "documentationUri", x.documentationUri, y.documentationUri)
            field(area, item(y), "primary", Self.text(x.primary), Self.text(y.primary))
        }
    }
}

// MARK: - Prose

private extension VendorComparison {
    mutating func comparePrerequisites(_ old: [Prerequisite], _ new: [Prerequisite]) {
        let pairs = Self.pairingEdits(Self.pair(old, new, key: \.text), text: \.text)
        for p in pairs.added { append(.prerequisites, .added, p.text, new: p.kind.rawValue) }
        for p in pairs.removed { append(.prerequisites, .removed, p.text, old: p.kind.rawValue) }
        for (_, a, b) in pairs.common {
            field(.prerequisites, b.text, "text", a.text, b.text)
            field(.prerequisites, b.text, "kind", a.kind.rawValue, b.kind.rawValue)
        }
    }

    mutating func compareCredentials(_ old: Credentials, _ new: Credentials) {
        let area = Area.credentialSteps
        for step in Self.alignSteps(old.steps.map(\.text), new.steps.map(\.text)) {
            switch step {
            case .added(let j):
                append(area, .added, "step \(j + 1)", new: new.steps[j].text, isLabel: true)
            case .removed(let i):
                append(area, .removed, "step \(i + 1)", old: old.steps[i].text, isLabel: true)
            case .common(let i, let j):
                let (a, b) = (old.steps[i], new.steps[j])
                let item = "step \(j + 1)"
                field(area, item, "text", a.text, b.text, isLabel: true)
                field(area, item, "code", a.code?.body, b.code?.body, isLabel: true)
                field(area, item, "code.language", Self.language(a.code), Self.language(b.code), isLabel: true)
                field(area, item, "screenshot", a.screenshot?.path, b.screenshot?.path, isLabel: true)
                field(area, item, "screenshot.alt", a.screenshot?.alt, b.screenshot?.alt, isLabel: true)
            }
        }
        field(area, "tenantURL", nil, old.tenantURL, new.tenantURL)
        field(area, "responseFields.tenantURL", nil, old.responseFields?.tenantURL, new.responseFields?.tenantURL)
        field(area, "responseFields.secretToken", nil, old.responseFields?.secretToken, new.responseFields?.secretToken)
        field(area, "secretTokenName", nil, old.secretTokenName, new.secretTokenName)
        field(area, "issuer", nil, old.issuer, new.issuer)
        field(area, "testConnectionHint", nil, old.testConnectionHint, new.testConnectionHint)
    }

    mutating func compareNotes(_ old: [Note], _ new: [Note]) {
        let describe = { (note: Note) in "\(note.kind.rawValue) in \(note.section.rawValue)" }
        let pairs = Self.pairingEdits(Self.pair(old, new, key: \.text), text: \.text)
        for note in pairs.added { append(.notes, .added, note.text, new: describe(note)) }
        for note in pairs.removed { append(.notes, .removed, note.text, old: describe(note)) }
        for (_, a, b) in pairs.common {
            field(.notes, b.text, "text", a.text, b.text)
            field(.notes, b.text, "kind", a.kind.rawValue, b.kind.rawValue)
            field(.notes, b.text, "section", a.section.rawValue, b.section.rawValue)
        }
    }

    mutating func compareTips(_ old: [String], _ new: [String]) {
        let pairs = Self.pairingEdits(Self.pair(old, new, key: { $0 }), text: { $0 })
        for tip in pairs.added { append(.assignmentTips, .added, tip) }
        for tip in pairs.removed { append(.assignmentTips, .removed, tip) }
        for (_, a, b) in pairs.common { field(.assignmentTips, b, "text", a, b) }
    }

    mutating func compareScreenshots(_ old: [ProvisioningStep: Screenshot], _ new: [ProvisioningStep: Screenshot]) {
        let area = Area.provisioningScreenshots
        let steps = Set(old.keys).union(new.keys).sorted()
        for step in steps where old[step] == nil { append(area, .added, step.rawValue, new: new[step]?.path) }
        for step in steps where new[step] == nil { append(area, .removed, step.rawValue, old: old[step]?.path) }
        for step in steps {
            guard let a = old[step], let b = new[step] else { continue }
            field(area, step.rawValue, "path", a.path, b.path)
            field(area, step.rawValue, "alt", a.alt, b.alt)
        }
    }
}

// MARK: - Extensions, custom fields, metadata

private extension VendorComparison {
    mutating func compareExtensions(_ old: [ExtensionSchema], _ new: [ExtensionSchema]) {
        let area = Area.extensionSchemas
        let pairs = Self.pair(old, new, key: \.id)
        for schema in pairs.added { append(area, .added, schema.id, new: schema.name) }
        for schema in pairs.removed { append(area, .removed, schema.id, old: schema.name) }
        for (_, a, b) in pairs.common {
            field(area, b.id, "name", a.name, b.name)
            field(area, b.id, "description", a.description, b.description)
            field(area, b.id, "required", Self.text(a.required), Self.text(b.required))
            compareExtensionAttributes(prefix: b.id + ":", a.attributes, b.attributes)
        }
    }

    /// Attributes are named by their full path (`urn:…:User:productLicenses.Lucidchart`), as attribute tables name them.
    mutating func compareExtensionAttributes(prefix: String, _ old: [ExtensionAttribute], _ new: [ExtensionAttribute]) {
        let area = Area.extensionSchemas
        let pairs = Self.pair(old, new, key: \.name)
        for attribute in pairs.added { append(area, .added, prefix + attribute.name, new: attribute.type.rawValue) }
        for attribute in pairs.removed { append(area, .removed, prefix + attribute.name, old: attribute.type.rawValue) }
        for (_, a, b) in pairs.common {
            let item = prefix + b.name
            field(area, item, "type", a.type.rawValue, b.type.rawValue)
            field(area, item, "multiValued", Self.text(a.multiValued), Self.text(b.multiValued))
            field(area, item, "required", Self.text(a.required), Self.text(b.required))
            field(area, item, "caseExact", Self.text(a.caseExact), Self.text(b.caseExact))
            field(area, item, "mutability", a.mutability.rawValue, b.mutability.rawValue)
            field(area, item, "description", a.description, b.description)
            field(area, item, "canonicalValues", Self.list(a.canonicalValues), Self.list(b.canonicalValues))
            field(area, item, "referenceTypes", Self.list(a.referenceTypes), Self.list(b.referenceTypes))
            compareExtensionAttributes(prefix: item + ".", a.subAttributes, b.subAttributes)
        }
    }

    mutating func compareCustomFields(_ old: CustomFieldMappings?, _ new: CustomFieldMappings?) {
        let area = Area.customFieldMappings
        switch (old, new) {
        case (nil, nil): return
        case (nil, _): append(area, .added, "custom field mappings", isLabel: true)
        case (_, nil): append(area, .removed, "custom field mappings", isLabel: true)
        default: break
        }
        let pairs = Self.pair(old?.allowedAttributes ?? [], new?.allowedAttributes ?? [], key: \.path)
        for entry in pairs.added { append(area, .added, entry.path, new: entry.fieldRef) }
        for entry in pairs.removed { append(area, .removed, entry.path, old: entry.fieldRef) }
        for (_, a, b) in pairs.common { field(area, b.path, "fieldRef", a.fieldRef, b.fieldRef) }
        field(area, "fieldRefRule", nil, old?.fieldRefRule, new?.fieldRefRule)
        field(area, "newFieldsLocation", nil, old?.newFieldsLocation, new?.newFieldsLocation)
        field(area, "requestChannel", nil, old?.requestChannel, new?.requestChannel)
        field(
            area, "otherIdentityProviders", nil,
            old.flatMap { Self.list($0.otherIdentityProviders) }, new.flatMap { Self.list($0.otherIdentityProviders) })
    }

    mutating func compareMetadata(_ a: VendorDescriptor, _ b: VendorDescriptor) {
        let area = Area.metadata
        field(area, "name", nil, a.name, b.name)
        field(area, "website", nil, a.website, b.website)
        field(area, "singleSignOnTutorial", nil, a.singleSignOnTutorial, b.singleSignOnTutorial)
        field(area, "gallery", nil, Self.text(a.gallery), Self.text(b.gallery))
        let learn: [(String, KeyPath<LearnMetadata, String?>)] = [
            ("title", \.title), ("description", \.description), ("author", \.author), ("writer", \.writer),
            ("manager", \.manager), ("date", \.date), ("msAuthor", \.msAuthor), ("assetId", \.assetId),
            ("customerIntent", \.customerIntent),
        ]
        for (key, path) in learn { field(area, "learn." + key, nil, a.learn[keyPath: path], b.learn[keyPath: path]) }
        switch (a.helpPage, b.helpPage) {
        case (nil, nil): return
        case (nil, _): append(area, .added, "help page", isLabel: true)
        case (_, nil): append(area, .removed, "help page", isLabel: true)
        default: break
        }
        field(area, "helpPage.title", nil, a.helpPage?.title, b.helpPage?.title)
        field(area, "helpPage.productName", nil, a.helpPage?.productName, b.helpPage?.productName)
        field(area, "helpPage.sources", nil, a.helpPage?.sources, b.helpPage?.sources)
    }
}

// MARK: - Recording

private extension VendorComparison {
    mutating func append(
        _ area: Area, _ kind: VendorSetDiff.Change.Kind, _ item: String, old: String? = nil, new: String? = nil,
        isLabel: Bool = false
    ) {
        changes.append(
            VendorSetDiff.Change(area: area, kind: kind, item: item, field: nil, old: old, new: new, isLabel: isLabel))
    }

    /// Records a changed field when the two values differ.
    mutating func field(
        _ area: Area, _ item: String, _ field: String?, _ old: String?, _ new: String?, isLabel: Bool = false
    ) {
        guard old != new else { return }
        changes.append(
            VendorSetDiff.Change(area: area, kind: .changed, item: item, field: field, old: old, new: new, isLabel: isLabel))
    }
}

// MARK: - Matching

extension VendorComparison {
    /// Items of two lists matched by key; the k-th item with a key matches the k-th one in the other list.
    struct Pairing<Element> {
        var added: [Element] = []
        var removed: [Element] = []
        /// In the new list's order, with each old item's position.
        var common: [(oldIndex: Int, old: Element, new: Element)] = []
    }

    static func pair<Element>(_ old: [Element], _ new: [Element], key: (Element) -> String) -> Pairing<Element> {
        var waiting: [String: [Int]] = [:]
        for (index, element) in old.enumerated() { waiting[key(element), default: []].append(index) }
        var cursor: [String: Int] = [:]
        var matched = Set<Int>()
        var result = Pairing<Element>()
        for element in new {
            let k = key(element)
            let next = cursor[k, default: 0]
            if let indices = waiting[k], next < indices.count {
                cursor[k] = next + 1
                matched.insert(indices[next])
                result.common.append((indices[next], old[indices[next]], element))
            } else {
                result.added.append(element)
            }
        }
        result.removed = old.indices.filter { !matched.contains($0) }.map { old[$0] }
        return result
    }

    /// Prose matched by its text leaves an edited sentence as one removed and one added item; those
    /// that share at least a third of their words pair up again, so that the edit shows word by word.
    static func pairingEdits<Element>(_ pairing: Pairing<Element>, text: (Element) -> String) -> Pairing<Element> {
        var result = pairing
        var added: [Element] = []
        var removed = pairing.removed
        for element in pairing.added {
            if let index = removed.firstIndex(where: { OutputDiff.similar(text($0), text(element)) }) {
                result.common.append((-1, removed.remove(at: index), element))
            } else {
                added.append(element)
            }
        }
        result.added = added
        result.removed = removed
        return result
    }

    /// One step of aligning two ordered lists.
    enum Alignment: Equatable {
        case removed(Int), added(Int), common(Int, Int)
    }

    /// Aligns steps by a longest common subsequence of their texts; within a gap between equal texts,
    /// old and new steps pair up in order as edited steps and the rest are removed or added.
    static func alignSteps(_ old: [String], _ new: [String]) -> [Alignment] {
        var anchors: [(Int, Int)] = []
        // The table is quadratic; beyond a sane size every step pairs up by position instead.
        if old.count * new.count <= 250_000 {
            let n = old.count, m = new.count
            var length = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    length[i][j] = old[i] == new[j] ? length[i + 1][j + 1] + 1 : max(length[i + 1][j], length[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < n, j < m {
                if old[i] == new[j] {
                    anchors.append((i, j))
                    i += 1
                    j += 1
                } else if length[i + 1][j] >= length[i][j + 1] {
                    i += 1
                } else {
                    j += 1
                }
            }
        }
        var result: [Alignment] = []
        var i = 0, j = 0
        for (ai, aj) in anchors + [(old.count, new.count)] {
            result += alignGap(old, i..<ai, new, j..<aj)
            if ai < old.count, aj < new.count { result.append(.common(ai, aj)) }
            i = ai + 1
            j = aj + 1
        }
        return result
    }

    /// Steps between two equal ones: as many on both sides are edited in place; otherwise the
    /// similar ones (sharing at least a third of their words) pair up and the rest are removed or added.
    private static func alignGap(_ old: [String], _ a: Range<Int>, _ new: [String], _ b: Range<Int>) -> [Alignment] {
        if a.count == b.count { return zip(a, b).map { .common($0, $1) } }
        if a.isEmpty || b.isEmpty || a.count * b.count > 10_000 {
            let shared = min(a.count, b.count)
            return zip(a, b).map { .common($0, $1) } + a.dropFirst(shared).map { .removed($0) }
                + b.dropFirst(shared).map { .added($0) }
        }
        let words = { (text: String) in Set(text.lowercased().split(whereSeparator: \.isWhitespace)) }
        let oldWords = a.map { words(old[$0]) }, newWords = b.map { words(new[$0]) }
        func similarity(_ x: Int, _ y: Int) -> Double {
            let union = oldWords[x].union(newWords[y]).count
            return union == 0 ? 1 : Double(oldWords[x].intersection(newWords[y]).count) / Double(union)
        }
        // best[x][y]: the largest total similarity pairing old[x...] with new[y...] in order.
        var best = [[Double]](repeating: [Double](repeating: 0, count: b.count + 1), count: a.count + 1)
        for x in stride(from: a.count - 1, through: 0, by: -1) {
            for y in stride(from: b.count - 1, through: 0, by: -1) {
                let s = similarity(x, y)
                best[x][y] = max(best[x + 1][y], best[x][y + 1], s >= 1.0 / 3 ? best[x + 1][y + 1] + s : 0)
            }
        }
        var result: [Alignment] = []
        var x = 0, y = 0
        while x < a.count, y < b.count {
            let s = similarity(x, y)
            if s >= 1.0 / 3, best[x][y] == best[x + 1][y + 1] + s {
                result.append(.common(a.lowerBound + x, b.lowerBound + y))
                x += 1
                y += 1
            } else if best[x][y] == best[x + 1][y] {
                result.append(.removed(a.lowerBound + x))
                x += 1
            } else {
                result.append(.added(b.lowerBound + y))
                y += 1
            }
        }
        result += (x..<a.count).map { .removed(a.lowerBound + $0) } + (y..<b.count).map { .added(b.lowerBound + $0) }
        return result
    }
}

// MARK: - Values as text

extension VendorComparison {
    static func text(_ flag: Bool) -> String { flag ? "yes" : "no" }

    static func text(_ source: MappingSource) -> String {
        switch source {
        case .attribute(let name): name
        case .expression(let expression): expression
        // Quoted, so that a constant never reads as the attribute of the same name.
        case .constant(let value): "\"\(value)\""
        }
    }

    static func language(_ code: CodeBlock?) -> String? { code.flatMap { $0.language.isEmpty ? nil : $0.language } }

    static func list(_ values: [String]) -> String? { values.isEmpty ? nil : values.joined(separator: ", ") }
}

private extension Array where Element == Int {
    var isAscending: Bool { zip(self, dropFirst()).allSatisfy { $0 < $1 } }
}
