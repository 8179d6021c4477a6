import Foundation
import TestSupport
import XCTest
@testable import SCIMGenKit

/// The discovery documents: their layout, and the schema against each attribute table (goldens are
/// `GoldenSiteTests`', from fixture vendors),
/// and (in `Tests/Tools/judges`) an outside check with scim2-models.
final class SCIMDocumentsTests: XCTestCase {
    static let vendors = VendorLoader.load(directory: Repository.vendors, display: "Vendors").vendors

    func vendor(_ id: String) throws -> ResolvedVendor {
        try XCTUnwrap(Self.vendors.first { $0.id == id })
    }

    func testFileLayoutAndListResponses() throws {
        let files = SCIMDocuments.files(for: try vendor("lucid-all-products"))
        XCTAssertEqual(
            files.keys.sorted(),
            [
                "lucid-all-products/scim/ResourceTypes.json", "lucid-all-products/scim/ResourceTypes/Group.json",
                "lucid-all-products/scim/ResourceTypes/User.json", "lucid-all-products/scim/Schemas.json",
                "lucid-all-products/scim/Schemas/urn_ietf_params_scim_schemas_core_2.0_Group.json",
                "lucid-all-products/scim/Schemas/urn_ietf_params_scim_schemas_core_2.0_ResourceType.json",
                "lucid-all-products/scim/Schemas/urn_ietf_params_scim_schemas_core_2.0_Schema.json",
                "lucid-all-products/scim/Schemas/urn_ietf_params_scim_schemas_core_2.0_ServiceProviderConfig.json",
                "lucid-all-products/scim/Schemas/urn_ietf_params_scim_schemas_core_2.0_User.json",
                "lucid-all-products/scim/Schemas/urn_ietf_params_scim_schemas_extension_lucid_2.0_User.json",
                "lucid-all-products/scim/ServiceProviderConfig.json", "lucid-all-products/scim/nginx.conf",
                "lucid-all-products/scim/routes.json",
            ])
        let list = try JSONParser.parse(try XCTUnwrap(files["lucid-all-products/scim/Schemas.json"])).jsonValue
        XCTAssertEqual(list["totalResults"], .int(6))
        XCTAssertEqual(list["startIndex"], .int(1))
        guard case .array(let listed)? = list["Resources"] else { return XCTFail("no Resources") }
        XCTAssertEqual(
            listed.map { $0["id"] },
            [
                SCIMURN.user, "urn:ietf:params:scim:schemas:extension:lucid:2.0:User", SCIMURN.group,
                SCIMURN.serviceProviderConfig, SCIMURN.resourceType, SCIMURN.schema,
            ].map { .string($0) })
        // The resource types name the vendor's schemas only.
        let typeList = try JSONParser.parse(try XCTUnwrap(files["lucid-all-products/scim/ResourceTypes.json"])).jsonValue
        XCTAssertEqual(typeList["totalResults"], .int(2))
        let types = try JSONParser.parse(try XCTUnwrap(files["lucid-all-products/scim/ResourceTypes/User.json"])).jsonValue
        XCTAssertEqual(
            types["schemaExtensions"],
            .array([.object([.init("schema", .string("urn:ietf:params:scim:schemas:extension:lucid:2.0:User")), .init("required", .bool(false))])]))
        XCTAssertEqual(types["meta"]?["location"], .string("/scim/v2/ResourceTypes/User"))
        let text = String(decoding: try XCTUnwrap(files["lucid-all-products/scim/Schemas.json"]), as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("}\n"))
        XCTAssertFalse(text.contains("\\/"), "slashes are not escaped")
        XCTAssertTrue(text.hasPrefix("{\n  \"schemas\": [\n"), "schemas first, two-space indentation")
    }

    func testEveryTableRowIsInItsSchemaWithTheCatalogCharacteristics() throws {
        for vendor in Self.vendors {
            let schemas = SCIMSchemaReduction.schemas(for: vendor)
            for table in vendor.tables {
                for row in table.rows {
                    let resolved = row.attribute
                    guard let schemaID = resolved.schema?.id else {
                        for schema in schemas {
                            XCTAssertNil(schema.attribute(named: resolved.attribute.name), "\(vendor.id): common attribute '\(row.mapping.path)' listed in \(schema.id)")
                        }
                        continue
                    }
                    let schema = try XCTUnwrap(schemas.first { $0.id == schemaID }, "\(vendor.id): no schema \(schemaID)")
                    let attribute = try XCTUnwrap(schema.attribute(named: resolved.attribute.name), "\(vendor.id): \(row.mapping.path)")
                    XCTAssertEqual(attribute.type, resolved.attribute.type, "\(vendor.id): \(row.mapping.path)")
                    XCTAssertEqual(attribute.mutability, resolved.attribute.mutability)
                    XCTAssertEqual(attribute.multiValued, resolved.attribute.multiValued)
                    // Required when the catalog or the vendor says so.
                    XCTAssertEqual(attribute.required, resolved.attribute.required || row.mapping.required == true, "\(vendor.id): \(row.mapping.path)")
                    if let sub = resolved.subAttribute {
                        var expected = sub
                        expected.required = sub.required || row.mapping.required == true
                        XCTAssertEqual(attribute.subAttribute(named: sub.name), expected, "\(vendor.id): \(row.mapping.path)")
                    }
                }
            }
            // Nothing the tables do not list (vendor extensions are published as declared).
            let listed = Set(vendor.tables.flatMap { $0.rows.map { $0.attribute.attribute.name.lowercased() } })
                .union(vendor.customFields.map { $0.attribute.attribute.name.lowercased() })
            for schema in schemas where schema.id.hasPrefix("urn:ietf:params:scim:schemas:core") || schema.id == SCIMURN.enterpriseUser {
                for attribute in schema.attributes {
                    XCTAssertTrue(listed.contains(attribute.name.lowercased()), "\(vendor.id): \(schema.id) lists '\(attribute.name)'")
                }
            }
        }
    }

    func testMultiValuedRowsCarryValueTypeAndPrimary() throws {
        let user = try XCTUnwrap(SCIMSchemaReduction.schemas(for: try vendor("lusid")).first { $0.id == SCIMURN.user })
        let emails = try XCTUnwrap(user.attribute(named: "emails"))
        XCTAssertEqual(emails.subAttributes.map(\.name), ["value", "type", "primary"])
        XCTAssertEqual(try XCTUnwrap(user.attribute(named: "name")).subAttributes.map(\.name), ["familyName", "givenName"])
        XCTAssertNil(user.attribute(named: "externalId"))
    }

    func testCustomFieldAttributesAreInTheEnterpriseSchema() throws {
        let schemas = SCIMSchemaReduction.schemas(for: try vendor("thrive-lxp"))
        let enterprise = try XCTUnwrap(schemas.first { $0.id == SCIMURN.enterpriseUser })
        XCTAssertEqual(
            enterprise.attributes.map(\.name), ["employeeNumber", "costCenter", "organization", "division", "department", "manager"])
    }

    func testLucidExtensionIsPublishedAsDeclared() throws {
        let schemas = SCIMSchemaReduction.schemas(for: try vendor("lucid-all-products"))
        let lucid = try XCTUnwrap(schemas.first { $0.id == "urn:ietf:params:scim:schemas:extension:lucid:2.0:User" })
        let licenses = try XCTUnwrap(lucid.attribute(named: "productLicenses"))
        XCTAssertEqual(licenses.type, .complex)
        XCTAssertFalse(licenses.subAttributes.isEmpty)
        XCTAssertNotNil(lucid.attribute(named: "billingCode"))
    }

    func testAbsoluteLocationsWithABaseURL() throws {
        var lusid = try vendor("lusid").descriptor
        lusid.service.baseURL = "https://acme.example/scim/v2/"
        let spc = try JSONParser.parse(try XCTUnwrap(SCIMDocuments.files(for: try lusid.checked())["lusid/scim/ServiceProviderConfig.json"])).jsonValue
        XCTAssertEqual(spc["meta"]?["location"], .string("https://acme.example/scim/v2/ServiceProviderConfig"))
        XCTAssertEqual(spc["documentationUri"], .string("https://learn.microsoft.com/entra/identity/saas-apps/lusid-provisioning-tutorial"))
    }
}
