import XCTest
@testable import SCIMGenKit

/// The mapping-specific keys of an attribute row: `flowType`, `flowBehavior` and `defaultValue`.
final class EntraDescriptorFieldTests: XCTestCase {
    private func decode(replacing old: String, with new: String) throws -> (VendorDescriptor?, [String]) {
        let text = String(decoding: try Repository.bytes("Vendors/thousandeyes/vendor.json"), as: UTF8.self)
        XCTAssertTrue(text.contains(old), "the seed no longer holds '\(old)'")
        let bytes = Array(text.replacingOccurrences(of: old, with: new).utf8)
        let (descriptor, diagnostics) = VendorDescriptor.decode(id: "thousandeyes", file: "vendor.json", bytes: bytes)
        return (descriptor, diagnostics.map(\.description))
    }

    func testRowsReadFlowSettings() throws {
        let (descriptor, diagnostics) = try decode(
            replacing: #""path": "displayName","#,
            with: #""path": "displayName", "flowType": "ObjectAddOnly", "flowBehavior": "FlowAlways", "defaultValue": "n/a","#)
        XCTAssertEqual(diagnostics, [])
        let row = try XCTUnwrap(descriptor?.users.attributes.first { $0.path == "displayName" })
        XCTAssertEqual(row.flowType, .objectAddOnly)
        XCTAssertEqual(row.flowBehavior, .flowAlways)
        XCTAssertEqual(row.defaultValue, "n/a")
        XCTAssertNil(descriptor?.users.attributes.first?.flowType)

        let part = EntraVendorPart(vendor: try XCTUnwrap(descriptor).checked())
        let mapping = try XCTUnwrap(part.user.mappings.first { $0.target == "displayName" })
        XCTAssertEqual(
            [mapping.flowType?.rawValue, mapping.flowBehavior?.rawValue, mapping.defaultValue],
            ["ObjectAddOnly", "FlowAlways", "n/a"])
        XCTAssertEqual(part.user.mappings.filter { $0.flowType != nil || $0.flowBehavior != nil }.map(\.target), ["displayName"])
    }

    func testUnknownFlowTypeIsLocated() throws {
        let (descriptor, diagnostics) = try decode(
            replacing: #""path": "displayName","#, with: #""path": "displayName", "flowType": "ObjectAddonly","#)
        // The row with the bad value is left out of everything that follows.
        XCTAssertEqual(descriptor?.users.attributes.map(\.path).contains("displayName"), false)
        XCTAssertEqual(
            diagnostics,
            [
                "vendor.json:63:44: error: 'users.attributes[3].flowType' must be one of 'Always', 'ObjectAddOnly', 'MultiValueAddOnly', 'ValueAddOnly', 'AttributeAddOnly', not 'ObjectAddonly'; did you mean 'ObjectAddOnly'?"
            ])
    }
}
