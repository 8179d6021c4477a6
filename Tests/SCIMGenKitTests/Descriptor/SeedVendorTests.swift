import XCTest
@testable import SCIMGenKit

/// The four committed descriptors load without a single diagnostic.
final class SeedVendorTests: XCTestCase {
    func testCommittedVendorsAreClean() {
        let set = VendorLoader.load(directory: Repository.vendors, display: "Vendors")
        XCTAssertEqual(set.diagnostics.map(\.description), [])
        XCTAssertEqual(set.vendors.map(\.id), ["lucid-all-products", "lusid", "thousandeyes", "thrive-lxp"])
    }
}
