extension ImportedVendor {
    /// The descriptor, keys in the order of `Vendors/vendor.schema.json` and the committed
    /// descriptors, optional keys left out when the tutorial says nothing about them.
    func descriptor(comment: JSONValue) -> JSONValue {
        var members: [JSONValue.Member] = [.init("$schema", "../vendor.schema.json"), .init("$comment", comment)]
        members.append(.init("name", .string(name)))
        if let website { members.append(.init("website", .string(website))) }
        if let singleSignOnTutorial { members.append(.init("singleSignOnTutorial", .string(singleSignOnTutorial))) }
        members.append(.init("learn", .object(learn.map { .init($0.key, .string($0.value)) })))
        let caps = capabilities ?? Capabilities()
        members.append(
            .init(
                "capabilities",
                [
                    "createUsers": .bool(caps.createUsers), "updateUsers": .bool(caps.updateUsers),
                    "deprovisionUsers": .string(caps.deprovisionUsers.rawValue), "groups": .bool(caps.groups),
                    "singleSignOn": .bool(caps.singleSignOn),
                ]))
        members.append(.init("scim", Self.minimumService))
        if !prerequisites.isEmpty {
            members.append(
                .init(
                    "prerequisites",
                    .array(prerequisites.map { ["kind": .string($0.kind.rawValue), "text": .string($0.text)] })))
        }
        members.append(.init("credentials", credentials))
        if !notes.isEmpty {
            members.append(
                .init(
                    "notes",
                    .array(
                        notes.map {
                            ["kind": .string($0.kind.rawValue), "section": .string($0.section.rawValue), "text": .string($0.text)]
                        })))
        }
        if !assignmentTips.isEmpty { members.append(.init("assignmentTips", .array(assignmentTips.map { .string($0) }))) }
        if !provisioningScreenshots.isEmpty {
            members.append(
                .init(
                    "provisioningScreenshots",
                    .object(provisioningScreenshots.sorted { $0.key < $1.key }.map { .init($0.key.rawValue, Self.json($0.value)) })))
        }
        members.append(.init("users", Self.json(users)))
        if groups.found { members.append(.init("groups", Self.json(groups))) }
        if !extensions.isEmpty { members.append(.init("extensions", .array(extensions.map(Self.json)))) }
        return .object(members)
    }
}

// MARK: - Parts

private extension ImportedVendor {
    /// What every seed descriptor records when a tutorial states no SCIM service features: the
    /// minimum Microsoft Entra ID needs of an endpoint (PATCH and filtering) and bearer-token authentication.
    static let minimumService: JSONValue = [
        "$comment":
            "The tutorial does not state the SCIM service features; these are the minimum Microsoft Entra ID needs (PATCH, filtering) with bearer-token authentication.",
        "patch": true,
        "bulk": ["supported": false],
        "filter": ["supported": true, "maxResults": 100],
        "changePassword": false,
        "sort": false,
        "etag": false,
        "authenticationSchemes": [
            [
                "type": "oauthbearertoken", "name": "OAuth Bearer Token",
                "description": "Authentication with an OAuth bearer token.", "primary": true,
            ]
        ],
    ]

    var credentials: JSONValue {
        var members: [JSONValue.Member] = [
            .init(
                "steps",
                .array(
                    steps.map { step in
                        var fields: [JSONValue.Member] = [.init("text", .string(step.text))]
                        if let code = step.code {
                            var body: [JSONValue.Member] = []
                            if !code.language.isEmpty { body.append(.init("language", .string(code.language))) }
                            body.append(.init("body", .string(code.body)))
                            fields.append(.init("code", .object(body)))
                        }
                        if let shot = step.shot { fields.append(.init("screenshot", Self.json(shot))) }
                        return .object(fields)
                    }))
        ]
        if let responseFields {
            members.append(
                .init(
                    "responseFields",
                    ["tenantURL": .string(responseFields.tenantURL), "secretToken": .string(responseFields.secretToken)]))
        }
        if let tenantURL { members.append(.init("tenantURL", .string(tenantURL))) }
        if let secretTokenName { members.append(.init("secretTokenName", .string(secretTokenName))) }
        if let testConnectionHint { members.append(.init("testConnectionHint", .string(testConnectionHint))) }
        return .object(members)
    }

    static func json(_ shot: Shot) -> JSONValue { ["path": .string(shot.path), "alt": .string(shot.alt)] }

    static func json(_ table: Table) -> JSONValue {
        var members: [JSONValue.Member] = []
        if let name = table.mappingName { members.append(.init("mappingName", .string(name))) }
        if table.optional { members.append(.init("optional", true)) }
        members.append(.init("attributes", .array(table.rows.map(json))))
        return .object(members)
    }

    static func json(_ row: Row) -> JSONValue {
        var members: [JSONValue.Member] = [.init("path", .string(row.path)), .init("type", .string(row.type.rawValue))]
        if row.filterable { members.append(.init("filterable", true)) }
        if let required = row.required { members.append(.init("required", .bool(required))) }
        if let matching = row.matching { members.append(.init("matching", .int(matching))) }
        switch row.source {
        case .attribute(let name): members.append(.init("source", .string(name)))
        case .expression(let text): members.append(.init("expression", .string(text)))
        case .constant(let value): members.append(.init("constant", .string(value)))
        case nil: break
        }
        if let fieldRef = row.fieldRef { members.append(.init("fieldRef", .string(fieldRef))) }
        return .object(members)
    }

    static func json(_ schema: ExtensionSchema) -> JSONValue {
        var members: [JSONValue.Member] = [.init("id", .string(schema.id)), .init("name", .string(schema.name))]
        if !schema.description.isEmpty { members.append(.init("description", .string(schema.description))) }
        members.append(.init("attributes", .array(schema.attributes.map(json))))
        return .object(members)
    }

    static func json(_ attribute: ExtensionAttribute) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("name", .string(attribute.name)), .init("type", .string(attribute.type.rawValue)),
        ]
        if !attribute.subAttributes.isEmpty {
            members.append(.init("subAttributes", .array(attribute.subAttributes.map(json))))
        }
        return .object(members)
    }
}
