/// The SCIM discovery documents a vendor's endpoint serves (RFC 7644 section 4), in the formats of
/// RFC 7643 sections 5 to 7, generated from the same descriptor as the tutorial.
///
/// Files, relative to the site root:
/// - `<id>/scim/Schemas.json` and `<id>/scim/ResourceTypes.json`: the ListResponse of `GET /Schemas`
///   and `GET /ResourceTypes`;
/// - `<id>/scim/Schemas/<schema id>.json` and `<id>/scim/ResourceTypes/<name>.json`: each resource
///   as `GET /Schemas/<id>` and `GET /ResourceTypes/<name>` return it;
/// - `<id>/scim/ServiceProviderConfig.json`.
///
/// Schemas describe what the vendor supports: the core schemas reduced to the attributes its
/// tables list (with the sub-attributes those rows need), the Enterprise User extension when a row
/// uses it, and the vendor's own extensions as declared. `meta.location` is relative to the SCIM
/// base (`/Schemas/…`) unless the descriptor's `scim.baseURL` makes it absolute.
public enum SCIMDocuments {
    /// The folder under each vendor.
    public static let folder = "scim"

    /// Every discovery document of `vendor`, keyed by path relative to the site root.
    public static func files(for vendor: ResolvedVendor) -> [String: [UInt8]] {
        let base = "\(vendor.id)/\(folder)"
        var files: [String: [UInt8]] = [:]
        let schemas = SCIMSchemaReduction.schemas(for: vendor)
        let schemaResources = schemas.map { schemaResource($0, vendor: vendor) }
        for (schema, resource) in zip(schemas, schemaResources) {
            files["\(base)/Schemas/\(schema.id).json"] = JSONWriter.writeBytes(resource)
        }
        files["\(base)/Schemas.json"] = JSONWriter.writeBytes(listResponse(schemaResources))
        let types = resourceTypes(for: vendor, schemas: schemas)
        for (name, resource) in types {
            files["\(base)/ResourceTypes/\(name).json"] = JSONWriter.writeBytes(resource)
        }
        files["\(base)/ResourceTypes.json"] = JSONWriter.writeBytes(listResponse(types.map(\.1)))
        files["\(base)/ServiceProviderConfig.json"] = JSONWriter.writeBytes(serviceProviderConfig(for: vendor))
        return files
    }

    /// Where the vendor's tutorial is published, for `documentationUri`.
    public static func documentationURI(for vendor: ResolvedVendor) -> String {
        "https://learn.microsoft.com/entra/identity/saas-apps/\(vendor.id)-provisioning-tutorial"
    }

    // MARK: - Resources

    static func location(_ path: String, vendor: ResolvedVendor) -> String {
        guard var base = vendor.service.baseURL else { return path }
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    static func meta(_ resourceType: String, _ path: String, vendor: ResolvedVendor) -> JSONValue {
        .object([.init("resourceType", .string(resourceType)), .init("location", .string(location(path, vendor: vendor)))])
    }

    static func listResponse(_ resources: [JSONValue]) -> JSONValue {
        .object([
            .init("schemas", .array([.string(SCIMURN.listResponse)])),
            .init("totalResults", .int(resources.count)),
            .init("itemsPerPage", .int(resources.count)),
            .init("startIndex", .int(1)),
            .init("Resources", .array(resources)),
        ])
    }

    static func schemaResource(_ schema: SCIMSchemaDefinition, vendor: ResolvedVendor) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("schemas", .array([.string(SCIMURN.schema)])),
            .init("id", .string(schema.id)),
            .init("name", .string(schema.name)),
        ]
        if !schema.description.isEmpty { members.append(.init("description", .string(schema.description))) }
        members.append(.init("attributes", .array(schema.attributes.map(attribute))))
        members.append(.init("meta", meta("Schema", "/Schemas/\(schema.id)", vendor: vendor)))
        return .object(members)
    }

    /// One attribute with every characteristic, in the order of RFC 7643's own examples.
    static func attribute(_ definition: SCIMAttributeDefinition) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("name", .string(definition.name)),
            .init("type", .string(definition.type.rawValue)),
        ]
        if definition.type == .complex {
            members.append(.init("subAttributes", .array(definition.subAttributes.map(attribute))))
        }
        members.append(.init("multiValued", .bool(definition.multiValued)))
        members.append(.init("description", .string(definition.description)))
        members.append(.init("required", .bool(definition.required)))
        if !definition.canonicalValues.isEmpty {
            members.append(.init("canonicalValues", .array(definition.canonicalValues.map(JSONValue.string))))
        }
        if definition.type != .complex { members.append(.init("caseExact", .bool(definition.caseExact))) }
        members.append(.init("mutability", .string(definition.mutability.rawValue)))
        members.append(.init("returned", .string(definition.returned.rawValue)))
        if definition.type != .complex { members.append(.init("uniqueness", .string(definition.uniqueness.rawValue))) }
        if definition.type == .reference {
            members.append(.init("referenceTypes", .array(definition.referenceTypes.map(JSONValue.string))))
        }
        return .object(members)
    }

    static func resourceTypes(for vendor: ResolvedVendor, schemas: [SCIMSchemaDefinition]) -> [(String, JSONValue)] {
        let ids = Set(schemas.map(\.id))
        var extensions: [JSONValue] = []
        if ids.contains(SCIMURN.enterpriseUser) {
            extensions.append(.object([.init("schema", .string(SCIMURN.enterpriseUser)), .init("required", .bool(false))]))
        }
        for schema in vendor.extensions where ids.contains(schema.id) {
            extensions.append(.object([.init("schema", .string(schema.id)), .init("required", .bool(schema.required))]))
        }
        var user: [JSONValue.Member] = [
            .init("schemas", .array([.string(SCIMURN.resourceType)])),
            .init("id", .string("User")),
            .init("name", .string("User")),
            .init("endpoint", .string("/Users")),
            .init("description", .string("User Account")),
            .init("schema", .string(SCIMURN.user)),
        ]
        if !extensions.isEmpty { user.append(.init("schemaExtensions", .array(extensions))) }
        user.append(.init("meta", meta("ResourceType", "/ResourceTypes/User", vendor: vendor)))
        var result: [(String, JSONValue)] = [("User", .object(user))]
        if vendor.groups != nil {
            result.append(
                (
                    "Group",
                    .object([
                        .init("schemas", .array([.string(SCIMURN.resourceType)])),
                        .init("id", .string("Group")),
                        .init("name", .string("Group")),
                        .init("endpoint", .string("/Groups")),
                        .init("description", .string("Group")),
                        .init("schema", .string(SCIMURN.group)),
                        .init("meta", meta("ResourceType", "/ResourceTypes/Group", vendor: vendor)),
                    ])
                ))
        }
        return result
    }

    static func serviceProviderConfig(for vendor: ResolvedVendor) -> JSONValue {
        let service = vendor.service
        func supported(_ flag: Bool) -> JSONValue { .object([.init("supported", .bool(flag))]) }
        let schemes: [JSONValue] = service.authenticationSchemes.map { scheme in
            var members: [JSONValue.Member] = [
                .init("type", .string(scheme.type.rawValue)),
                .init("name", .string(scheme.name)),
                .init("description", .string(scheme.description)),
            ]
            if let uri = scheme.specUri { members.append(.init("specUri", .string(uri))) }
            if let uri = scheme.documentationUri { members.append(.init("documentationUri", .string(uri))) }
            members.append(.init("primary", .bool(scheme.primary)))
            return .object(members)
        }
        return .object([
            .init("schemas", .array([.string(SCIMURN.serviceProviderConfig)])),
            .init("documentationUri", .string(documentationURI(for: vendor))),
            .init("patch", supported(service.patch)),
            .init(
                "bulk",
                .object([
                    .init("supported", .bool(service.bulk.supported)),
                    .init("maxOperations", .int(service.bulk.supported ? service.bulk.maxOperations : 0)),
                    .init("maxPayloadSize", .int(service.bulk.supported ? service.bulk.maxPayloadSize : 0)),
                ])),
            .init(
                "filter",
                .object([
                    .init("supported", .bool(service.filter.supported)),
                    .init("maxResults", .int(service.filter.supported ? service.filter.maxResults : 0)),
                ])),
            .init("changePassword", supported(service.changePassword)),
            .init("sort", supported(service.sort)),
            .init("etag", supported(service.etag)),
            .init("authenticationSchemes", .array(schemes)),
            .init("meta", meta("ServiceProviderConfig", "/ServiceProviderConfig", vendor: vendor)),
        ])
    }
}
