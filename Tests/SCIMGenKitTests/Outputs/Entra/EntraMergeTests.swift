import Foundation
import XCTest
@testable import SCIMGenKit

/// Every committed vendor merged into every tenant schema fixture: Microsoft's samples, the
/// composites built from them, and the hand-written exports. Each result is a golden (the merged
/// schema and the report) or a golden refusal, and every merged schema is held to invariants
/// checked by code independent of the merge's own checks.
final class EntraMergeTests: XCTestCase {
    /// Every fixture, by the name its goldens are filed under.
    static let fixtures: [(stem: String, url: URL)] = {
        var result: [(String, URL)] = []
        for folder in [EntraTestSupport.fixtures, EntraTestSupport.composites, EntraTestSupport.samples] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".json") {
                result.append((String(name.dropLast(5)), folder.appendingPathComponent(name)))
            }
        }
        return result
    }()

    /// The merges that must be refused, as `fixture/vendor`; every other merge must succeed.
    static let refusals: Set<String> = {
        var result: Set<String> = []
        let vendors = ["lucid-all-products", "lusid", "thousandeyes", "thrive-lxp"]
        // Microsoft's samples: Salesforce (not a SCIM app), and three parts of schemas.
        for sample in [
            "graphdocs-aws-template-schema", "graphdocs-custom-target-attrs-get", "graphdocs-salesforce-template-schema",
            "graphdocs-update-example2-customappsso",
        ] {
            for vendor in vendors { result.insert("\(sample)/\(vendor)") }
        }
        // Two attributes at matching precedence 1.
        for vendor in vendors { result.insert("scim-two-at-first/\(vendor)") }
        // No group mapping, for vendors whose groups are not optional.
        for fixture in ["scim-no-groups", "entra-id-users-only"] {
            result.insert("\(fixture)/lucid-all-products")
            result.insert("\(fixture)/thrive-lxp")
        }
        return result
    }()

    func testFixturesAreAllThere() {
        XCTAssertEqual(
            Self.fixtures.map(\.stem),
            [
                "azure-ad-core-user", "entra-id-enterprise", "entra-id-users-only", "scim-as-sampled", "scim-conflicts", "scim-defaults",
                "scim-definitions", "scim-gallery-plain-user", "scim-gallery", "scim-groups-disabled", "scim-groups-own-rule",
                "scim-match-externalid", "scim-no-groups",
                "scim-two-at-first", "graphdocs-aws-template-schema", "graphdocs-custom-target-attrs-get",
                "graphdocs-salesforce-template-schema", "graphdocs-update-example2-customappsso",
            ])
    }

    func testEveryVendorIntoEveryFixture() throws {
        var refused: Set<String> = []
        for vendor in EntraTestSupport.vendors {
            for fixture in Self.fixtures {
                let input = Array(try Data(contentsOf: fixture.url))
                let key = "\(fixture.stem)/\(vendor.id)"
                do {
                    let result = try EntraMerge.merge(schema: input, file: "schema.json", vendor: vendor)
                    EntraTestSupport.assertGolden(result.schema, "\(key).json", in: EntraTestSupport.merged)
                    EntraTestSupport.assertGolden(Array(result.report.text.utf8), "\(key).txt", in: EntraTestSupport.merged)
                } catch {
                    refused.insert(key)
                    let text = error.diagnostics.map(\.description).joined(separator: "\n") + "\n"
                    EntraTestSupport.assertGolden(Array(text.utf8), "\(key).refused.txt", in: EntraTestSupport.merged)
                }
            }
        }
        XCTAssertEqual(refused.sorted(), Self.refusals.sorted())
    }

    /// The flags, each on the composite it is for.
    func testPreferAndMatchingOptions() throws {
        let cases: [(fixture: String, vendor: String, options: EntraMerge.Options, name: String)] = [
            ("scim-match-externalid", "thrive-lxp", .init(matching: .vendor), "matching-vendor"),
            ("scim-match-externalid", "lusid", .init(prefer: .vendor), "prefer-vendor"),
            ("scim-conflicts", "thrive-lxp", .init(prefer: .vendor), "prefer-vendor"),
            ("scim-conflicts", "lusid", .init(prefer: .vendor, matching: .vendor), "prefer-vendor-matching-vendor"),
            ("scim-definitions", "lucid-all-products", .init(prefer: .vendor), "prefer-vendor"),
            ("scim-two-at-first", "lusid", .init(matching: .vendor), "matching-vendor"),
        ]
        for item in cases {
            let url = EntraTestSupport.composites.appendingPathComponent("\(item.fixture).json")
            let input = Array(try Data(contentsOf: url))
            let result = try EntraMerge.merge(
                schema: input, file: "schema.json", vendor: try EntraTestSupport.vendor(item.vendor), options: item.options)
            let key = "\(item.fixture)/\(item.vendor).\(item.name)"
            EntraTestSupport.assertGolden(result.schema, "\(key).json", in: EntraTestSupport.merged)
            EntraTestSupport.assertGolden(Array(result.report.text.utf8), "\(key).txt", in: EntraTestSupport.merged)
            // The merge brings in no problem (with '--matching vendor' it may mend the tenant's matching).
            let before = Set(SchemaInvariants.problems(in: try EntraTestSupport.parse(input)))
            let after = Set(SchemaInvariants.problems(in: try EntraTestSupport.parse(result.schema)))
            XCTAssertEqual(after.subtracting(before), [], key)
        }
    }

    /// With the defaults, the merge only adds: the tenant's schema is the merged one with the
    /// appended definitions and mappings taken away, in value and order, and nothing of the
    /// vendor's part is missing.
    func testByDefaultTheMergeOnlyAdds() throws {
        for vendor in EntraTestSupport.vendors {
            for fixture in Self.fixtures where !Self.refusals.contains("\(fixture.stem)/\(vendor.id)") {
                let bytes = Array(try Data(contentsOf: fixture.url))
                let result = try EntraMerge.merge(schema: bytes, file: "schema.json", vendor: vendor)
                let input = try EntraTestSupport.parse(bytes)
                let output = try EntraTestSupport.parse(result.schema)
                let context = "\(vendor.id) into \(fixture.stem)"
                var appended = 0
                XCTAssertNil(SchemaInvariants.onlyAppended(input, output, count: &appended), context)
                let added = result.report.objects.reduce(0) {
                    $0 + $1.addedAttributes.count + $1.addedMappings.count + $1.addedSourceAttributes.count
                }
                XCTAssertEqual(appended, added, context)
                // It brings in no problem; it may mend some (a source attribute added to the list).
                XCTAssertEqual(Set(SchemaInvariants.problems(in: output)).subtracting(SchemaInvariants.problems(in: input)), [], context)

                // Every definition and mapping of the vendor's part is there once.
                let part = EntraVendorPart(vendor: vendor)
                for object in part.objects where result.report.objects.contains(where: { $0.object == object.resource.rawValue }) {
                    let (attributes, mappings) = SchemaInvariants.vendorPlaces(output, resource: object.resource)
                    for definition in object.definitions {
                        let found = attributes.filter { $0["name"]?.string?.lowercased() == definition.name.lowercased() }
                        XCTAssertEqual(found.count, 1, "\(context): definition '\(definition.name)'")
                    }
                    for mapping in object.mappings {
                        let found = mappings.filter { $0["targetAttributeName"]?.string?.lowercased() == mapping.target.lowercased() }
                        XCTAssertEqual(found.count, 1, "\(context): mapping of '\(mapping.target)'")
                    }
                }
            }
        }
    }

    func testMergingTwiceChangesNothing() throws {
        for vendor in EntraTestSupport.vendors {
            for fixture in Self.fixtures where !Self.refusals.contains("\(fixture.stem)/\(vendor.id)") {
                let once = try EntraMerge.merge(schema: Array(try Data(contentsOf: fixture.url)), file: "once.json", vendor: vendor)
                for options in [EntraMerge.Options(), .init(prefer: .vendor, matching: .vendor)] {
                    let first = try EntraMerge.merge(schema: once.schema, file: "once.json", vendor: vendor, options: options)
                    let twice = try EntraMerge.merge(schema: first.schema, file: "twice.json", vendor: vendor, options: options)
                    XCTAssertEqual(String(decoding: twice.schema, as: UTF8.self), String(decoding: first.schema, as: UTF8.self), "\(vendor.id) \(fixture.stem)")
                    XCTAssertFalse(twice.report.changed)
                }
            }
        }
    }

    func testAByteOrderMarkIsAccepted() throws {
        let vendor = try EntraTestSupport.vendor("lusid")
        let bytes = try EntraTestSupport.fixture("entra-id-enterprise.json")
        XCTAssertEqual(
            try EntraMerge.merge(schema: [0xEF, 0xBB, 0xBF] + bytes, file: "bom.json", vendor: vendor).schema,
            try EntraMerge.merge(schema: bytes, file: "plain.json", vendor: vendor).schema)
    }

    func testNumbersAndUnknownKeysSurviveVerbatim() throws {
        let merged = try EntraMerge.merge(
            schema: try EntraTestSupport.fixture("azure-ad-core-user.json"), file: "schema.json", vendor: try EntraTestSupport.vendor("thrive-lxp"))
        let text = String(decoding: merged.schema, as: UTF8.self)
        for expected in [
            #""zoom": 1.50e+3"#, "          1e-3,", #""futureTopLevelKey": null"#, "Benutzer im Büro München",
            #""key": "FilterUser""#, #""defaultValue": "unknown@example.invalid""#,
        ] {
            XCTAssertTrue(text.contains(expected), "lost '\(expected)'")
        }
    }

    /// Function sources the merge adds carry their parsed parameter tree.
    func testAddedFunctionSourcesCarryTheirTree() throws {
        var vendor = try EntraTestSupport.vendor("thousandeyes").descriptor
        let index = try XCTUnwrap(vendor.users.attributes.firstIndex { $0.path == "name.formatted" })
        vendor.users.attributes[index].path = "nickName"
        vendor.users.attributes[index].source = .expression(#"Join(".", [givenName], Mid([surname], 1, 1))"#)
        let merged = try EntraMerge.merge(
            schema: try EntraTestSupport.fixture("entra-id-enterprise.json"), file: "schema.json", vendor: try vendor.checked())
        let (_, mappings) = SchemaInvariants.vendorPlaces(try EntraTestSupport.parse(merged.schema), resource: .user)
        let source = try XCTUnwrap(mappings.first { $0["targetAttributeName"] == "nickName" }?["source"])
        XCTAssertEqual(source["expression"], #"Join(".", [givenName], Mid([surname], 1, 1))"#)
        XCTAssertEqual(source["parameters"]?.array?.compactMap { $0["key"]?.string }, ["separator", "source", "source"])
        XCTAssertEqual(source["parameters"]?.array?.last?["value"]?["parameters"]?.array?.count, 3)
    }

    /// The report in JSON holds what the text says, for scripts.
    func testReportAsJSON() throws {
        let result = try EntraMerge.merge(
            schema: Array(try Data(contentsOf: EntraTestSupport.composites.appendingPathComponent("scim-match-externalid.json"))),
            file: "schema.json", vendor: try EntraTestSupport.vendor("thrive-lxp"))
        EntraTestSupport.assertGolden(
            JSONWriter.writeBytes(result.report.json), "scim-match-externalid/thrive-lxp.report.json", in: EntraTestSupport.merged)
    }
}

/// The rules a merged schema must keep, checked without the merge's code.
enum SchemaInvariants {
    /// Every broken rule, as text: undefined targets, targets mapped twice, undefined source
    /// attributes, directories and objects that do not exist, objects without exactly one anchor,
    /// object mappings without exactly one attribute at matching precedence 1.
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
                let first = (mapping["attributeMappings"]?.array ?? []).filter { $0["matchingPriority"] == .int(1) }.count
                if first != 1 { found.append("\(label): \(first) attributes at matching precedence 1") }
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
                result.append(String(withoutStrings[Range(match.range(at: 1), in: withoutStrings)!]).trimmingCharacters(in: .whitespaces))
            }
        }
        for parameter in source["parameters"]?.array ?? [] { result += references(parameter["value"]) }
        return result
    }

    /// Nil when `output` is `input` with elements appended to some arrays and nothing else
    /// changed (members, their order, every value); otherwise where they first differ.
    /// `count` grows by the number of appended elements.
    static func onlyAppended(_ input: JSONValue, _ output: JSONValue, count: inout Int, path: String = "") -> String? {
        switch (input, output) {
        case (.object(let before), .object(let after)):
            guard before.map(\.key) == after.map(\.key) else { return "\(path): members \(before.map(\.key)) became \(after.map(\.key))" }
            for (old, new) in zip(before, after) {
                if let difference = onlyAppended(old.value, new.value, count: &count, path: "\(path).\(old.key)") { return difference }
            }
            return nil
        case (.array(let before), .array(let after)):
            guard after.count >= before.count else { return "\(path): \(before.count) elements became \(after.count)" }
            for (index, (old, new)) in zip(before, after).enumerated() {
                if let difference = onlyAppended(old, new, count: &count, path: "\(path)[\(index)]") { return difference }
            }
            count += after.count - before.count
            return nil
        default:
            return input == output ? nil : "\(path): \(JSONWriter.write(input)) became \(JSONWriter.write(output))"
        }
    }

    /// The target object's attributes and the object mapping's attribute mappings where a vendor object goes.
    static func vendorPlaces(_ schema: JSONValue, resource: SCIMResource) -> (attributes: [JSONValue], mappings: [JSONValue]) {
        let source = resource == .user ? "User" : "Group"
        let targets = resource == .user ? EntraSchemaNames.targetUsers : EntraSchemaNames.targetGroups
        for rule in schema["synchronizationRules"]?.array ?? [] {
            for mapping in rule["objectMappings"]?.array ?? []
            where mapping["sourceObjectName"]?.string == source && targets.contains(mapping["targetObjectName"]?.string ?? "") {
                let directory = schema["directories"]?.array?.first { $0["name"] == rule["targetDirectoryName"] }
                let object = directory?["objects"]?.array?.first { $0["name"] == mapping["targetObjectName"] }
                return (object?["attributes"]?.array ?? [], mapping["attributeMappings"]?.array ?? [])
            }
        }
        return ([], [])
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
