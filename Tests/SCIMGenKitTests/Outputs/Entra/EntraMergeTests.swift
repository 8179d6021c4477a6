import Foundation
import XCTest
@testable import SCIMGenKit

/// Each committed vendor merged into each exported-schema fixture: whole outputs against goldens,
/// then the invariants checked by code independent of the merge's own checks.
final class EntraMergeTests: XCTestCase {
    /// The fixture a vendor with groups cannot merge into (it has no group mapping).
    private let usersOnly = "entra-id-users-only.json"

    func testMergedSchemasMatchGoldens() throws {
        for vendor in EntraTestSupport.vendors {
            for name in EntraTestSupport.schemaFixtures where vendor.groups == nil || name != usersOnly {
                let merged = try merge(vendor, into: name)
                EntraTestSupport.assertGolden(merged, "\(vendor.id)/mappings/merged/\(name)")
            }
        }
    }

    func testMergedSchemasKeepTheirInvariants() throws {
        for vendor in EntraTestSupport.vendors {
            for name in EntraTestSupport.schemaFixtures where vendor.groups == nil || name != usersOnly {
                let input = try EntraTestSupport.parse(try EntraTestSupport.fixture(name))
                let output = try EntraTestSupport.parse(try merge(vendor, into: name))
                let context = "\(vendor.id) into \(name)"
                XCTAssertEqual(SchemaInvariants.problems(in: output), [], context)
                XCTAssertEqual(SchemaInvariants.problems(in: input), [], "the fixture itself: \(name)")

                // Everything but the vendor's definitions and mappings is unchanged, in value and order.
                let part = EntraVendorPart(vendor: vendor)
                XCTAssertEqual(
                    SchemaInvariants.strip(output, part: part), SchemaInvariants.strip(input, part: part), context)

                // Each vendor definition and mapping is there once, as the part states it.
                for object in part.objects {
                    let (attributes, mappings) = SchemaInvariants.vendorPlaces(output, resource: object.resource)
                    let (_, before) = SchemaInvariants.vendorPlaces(input, resource: object.resource)
                    for definition in object.definitions {
                        let found = attributes.filter { $0["name"]?.string?.lowercased() == definition.name.lowercased() }
                        XCTAssertEqual(found.count, 1, "\(context): definition '\(definition.name)'")
                        XCTAssertEqual(found.first?["type"], .string(definition.type), "\(context): '\(definition.name)'")
                    }
                    for mapping in object.mappings {
                        let found = mappings.filter {
                            $0["targetAttributeName"]?.string?.lowercased() == mapping.target.lowercased()
                        }
                        XCTAssertEqual(found.count, 1, "\(context): mapping of '\(mapping.target)'")
                        // Entra's default gives way to the tenant's own source.
                        let tenant = before.first { $0["targetAttributeName"]?.string?.lowercased() == mapping.target.lowercased() }
                        let expected = mapping.sourceIsDefault && tenant != nil
                            ? tenant?["source"]?["expression"]?.string : EntraExpression.describe(mapping.source).expression
                        XCTAssertEqual(found.first?["source"]?["expression"]?.string, expected, "\(context): '\(mapping.target)'")
                        XCTAssertEqual(found.first?["matchingPriority"], .int(mapping.matchingPriority))
                    }
                }
            }
        }
    }

    func testMergingTwiceChangesNothing() throws {
        for vendor in EntraTestSupport.vendors {
            let once = try merge(vendor, into: "azure-ad-core-user.json")
            let twice = try EntraMerge.merge(schema: once, file: "once.json", vendor: vendor)
            XCTAssertEqual(String(decoding: twice, as: UTF8.self), String(decoding: once, as: UTF8.self), vendor.id)
        }
    }

    func testAByteOrderMarkIsAccepted() throws {
        let vendor = try EntraTestSupport.vendor("lusid")
        let bytes = try EntraTestSupport.fixture("entra-id-enterprise.json")
        XCTAssertEqual(
            try EntraMerge.merge(schema: [0xEF, 0xBB, 0xBF] + bytes, file: "bom.json", vendor: vendor),
            try EntraMerge.merge(schema: bytes, file: "plain.json", vendor: vendor))
    }

    func testNumbersAndUnknownKeysSurviveVerbatim() throws {
        let merged = String(decoding: try merge(try EntraTestSupport.vendor("thrive-lxp"), into: "azure-ad-core-user.json"), as: UTF8.self)
        for text in [
            #""zoom": 1.50e+3"#, "          1e-3,", #""futureTopLevelKey": null"#, "Benutzer im Büro München",
            #""key": "FilterUser""#, #""defaultValue": "unknown@example.invalid""#,
        ] {
            XCTAssertTrue(merged.contains(text), "lost '\(text)'")
        }
    }

    private func merge(_ vendor: ResolvedVendor, into name: String) throws -> [UInt8] {
        do {
            return try EntraMerge.merge(schema: try EntraTestSupport.fixture(name), file: name, vendor: vendor)
        } catch let error as DiagnosticsError {
            XCTFail("\(vendor.id) into \(name) was refused:\n\(error)")
            throw error
        }
    }
}

/// The rules a merged schema must keep, checked without the merge's code.
enum SchemaInvariants {
    /// Every broken rule, as text: undefined targets, targets mapped twice, undefined source
    /// attributes, directories and objects that do not exist, objects without exactly one anchor.
    static func problems(in schema: JSONValue) -> [String] {
        var found: [String] = []
        let directories = schema["directories"]?.array ?? []
        func object(_ directory: String?, _ name: String?) -> JSONValue? {
            let dir = directories.first { $0["name"]?.string == directory }
            return dir?["objects"]?.array?.first { $0["name"]?.string == name }
        }
        for directory in directories {
            for object in directory["objects"]?.array ?? [] {
                let anchors = (object["attributes"]?.array ?? []).filter { $0["anchor"] == .bool(true) }.count
                if anchors != 1 { found.append("\(object["name"]?.string ?? "?") has \(anchors) anchors") }
            }
        }
        for rule in schema["synchronizationRules"]?.array ?? [] {
            for mapping in rule["objectMappings"]?.array ?? [] {
                let label = mapping["name"]?.string ?? "?"
                guard let source = object(rule["sourceDirectoryName"]?.string, mapping["sourceObjectName"]?.string),
                    let target = object(rule["targetDirectoryName"]?.string, mapping["targetObjectName"]?.string)
                else {
                    found.append("\(label): source or target object missing")
                    continue
                }
                let targets = Set((target["attributes"]?.array ?? []).compactMap { $0["name"]?.string })
                let sources = Set((source["attributes"]?.array ?? []).compactMap { $0["name"]?.string?.lowercased() })
                var seen: Set<String> = []
                for entry in mapping["attributeMappings"]?.array ?? [] {
                    let name = entry["targetAttributeName"]?.string ?? "?"
                    if !targets.contains(name) { found.append("\(label): '\(name)' is not defined") }
                    if !seen.insert(name.lowercased()).inserted { found.append("\(label): '\(name)' is mapped twice") }
                    for reference in references(entry["source"]) where !sources.contains(reference.lowercased()) {
                        found.append("\(label): '\(name)' reads undefined '\(reference)'")
                    }
                }
            }
        }
        return found
    }

    /// The `[name]` references of a source and its parameters, string literals skipped by a regular expression.
    static func references(_ source: JSONValue?) -> [String] {
        guard let source, source != .null else { return [] }
        var result: [String] = []
        if source["type"]?.string == "Attribute", let name = source["name"]?.string { result.append(name) }
        if let expression = source["expression"]?.string, source["type"]?.string != "Constant" {
            let withoutStrings = expression.replacingOccurrences(of: #""(\\.|[^"\\])*""#, with: "", options: .regularExpression)
            let regex = try! NSRegularExpression(pattern: #"\[([^\[\]]+)\]"#)
            let range = NSRange(withoutStrings.startIndex..., in: withoutStrings)
            for match in regex.matches(in: withoutStrings, range: range) {
                result.append(String(withoutStrings[Range(match.range(at: 1), in: withoutStrings)!]))
            }
        }
        for parameter in source["parameters"]?.array ?? [] { result += references(parameter["value"]) }
        return result
    }

    /// The target object's attributes and the object mapping's attribute mappings where a vendor object goes.
    static func vendorPlaces(_ schema: JSONValue, resource: SCIMResource) -> (attributes: [JSONValue], mappings: [JSONValue]) {
        guard let (rule, mapping) = objectMapping(schema, resource: resource) else { return ([], []) }
        let directory = schema["directories"]?.array?.first { $0["name"] == rule["targetDirectoryName"] }
        let object = directory?["objects"]?.array?.first { $0["name"] == mapping["targetObjectName"] }
        return (object?["attributes"]?.array ?? [], mapping["attributeMappings"]?.array ?? [])
    }

    /// The schema without the vendor's definitions and mappings, for comparing what the merge must not touch.
    static func strip(_ schema: JSONValue, part: EntraVendorPart) -> JSONValue {
        var result = schema
        for object in part.objects {
            guard let (rule, mapping) = objectMapping(schema, resource: object.resource) else { continue }
            let names = Set(object.definitions.map { $0.name.lowercased() })
            let targets = Set(object.mappings.map { $0.target.lowercased() })
            result = rewrite(result) { value in
                if value["name"] == rule["targetDirectoryName"], let objects = value["objects"] {
                    return replacing(value, "objects", with: .array((objects.array ?? []).map { candidate in
                        guard candidate["name"] == mapping["targetObjectName"] else { return candidate }
                        return replacing(candidate, "attributes", with: .array((candidate["attributes"]?.array ?? []).filter {
                            !names.contains($0["name"]?.string?.lowercased() ?? "")
                        }))
                    }))
                }
                if value["targetObjectName"] == mapping["targetObjectName"], value["sourceObjectName"] == mapping["sourceObjectName"] {
                    return replacing(value, "attributeMappings", with: .array((value["attributeMappings"]?.array ?? []).filter {
                        !targets.contains($0["targetAttributeName"]?.string?.lowercased() ?? "")
                    }))
                }
                return nil
            }
        }
        return result
    }

    private static func objectMapping(_ schema: JSONValue, resource: SCIMResource) -> (JSONValue, JSONValue)? {
        let source = resource == .user ? "User" : "Group"
        let targets = resource == .user ? EntraSchemaNames.targetUsers : EntraSchemaNames.targetGroups
        for rule in schema["synchronizationRules"]?.array ?? [] {
            for mapping in rule["objectMappings"]?.array ?? []
            where mapping["sourceObjectName"]?.string == source && targets.contains(mapping["targetObjectName"]?.string ?? "") {
                return (rule, mapping)
            }
        }
        return nil
    }

    /// Applies `transform` top-down; where it returns a value, that value replaces the node.
    private static func rewrite(_ value: JSONValue, _ transform: (JSONValue) -> JSONValue?) -> JSONValue {
        if let replaced = transform(value) { return replaced }
        switch value {
        case .array(let items): return .array(items.map { rewrite($0, transform) })
        case .object(let members): return .object(members.map { .init($0.key, rewrite($0.value, transform)) })
        default: return value
        }
    }

    private static func replacing(_ object: JSONValue, _ key: String, with value: JSONValue) -> JSONValue {
        guard case .object(let members) = object else { return object }
        return .object(members.map { $0.key == key ? .init(key, value) : $0 })
    }
}

extension JSONValue {
    /// The string, for test lookups.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The elements, for test lookups.
    var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
