/// Where a vendor's part goes in one downloaded schema, what it adds and changes there, whether
/// the result holds together, and the edits that put it there. `EntraMerge` describes the rules.
struct EntraMergePlan {
    typealias Document = EntraSchemaDocument
    typealias Side = EntraMergeReport.Side

    /// One vendor object placed in the tenant's schema, with what the merge does to it.
    struct Placement {
        var object: EntraVendorPart.Object
        var rule: Document.Rule
        var mapping: Document.ObjectMapping
        var sourceDirectory: Document.Directory
        var source: Document.Object
        var targetDirectory: Document.Directory
        var target: Document.Object
        var decisions = Decisions()
    }

    /// What the merge does to one placement.
    struct Decisions {
        /// Definitions to append, as stated by the vendor.
        var addedDefinitions: [EntraVendorPart.Definition] = []
        /// Vendor-owned definitions to update in place: the tenant's index and the vendor's definition.
        var updatedDefinitions: [(index: Int, definition: EntraVendorPart.Definition)] = []
        /// Mappings to append, with their matching precedence.
        var addedMappings: [(mapping: EntraVendorPart.Mapping, priority: Int)] = []
        /// Members to set on the tenant's mappings, by the mapping's index.
        var mappingEdits: [Int: [JSONValue.Member]] = [:]
        /// Targets whose tenant source the vendor's replaces (their old references no longer matter).
        var replacedSources: Set<String> = []
        var conflicts: [EntraMergeReport.Conflict] = []
        var definitionDifferences: [EntraMergeReport.DefinitionDifference] = []
        var matching = EntraMergeReport.Matching(tenant: [], vendor: [], kept: .tenant, tenantHadNone: false, changes: [])
        var unmapped: [String] = []
        /// Entra attributes to add to the source object, because mappings read them and its list lacks them.
        var addedSourceAttributes: [EntraSourceAttributes.Attribute] = []
    }

    let document: Document
    let part: EntraVendorPart
    let vendor: ResolvedVendor
    let file: String
    let options: EntraMerge.Options
    /// Every problem found by `check()`.
    private(set) var diagnostics: [Diagnostic] = []
    /// The user placement, then the group placement when groups are merged.
    private(set) var placements: [Placement] = []
    /// Steps for the administrator found while placing (an optional group table left out).
    private var notes: [String] = []

    init(document: Document, part: EntraVendorPart, vendor: ResolvedVendor, file: String, options: EntraMerge.Options) {
        self.document = document
        self.part = part
        self.vendor = vendor
        self.file = file
        self.options = options
    }

    /// Finds the placements, checks the parts they touch, decides every addition and conflict,
    /// and checks the merged result: names that agree, one anchor per object, every mapping's
    /// target defined and mapped once, every source attribute defined, one match at precedence 1.
    mutating func check() {
        guard let (userRule, userMapping) = findMapping(for: part.user, in: nil) else { return }
        var chosen = [(part.user, userRule, userMapping)]
        if let group = part.group, let (groupRule, groupMapping) = findMapping(for: group, in: userRule) {
            chosen.append((group, groupRule, groupMapping))
        }
        guard diagnostics.isEmpty else { return }
        var reported: Set<String> = []
        func report(_ key: String, _ problems: [Diagnostic]) {
            if reported.insert(key).inserted { diagnostics += problems }
        }
        for (object, rule, mapping) in chosen {
            report("rule \(rule.index)", rule.problems)
            report("mapping \(rule.index)/\(mapping.index)", mapping.problems + mapping.attributeMappings.flatMap(\.problems))
            let sourceDirectory = directory(rule.sourceDirectory, of: rule, key: "reads from", node: rule.sourceNode)
            let targetDirectory = directory(rule.targetDirectory, of: rule, key: "writes to", node: rule.targetNode)
            guard let sourceDirectory, let targetDirectory else { continue }
            report("directory \(sourceDirectory.index)", sourceDirectory.problems)
            report("directory \(targetDirectory.index)", targetDirectory.problems)
            let source = self.object(mapping.sourceObject, of: mapping, verb: "reads", in: sourceDirectory, node: mapping.sourceNode)
            let target = self.object(mapping.targetObject, of: mapping, verb: "writes", in: targetDirectory, node: mapping.targetNode)
            guard let source, let target else { continue }
            for (directory, object) in [(sourceDirectory, source), (targetDirectory, target)] {
                report("object \(directory.index)/\(object.index)", object.problems + object.attributes.flatMap(\.problems))
            }
            placements.append(
                Placement(
                    object: object, rule: rule, mapping: mapping, sourceDirectory: sourceDirectory, source: source,
                    targetDirectory: targetDirectory, target: target))
        }
        // The same directory missing from two rules is one problem.
        var unique: [Diagnostic] = []
        for diagnostic in diagnostics where !unique.contains(diagnostic) { unique.append(diagnostic) }
        diagnostics = unique
        guard diagnostics.isEmpty else { return }

        checkTargetObjects()
        for index in placements.indices { decide(&placements[index]) }
        for index in placements.indices {
            placements[index].decisions.addedSourceAttributes = checkMappings(placements[index])
        }
        for placement in placements { checkMatching(placement) }
    }

    /// The schema with the decided definitions and mappings in it.
    func apply(to root: JSONValue) -> JSONValue {
        var result = root
        for placement in placements {
            let decisions = placement.decisions
            let attributesPath: [PathStep] = [
                .key("directories"), .index(placement.targetDirectory.index), .key("objects"),
                .index(placement.target.index), .key("attributes"),
            ]
            let sourcePath: [PathStep] = [
                .key("directories"), .index(placement.sourceDirectory.index), .key("objects"),
                .index(placement.source.index), .key("attributes"),
            ]
            if !decisions.addedSourceAttributes.isEmpty {
                result.editArray(at: sourcePath) { attributes in
                    for attribute in decisions.addedSourceAttributes {
                        attributes.append(EntraSourceAttributes.jsonValue(attribute, objectName: sourceObjectName))
                    }
                }
            }
            result.editArray(at: attributesPath) { attributes in
                for (index, definition) in decisions.updatedDefinitions where attributes.indices.contains(index) {
                    let stated = EntraVendorPart.jsonValue(definition, objectName: objectName)
                    attributes[index].setMembers(of: stated, except: ["name", "referencedObjects"])
                }
                for definition in decisions.addedDefinitions {
                    attributes.append(Self.completed(EntraVendorPart.jsonValue(definition, objectName: objectName), template: Self.definitionTemplate))
                }
            }
            let mappingsPath: [PathStep] = [
                .key("synchronizationRules"), .index(placement.rule.index), .key("objectMappings"),
                .index(placement.mapping.index), .key("attributeMappings"),
            ]
            result.editArray(at: mappingsPath) { mappings in
                for (index, members) in decisions.mappingEdits.sorted(by: { $0.key < $1.key }) where mappings.indices.contains(index) {
                    mappings[index].setMembers(of: .object(members), except: [])
                }
                for (mapping, priority) in decisions.addedMappings {
                    var stated = mapping
                    stated.matchingPriority = priority
                    let target = placement.target.attribute(named: mapping.target)?.name ?? mapping.target
                    mappings.append(Self.completed(EntraVendorPart.jsonValue(stated, target: target), template: Self.mappingTemplate))
                }
            }
        }
        return result
    }

    /// The report of a checked plan.
    func report(changed: Bool) -> EntraMergeReport {
        var objects: [EntraMergeReport.ObjectReport] = []
        var toDo: [String] = []
        for placement in placements {
            let decisions = placement.decisions
            let label = placement.mapping.label
            objects.append(
                EntraMergeReport.ObjectReport(
                    object: placement.object.resource.rawValue, objectMapping: label,
                    targetDirectory: placement.targetDirectory.name ?? "", targetObject: placement.target.name ?? "",
                    enabled: placement.mapping.enabled, matching: decisions.matching,
                    addedAttributes: decisions.addedDefinitions.map(\.name),
                    addedMappings: decisions.addedMappings.map { placement.target.attribute(named: $0.mapping.target)?.name ?? $0.mapping.target },
                    conflicts: decisions.conflicts, definitions: decisions.definitionDifferences, unmapped: decisions.unmapped,
                    sourceObject: placement.source.name ?? "", sourceDirectory: placement.sourceDirectory.name ?? "",
                    addedSourceAttributes: decisions.addedSourceAttributes.map(\.name)))
            if !decisions.unmapped.isEmpty {
                let names = decisions.unmapped.map { "'\($0)'" }.joined(separator: ", ")
                let pronoun = decisions.unmapped.count == 1 ? "it" : "them"
                toDo.append(
                    "map \(names) in '\(label)' (Add New Mapping): \(vendor.name)'s descriptor names no source for \(pronoun), so the schema defines \(pronoun) without a mapping")
            }
            if placement.object.resource == .group && !placement.mapping.enabled {
                let optional = (vendor.groups?.optional ?? false) ? "; group provisioning is optional for \(vendor.name)" : ""
                toDo.append(
                    "enable '\(label)' (Enabled: Yes) to provision groups to \(vendor.name): the schema has it disabled and the merge leaves it so\(optional)")
            }
        }
        toDo += notes
        if changed {
            toDo.append(
                "save the merged schema as a whole (schema editor: replace all text, then Save; or PUT it to …/synchronization/jobs/{jobId}/schema): saving restarts provisioning with an initial cycle that evaluates every user and group in scope again")
        }
        return EntraMergeReport(vendor: vendor.name, schema: file, changed: changed, objects: objects, toDo: toDo, warnings: [])
    }
}

// MARK: - Finding the object mappings

private extension EntraMergePlan {
    static func isOne(of names: [String], _ name: String?) -> Bool {
        guard let name else { return false }
        return names.contains { $0.lowercased() == name.lowercased() }
    }

    static func quotedList(_ names: [String], abbreviated: Bool = true) -> String {
        let quoted = names.map { "'\(abbreviated ? SCIMURN.abbreviated($0) : $0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
    }

    /// Whether Entra marks the target as a SCIM app: a SCIM URN as the object's name, the
    /// `customappsso` directory of a non-gallery app, or attributes named as only SCIM apps name
    /// them (a SCIM schema URN, or a value filter such as `emails[type eq "work"].value`).
    func isSCIM(_ rule: Document.Rule, _ mapping: Document.ObjectMapping) -> Bool {
        if Self.isOne(of: EntraSchemaNames.scimObjects, mapping.targetObject) { return true }
        if Self.isOne(of: [EntraSchemaNames.targetDirectory], rule.targetDirectory) { return true }
        guard let directory = rule.targetDirectory.flatMap(document.directory(named:)),
            let object = mapping.targetObject.flatMap(directory.object(named:))
        else { return false }
        return object.attributes.contains { EntraSchemaNames.isSCIMAttributeName($0.name) }
    }

    /// The object mapping for a vendor object: users anywhere in a rule from Entra, groups in the users' rule.
    mutating func findMapping(
        for object: EntraVendorPart.Object, in userRule: Document.Rule?
    ) -> (Document.Rule, Document.ObjectMapping)? {
        let isUser = object.resource == .user
        let sourceName = isUser ? EntraSchemaNames.sourceUser : EntraSchemaNames.sourceGroup
        let targetNames = isUser ? EntraSchemaNames.targetUsers : EntraSchemaNames.targetGroups
        let fromEntra = document.rules.filter { Self.isOne(of: EntraSchemaNames.sourceDirectories, $0.sourceDirectory) }
        // Groups go where users go: the users' rule first, then any rule from Entra to the same directory.
        let rules = userRule.map { users in
            [users] + fromEntra.filter { $0.index != users.index && Self.isOne(of: [users.targetDirectory ?? ""], $0.targetDirectory) }
        } ?? fromEntra
        guard let first = rules.first else {
            error(
                "no synchronization rule reads from \(Self.quotedList(EntraSchemaNames.sourceDirectories)); download the schema of the app's provisioning job",
                at: nil)
            return nil
        }
        let candidates = rules.flatMap { rule in
            rule.objectMappings.filter { Self.isOne(of: [sourceName], $0.sourceObject) && Self.isOne(of: targetNames, $0.targetObject) }
                .map { (rule, $0) }
        }
        let kind = isUser ? "users" : "groups"
        guard !candidates.isEmpty else {
            if isUser {
                error("rule '\(first.label)' has no object mapping from '\(sourceName)' to \(Self.quotedList(targetNames))", at: first.node)
            } else if vendor.groups?.optional ?? false {
                notes.append(
                    "provision groups separately if you want them: the schema has no object mapping from 'Group' to \(Self.quotedList(targetNames)), so the merge left out \(vendor.name)'s group mappings (optional for \(vendor.name))")
            } else {
                error(
                    "rule '\(first.label)' has no object mapping from '\(sourceName)' to \(Self.quotedList(targetNames)), but '\(vendor.name)' provisions groups; download the schema of an app whose provisioning has group mappings",
                    at: first.node)
            }
            return nil
        }
        let scim = candidates.filter { isSCIM($0.0, $0.1) }
        guard let chosen = scim.first else {
            let (rule, mapping) = candidates[0]
            error(
                "object mapping '\(mapping.label)' writes \(kind) to object '\(mapping.targetObject ?? "")' of directory '\(rule.targetDirectory ?? "")', which is not a SCIM app: Entra names a SCIM app's target directory '\(EntraSchemaNames.targetDirectory)' (non-gallery apps) or its objects by SCIM URN (\(Self.quotedList(EntraSchemaNames.scimObjects, abbreviated: false))); download the schema of \(vendor.name)'s SCIM provisioning app",
                at: mapping.targetNode ?? mapping.node)
            return nil
        }
        if scim.count > 1 {
            let other = scim[1].1
            error(
                "object mappings '\(chosen.1.label)' and '\(other.label)' both provision \(kind) from '\(chosen.0.sourceDirectory ?? "")'; keep one of them so that the merge knows where the vendor's mappings go",
                at: other.node)
            return nil
        }
        return chosen
    }

    mutating func directory(
        _ name: String?, of rule: Document.Rule, key: String, node: JSONNode?
    ) -> Document.Directory? {
        guard let name else { return nil }
        if let directory = document.directory(named: name) { return directory }
        // A directory whose name cannot be read may be the one; say why it cannot be.
        diagnostics += document.directories.filter { $0.name == nil }.flatMap(\.problems)
        error(
            "rule '\(rule.label)' \(key) directory '\(name)', which 'directories' does not define"
                + Suggestion.didYouMean(name, in: document.directories.compactMap(\.name)),
            at: node ?? rule.node)
        return nil
    }

    mutating func object(
        _ name: String?, of mapping: Document.ObjectMapping, verb: String, in directory: Document.Directory, node: JSONNode?
    ) -> Document.Object? {
        guard let name else { return nil }
        if let object = directory.object(named: name) { return object }
        let names = directory.objects.compactMap(\.name)
        let defined = names.isEmpty ? "it defines no objects" : "it defines " + names.map { "'\($0)'" }.joined(separator: ", ")
        error(
            "object mapping '\(mapping.label)' \(verb) object '\(name)', which directory '\(directory.name ?? "")' does not define; \(defined)",
            at: node ?? mapping.node)
        return nil
    }
}

// MARK: - Deciding

private extension EntraMergePlan {
    var vendorName: String { vendor.name }

    /// Definitions to add or leave, mappings to add or leave, conflicts, and matching.
    func decide(_ placement: inout Placement) {
        var decisions = Decisions()
        let prefer = options.prefer
        for definition in placement.object.definitions {
            guard let existing = placement.target.attribute(named: definition.name) else {
                decisions.addedDefinitions.append(definition)
                continue
            }
            let differences = Self.differences(existing, definition)
            let kept: Side = definition.owned && prefer == .vendor && !differences.isEmpty ? .vendor : .tenant
            if kept == .vendor { decisions.updatedDefinitions.append((existing.index, definition)) }
            decisions.definitionDifferences += differences.map {
                EntraMergeReport.DefinitionDifference(
                    attribute: existing.name, setting: $0.setting, tenant: $0.tenant, vendor: $0.vendor, owned: definition.owned, kept: kept)
            }
        }

        // Matching: the tenant's, unless asked for the vendor's or the tenant matches on nothing.
        let tenantMatching = placement.mapping.attributeMappings.filter { $0.matchingPriority > 0 }.sorted { $0.matchingPriority < $1.matchingPriority }
        let vendorMatching = placement.object.mappings.filter { $0.matchingPriority > 0 }.sorted { $0.matchingPriority < $1.matchingPriority }
        let useVendor = options.matching == .vendor || tenantMatching.isEmpty
        decisions.matching.tenant = tenantMatching.map { .init(target: $0.target, precedence: $0.matchingPriority, source: $0.source?.text) }
        decisions.matching.vendor = vendorMatching.map { .init(target: $0.target, precedence: $0.matchingPriority, source: EntraSource($0.source).expression) }
        decisions.matching.kept = useVendor ? .vendor : .tenant
        decisions.matching.tenantHadNone = tenantMatching.isEmpty && options.matching == .tenant
        func vendorPriority(_ target: String) -> Int {
            placement.object.mappings.first { $0.target.lowercased() == target.lowercased() }?.matchingPriority ?? 0
        }
        if useVendor {
            for existing in placement.mapping.attributeMappings {
                let wanted = vendorPriority(existing.target)
                guard wanted != existing.matchingPriority else { continue }
                decisions.mappingEdits[existing.index, default: []].append(.init("matchingPriority", .int(wanted)))
                decisions.matching.changes.append(.init(target: existing.target, before: existing.matchingPriority, after: wanted))
            }
        }

        for mapping in placement.object.mappings {
            guard let existing = placement.mapping.attributeMappings.first(where: { $0.target.lowercased() == mapping.target.lowercased() }) else {
                let priority = useVendor ? mapping.matchingPriority : 0
                decisions.addedMappings.append((mapping, priority))
                if priority > 0 { decisions.matching.changes.append(.init(target: mapping.target, before: nil, after: priority)) }
                continue
            }
            let vendorSource = EntraSource(mapping.source)
            var settings: [(setting: String, tenant: String, vendor: String, member: JSONValue.Member)] = []
            let tenantSource = existing.source
            let sameSource = tenantSource.map { $0.type?.lowercased() == vendorSource.graphType.lowercased() && $0.text == vendorSource.expression } ?? false
            if !sameSource {
                settings.append(("source", tenantSource?.text ?? "none", vendorSource.expression, .init("source", vendorSource.graphValue)))
            }
            if let flowType = mapping.flowType, flowType.rawValue != existing.flowType {
                settings.append(("flowType", existing.flowType, flowType.rawValue, .init("flowType", .string(flowType.rawValue))))
            }
            if let behavior = mapping.flowBehavior, behavior.rawValue != existing.flowBehavior {
                settings.append(("flowBehavior", existing.flowBehavior, behavior.rawValue, .init("flowBehavior", .string(behavior.rawValue))))
            }
            if let value = mapping.defaultValue, value != existing.defaultValue {
                settings.append(("defaultValue", existing.defaultValue ?? "none", value, .init("defaultValue", .string(value))))
            }
            for setting in settings {
                decisions.conflicts.append(
                    .init(
                        target: existing.target, setting: setting.setting, tenant: setting.tenant, vendor: setting.vendor,
                        vendorIsEntraDefault: setting.setting == "source" && mapping.sourceIsDefault, kept: prefer))
                if prefer == .vendor {
                    decisions.mappingEdits[existing.index, default: []].append(setting.member)
                    if setting.setting == "source" { decisions.replacedSources.insert(existing.target.lowercased()) }
                }
            }
        }

        let mapped = Set(placement.mapping.attributeMappings.map { $0.target.lowercased() } + placement.object.mappings.map { $0.target.lowercased() })
        decisions.unmapped = placement.object.definitions.map(\.name).filter { !mapped.contains($0.lowercased()) }
            .map { placement.target.attribute(named: $0)?.name ?? $0 }
        placement.decisions = decisions
    }

    /// The settings a vendor states that the tenant's definition has otherwise.
    static func differences(
        _ tenant: Document.Attribute, _ vendor: EntraVendorPart.Definition
    ) -> [(setting: String, tenant: String, vendor: String)] {
        var found: [(String, String, String)] = []
        if tenant.type.lowercased() != vendor.type.lowercased() { found.append(("type", tenant.type, vendor.type)) }
        if tenant.multivalued != vendor.multivalued { found.append(("multivalued", "\(tenant.multivalued)", "\(vendor.multivalued)")) }
        if let required = vendor.required, required != tenant.required { found.append(("required", "\(tenant.required)", "\(required)")) }
        if let mutability = vendor.mutability, mutability.lowercased() != (tenant.mutability ?? "ReadWrite").lowercased() {
            found.append(("mutability", tenant.mutability ?? "ReadWrite", mutability))
        }
        if let caseExact = vendor.caseExact, caseExact != (tenant.caseExact ?? false) {
            found.append(("caseExact", "\(tenant.caseExact ?? false)", "\(caseExact)"))
        }
        return found
    }
}

// MARK: - Checking the merged result

private extension EntraMergePlan {
    /// Unique attribute names and one anchor in every object the vendor adds to.
    mutating func checkTargetObjects() {
        var checked: Set<Int> = []
        for placement in placements where checked.insert(placement.target.index).inserted {
            let object = placement.target
            let directory = placement.targetDirectory.name ?? ""
            var seen: [String: Document.Attribute] = [:]
            for attribute in object.attributes {
                if let first = seen[attribute.name.lowercased()] {
                    error(
                        "attribute '\(attribute.name)' is defined twice in object '\(object.name ?? "")' of directory '\(directory)'; the first definition is on line \(first.nameNode.line)",
                        at: attribute.nameNode)
                } else {
                    seen[attribute.name.lowercased()] = attribute
                }
            }
            let anchors = object.attributes.filter(\.anchor).map(\.name)
            if anchors.count != 1 {
                let found = anchors.isEmpty
                    ? "has no anchor attribute"
                    : "has \(anchors.count) anchor attributes (\(anchors.map { "'\($0)'" }.joined(separator: ", ")))"
                error("object '\(object.name ?? "")' of directory '\(directory)' \(found); Entra needs exactly one", at: object.node)
            }
        }
    }

    /// Every target defined and mapped once, every source attribute defined, the tenant's and the
    /// vendor's. Returns the Entra attributes the source object must gain: those that mappings read,
    /// that its list lacks, and that `EntraSourceAttributes` knows.
    mutating func checkMappings(_ placement: Placement) -> [EntraSourceAttributes.Attribute] {
        var added: [EntraSourceAttributes.Attribute] = []
        let mapping = placement.mapping
        let source = placement.source
        let target = placement.target
        let sourceDirectory = placement.sourceDirectory.name ?? ""
        var defined = Set(target.attributes.map { $0.name.lowercased() })
        defined.formUnion(placements.filter { $0.target.index == target.index }.flatMap { $0.decisions.addedDefinitions.map { $0.name.lowercased() } })
        let sourceNames = source.attributes.map(\.name)
        var sourceKeys = Set(sourceNames.map { $0.lowercased() })
        let resource = placement.object.resource
        // A known Entra attribute missing from the list is added rather than refused.
        func defines(_ name: String) -> Bool {
            if sourceKeys.contains(name.lowercased()) { return true }
            guard let known = EntraSourceAttributes.attribute(name, for: resource) else { return false }
            added.append(known)
            sourceKeys.insert(name.lowercased())
            return true
        }
        var seen: [String: Document.AttributeMapping] = [:]
        for entry in mapping.attributeMappings {
            let key = entry.target.lowercased()
            if let first = seen[key] {
                error("'\(entry.target)' is mapped twice in '\(mapping.label)'; the first mapping is on line \(first.targetNode.line)", at: entry.targetNode)
                continue
            }
            seen[key] = entry
            if !defined.contains(key) {
                error(
                    "'\(mapping.label)' maps '\(entry.target)', which object '\(target.name ?? "")' of directory '\(placement.targetDirectory.name ?? "")' does not define"
                        + Suggestion.didYouMean(entry.target, in: target.attributes.map(\.name)),
                    at: entry.targetNode)
            }
            // A source the vendor replaces no longer matters.
            guard !placement.decisions.replacedSources.contains(key), let feed = entry.source else { continue }
            for name in feed.references where !defines(name) {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        "'\(mapping.label)' maps '\(entry.target)' from '\(name)', which object '\(source.name ?? "")' of directory '\(sourceDirectory)' does not define"
                            + Suggestion.didYouMean(name, in: sourceNames),
                        at: feed.location(of: name, in: file)))
            }
        }
        // The vendor's sources that end up in the schema.
        let written = placement.decisions.addedMappings.map(\.mapping)
            + placement.object.mappings.filter { placement.decisions.replacedSources.contains($0.target.lowercased()) }
        for entry in written {
            for name in EntraSource(entry.source).references where !defines(name) {
                error(
                    "'\(vendorName)' maps '\(SCIMURN.abbreviated(entry.target))' from '\(name)', which object '\(source.name ?? "")' of directory '\(sourceDirectory)' does not define"
                        + Suggestion.didYouMean(name, in: sourceNames) + "; add it to the object's attribute list, or map '\(SCIMURN.abbreviated(entry.target))' yourself after the merge",
                    at: source.node)
            }
        }
        return added
    }

    /// Exactly one attribute at matching precedence 1 once the merge is done.
    mutating func checkMatching(_ placement: Placement) {
        let decisions = placement.decisions
        var final: [(target: String, priority: Int, node: JSONNode)] = placement.mapping.attributeMappings.map { entry in
            let edited = decisions.mappingEdits[entry.index]?.last { $0.key == "matchingPriority" }
            let priority = edited.flatMap { member -> Int? in
                if case .number(let text) = member.value { return Int(text) }
                return nil
            } ?? entry.matchingPriority
            return (entry.target, priority, entry.priorityNode ?? entry.node)
        }
        final += decisions.addedMappings.map { ($0.mapping.target, $0.priority, placement.mapping.node) }
        let first = final.filter { $0.priority == 1 }
        guard first.count != 1 else { return }
        let kind = placement.object.resource == .user ? "users" : "groups"
        let vendorFirst = decisions.matching.vendor.filter { $0.precedence == 1 }.map { "'\($0.target)'" }.joined(separator: ", ")
        if decisions.matching.kept == .vendor {
            let found = first.isEmpty ? "no attribute" : "\(first.count) attributes (\(first.map { "'\($0.target)'" }.joined(separator: ", ")))"
            diagnostics.append(
                Diagnostic(
                    .error,
                    "'\(vendorName)' matches \(kind) on \(found) at matching precedence 1; Entra needs exactly one: give one row of the \(placement.object.resource == .user ? "users" : "groups") table 'matching': 1",
                    at: vendor.origin.location))
            return
        }
        let hint = "pass '--matching vendor' to use \(vendorName)'s (\(vendorFirst.isEmpty ? "none" : vendorFirst))"
        if first.isEmpty {
            error(
                "'\(placement.mapping.label)' matches \(kind) on no attribute at matching precedence 1; Entra matches on precedence 1 first: set one in the admin center, or \(hint)",
                at: placement.mapping.node)
        } else {
            error(
                "'\(placement.mapping.label)' matches \(kind) on \(first.count) attributes at matching precedence 1 (\(first.map { "'\($0.target)'" }.joined(separator: ", "))); Entra needs exactly one: fix the schema, or \(hint)",
                at: first[1].node)
        }
    }

    mutating func error(_ message: String, at node: JSONNode?) {
        let location = node?.location(in: file) ?? SourceLocation(file: file, line: 1, column: 1)
        diagnostics.append(Diagnostic(.error, message, at: location))
    }
}

// MARK: - Writing

private extension EntraMergePlan {
    /// Graph's `attributeDefinition` defaults, in Graph's key order.
    static let definitionTemplate: [JSONValue.Member] = [
        .init("anchor", false), .init("apiExpressions", []), .init("caseExact", false), .init("defaultValue", nil),
        .init("flowNullValues", false), .init("metadata", []), .init("multivalued", false),
        .init("mutability", "ReadWrite"), .init("name", ""), .init("referencedObjects", []), .init("required", false),
        .init("type", "String"),
    ]

    /// Graph's `attributeMapping` defaults, in Graph's key order.
    static let mappingTemplate: [JSONValue.Member] = [
        .init("defaultValue", nil), .init("exportMissingReferences", false), .init("flowBehavior", "FlowWhenChanged"),
        .init("flowType", "Always"), .init("matchingPriority", 0), .init("source", nil), .init("targetAttributeName", ""),
    ]

    /// The template's members with the stated values, then any stated key the template lacks.
    static func completed(_ stated: JSONValue, template: [JSONValue.Member]) -> JSONValue {
        guard case .object(let members) = stated else { return stated }
        var result = template.map { member in members.first { $0.key == member.key } ?? member }
        result += members.filter { member in !template.contains { $0.key == member.key } }
        return .object(result)
    }

    /// The tenant's name for a source object type, for the `referencedObjects` of an added source attribute.
    func sourceObjectName(_ resource: SCIMResource) -> String {
        if let placement = placements.first(where: { $0.object.resource == resource }), let name = placement.source.name { return name }
        return resource == .user ? EntraSchemaNames.sourceUser : EntraSchemaNames.sourceGroup
    }

    /// The tenant's name for a vendor object type, for `referencedObjects`.
    func objectName(_ resource: SCIMResource) -> String {
        if let placement = placements.first(where: { $0.object.resource == resource }), let name = placement.target.name { return name }
        let names = resource == .user ? EntraSchemaNames.targetUsers : EntraSchemaNames.targetGroups
        let objects = placements.first?.targetDirectory.objects ?? []
        for name in names {
            if let object = objects.first(where: { $0.name?.lowercased() == name.lowercased() }), let found = object.name { return found }
        }
        return EntraVendorPart.defaultObjectName(resource)
    }
}

/// One step of a path into a JSON document.
private enum PathStep {
    case key(String)
    case index(Int)
}

private extension JSONValue {
    /// Edits the array at `path`; a missing or null last member becomes an empty array first.
    mutating func editArray(at path: [PathStep], _ body: (inout [JSONValue]) -> Void) {
        edit(path[...]) { value in
            var items: [JSONValue]
            switch value {
            case .array(let existing): items = existing
            case .null: items = []
            default: return
            }
            body(&items)
            value = .array(items)
        }
    }

    mutating func edit(_ path: ArraySlice<PathStep>, _ body: (inout JSONValue) -> Void) {
        guard let step = path.first else { return body(&self) }
        switch (step, self) {
        case (.key(let key), .object(var members)):
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].value.edit(path.dropFirst(), body)
            } else {
                var value = JSONValue.null
                value.edit(path.dropFirst(), body)
                members.append(Member(key, value))
            }
            self = .object(members)
        case (.index(let index), .array(var items)) where items.indices.contains(index):
            items[index].edit(path.dropFirst(), body)
            self = .array(items)
        default:
            return
        }
    }

    /// Sets each member of `stated` (but `except`) in place, or appends it when the object lacks it.
    mutating func setMembers(of stated: JSONValue, except: Set<String>) {
        guard case .object(var members) = self, case .object(let updates) = stated else { return }
        for update in updates where !except.contains(update.key) {
            if let index = members.firstIndex(where: { $0.key == update.key }) {
                members[index].value = update.value
            } else {
                members.append(update)
            }
        }
        self = .object(members)
    }
}
