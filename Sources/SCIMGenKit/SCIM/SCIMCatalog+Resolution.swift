extension SCIMCatalog {
    /// Finds what `path` names on a resource, or says why it names nothing.
    ///
    /// - A qualified path (`urn:…:enterprise:2.0:User:manager`) resolves in the schema its URN
    ///   names: the resource's core schema, one of `extensions`, or a standard extension of the
    ///   resource (the Enterprise User for users). An extension passed in replaces a standard one
    ///   with the same URN.
    /// - An unqualified path resolves in the core schema, then among the common attributes, so that
    ///   `externalId` and `id` are valid for users and groups alike. The core schema URN may also
    ///   qualify a common attribute (`urn:…:core:2.0:User:externalId`), as mapping tools write it.
    /// - A value filter is allowed on multi-valued complex attributes, and every name inside the
    ///   brackets must be one of its sub-attributes; a sub-attribute needs a complex attribute.
    ///
    /// Names and URNs match case-insensitively (RFC 7643 section 2.1).
    public static func resolve(
        _ path: AttributePath,
        resource: SCIMResource,
        extensions: [SCIMSchemaDefinition] = []
    ) -> Result<ResolvedAttribute, AttributeResolutionError> {
        Result { () throws(AttributeResolutionError) in
            try resolving(path, resource: resource, extensions: extensions)
        }
    }
}

// MARK: - Steps

private extension SCIMCatalog {
    static func resolving(
        _ path: AttributePath,
        resource: SCIMResource,
        extensions: [SCIMSchemaDefinition]
    ) throws(AttributeResolutionError) -> ResolvedAttribute {
        let core = resource.coreSchema
        var schemas = [core]
        for schema in extensions + resource.standardExtensions
        where !schemas.contains(where: { same($0.id, schema.id) }) {
            schemas.append(schema)
        }

        let (schema, attribute) = try topLevel(path, core: core, schemas: schemas, resource: resource)
        if let filter = path.filter {
            try check(filter, of: attribute, at: path.offsets.filter)
        }
        var subAttribute: SCIMAttributeDefinition?
        if let name = path.subAttribute {
            guard attribute.type == .complex else {
                throw AttributeResolutionError(
                    .subAttributeOfSimpleAttribute(name, attribute: attribute.name, type: attribute.type),
                    at: path.offsets.subAttribute
                )
            }
            guard let match = attribute.subAttribute(named: name) else {
                let suggestion = Suggestion.closest(to: name, in: attribute.subAttributes.map(\.name))
                throw AttributeResolutionError(
                    .unknownSubAttribute(name, attribute: attribute.name, suggestion: suggestion),
                    at: path.offsets.subAttribute
                )
            }
            subAttribute = match
        }
        return ResolvedAttribute(path: path, schema: schema, attribute: attribute, subAttribute: subAttribute)
    }

    /// The schema (nil for a common attribute) and top-level attribute that the path names.
    static func topLevel(
        _ path: AttributePath,
        core: SCIMSchemaDefinition,
        schemas: [SCIMSchemaDefinition],
        resource: SCIMResource
    ) throws(AttributeResolutionError) -> (SCIMSchemaDefinition?, SCIMAttributeDefinition) {
        guard let urn = path.schema else {
            if let attribute = core.attribute(named: path.attribute) { return (core, attribute) }
            if let attribute = commonAttribute(named: path.attribute) { return (nil, attribute) }
            var suggestion = Suggestion.closest(
                to: path.attribute,
                in: core.attributes.map(\.name) + commonAttributes.map(\.name)
            )
            // `department` unqualified is a common slip for the Enterprise User's attribute.
            if suggestion == nil {
                suggestion = schemas.dropFirst().lazy.compactMap { schema in
                    schema.attribute(named: path.attribute).map { schema.id + ":" + $0.name }
                }.first
            }
            throw AttributeResolutionError(
                .unknownAttribute(path.attribute, schema: core.id, suggestion: suggestion),
                at: path.offsets.attribute
            )
        }

        guard let schema = schemas.first(where: { same($0.id, urn) }) else {
            throw schemaError(urn, path: path, schemas: schemas, resource: resource)
        }
        if let attribute = schema.attribute(named: path.attribute) { return (schema, attribute) }
        if schema.id == core.id, let attribute = commonAttribute(named: path.attribute) { return (nil, attribute) }
        var candidates = schema.attributes.map(\.name)
        if schema.id == core.id { candidates += commonAttributes.map(\.name) }
        throw AttributeResolutionError(
            .unknownAttribute(
                path.attribute,
                schema: schema.id,
                suggestion: Suggestion.closest(to: path.attribute, in: candidates)
            ),
            at: path.offsets.attribute
        )
    }

    /// The most helpful error for a URN that names none of the resource's schemas.
    static func schemaError(
        _ urn: String,
        path: AttributePath,
        schemas: [SCIMSchemaDefinition],
        resource: SCIMResource
    ) -> AttributeResolutionError {
        let whole = urn + ":" + path.attribute
        if path.filter == nil, path.subAttribute == nil,
           let schema = (schemas + SCIMCatalog.schemas).first(where: { same($0.id, whole) }) {
            return AttributeResolutionError(.schemaWithoutAttribute(schema.id), at: path.offsets.schema)
        }
        if let other = SCIMCatalog.schemas.first(where: { same($0.id, urn) }) {
            return AttributeResolutionError(.schemaNotApplicable(other.id, resource: resource), at: path.offsets.schema)
        }
        let suggestion = closestSchema(to: urn, in: schemas.map(\.id))
        return AttributeResolutionError(.unknownSchema(urn, suggestion: suggestion), at: path.offsets.schema)
    }

    /// Checks that every name inside the brackets is a sub-attribute of the filtered attribute.
    static func check(
        _ filter: SCIMFilter,
        of attribute: SCIMAttributeDefinition,
        at offset: Int
    ) throws(AttributeResolutionError) {
        guard attribute.multiValued else {
            throw AttributeResolutionError(.filterOnSingleValuedAttribute(attribute.name), at: offset)
        }
        guard attribute.type == .complex, !attribute.subAttributes.isEmpty else {
            throw AttributeResolutionError(.filterWithoutSubAttributes(attribute.name), at: offset)
        }
        for inner in filter.attributePaths {
            guard inner.schema == nil, inner.subAttribute == nil, inner.filter == nil else {
                throw AttributeResolutionError(
                    .filterAttributeNotSubAttribute(inner.description, attribute: attribute.name),
                    at: inner.offsets.schema
                )
            }
            guard attribute.subAttribute(named: inner.attribute) != nil else {
                let suggestion = Suggestion.closest(to: inner.attribute, in: attribute.subAttributes.map(\.name))
                throw AttributeResolutionError(
                    .unknownFilterAttribute(inner.attribute, attribute: attribute.name, suggestion: suggestion),
                    at: inner.offsets.attribute
                )
            }
        }
    }

    /// The schema URN a mistyped URN probably meant.
    ///
    /// Whole-string distance is a poor guide for URNs: they share long prefixes, so a third of
    /// their length lets `…:lucid:2.0:User` "match" `…:core:2.0:User`. A candidate qualifies when
    /// it differs in one ':'-separated segment that is itself a likely typo, or in two characters at most.
    static func closestSchema(to urn: String, in candidates: [String]) -> String? {
        let segments = urn.lowercased().split(separator: ":", omittingEmptySubsequences: false)
        return candidates.first { candidate in
            if Suggestion.distance(urn, candidate) <= 2 { return true }
            let other = candidate.lowercased().split(separator: ":", omittingEmptySubsequences: false)
            guard other.count == segments.count else { return false }
            let differing = zip(segments, other).filter { $0 != $1 }
            guard differing.count == 1, let (typed, meant) = differing.first else { return false }
            return Suggestion.closest(to: String(typed), in: [String(meant)]) != nil
        }
    }

    /// Case-insensitive equality, as RFC 7643 section 2.1 asks of names and URNs.
    static func same(_ lhs: String, _ rhs: String) -> Bool {
        lhs.lowercased() == rhs.lowercased()
    }
}
