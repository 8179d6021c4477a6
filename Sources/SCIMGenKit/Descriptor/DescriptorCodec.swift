/// The descriptor format, written out once: every key of `Vendors/<id>/vendor.json`, how it is read
/// (strictly, every problem located), how it is written (`scimgen new`, `import`), and what
/// `Vendors/vendor.schema.json` says of it (generated from here; a test keeps the file current).
///
/// Adding a descriptor field means: the model (`VendorDescriptor.swift`), one line here, the
/// regenerated schema, and whatever template shows it. The diff walks the encoded value, so it
/// needs nothing.
public enum DescriptorCodec {
    /// Reads a descriptor from its bytes, reporting every structural problem (syntax, unknown keys,
    /// missing or wrongly typed values) with its location. Semantic checks are `DescriptorValidator`'s.
    ///
    /// - Returns: whatever could be read (nil only when the file is not a JSON object), and every
    ///   diagnostic. A descriptor returned with errors beside it has defaults where values were
    ///   unusable, so that semantic checks can still run on the rest.
    public static func decode(id: String, file: String, bytes: [UInt8]) -> (VendorDescriptor?, [Diagnostic]) {
        let (descriptor, _, diagnostics) = decodeDocument(id: id, file: file, bytes: bytes)
        return (descriptor, diagnostics)
    }

    /// `decode`, also handing back the parsed JSON, so that checks of the file's text (unsafe links,
    /// placeholders) read it without parsing it again.
    static func decodeDocument(id: String, file: String, bytes: [UInt8]) -> (VendorDescriptor?, JSONNode?, [Diagnostic]) {
        let sink = DiagnosticSink(file: file)
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            sink.error(error.message, line: error.line, column: error.column)
            return (nil, nil, sink.diagnostics)
        }
        let reader = ObjectReader(root, context: "", sink: sink)
        guard reader.isObject else { return (nil, root, sink.diagnostics) }
        let blank = VendorDescriptor(id: id, file: file, name: id)
        var descriptor = vendor.decode(reader, into: blank).value
        reader.finish()
        descriptor.id = id
        descriptor.file = file
        descriptor.locations = KeyLocations(file: file, entries: sink.keyLocations, damaged: sink.damaged)
        descriptor.comments = Comments(sink.comments)
        return (descriptor, root, sink.diagnostics)
    }

    /// The descriptor as its canonical file: two-space indentation, keys in the format's order,
    /// comments where they were, and small objects on one line (see `DescriptorFormat`).
    public static func encode(_ descriptor: VendorDescriptor) -> [UInt8] {
        DescriptorFormat.write(encodeValue(descriptor))
    }

    /// The descriptor as a JSON value, keys in the format's order; what `diff` walks.
    ///
    /// - Parameter includingDefaults: whether values equal to their default are written too, so that
    ///   a comparison sees `"filterable": false` rather than no key.
    public static func encodeValue(_ descriptor: VendorDescriptor, includingDefaults: Bool = false) -> JSONValue {
        vendor.encode(
            descriptor, EncodingContext(comments: descriptor.comments, path: "", includesDefaults: includingDefaults))
    }

    /// `Vendors/vendor.schema.json`: the JSON Schema (draft 2020-12) of a descriptor, for editors
    /// and for `jsonschema`, generated from the same fields that decoding reads.
    public static func jsonSchema() -> [UInt8] {
        var definitions = SchemaDefinitions()
        _ = definitions.claim("comment")
        definitions.add(
            "comment",
            [
                "anyOf": [["type": "string"], ["type": "array", "items": ["type": "string"]]],
                "description": "Free text for people; ignored by scimgen, kept by 'import' and 'new'.",
            ])
        for field in vendor.fields { field.definitions(&definitions) }
        guard case .object(let root) = vendor.objectSchema else { return [] }
        let document: [JSONValue.Member] =
            [
                .init("$schema", "https://json-schema.org/draft/2020-12/schema"),
                .init("$id", "https://scimgen.invalid/vendor.schema.json"),
                .init("title", "scimgen vendor descriptor"),
                .init("$defs", .object(definitions.members)),
            ] + root
        return JSONWriter.writeBytes(.object(document))
    }
}

// MARK: - The format

extension DescriptorCodec {
    static let vendor = ObjectCodec<VendorDescriptor>(
        description: "One vendor's provisioning facts: Vendors/<id>/vendor.json.",
        blank: { VendorDescriptor(id: "", file: "", name: "") },
        origin: (\.origin, nil),
        fields: [
            .optional("$schema", \.jsonSchema, .string(), "The JSON Schema for editors: '../vendor.schema.json'."),
            .value("name", \.name, .string(), required: .always, default: "", "The display name, such as 'Lucid (All Products)'."),
            .optional("website", \.website, .string(), "The product website linked from the introduction."),
            .optional(
                "singleSignOnTutorial", \.singleSignOnTutorial, .string(),
                "The link to the vendor's single sign-on tutorial, as Microsoft Learn writes it."),
            .value(
                "gallery", \.gallery, .bool, default: true,
                "Whether the app is in the Microsoft Entra application gallery (default true)."),
            .object("learn", \.learn, learn, "Microsoft Learn front matter."),
            .object("capabilities", \.capabilities, capabilities, "What the Entra integration can do."),
            .object("scim", \.service, service, "The SCIM service features published as /ServiceProviderConfig."),
            .objects("prerequisites", \.prerequisites, prerequisite, "Prerequisites on the vendor's side."),
            .objects("notes", \.notes, note, "Notes, tips and warnings, each rendered at the end of a section."),
            .strings("assignmentTips", \.assignmentTips, "Vendor advice on assigning users and groups (Markdown)."),
            .object("credentials", \.credentials, credentials, "How an administrator obtains the Tenant URL and Secret Token."),
            .object(
                "provisioningScreenshots", \.provisioningScreenshots, provisioningScreenshots, required: false,
                "Screenshots that replace the common ones of standard provisioning steps."),
            .value(
                "provisioningFlow", \.provisioningFlow, .choice, default: .newConfiguration,
                "How Step 5 starts: 'automatic' (Set the Provisioning Mode to Automatic, the flow of tutorials up to 2025) or 'newConfiguration' (+ New configuration, the default)."),
            .objects("includes", \.includes, include, "Shared sections the tutorial takes from [!INCLUDE] files."),
            .strings("limitations", \.limitations, "Connector limitations, each a Markdown paragraph."),
            .strings("troubleshooting", \.troubleshooting, "Troubleshooting tips, each a Markdown paragraph."),
            .objects("changeLog", \.changeLog, changeLogEntry, "Change log entries, in the tutorial's order."),
            .strings("resources", \.resources, "The vendor's own links under More resources, each a list item's Markdown."),
            .object("users", \.users, table, "The user attribute table."),
            .optionalObject("groups", \.groups, table, "The group attribute table; leave out when the vendor does not provision groups."),
            .objects("extensions", \.extensions, extensionSchema, "Vendor extension schemas."),
            .optionalObject(
                "customFieldMappings", \.customFieldMappings, customFieldMappings,
                "Custom field mappings the vendor sets up on request."),
            .optionalObject("helpPage", \.helpPage, helpPage, "The vendor's own 'SCIM Provisioning' help page."),
        ])

    static let learn = ObjectCodec<LearnMetadata>(
        blank: { LearnMetadata() },
        fields: [
            .optional("title", \.title, .string(), "The page title, when it is not the default."),
            .optional("description", \.description, .string(), "The page description, when it is not the default."),
            .optional("author", \.author, .string(), "The GitHub account of the author (author:)."),
            .optional("writer", \.writer, .string(), "The writer (writer:)."),
            .optional("manager", \.manager, .string(), "The manager (manager:)."),
            .optional(
                "date", \.date, .string(), "ms.date, MM/DD/YYYY.",
                schema: ["pattern": "^(0[1-9]|1[0-2])/(0[1-9]|[12][0-9]|3[01])/[0-9]{4}$"]),
            .optional("msAuthor", \.msAuthor, .string(), "ms.author."),
            .optional(
                "assetId", \.assetId, .string(), "ms.assetid, a GUID.",
                schema: ["pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"]),
            .optional("customerIntent", \.customerIntent, .string(), "The customer intent comment, when it is not the default."),
        ])

    static let capabilities = ObjectCodec<Capabilities>(
        blank: { Capabilities() },
        fields: [
            .value("createUsers", \.createUsers, .bool, required: .always, default: true, "Create users in the application."),
            .value("updateUsers", \.updateUsers, .bool, required: .always, default: true, "Keep user attributes synchronized."),
            .value(
                "deprovisionUsers", \.deprovisionUsers, .choice, required: .always, default: .remove,
                "How users leave: removed, disabled, or never deprovisioned."),
            .value("groups", \.groups, .bool, required: .always, default: false, "Provision groups and group memberships."),
            .value("singleSignOn", \.singleSignOn, .bool, required: .always, default: false, "Single sign-on is available."),
        ])

    static let service = ObjectCodec<ServiceFeatures>(
        blank: { ServiceFeatures() },
        check: { reader, service in
            guard service.authenticationSchemes.isEmpty, let node = reader.value("authenticationSchemes"),
                case .array(let items) = node.value, items.isEmpty
            else { return true }
            reader.sink.error("'\(reader.path("authenticationSchemes"))' must list at least one scheme", at: node)
            return false
        },
        fields: [
            .optional(
                "baseURL", \.baseURL, .string(),
                "Where the SCIM service lives, such as 'https://scim.example.com/scim/v2': every discovery URL, routes.json, nginx.conf and meta.location start with its path. Optional: without it the documents are served under /scim/v2 and meta.location is that path. https only; no user name, query or fragment; path segments of letters, digits, '-', '.', '_' and '~' that do not start with '.'.",
                schema: ["pattern": "^https://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*/?$"]),
            .value("patch", \.patch, .bool, required: .always, default: true, "PATCH is supported."),
            .object("bulk", \.bulk, bulk, "Bulk operations and their limits."),
            .object("filter", \.filter, filter, "Filtering and its result limit."),
            .value("changePassword", \.changePassword, .bool, required: .always, default: false, "Password changes are supported."),
            .value("sort", \.sort, .bool, required: .always, default: false, "Sorting is supported."),
            .value("etag", \.etag, .bool, required: .always, default: false, "ETags are supported."),
            .objects(
                "authenticationSchemes", \.authenticationSchemes, authenticationScheme, required: true, minItems: 1,
                "The authentication schemes, at least one."),
        ])

    static let bulk = ObjectCodec<ServiceFeatures.Bulk>(
        blank: { ServiceFeatures.Bulk() },
        fields: [
            .value("supported", \.supported, .bool, required: .always, default: false, "Whether bulk is supported."),
            .value(
                "maxOperations", \.maxOperations, .integer(), required: .when(\.supported, flag: "supported"), default: 0,
                "The most operations in one request."),
            .value(
                "maxPayloadSize", \.maxPayloadSize, .integer(), required: .when(\.supported, flag: "supported"), default: 0,
                "The largest request payload in bytes."),
        ])

    static let filter = ObjectCodec<ServiceFeatures.Filter>(
        blank: { ServiceFeatures.Filter(supported: true, maxResults: 0) },
        fields: [
            .value("supported", \.supported, .bool, required: .always, default: true, "Whether filtering is supported."),
            .value(
                "maxResults", \.maxResults, .integer(), required: .when(\.supported, flag: "supported"), default: 0,
                "The most resources one response returns."),
        ])

    static let authenticationScheme = ObjectCodec<AuthenticationScheme>(
        blank: { AuthenticationScheme(primary: false) },
        fields: [
            .value("type", \.type, .choice, required: .always, default: .oauthbearertoken, "The scheme's type (RFC 7643 section 5)."),
            .value("name", \.name, .string(), required: .always, default: "", "Its common name, such as 'OAuth Bearer Token'."),
            .value("description", \.description, .string(), required: .always, default: "", "A description for administrators."),
            .optional("specUri", \.specUri, .string(), "The specification's URI; the RFC of the type when left out."),
            .optional("documentationUri", \.documentationUri, .string(), "The vendor's documentation of the scheme."),
            .value("primary", \.primary, .bool, default: false, "Whether this is the preferred scheme."),
        ])

    static let prerequisite = ObjectCodec<Prerequisite>(
        blank: { Prerequisite(kind: .other, text: "") },
        origin: (\.origin, nil),
        fields: [
            .value("kind", \.kind, .choice, required: .always, default: .other, "What sort of prerequisite it is."),
            .value("text", \.text, .string(), required: .always, default: "", "Markdown text of the bullet."),
        ])

    static let note = ObjectCodec<Note>(
        blank: { Note(kind: .note, section: .introduction, text: "") },
        origin: (\.origin, nil),
        fields: [
            .value("kind", \.kind, .choice, required: .always, default: .note, "The alert kind."),
            .value("section", \.section, .choice, required: .always, default: .introduction, "The section it ends."),
            .value("text", \.text, .string(), required: .always, default: "", "Markdown text."),
        ])

    static let credentials = ObjectCodec<Credentials>(
        blank: { Credentials() },
        fields: [
            .objects("steps", \.steps, credentialStep, required: true, minItems: 1, "The ordered steps."),
            .optionalObject(
                "responseFields", \.responseFields, responseFields,
                "Which fields of the vendor's response become Tenant URL and Secret Token."),
            .optional("tenantURL", \.tenantURL, .string(), "The Tenant URL when it is fixed or follows a pattern."),
            .optional("secretTokenName", \.secretTokenName, .string(), "What the vendor calls the Secret Token."),
            .optional("issuer", \.issuer, .string(), "Who issues the token, for the help page."),
            .optional("testConnectionHint", \.testConnectionHint, .string(), "What to do when Test Connection fails."),
            .optional(
                "adminCredentials", \.adminCredentials, .string(),
                "The vendor's own wording of the Admin Credentials step, when it is not 'input your Tenant URL and Secret Token'."),
        ])

    static let credentialStep = ObjectCodec<CredentialStep>(
        blank: { CredentialStep(text: "") },
        origin: (\.origin, nil),
        fields: [
            .value("text", \.text, .string(), required: .always, default: "", "Markdown text."),
            .optionalObject("code", \.code, codeBlock, "A code block shown under the text."),
            .optionalObject("screenshot", \.screenshot, screenshot, "A screenshot shown under the text."),
        ])

    static let responseFields = ObjectCodec<Credentials.ResponseFields>(
        blank: { Credentials.ResponseFields(tenantURL: "", secretToken: "") },
        fields: [
            .value("tenantURL", \.tenantURL, .string(), required: .always, default: "", "The field holding the Tenant URL."),
            .value("secretToken", \.secretToken, .string(), required: .always, default: "", "The field holding the Secret Token."),
        ])

    static let codeBlock = ObjectCodec<CodeBlock>(
        blank: { CodeBlock(body: "") },
        fields: [
            .value("language", \.language, .string(nonEmpty: false), default: "", "The info string, such as 'bash'."),
            .value("body", \.body, .string(), required: .always, default: "", "The code, without a final newline."),
        ])

    static let screenshot = ObjectCodec<Screenshot>(
        definition: "screenshot",
        blank: { Screenshot(path: "", alt: "") },
        origin: (\.origin, "path"),
        fields: [
            .value(
                "path", \.path, .string(), required: .always, default: "",
                "A path relative to the tutorial's folder; never absolute, never '..'.",
                schema: [
                    "not": [
                        "anyOf": [
                            ["pattern": "^/"], ["pattern": "(^|/)\\.\\.(/|$)"], ["pattern": "\\\\"],
                            ["pattern": "^[A-Za-z][A-Za-z0-9+.-]*:"],
                        ]
                    ]
                ]),
            .value("alt", \.alt, .string(), required: .always, default: "", "Alt text."),
        ])

    static let provisioningScreenshots = ObjectCodec<[ProvisioningStep: Screenshot]>(
        blank: { [:] },
        fields: ProvisioningStep.allCases.map { step in
            .optionalObject(step.rawValue, \.[step], screenshot, "Replaces the common screenshot of this step.")
        })

    static let table = ObjectCodec<AttributeTable>(
        definition: "table",
        blank: { AttributeTable() },
        fields: [
            .optional("mappingName", \.mappingName, .string(), "The mapping's name in the Entra admin center."),
            .value("optional", \.optional, .bool, default: false, "Whether synchronizing this object type is optional."),
            .objects("attributes", \.attributes, attribute, required: true, "The rows, in the order the tutorial shows them."),
            .objects(
                "screenshots", \.screenshots, screenshot,
                "Screenshots of the mapping, shown under the table; the only record when a tutorial has no table."),
        ])

    static let attribute = ObjectCodec<AttributeMapping>(
        definition: "attribute",
        blank: { AttributeMapping(path: "", type: .string) },
        origin: (\.origin, "path"),
        schema: [
            .init(
                "not",
                [
                    "anyOf": [
                        ["required": ["source", "expression"]], ["required": ["source", "constant"]],
                        ["required": ["expression", "constant"]],
                    ]
                ])
        ],
        fields: [
            .value(
                "path", \.path, .string(), required: .always, default: "",
                "The SCIM attribute path (RFC 7644 attrPath), such as emails[type eq \"work\"].value."),
            .value("type", \.type, .choice, required: .always, default: .string, "The type as the tutorial's table writes it."),
            .value("filterable", \.filterable, .bool, default: false, "Whether the vendor supports filtering on it."),
            .optional("required", \.required, .bool, "Whether the vendor requires it; leave out when the vendor does not say."),
            .optional("matching", \.matching, .integer(1...1000), "Matching precedence, 1 first."),
            mappingSource,
            .optional("fieldRef", \.fieldRef, .string(), "The vendor's own field the attribute lands in."),
            .optional(
                "flowType", \.flowType, .choice,
                "When Entra writes the attribute (the mapping's flowType); Always when left out."),
            .optional(
                "flowBehavior", \.flowBehavior, .choice,
                "Whether Entra sends unchanged values (the mapping's flowBehavior); FlowWhenChanged when left out."),
            .optional(
                "defaultValue", \.defaultValue, .string(),
                "The value Entra sends when the source is empty (the mapping's defaultValue)."),
            .optional("note", \.note, .string(), "A note on the row, shown in a Notes column."),
        ])

    static let include = ObjectCodec<Include>(
        blank: { Include(section: .prerequisites, path: "") },
        origin: (\.origin, "path"),
        fields: [
            .value(
                "section", \.section, .choice, required: .always, default: .prerequisites,
                "The section it stands in; in the prerequisites it replaces the Entra prerequisites, elsewhere it ends the section."),
            .value(
                "path", \.path, .string(), required: .always, default: "",
                "The shared file as Learn links it, such as '~/identity/saas-apps/includes/common-prerequisites.md'.",
                schema: ["pattern": "\\.md$"]),
            .optional("name", \.name, .string(), "The link text, when it is not the file name."),
        ])

    static let changeLogEntry = ObjectCodec<ChangeLogEntry>(
        blank: { ChangeLogEntry(text: "") },
        origin: (\.origin, nil),
        fields: [
            .optional(
                "date", \.date, .string(), "When, MM/DD/YYYY.",
                schema: ["pattern": "^(0[1-9]|1[0-2])/(0[1-9]|[12][0-9]|3[01])/[0-9]{4}$"]),
            .value("text", \.text, .string(), required: .always, default: "", "What changed, in Markdown."),
        ])

    static let extensionSchema = ObjectCodec<ExtensionSchema>(
        blank: { ExtensionSchema(id: "", name: "") },
        origin: (\.origin, nil),
        fields: [
            .value("id", \.id, .string(), required: .always, default: "", "The schema URN.", schema: ["pattern": "^urn:"]),
            .value("name", \.name, .string(), required: .always, default: "", "A short name, such as 'LucidUser'."),
            .value("description", \.description, .string(nonEmpty: false), default: "", "A description."),
            .value("required", \.required, .bool, default: false, "Whether every user must carry it."),
            .objects("attributes", \.attributes, extensionAttribute, required: true, "The attributes."),
        ])

    static var extensionAttribute: ObjectCodec<ExtensionAttribute> { extensionAttributeCodec }

    private static let extensionAttributeCodec = ObjectCodec<ExtensionAttribute>(
        definition: "extensionAttribute",
        blank: { ExtensionAttribute(name: "", type: .string) },
        origin: (\.origin, "name"),
        fields: [
            .value(
                "name", \.name, .string(), required: .always, default: "", "The attribute name (RFC 7643 section 2.1).",
                schema: ["pattern": "^[A-Za-z$][A-Za-z0-9_$-]*$"]),
            .value("type", \.type, .choice, required: .always, default: .string, "Its type (RFC 7643 section 2.3)."),
            .value("multiValued", \.multiValued, .bool, default: false, "Whether it is multi-valued."),
            .value("required", \.required, .bool, default: false, "Whether it is required."),
            .value("caseExact", \.caseExact, .bool, default: false, "Whether values are case-sensitive."),
            .value("mutability", \.mutability, .choice, default: .readWrite, "Its mutability."),
            .value("description", \.description, .string(nonEmpty: false), default: "", "A description."),
            .strings("canonicalValues", \.canonicalValues, "Canonical values."),
            .strings("referenceTypes", \.referenceTypes, "Reference types, for references."),
            .objects("subAttributes", \.subAttributes, extensionAttribute, "Sub-attributes, for complex attributes."),
        ])

    static let customFieldMappings = ObjectCodec<CustomFieldMappings>(
        blank: { CustomFieldMappings() },
        fields: [
            .objects(
                "allowedAttributes", \.allowedAttributes, allowedAttribute, required: true,
                "The attributes that may be mapped; the only ones."),
            .optional("fieldRefRule", \.fieldRefRule, .string(), "How field refs are formed."),
            .optional("newFieldsLocation", \.newFieldsLocation, .string(), "Where new custom fields are created."),
            .optional("requestChannel", \.requestChannel, .string(), "How to ask for a mapping."),
            .strings("otherIdentityProviders", \.otherIdentityProviders, "Other identity providers the vendor documents."),
        ])

    static let allowedAttribute = ObjectCodec<CustomFieldMappings.Allowed>(
        blank: { CustomFieldMappings.Allowed(path: "") },
        origin: (\.origin, "path"),
        fields: [
            .value("path", \.path, .string(), required: .always, default: "", "The attribute path."),
            .optional("fieldRef", \.fieldRef, .string(), "The vendor's field ref."),
        ])

    static let helpPage = ObjectCodec<HelpPage>(
        blank: { HelpPage() },
        fields: [
            .value("title", \.title, .string(), default: "SCIM Provisioning", "The page title."),
            .optional("productName", \.productName, .string(), "The product name the page uses; the display name when left out."),
            .optional("sources", \.sources, .string(), "Where user data is pushed from."),
        ])

    /// `source`, `expression` or `constant`: at most one of them.
    static let mappingSource = FieldCodec<AttributeMapping>(
        properties: {
            [
            ("source", ["type": "string", "minLength": 1, "pattern": "\\S", "description": "The Entra source attribute, when it differs from the default."]),
            ("expression", ["type": "string", "minLength": 1, "pattern": "\\S", "description": "An Entra expression that feeds the attribute."]),
            ("constant", ["type": "string", "description": "A constant value."]),
            ]
        },
        required: [], objectSchema: [],
        decode: { row, mapping in
            let kinds: [(String, (String) -> MappingSource)] = [
                ("source", MappingSource.attribute), ("expression", MappingSource.expression), ("constant", MappingSource.constant),
            ]
            var given: [String] = []
            for (key, make) in kinds {
                if let text = row.string(key, nonEmpty: key != "constant") {
                    given.append(key)
                    mapping.source = make(text)
                    if let node = row.value(key) { mapping.sourceOrigin = Origin(node, in: row.sink.file) }
                }
            }
            if given.count > 1, let node = row.value(given[1]) {
                row.sink.error(
                    "'\(row.context)' gives both '\(given[0])' and '\(given[1])'; keep one source for the attribute", at: node)
            }
            return true
        },
        encode: { mapping, _ in
            switch mapping.source {
            case nil: return []
            case .attribute(let name): return [.init("source", .string(name))]
            case .expression(let text): return [.init("expression", .string(text))]
            case .constant(let value): return [.init("constant", .string(value))]
            }
        },
        definitions: { _ in })
}
