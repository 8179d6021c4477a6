/// Checks vendor extension schemas: URNs, unique names, sensible sub-attributes, and whether
/// Entra can provision each attribute from a non-gallery app.
enum ExtensionValidator {
    static func validate(_ d: VendorDescriptor) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var ids: Set<String> = []
        // The discovery schemas are published beside every vendor's schemas: an extension may not be one.
        let published = SCIMCatalog.schemas + SCIMCatalog.discoverySchemas
        let standard = Set(published.map { $0.id.lowercased() })
        // Each schema is a file under `scim/Schemas/` (`SCIMFileName`): no two may share one.
        var files: [String: String] = [:]
        for schema in published { files[PortablePath.foldKey(SCIMFileName.schema(schema.id))] = schema.id }
        for schema in d.extensions {
            let at = schema.origin.location
            // The id names a file under `scim/Schemas/`, so it may hold only URN characters.
            let urnCharacters = schema.id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || ":._-".unicodeScalars.contains($0)
            }
            if !schema.id.lowercased().hasPrefix("urn:") || !urnCharacters || schema.id.contains("..") {
                found.append(Diagnostic(.error, "extension id '\(schema.id)' must be a URN such as 'urn:ietf:params:scim:schemas:extension:<name>:2.0:User'", at: at))
            }
            // Its file lies at `Site/<id>/scim/Schemas/`: bounded so that the whole path stays well inside
            // Windows's 260 characters and the writer's 200 bytes a name, instead of failing in `generate`.
            let file = SCIMFileName.schema(schema.id)
            if file.utf8.count > maximumSchemaFileBytes {
                found.append(
                    Diagnostic(
                        .error,
                        "extension id '\(schema.id)' is too long: its file 'Schemas/\(file)' would have \(file.utf8.count) bytes, "
                            + "over \(maximumSchemaFileBytes), and such paths cannot be checked out on Windows; shorten the URN to "
                            + "\(maximumSchemaFileBytes - ".json".utf8.count) characters",
                        at: at))
            }
            if standard.contains(schema.id.lowercased()) {
                found.append(Diagnostic(.error, "extension id '\(schema.id)' is a standard RFC 7643 schema; scimgen knows it already, so remove the declaration", at: at))
            }
            if !d.gallery && schema.id.lowercased().hasPrefix("urn:") && !isNonGalleryUserExtension(schema.id) {
                found.append(
                    Diagnostic(
                        .warning,
                        "extension id '\(schema.id)' is not of the form 'urn:ietf:params:scim:schemas:extension:<Name>:2.0:User'; a non-gallery app in Entra maps only extension attributes named that way",
                        at: at))
            }
            if !ids.insert(schema.id.lowercased()).inserted {
                found.append(Diagnostic(.error, "extension '\(schema.id)' is declared twice", at: at))
            } else if standard.contains(schema.id.lowercased()) {
                // Reported above.
            } else if let other = files[PortablePath.foldKey(SCIMFileName.schema(schema.id))] {
                found.append(
                    Diagnostic(
                        .error,
                        "extension '\(schema.id)' would be published as 'Schemas/\(SCIMFileName.schema(schema.id))' like '\(other)'; rename one of them",
                        at: at))
            } else {
                files[PortablePath.foldKey(SCIMFileName.schema(schema.id))] = schema.id
            }
            found += check(schema.attributes, in: schema, depth: 0, gallery: d.gallery)
        }
        return found
    }

    /// The longest file name of an extension schema, `.json` included: the Enterprise User
    /// extension's is 64 bytes.
    static let maximumSchemaFileBytes = 128

    /// `urn:ietf:params:scim:schemas:extension:<Name>:2.0:User`, the only shape Entra's
    /// non-gallery apps accept for vendor extension attributes.
    static func isNonGalleryUserExtension(_ id: String) -> Bool {
        let prefix = "urn:ietf:params:scim:schemas:extension:"
        let suffix = ":2.0:User"
        guard id.lowercased().hasPrefix(prefix), id.hasSuffix(suffix) else { return false }
        let name = id.dropFirst(prefix.count).dropLast(suffix.count)
        return !name.isEmpty && !name.contains(":")
    }

    private static func check(_ attributes: [ExtensionAttribute], in schema: ExtensionSchema, depth: Int, gallery: Bool) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var names: Set<String> = []
        for attribute in attributes {
            let at = attribute.origin.location
            if !names.insert(attribute.name.lowercased()).inserted {
                found.append(Diagnostic(.error, "attribute '\(attribute.name)' is declared twice in '\(schema.id)'", at: at))
            }
            if let first = attribute.name.unicodeScalars.first,
                !(("a"..."z").contains(first) || ("A"..."Z").contains(first))
                    || !attribute.name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == "$" })
            {
                found.append(Diagnostic(.error, "attribute name '\(attribute.name)' must start with a letter and hold only letters, digits, '_', '-' and '$' (RFC 7643 section 2.1)", at: at))
            }
            if attribute.type == .complex {
                if depth > 0 {
                    found.append(Diagnostic(.error, "'\(attribute.name)' is complex inside a complex attribute; RFC 7643 section 2.3.8 allows one level", at: at))
                }
                if attribute.subAttributes.isEmpty {
                    found.append(Diagnostic(.error, "complex attribute '\(attribute.name)' has no 'subAttributes'", at: at))
                }
            } else if !attribute.subAttributes.isEmpty {
                found.append(Diagnostic(.error, "'\(attribute.name)' has sub-attributes but is \(article(attribute.type.rawValue)) \(attribute.type.rawValue); make it Complex", at: at))
            }
            if depth == 0 && !gallery && (attribute.multiValued || attribute.type == .complex || attribute.type == .reference) {
                let kind = attribute.multiValued ? "multi-valued" : attribute.type == .complex ? "complex" : "a reference"
                found.append(Diagnostic(.warning, "extension attribute '\(attribute.name)' is \(kind); Entra provisions such vendor extension attributes only from gallery apps, not from a non-gallery SCIM app like this one (\"gallery\": false)", at: at))
            }
            found += check(attribute.subAttributes, in: schema, depth: depth + 1, gallery: gallery)
        }
        return found
    }
}
