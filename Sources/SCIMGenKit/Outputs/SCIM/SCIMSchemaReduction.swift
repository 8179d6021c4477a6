/// The schemas a vendor supports: the catalog's schemas reduced to what its attribute tables list.
enum SCIMSchemaReduction {
    /// Core User, Enterprise User (when used), vendor extensions, then Group (when the vendor has groups).
    static func schemas(for vendor: VendorDescriptor) -> [SCIMSchemaDefinition] {
        let extensions = vendor.extensions.map(\.schemaDefinition)
        var wanted: [String: Wanted] = [:]
        collect(vendor.users, resource: .user, extensions: extensions, into: &wanted)
        if let groups = vendor.groups { collect(groups, resource: .group, extensions: extensions, into: &wanted) }
        // Attributes the vendor maps to custom fields on request (Thrive's enterprise attributes)
        // are accepted by its endpoint too, so its schema lists them.
        if let custom = vendor.customFieldMappings {
            let rows = custom.allowedAttributes.map { AttributeMapping(path: $0.path, type: .string, filterable: false, required: nil) }
            collect(AttributeTable(attributes: rows), resource: .user, extensions: extensions, into: &wanted)
        }

        var result: [SCIMSchemaDefinition] = []
        for schema in [SCIMCatalog.user, SCIMCatalog.enterpriseUser] {
            if let wanted = wanted[schema.id] { result.append(reduce(schema, to: wanted)) }
        }
        // A vendor's extension is published as declared: it is the vendor's own contract.
        result += extensions
        if vendor.groups != nil { result.append(reduce(SCIMCatalog.group, to: wanted[SCIMCatalog.group.id] ?? Wanted())) }
        return result
    }

    /// Which attributes of one schema the tables use, and which sub-attributes of each.
    struct Wanted {
        /// Attribute name (lowercased) to the sub-attributes wanted; nil means all of them.
        var attributes: [String: Set<String>?] = [:]

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

    static func collect(
        _ table: AttributeTable, resource: SCIMResource, extensions: [SCIMSchemaDefinition], into wanted: inout [String: Wanted]
    ) {
        for row in table.attributes {
            guard let path = try? AttributePath(parsing: row.path),
                case .success(let resolved) = SCIMCatalog.resolve(path, resource: resource, extensions: extensions),
                let schema = resolved.schema
            else { continue }
            var subs: Set<String>?
            if let sub = resolved.subAttribute {
                // `emails[type eq "work"].value` needs `value`, the `type` it filters on, and `primary`,
                // which Entra sends for the primary value of a multi-valued attribute.
                var names: Set<String> = [sub.name.lowercased()]
                for filtered in path.filter?.attributePaths ?? [] { names.insert(filtered.attribute.lowercased()) }
                if resolved.attribute.multiValued && resolved.attribute.subAttribute(named: "primary") != nil {
                    names.insert("primary")
                }
                subs = names
            } else if resolved.attribute.type == .complex && path.filter != nil {
                var names: Set<String> = ["value"]
                for filtered in path.filter?.attributePaths ?? [] { names.insert(filtered.attribute.lowercased()) }
                subs = names
            }
            wanted[schema.id, default: Wanted()].want(resolved.attribute.name, subAttributes: subs)
        }
    }

    /// The schema with only the wanted attributes, in catalog order, each with only its wanted sub-attributes.
    static func reduce(_ schema: SCIMSchemaDefinition, to wanted: Wanted) -> SCIMSchemaDefinition {
        var reduced = schema
        reduced.attributes = schema.attributes.compactMap { attribute in
            guard let subs = wanted.attributes[attribute.name.lowercased()] else { return nil }
            var copy = attribute
            if let subs {
                copy.subAttributes = attribute.subAttributes.filter { subs.contains($0.name.lowercased()) }
            }
            return copy
        }
        return reduced
    }
}
