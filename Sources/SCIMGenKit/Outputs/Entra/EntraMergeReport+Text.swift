// The merge report as an administrator reads it on a terminal.

extension EntraMergeReport {
    /// The report as lines of plain text, ending in what is still to do.
    ///
    /// ```
    /// merged 'LUSID' into 'schema.json'
    /// users: 'Provision Microsoft Entra ID Users' writes 'urn:…:enterprise:2.0:User' of 'customappsso'
    ///   matching: the tenant matches on 'externalId' (1, [objectId]); LUSID asks for 'userName' (1, [userPrincipalName]); kept the tenant's (pass --matching vendor for LUSID's)
    ///   added attributes: …
    ///   conflict on 'title' (source): tenant [department], LUSID [jobTitle] (Entra's default); kept the tenant's
    /// still to do:
    ///   1. …
    /// ```
    public var text: String {
        var lines = ["merged '\(vendor)' into '\(schema)'" + (changed ? "" : "; nothing to add, the schema already holds it")]
        for object in objects {
            let kind = object.object == "Group" ? "groups" : "users"
            lines.append(
                "\(kind): '\(object.objectMapping)' writes '\(SCIMURN.abbreviated(object.targetObject))' of '\(object.targetDirectory)'"
                    + (object.enabled ? "" : " (disabled)"))
            lines.append("  matching: " + matchingText(object.matching))
            if !object.addedAttributes.isEmpty { lines.append("  added attributes: " + Self.list(object.addedAttributes)) }
            if !object.addedMappings.isEmpty { lines.append("  added mappings: " + Self.list(object.addedMappings)) }
            if !object.addedSourceAttributes.isEmpty {
                lines.append(
                    "  added to the attribute list of '\(object.sourceObject)' in '\(object.sourceDirectory)': "
                        + Self.list(object.addedSourceAttributes) + " (mappings read them, and Entra's users and groups have them)")
            }
            for conflict in object.conflicts {
                let note = conflict.vendorIsEntraDefault ? " (Entra's default; the descriptor names no source)" : ""
                lines.append(
                    "  conflict on '\(SCIMURN.abbreviated(conflict.target))' (\(conflict.setting)): tenant \(conflict.tenant), \(vendor) \(conflict.vendor)\(note); kept the \(conflict.kept.rawValue)'s")
            }
            for difference in object.definitions {
                let kept = difference.kept == .vendor ? "changed to \(vendor)'s" : "left as it is"
                let how = difference.owned && difference.kept == .tenant ? " (\(vendor)'s own attribute: --prefer vendor changes it)" : ""
                lines.append(
                    "  definition of '\(SCIMURN.abbreviated(difference.attribute))' \(kept): \(difference.setting) is \(difference.tenant) in the tenant's schema, \(difference.vendor) for \(vendor)\(how)")
            }
        }
        let keptTenant = objects.flatMap(\.conflicts).filter { $0.kept == .tenant }.count
        if keptTenant > 0 {
            lines.append("kept the tenant's side of \(keptTenant) conflict\(keptTenant == 1 ? "" : "s"); pass --prefer vendor to take \(vendor)'s")
        }
        for warning in warnings { lines.append(warning.description) }
        if !toDo.isEmpty {
            lines.append("still to do:")
            for (index, step) in toDo.enumerated() { lines.append("  \(index + 1). \(step)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

// MARK: - Helpers

private extension EntraMergeReport {
    func matchingText(_ matching: Matching) -> String {
        let key = { (attributes: [MatchingAttribute]) in attributes.map { "\($0.target.lowercased()) \($0.precedence)" } }
        if key(matching.tenant) == key(matching.vendor) && !matching.tenant.isEmpty {
            return "the tenant matches on \(Self.matchingList(matching.tenant)), as \(vendor) asks"
        }
        let tenant = matching.tenant.isEmpty ? "the tenant matches on nothing" : "the tenant matches on " + Self.matchingList(matching.tenant)
        let asks = matching.vendor.isEmpty ? "\(vendor) asks for nothing" : "\(vendor) asks for " + Self.matchingList(matching.vendor)
        let kept: String
        switch (matching.kept, matching.tenantHadNone) {
        case (.vendor, true): kept = "used \(vendor)'s"
        case (.vendor, false): kept = "used \(vendor)'s (--matching vendor)"
        case (.tenant, _): kept = "kept the tenant's (pass --matching vendor for \(vendor)'s)"
        }
        var text = "\(tenant); \(asks); \(kept)"
        if !matching.changes.isEmpty {
            text += "; changed " + matching.changes.map { "'\(SCIMURN.abbreviated($0.target))' \($0.before.map(String.init) ?? "new") -> \($0.after)" }
                .joined(separator: ", ")
        }
        return text
    }

    static func matchingList(_ attributes: [MatchingAttribute]) -> String {
        attributes.map { "'\(SCIMURN.abbreviated($0.target))' (\($0.precedence)\($0.source.map { ", \($0)" } ?? ""))" }
            .joined(separator: ", ")
    }

    static func list(_ names: [String]) -> String {
        names.map { "'\(SCIMURN.abbreviated($0))'" }.joined(separator: ", ")
    }
}
