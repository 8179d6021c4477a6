// The vendor's part in Microsoft Graph's synchronizationSchema shape. Keys follow the order of
// Graph's resource pages (alphabetical), and only the keys the vendor states are written: the
// merge overwrites exactly these keys and fills the rest with Graph's defaults.

extension EntraVendorPart {
    /// The whole part as `entra-mappings.json` holds it, with a new non-gallery app's names.
    var jsonValue: JSONValue {
        let objectName: (SCIMResource) -> String = { Self.defaultObjectName($0) }
        let directory: JSONValue = [
            "name": .string(EntraSchemaNames.targetDirectory),
            "objects": .array(objects.map { object in
                [
                    "attributes": .array(object.definitions.map { Self.jsonValue($0, objectName: objectName) }),
                    "name": .string(objectName(object.resource)),
                ]
            }),
        ]
        let rule: JSONValue = [
            "objectMappings": .array(objects.map { object in
                [
                    "attributeMappings": .array(object.mappings.map { Self.jsonValue($0, target: $0.target) }),
                    "sourceObjectName": .string(Self.sourceObjectName(object.resource)),
                    "targetObjectName": .string(objectName(object.resource)),
                ]
            }),
            "sourceDirectoryName": .string(EntraSchemaNames.sourceDirectories[0]),
            "targetDirectoryName": .string(EntraSchemaNames.targetDirectory),
        ]
        return ["$comment": .string(Self.comment), "directories": [directory], "synchronizationRules": [rule]]
    }

    /// What the file is, for an administrator who opens it.
    static let comment =
        "A fragment, not a whole synchronizationSchema: the vendor's target attribute definitions and attribute mappings. Its directory and object names ('customappsso', 'Microsoft Entra ID', 'User', the SCIM URNs) stand for your tenant's, which 'scimgen entra-merge' reads from the schema you download; merge it with that command, then paste or PUT the result."

    /// The target object's name in a new non-gallery app.
    static func defaultObjectName(_ resource: SCIMResource) -> String {
        resource == .user ? EntraSchemaNames.targetUsers[0] : EntraSchemaNames.targetGroups[0]
    }

    /// The source object's name in the Entra directory.
    static func sourceObjectName(_ resource: SCIMResource) -> String {
        resource == .user ? EntraSchemaNames.sourceUser : EntraSchemaNames.sourceGroup
    }

    /// A definition's stated keys; `objectName` names the target objects a reference points at.
    static func jsonValue(_ definition: Definition, objectName: (SCIMResource) -> String) -> JSONValue {
        var members: [JSONValue.Member] = []
        if let caseExact = definition.caseExact { members.append(.init("caseExact", .bool(caseExact))) }
        members.append(.init("multivalued", .bool(definition.multivalued)))
        if let mutability = definition.mutability { members.append(.init("mutability", .string(mutability))) }
        members.append(.init("name", .string(definition.name)))
        if !definition.references.isEmpty {
            members.append(
                .init(
                    "referencedObjects",
                    .array(definition.references.map { ["referencedObjectName": .string(objectName($0)), "referencedProperty": nil] })))
        }
        if let required = definition.required { members.append(.init("required", .bool(required))) }
        members.append(.init("type", .string(definition.type)))
        return .object(members)
    }

    /// A mapping's stated keys, aimed at `target` (the tenant's spelling of the name when it has one):
    /// the source, the matching priority, and the flow settings and default value the descriptor gives.
    static func jsonValue(_ mapping: Mapping, target: String) -> JSONValue {
        var members: [JSONValue.Member] = []
        if let value = mapping.defaultValue { members.append(.init("defaultValue", .string(value))) }
        if let behavior = mapping.flowBehavior { members.append(.init("flowBehavior", .string(behavior.rawValue))) }
        if let type = mapping.flowType { members.append(.init("flowType", .string(type.rawValue))) }
        members.append(.init("matchingPriority", .int(mapping.matchingPriority)))
        members.append(.init("source", jsonValue(mapping.source)))
        members.append(.init("targetAttributeName", .string(target)))
        return .object(members)
    }

    /// A source as Graph's `attributeMappingSource`, with the parsed parameter tree of a
    /// function as Entra exports it (`EntraSource`).
    static func jsonValue(_ source: MappingSource) -> JSONValue {
        EntraSource(source).graphValue
    }
}
