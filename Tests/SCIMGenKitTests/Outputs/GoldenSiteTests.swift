import Foundation
import TestSupport
import XCTest
@testable import SCIMGenKit

/// Everything `generate` writes, byte for byte, for the fixture vendors in `Tests/Fixtures/Vendors/`
/// (the sample with every field of the format set, and a minimal one), against
/// `Tests/Fixtures/Golden/`. The committed vendors' output is `Site/`, which `scimgen check` guards.
final class GoldenSiteTests: XCTestCase {
    static let vendors = Repository.fixtures.appendingPathComponent("Vendors")
    static let golden = Repository.fixtures.appendingPathComponent("Golden")

    static func site() throws -> [String: [UInt8]] {
        let loaded = SiteLoader.load(
            vendors: vendors, vendorsDisplay: "Tests/Fixtures/Vendors", templates: Repository.templates,
            templatesDisplay: "Templates")
        let input = try XCTUnwrap(loaded.input, loaded.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(input.vendors.map(\.id), ["acme", "minimal"])
        return try SiteGenerator.generate(input)
    }

    func testEveryGeneratedFileMatchesItsGolden() throws {
        let files = try Self.site()
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            Golden.assert(bytes, matches: Self.golden.appendingPathComponent(path))
        }
        // And no golden stays behind for a file generation no longer writes.
        var goldens: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: Self.golden.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: Self.golden.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { goldens.append(path) }
        }
        XCTAssertEqual(goldens.sorted(), files.keys.sorted())
    }

    /// The fixture is the library's sample descriptor, so the goldens show every field rendered.
    func testTheFixtureIsTheSampleDescriptor() throws {
        var sample = VendorDescriptor.sample
        sample.id = "acme"
        Golden.assert(DescriptorCodec.encode(sample), matches: Self.vendors.appendingPathComponent("acme/vendor.json"))
    }
}
