/// The schemas a vendor supports: the catalog's schemas reduced to what its attribute tables list,
/// with the vendor's `required` marks.
enum SCIMSchemaReduction {
    /// Core User, Enterprise User (when used), vendor extensions, then Group (when the vendor has groups).
    static func schemas(for vendor: ResolvedVendor) -> [SCIMSchemaDefinition] {
        var wanted: [String: Wanted] = [:]
        for table in vendor.tables {
            for row in table.rows { collect(row.attribute, required: row.mapping.required == true, into: &wanted) }
        }
        // Attributes the vendor maps to custom fields on request (Thrive's enterprise attributes)
        // are accepted by its endpoint too, so its schema lists them.
        for field in vendor.customFields { collect(field.attribute, required: false, into: &wanted) }

        var result: [SCIMSchemaDefinition] = []
        for schema in [SCIMCatalog.user, SCIMCatalog.enterpriseUser] {
            if let wanted = wanted[schema.id.lowercased()] { result.append(reduce(schema, to: wanted)) }
        }
        // A vendor's extension is published as declared, its own contract, plus the rows' `required` marks.
        result += vendor.extensionSchemas.map { schema in
            guard let wanted = wanted[schema.id.lowercased()] else { return schema }
            return reduce(schema, to: wanted, keepingAll: true)
        }
        if vendor.groups != nil {
            result.append(reduce(SCIMCatalog.group, to: wanted[SCIMCatalog.group.id.lowercased()] ?? Wanted()))
        }
        return result
    }

    /// Which attributes of one schema the tables use, which sub-attributes of each, and which the vendor requires.
    struct Wanted {
        /// Attribute name (lowercased) to the sub-attributes wanted; nil means all of them.
        var attributes: [String: Set<String>?] = [:]
        /// Attribute names (lowercased) the vendor requires.
        var required: Set<String> = []
        /// `attribute.subAttribute` names (lowercased) the vendor requires.
        var requiredSubAttributes: Set<String> = []

        mutating func want(_ attribute: String, subAttributes: Set<String>?) {
            let key = attribute.lowercased()
            switch (attributes[key], subAttributes) {
            case (.none, let subs): attributes[key] = .some(subs)
            case (.some(.none), _): break
            case (.some(.some), .none): attributes[key] = .some(nil)
            case (.some(.some(let old)), .some(let new)): attributes[key] = .some(old.union(new))
            }
        }
    }

    static func collect(_ resolved: ResolvedAttribute, required: Bool, into wanted: inout [String: Wanted]) {
        guard let schema = resolved.schema else { return }
        let filter = resolved.path.filter
        var subs: Set<String>?
        if let sub = resolved.subAttribute {
            // `emails[type eq "work"].value` needs `value`, the `type` it filters on, and `primary`,
            // which Entra sends for the primary value of a multi-valued attribute.
            var names: Set<String> = [sub.name.lowercased()]
            for filtered in filter?.attributePaths ?? [] { names.insert(filtered.attribute.lowercased()) }
            if resolved.attribute.multiValued && resolved.attribute.subAttribute(named: "primary") != nil {
                names.insert("primary")
            }
            subs = names
        } else if resolved.attribute.type == .complex && filter != nil {
            var names: Set<String> = ["value"]
            for filtered in filter?.attributePaths ?? [] { names.insert(filtered.attribute.lowercased()) }
            subs = names
        }
        let key = schema.id.lowercased()
        let attribute = resolved.attribute.name.lowercased()
        wanted[key, default: Wanted()].want(attribute, subAttributes: subs)
        // A required row makes its attribute required, and the sub-attribute it names.
        if required {
            wanted[key]!.required.insert(attribute)
            if let sub = resolved.subAttribute {
                wanted[key]!.requiredSubAttributes.insert(attribute + "." + sub.name.lowercased())
            }
        }
    }

    /// The schema with only the wanted attributes (all of them when `keepingAll`), in schema order,
    /// each with only its wanted sub-attributes, and the vendor's required ones marked so.
    static func reduce(_ schema: SCIMSchemaDefinition, to wanted: Wanted, keepingAll: Bool = false) -> SCIMSchemaDefinition {
        var reduced = schema
        reduced.attributes = schema.attributes.compactMap { attribute in
            let key = attribute.name.lowercased()
            let subs = wanted.attributes[key]
            guard subs != nil || keepingAll else { return nil }
            var copy = attribute
            if let subs = subs ?? nil, !keepingAll {
                copy.subAttributes = attribute.subAttributes.filter { subs.contains($0.name.lowercased()) }
            }
            if wanted.required.contains(key) { copy.required = true }
            copy.subAttributes = copy.subAttributes.map { sub in
                var sub = sub
                if wanted.requiredSubAttributes.contains(key + "." + sub.name.lowercased()) { sub.required = true }
                return sub
            }
            return copy
        }
        return reduced
    }
}
