/// Checks the rows of one attribute table against the SCIM catalog and the vendor's extensions.
struct AttributeTableValidator {
    let resource: SCIMResource
    let table: AttributeTable
    let extensions: [SCIMSchemaDefinition]
    let vendor: VendorDescriptor

    var name: String { resource == .user ? "user" : "group" }

    /// Resolves every row: the rows that pass, the identity of every row that resolved (see
    /// `ResolvedAttribute.identity`), and every problem of the table.
    func check() -> (table: ResolvedTable, identities: Set<String>, diagnostics: [Diagnostic]) {
        var found: [Diagnostic] = []
        var rows: [ResolvedRow] = []
        rows.reserveCapacity(table.attributes.count)
        var seen: [String: AttributeMapping] = [:]
        var priorities: [Int: AttributeMapping] = [:]
        for row in table.attributes {
            let at = row.origin.location ?? vendor.origin.location
            let resolved = resolve(row.path, origin: row.origin, into: &found)
            if let resolved {
                // Every spelling of one attribute (`userName`, its full URN) is the same row.
                if let first = seen[resolved.identity] {
                    found.append(
                        Diagnostic(
                            .error,
                            "duplicate \(name) attribute '\(row.path)'; the first row is on line \(first.origin.location?.line ?? 0)",
                            at: at))
                    continue
                }
                seen[resolved.identity] = row
            }
            if let priority = row.matching {
                if !row.filterable {
                    found.append(
                        Diagnostic(
                            .error,
                            "'\(row.path)' is used for matching but is not filterable; Entra finds existing \(name)s by filtering on it, so add \"filterable\": true",
                            at: at))
                }
                if let other = priorities[priority] {
                    found.append(
                        Diagnostic(
                            .error,
                            "'\(row.path)' has matching precedence \(priority), as '\(other.path)' does; give each matching attribute its own precedence",
                            at: at))
                } else {
                    priorities[priority] = row
                }
            }
            if let fieldRef = row.fieldRef, fieldRef.contains(where: \.isNewline) {
                found.append(Diagnostic(.error, "field ref of '\(row.path)' must be one line", at: at))
            }
            guard let resolved else { continue }
            guard resolved.acceptsTableType(row.type.rawValue) else {
                found.append(
                    Diagnostic(
                        .error,
                        "'\(row.path)' is \(article(Self.tableTypeName(resolved))) \(Self.tableTypeName(resolved)) in \(resolved.schema.map { SCIMURN.abbreviated($0.id) } ?? "the common attributes"), not \(article(row.type.rawValue)) \(row.type.rawValue); write \"type\": \"\(Self.tableTypeName(resolved))\"",
                        at: at))
                continue
            }
            rows.append(ResolvedRow(mapping: row, attribute: resolved))
        }
        return (ResolvedTable(resource: resource, table: table, rows: rows), Set(seen.keys), found)
    }

    /// Parses and resolves a path, reporting a problem at its exact character.
    func resolve(_ text: String, origin: Origin, into found: inout [Diagnostic]) -> ResolvedAttribute? {
        guard let path = Self.parse(text, origin: origin, vendor: vendor, into: &found) else { return nil }
        switch SCIMCatalog.resolve(path, resource: resource, extensions: extensions) {
        case .failure(let problem):
            // At the part that is wrong, such as the misspelled sub-attribute.
            found.append(Diagnostic(.error, problem.message, at: origin.location(ofCharacter: problem.offset) ?? vendor.origin.location))
            return nil
        case .success(let resolved):
            return resolved
        }
    }

    /// The type an attribute table should give a resolved path: Entra's "Reference" for complex references.
    static func tableTypeName(_ resolved: ResolvedAttribute) -> String {
        if resolved.type == .complex, resolved.acceptsTableType("Reference") { return "Reference" }
        return resolved.type.displayName
    }

    /// Parses a path, reporting a syntax error at the exact character.
    static func parse(_ text: String, origin: Origin, vendor: VendorDescriptor, into found: inout [Diagnostic])
        -> AttributePath?
    {
        do {
            return try AttributePath(parsing: text)
        } catch {
            let at = origin.location(ofCharacter: error.offset) ?? vendor.origin.location
            found.append(Diagnostic(.error, "attribute path '\(text)' does not parse: \(error.message)", at: at))
            return nil
        }
    }
}

/// "a" or "an" before a type name.
func article(_ word: String) -> String {
    guard let first = word.lowercased().first else { return "a" }
    return "aeiou".contains(first) ? "an" : "a"
}
