/// The SCIM discovery documents a vendor's endpoint serves (RFC 7644 section 4), in the formats of
/// RFC 7643 sections 5 to 7, generated from the same descriptor as the tutorial.
///
/// Files, relative to the site root, each answering one route under the vendor's SCIM base
/// (`SCIMBaseURL`: the path of `scim.baseURL`, `/scim/v2` by default):
/// - `<id>/scim/ServiceProviderConfig.json`: `GET <base>/ServiceProviderConfig`;
/// - `<id>/scim/Schemas.json` and `<id>/scim/ResourceTypes.json`: the ListResponse of
///   `GET <base>/Schemas` and `GET <base>/ResourceTypes`;
/// - `<id>/scim/Schemas/<file>.json` (`SCIMFileName`: the URN with `_` for `:`) and
///   `<id>/scim/ResourceTypes/<name>.json`: each resource as `GET <base>/Schemas/<urn>` and
///   `GET <base>/ResourceTypes/<name>` return it;
/// - `<id>/scim/routes.json` (`SCIMRoutes`) and `<id>/scim/nginx.conf` (`SCIMNginxConfig`): which
///   file answers which URL, for a service's own code or for nginx.
///
/// Schemas describe what the vendor supports: the core schemas reduced to the attributes its
/// tables list (with the sub-attributes those rows need), the Enterprise User extension when a row
/// uses it, and the vendor's own extensions as declared; then the schemas of the discovery
/// resources themselves (`SCIMCatalog.discoverySchemas`, RFC 7643 section 8.7.2), which every
/// service supports. `meta.location` of every resource is the
/// URL it is served at (RFC 7643 section 3.1): `<base>/Schemas/<urn>`, a path unless the
/// descriptor's `scim.baseURL` names the host.
public enum SCIMDocuments {
    /// The folder under each vendor.
    public static let folder = "scim"

    /// Every discovery document of `vendor`, with `routes.json` and `nginx.conf`, keyed by path
    /// relative to the site root.
    public static func files(for vendor: ResolvedVendor) -> [String: [UInt8]] {
        let base = SCIMBaseURL(vendor.service)
        // (URL under the base, file under the vendor's folder, document, the end of the URL that
        // matches in any case), in route order.
        var documents: [(url: String, file: String, document: JSONValue, anyCase: String?)] = [
            ("/ServiceProviderConfig", "ServiceProviderConfig.json", serviceProviderConfig(for: vendor), nil)
        ]
        let supported = SCIMSchemaReduction.schemas(for: vendor)
        let schemas = supported + SCIMCatalog.discoverySchemas
        let schemaResources = schemas.map { schemaResource($0, vendor: vendor) }
        documents.append(("/Schemas", "Schemas.json", listResponse(schemaResources), nil))
        for (schema, resource) in zip(schemas, schemaResources) {
            // A schema URN names the schema in any letter case, as in a fully qualified attribute name
            // (RFC 7643 section 2.1), so its URL does too.
            documents.append(("/Schemas/\(schema.id)", "Schemas/\(SCIMFileName.schema(schema.id))", resource, schema.id))
        }
        let types = resourceTypes(for: vendor, schemas: supported)
        documents.append(("/ResourceTypes", "ResourceTypes.json", listResponse(types.map(\.1)), nil))
        for (name, resource) in types {
            documents.append(("/ResourceTypes/\(name)", "ResourceTypes/\(name).json", resource, nil))
        }

        let folder = "\(vendor.id)/\(Self.folder)"
        var files: [String: [UInt8]] = [:]
        for document in documents {
            files["\(folder)/\(document.file)"] = JSONWriter.writeBytes(document.document)
        }
        let routes = documents.map { SCIMRoute(path: base.path + $0.url, file: $0.file, caseInsensitiveSuffix: $0.anyCase) }
        files["\(folder)/\(SCIMRoutes.fileName)"] = JSONWriter.writeBytes(SCIMRoutes.document(routes))
        files["\(folder)/\(SCIMNginxConfig.fileName)"] = Array(SCIMNginxConfig.text(id: vendor.id, base: base, routes: routes).utf8)
        return files
    }

    /// Where the vendor's tutorial is published, for `documentationUri`.
    public static func documentationURI(for vendor: ResolvedVendor) -> String {
        "https://learn.microsoft.com/entra/identity/saas-apps/\(vendor.id)-provisioning-tutorial"
    }

    // MARK: - Resources

    /// The URL `path` (such as `/Schemas/…`) is served at: `meta.location`.
    static func location(_ path: String, vendor: ResolvedVendor) -> String {
        SCIMBaseURL(vendor.service).url(path)
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
