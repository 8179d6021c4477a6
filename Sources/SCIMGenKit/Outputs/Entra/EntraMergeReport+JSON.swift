// The merge report for scripts (`scimgen entra-merge --format json`).

extension EntraMergeReport {
    /// The report as JSON: `merged` true, the vendor and schema, `changed`, one entry per object
    /// type with its matching, additions, conflicts and definition differences, `toDo` and `warnings`.
    public var json: JSONValue {
        [
            "merged": true,
            "vendor": .string(vendor),
            "schema": .string(schema),
            "changed": .bool(changed),
            "objects": .array(objects.map(Self.json)),
            "toDo": .array(toDo.map(JSONValue.string)),
            "warnings": .array(warnings.map(Self.json)),
        ]
    }

    /// A refused merge for scripts: `merged` false and every problem, located.
    public static func refusal(vendor: String, schema: String, problems: [Diagnostic]) -> JSONValue {
        ["merged": false, "vendor": .string(vendor), "schema": .string(schema), "problems": .array(problems.map(json))]
    }

    /// A diagnostic as `{"file", "line", "column", "severity", "message"}`.
    static func json(_ diagnostic: Diagnostic) -> JSONValue {
        [
            "file": diagnostic.location.map { .string($0.file) } ?? .null,
            "line": diagnostic.location.map { .int($0.line) } ?? .null,
            "column": diagnostic.location.map { .int($0.column) } ?? .null,
            "severity": .string(diagnostic.severity == .error ? "error" : "warning"),
            "message": .string(diagnostic.message),
        ]
    }
}

// MARK: - Parts

private extension EntraMergeReport {
    static func json(_ object: ObjectReport) -> JSONValue {
        [
            "object": .string(object.object),
            "objectMapping": .string(object.objectMapping),
            "targetDirectory": .string(object.targetDirectory),
            "targetObject": .string(object.targetObject),
            "enabled": .bool(object.enabled),
            "matching": [
                "tenant": .array(object.matching.tenant.map(json)),
                "vendor": .array(object.matching.vendor.map(json)),
                "kept": .string(object.matching.kept.rawValue),
                "tenantHadNone": .bool(object.matching.tenantHadNone),
                "changes": .array(object.matching.changes.map { change in
                    ["target": .string(change.target), "before": change.before.map(JSONValue.int) ?? .null, "after": .int(change.after)]
                }),
            ],
            "addedAttributes": .array(object.addedAttributes.map(JSONValue.string)),
            "addedMappings": .array(object.addedMappings.map(JSONValue.string)),
            "conflicts": .array(object.conflicts.map { conflict in
                [
                    "target": .string(conflict.target), "setting": .string(conflict.setting), "tenant": .string(conflict.tenant),
                    "vendor": .string(conflict.vendor), "vendorIsEntraDefault": .bool(conflict.vendorIsEntraDefault),
                    "kept": .string(conflict.kept.rawValue),
                ]
            }),
            "definitions": .array(object.definitions.map { difference in
                [
                    "attribute": .string(difference.attribute), "setting": .string(difference.setting),
                    "tenant": .string(difference.tenant), "vendor": .string(difference.vendor), "owned": .bool(difference.owned),
                    "kept": .string(difference.kept.rawValue),
                ]
            }),
            "unmapped": .array(object.unmapped.map(JSONValue.string)),
            "sourceObject": .string(object.sourceObject),
            "sourceDirectory": .string(object.sourceDirectory),
            "addedSourceAttributes": .array(object.addedSourceAttributes.map(JSONValue.string)),
        ]
    }

    static func json(_ attribute: MatchingAttribute) -> JSONValue {
        ["target": .string(attribute.target), "precedence": .int(attribute.precedence), "source": attribute.source.map(JSONValue.string) ?? .null]
    }
}
