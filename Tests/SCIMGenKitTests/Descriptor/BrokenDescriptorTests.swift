import Foundation
import XCTest
@testable import SCIMGenKit

/// Broken descriptors in `Tests/Fixtures/Broken`: each gets exactly the located messages in its
/// `expected.txt`, and the JSON Schema agrees with the Swift validator on which are broken.
///
/// `Structural/` cases break the format itself, so both the schema and the validator reject them;
/// `Semantic/` cases are well-formed but wrong about SCIM, which only the validator can know.
final class BrokenDescriptorTests: XCTestCase {
    static let broken = Repository.fixtures.appendingPathComponent("Broken")

    static func cases(_ group: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: broken.appendingPathComponent(group).path)) ?? []).sorted()
    }

    func diagnostics(_ group: String, _ name: String) throws -> [String] {
        let bytes = try Repository.bytes("Tests/Fixtures/Broken/\(group)/\(name)/vendor.json")
        let set = VendorLoader.load(sources: [VendorSource(id: name, file: "Vendors/\(name)/vendor.json", bytes: bytes)])
        return set.diagnostics.map(\.description)
    }

    func testEachCaseGetsItsMessages() throws {
        for group in ["Structural", "Semantic"] {
            XCTAssertGreaterThan(Self.cases(group).count, 7, group)
            for name in Self.cases(group) {
                let found = try diagnostics(group, name)
                XCTAssertTrue(found.contains { $0.contains(": error: ") }, "\(group)/\(name) has no error: \(found)")
                Golden.assert(
                    found.joined(separator: "\n") + "\n",
                    matches: Self.broken.appendingPathComponent("\(group)/\(name)/expected.txt"))
            }
        }
    }

    func testSchemaAgreesWithValidator() throws {
        var files = try FileManager.default.contentsOfDirectory(atPath: Repository.vendors.path).sorted()
            .filter { FileManager.default.fileExists(atPath: Repository.vendors.appendingPathComponent("\($0)/vendor.json").path) }
            .map { "Vendors/\($0)/vendor.json" }
        XCTAssertEqual(files.count, 4)
        for group in ["Structural", "Semantic"] {
            files += Self.cases(group).map { "Tests/Fixtures/Broken/\(group)/\($0)/vendor.json" }
        }
        guard let output = PythonTool.run("check_schema.py", [Repository.root.path] + files) else { return }
        var verdicts: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 2).map(String.init)
            if fields.count >= 2 { verdicts[fields[0]] = fields[1] }
        }
        XCTAssertEqual(verdicts.count, files.count)
        for file in files {
            let expected = file.contains("/Structural/") ? "invalid" : "valid"
            XCTAssertEqual(verdicts[file], expected, "the JSON Schema on \(file)")
        }
        // The validator rejects every broken case (checked whole in testEachCaseGetsItsMessages) and
        // accepts the committed vendors.
        let set = VendorLoader.load(directory: Repository.vendors, display: "Vendors")
        XCTAssertFalse(set.hasErrors)
    }
}
