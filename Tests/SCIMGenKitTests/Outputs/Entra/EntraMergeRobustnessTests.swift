import XCTest
@testable import SCIMGenKit

/// Hostile schemas: every input yields a merged schema or located errors, never a crash.
final class EntraMergeRobustnessTests: XCTestCase {
    private func check(_ bytes: [UInt8], vendor: ResolvedVendor, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let merged = try EntraMerge.merge(schema: bytes, file: "schema.json", vendor: vendor)
            XCTAssertNoThrow(try JSONParser.parse(merged.schema), file: file, line: line)
        } catch {
            XCTAssertFalse(error.diagnostics.isEmpty, file: file, line: line)
            for diagnostic in error.diagnostics {
                XCTAssertEqual(diagnostic.location?.file, "schema.json", diagnostic.description, file: file, line: line)
            }
        }
    }

    func testTruncatedSchemas() throws {
        let vendor = try EntraTestSupport.vendor("thrive-lxp")
        let bytes = try EntraTestSupport.fixture("azure-ad-core-user.json")
        for end in stride(from: 0, to: bytes.count, by: 997) { check(Array(bytes[..<end]), vendor: vendor) }
    }

    func testMutatedSchemas() throws {
        let vendor = try EntraTestSupport.vendor("lucid-all-products")
        let original = try EntraTestSupport.fixture("entra-id-enterprise.json")
        let replacements = Array(#"{}[],:"0n"#.utf8) + [UInt8(ascii: " ")]
        var random = SplitMix64(seed: 0x5EED)
        for _ in 0..<60 {
            var bytes = original
            for _ in 0..<3 {
                let position = random.next(upTo: bytes.count)
                bytes[position] = replacements[random.next(upTo: replacements.count)]
            }
            check(bytes, vendor: vendor)
        }
    }

    func testStructuresOfTheWrongShape() throws {
        let vendor = try EntraTestSupport.vendor("lusid")
        for text in [
            #"{"directories": {}, "synchronizationRules": 3}"#,
            #"{"directories": [null, 1, "x"], "synchronizationRules": [[]]}"#,
            #"{"directories": [{"name": "customappsso", "objects": [{"name": "User", "attributes": [{"name": null}]}]}], "synchronizationRules": []}"#,
            #"{"directories": [], "synchronizationRules": [{"sourceDirectoryName": "Microsoft Entra ID", "targetDirectoryName": "x", "objectMappings": [{"sourceObjectName": "User", "targetObjectName": "User", "attributeMappings": [{"targetAttributeName": "a", "source": {"type": "Function", "expression": 5, "parameters": [{"value": []}]}}]}]}]}"#,
            #"{"directories": null, "synchronizationRules": null}"#,
        ] {
            check(Array(text.utf8), vendor: vendor)
        }
        do {
            _ = try EntraMerge.merge(
                schema: Array(#"{"directories": [], "synchronizationRules": [{"sourceDirectoryName": "Microsoft Entra ID", "targetDirectoryName": "customappsso", "objectMappings": [{"sourceObjectName": "User", "targetObjectName": "User", "attributeMappings": [{"targetAttributeName": "a", "source": {"type": "Function", "expression": 5}}]}]}]}"#.utf8),
                file: "schema.json", vendor: vendor)
            XCTFail("merged")
        } catch {
            XCTAssertEqual(
                error.diagnostics.map(\.description),
                [
                    "schema.json:1:70: error: rule 'synchronizationRules[0]' reads from directory 'Microsoft Entra ID', which 'directories' does not define",
                    "schema.json:1:115: error: rule 'synchronizationRules[0]' writes to directory 'customappsso', which 'directories' does not define",
                    "schema.json:1:303: error: 'synchronizationRules[0].objectMappings[0].attributeMappings[0].source.expression' must be a string, not a number",
                ])
        }
    }
}
