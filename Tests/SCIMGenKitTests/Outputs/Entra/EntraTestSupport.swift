import Foundation
import TestSupport
import XCTest
@testable import SCIMGenKit

/// Shared pieces of the Entra mapping tests: the committed vendors, fixtures and golden files.
enum EntraTestSupport {
    /// `Tests/Fixtures/Entra/`: schemas written after the documented export shape.
    static let fixtures = Repository.fixtures.appendingPathComponent("Entra")
    /// `Tests/Fixtures/Golden/`.
    static let golden = Repository.fixtures.appendingPathComponent("Golden")
    /// `Tests/Fixtures/Entra/samples/`: Microsoft's Graph documentation samples, as published.
    static let samples = fixtures.appendingPathComponent("samples")
    /// `Tests/Fixtures/Entra/composite/`: tenant schemas built from the samples by `make_composites.py`.
    static let composites = fixtures.appendingPathComponent("composite")
    /// `Tests/Fixtures/Entra/merged/`: the golden result (or refusal) of each vendor merged into each fixture.
    static let merged = fixtures.appendingPathComponent("merged")
    /// The exported-schema fixtures merged in every test, by file name.
    static let schemaFixtures = ["entra-id-enterprise.json", "azure-ad-core-user.json", "entra-id-users-only.json"]

    /// The committed vendors, loaded once; the test fails when any has a diagnostic.
    static let vendors: [ResolvedVendor] = {
        VendorLoader.load(directory: Repository.vendors, display: "Vendors").vendors
    }()

    /// The committed vendor with this id.
    static func vendor(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> ResolvedVendor {
        try XCTUnwrap(vendors.first { $0.id == id }, "no vendor '\(id)'", file: file, line: line)
    }

    /// The bytes of a fixture under `Tests/Fixtures/Entra/`.
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// Compares bytes with a golden file under `root` (`Tests/Fixtures/Golden/` unless given) with the one golden helper.
    static func assertGolden(
        _ actual: [UInt8], _ relativePath: String, in root: URL = golden, file: StaticString = #filePath, line: UInt = #line
    ) {
        Golden.assert(actual, matches: root.appendingPathComponent(relativePath), file: file, line: line)
    }


    /// Parses JSON that the test itself knows to be valid.
    static func parse(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        do {
            return try JSONParser.parse(bytes).jsonValue
        } catch {
            XCTFail("invalid JSON: \(error)", file: file, line: line)
            throw error
        }
    }
}
