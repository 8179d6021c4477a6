import XCTest
@testable import SCIMGenKit

/// The checked vendor: rows resolved once, so every spelling of an attribute means the same thing
/// in validation and in every output, and the `required` marks reach the SCIM schemas.
final class ResolvedVendorTests: XCTestCase {
    private func lusid() throws -> VendorDescriptor {
        let bytes = try Repository.bytes("Vendors/lusid/vendor.json")
        let (descriptor, diagnostics) = VendorDescriptor.decode(id: "lusid", file: "Vendors/lusid/vendor.json", bytes: bytes)
        XCTAssertEqual(diagnostics, [])
        return try XCTUnwrap(descriptor)
    }

    func testAFullURNGroupRowValidatesAndGeneratesLikeTheShortOne() throws {
        let short = try lusid()
        var long = short
        long.groups!.attributes[0].path = "urn:ietf:params:scim:schemas:core:2.0:Group:displayName"
        let (checked, diagnostics) = DescriptorValidator.check(long)
        XCTAssertEqual(diagnostics.map(\.description), [])
        let vendor = try XCTUnwrap(checked)
        XCTAssertEqual(vendor.groups?.coreRow(named: "displayName")?.mapping.path, long.groups!.attributes[0].path)
        XCTAssertEqual(SCIMDocuments.files(for: vendor), SCIMDocuments.files(for: try short.checked()))
        XCTAssertEqual(EntraMappingOutput.files(for: vendor), EntraMappingOutput.files(for: try short.checked()))
    }

    func testTwoSpellingsOfOneAttributeAreADuplicate() throws {
        var vendor = try lusid()
        vendor.users.attributes.append(
            AttributeMapping(
                path: "urn:ietf:params:scim:schemas:core:2.0:User:USERNAME", type: .string,
                origin: Origin(SourceLocation(file: "Vendors/lusid/vendor.json", line: 99, column: 17))))
        XCTAssertEqual(
            DescriptorValidator.validate(vendor).map(\.description),
            ["Vendors/lusid/vendor.json:99:17: error: duplicate user attribute 'urn:ietf:params:scim:schemas:core:2.0:User:USERNAME'; the first row is on line 49"])
    }

    func testAGroupTableWithoutDisplayNameIsRefusedWhateverElseIsWrong() throws {
        var vendor = try lusid()
        vendor.groups!.attributes[0].path = "displayNam"
        let messages = DescriptorValidator.validate(vendor).map(\.message)
        XCTAssertEqual(
            messages,
            [
                "unknown attribute 'displayNam' in schema 'urn:…:core:2.0:Group'; did you mean 'displayName'?",
                "the group table has no 'displayName' row; Entra matches groups on it",
            ])
    }

    func testRequiredRowsAreRequiredInTheirSchemas() throws {
        var descriptor = try lusid()
        descriptor.users.attributes = [
            AttributeMapping(path: "userName", type: .string, filterable: true, required: true, matching: 1),
            AttributeMapping(path: "name.givenName", type: .string, required: true),
            AttributeMapping(path: "name.familyName", type: .string, required: false),
            AttributeMapping(path: #"phoneNumbers[type eq "work"].value"#, type: .string, required: true),
            AttributeMapping(path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", type: .string, required: true),
            AttributeMapping(path: "title", type: .string),
        ]
        let schemas = SCIMSchemaReduction.schemas(for: try descriptor.checked())
        let user = try XCTUnwrap(schemas.first { $0.id == SCIMURN.user })
        func required(_ name: String, _ sub: String? = nil) throws -> Bool {
            let attribute = try XCTUnwrap(user.attribute(named: name), name)
            guard let sub else { return attribute.required }
            return try XCTUnwrap(attribute.subAttribute(named: sub), "\(name).\(sub)").required
        }
        XCTAssertEqual(try required("userName"), true)
        XCTAssertEqual(try required("name"), true)
        XCTAssertEqual(try required("name", "givenName"), true)
        XCTAssertEqual(try required("name", "familyName"), false)
        XCTAssertEqual(try required("phoneNumbers"), true)
        XCTAssertEqual(try required("phoneNumbers", "value"), true)
        XCTAssertEqual(try required("phoneNumbers", "type"), false)
        XCTAssertEqual(try required("title"), false)
        let enterprise = try XCTUnwrap(schemas.first { $0.id == SCIMURN.enterpriseUser })
        XCTAssertEqual(enterprise.attribute(named: "department")?.required, true)
        // The group's displayName row is required in LUSID's table.
        let group = try XCTUnwrap(schemas.first { $0.id == SCIMURN.group })
        XCTAssertEqual(group.attribute(named: "displayName")?.required, true)
        XCTAssertEqual(group.attribute(named: "members")?.required, false)
    }

    func testRequiredRowsOfAVendorExtensionAreRequiredThere() throws {
        let bytes = try Repository.bytes("Vendors/lucid-all-products/vendor.json")
        var descriptor = try XCTUnwrap(VendorDescriptor.decode(id: "lucid-all-products", file: "vendor.json", bytes: bytes).0)
        let urn = "urn:ietf:params:scim:schemas:extension:lucid:2.0:User"
        let row = try XCTUnwrap(descriptor.users.attributes.firstIndex { $0.path == urn + ":billingCode" })
        descriptor.users.attributes[row].required = true
        let lucid = try XCTUnwrap(SCIMSchemaReduction.schemas(for: try descriptor.checked()).first { $0.id == urn })
        XCTAssertEqual(lucid.attribute(named: "billingCode")?.required, true)
        XCTAssertEqual(lucid.attributes.count, descriptor.extensions[0].attributes.count, "the extension stays whole")
    }
}

extension ResolvedVendorTests {
    /// The sample descriptor templates are checked against must itself be valid.
    func testTheSampleDescriptorValidates() {
        let problems = DescriptorValidator.validate(VendorDescriptor.sample)
        XCTAssertEqual(problems.filter { $0.severity == .error }.map(\.description), [])
    }
}
