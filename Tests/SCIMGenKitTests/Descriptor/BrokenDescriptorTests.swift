import Foundation
import TestSupport
import XCTest
@testable import SCIMGenKit

/// Broken descriptors in `Tests/Fixtures/Broken`: each gets exactly the located messages in its
/// `expected.txt`; `Tests/Tools/judges` holds the JSON Schema to the same verdicts with jsonschema.
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

    /// The JSON Schema's side of the agreement (structural cases invalid, the rest valid) is checked
    /// by `Tests/Tools/judges` with Python's jsonschema; this is the validator's side.
    func testValidatorAcceptsTheCommittedVendors() throws {
        let set = VendorLoader.load(directory: Repository.vendors, display: "Vendors")
        XCTAssertEqual(set.vendors.count, 4)
        XCTAssertFalse(set.hasErrors, set.diagnostics.map(\.description).joined(separator: "\n"))
    }
}
