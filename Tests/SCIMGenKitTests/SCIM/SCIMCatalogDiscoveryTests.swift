import Foundation
import XCTest
@testable import SCIMGenKit

/// The schemas of the discovery resources against RFC 7643 section 8.7.2 as transcribed in
/// `Tests/Fixtures/RFC7643/section-8.7.2.json`, and their publication beside every vendor's schemas.
final class SCIMCatalogDiscoveryTests: XCTestCase {
    /// The one place the catalog departs from the RFC's text, each with the RFC's value and the
    /// catalog's: (schema id, key, RFC, catalog).
    static let departures: [(String, String, JSONValue, JSONValue)] = [
        // scim2-tester's core_schemas_validation finds the schema only under this name.
        (SCIMURN.serviceProviderConfig, "name", "Service Provider Configuration", "ServiceProviderConfig")
    ]

    func rfc() throws -> [JSONValue] {
        let bytes = try Repository.bytes("Tests/Fixtures/RFC7643/section-8.7.2.json")
        guard case .array(let schemas) = try JSONParser.parse(bytes).jsonValue else {
            throw XCTSkip("section-8.7.2.json is not an array")
        }
        return schemas
    }

    func testTheDiscoverySchemasAreTheRFCsWordForWord() throws {
        let rfc = try rfc()
        XCTAssertEqual(SCIMCatalog.discoverySchemas.map(\.id), [SCIMURN.serviceProviderConfig, SCIMURN.resourceType, SCIMURN.schema])
        XCTAssertEqual(rfc.map { $0["id"] }, SCIMCatalog.discoverySchemas.map { .string($0.id) }, "the RFC's order")
        for (schema, text) in zip(SCIMCatalog.discoverySchemas, rfc) {
            var expected = text
            for (id, key, original, departure) in Self.departures where id == schema.id {
                XCTAssertEqual(expected[key], original, "\(id): the fixture's \(key)")
                expected = expected.replacing(key, with: departure)
            }
            XCTAssertEqual(Self.normalized(Self.catalogJSON(schema)), Self.normalized(expected), schema.id)
        }
    }

    /// The comparison sees a single characteristic changed deep inside a schema, so that the test
    /// above cannot pass by comparing nothing.
    func testTheComparisonSeesOneCharacteristicChanged() throws {
        let rfc = try rfc()
        var schema = SCIMCatalog.schemaSchema
        // `referenceTypes` among the sub-attributes of `subAttributes`: single-valued in the RFC.
        schema.attributes[3].subAttributes[11].subAttributes[10].multiValued = true
        XCTAssertEqual(schema.attributes[3].subAttributes[11].subAttributes[10].name, "referenceTypes")
        XCTAssertNotEqual(Self.normalized(Self.catalogJSON(schema)), Self.normalized(rfc[2]))
        var config = SCIMCatalog.serviceProviderConfig
        config.name = "Service Provider Configuration"
        XCTAssertEqual(Self.normalized(Self.catalogJSON(config)), Self.normalized(rfc[0]), "the name is the one departure")
    }

    func testEveryVendorPublishesThemWithTheirLocations() throws {
        let vendors = VendorLoader.load(directory: Repository.vendors, display: "Vendors").vendors
        XCTAssertFalse(vendors.isEmpty)
        for vendor in vendors {
            let files = SCIMDocuments.files(for: vendor)
            let list = try JSONParser.parse(try XCTUnwrap(files["\(vendor.id)/scim/Schemas.json"])).jsonValue
            guard case .array(let listed)? = list["Resources"] else { return XCTFail("\(vendor.id): no Resources") }
            XCTAssertEqual(Array(listed.suffix(3)).map { $0["id"] }, SCIMCatalog.discoverySchemas.map { .string($0.id) }, vendor.id)
            for schema in SCIMCatalog.discoverySchemas {
                let path = "\(vendor.id)/scim/Schemas/\(SCIMFileName.schema(schema.id))"
                let document = try JSONParser.parse(try XCTUnwrap(files[path], path)).jsonValue
                XCTAssertEqual(document["schemas"], .array([.string(SCIMURN.schema)]))
                XCTAssertEqual(document["meta"]?["resourceType"], .string("Schema"))
                XCTAssertEqual(document["meta"]?["location"], .string("/scim/v2/Schemas/\(schema.id)"))
                XCTAssertEqual(document["name"], .string(schema.name))
            }
            // The resource types still name only the vendor's own schemas.
            let types = try JSONParser.parse(try XCTUnwrap(files["\(vendor.id)/scim/ResourceTypes/User.json"])).jsonValue
            XCTAssertEqual(types["schema"], .string(SCIMURN.user))
        }
    }

    func testTheSchemaSchemaIsTheOneWithComplexSubAttributes() {
        let complexInside = SCIMCatalog.discoverySchemas.flatMap { schema in
            schema.attributes.flatMap { $0.subAttributes.filter { $0.type == .complex }.map { "\(schema.name).\($0.name)" } }
        }
        XCTAssertEqual(complexInside, ["Schema.subAttributes"])
        XCTAssertNil(SCIMCatalog.schema(withID: SCIMURN.schema), "no descriptor row maps to a discovery schema")
    }
}

// MARK: - Helpers

private extension SCIMCatalogDiscoveryTests {
    /// The schema as `/Schemas/<urn>` publishes it, without `schemas` and `meta`.
    static func catalogJSON(_ schema: SCIMSchemaDefinition) -> JSONValue {
        var members: [JSONValue.Member] = [.init("id", .string(schema.id)), .init("name", .string(schema.name))]
        if !schema.description.isEmpty { members.append(.init("description", .string(schema.description))) }
        members.append(.init("attributes", .array(schema.attributes.map(SCIMDocuments.attribute))))
        return .object(members)
    }

    /// `value` with its keys sorted and every attribute's omitted characteristics written with the
    /// defaults of RFC 7643 section 2.2 (`caseExact` false and `uniqueness` none for a simple
    /// attribute, no `canonicalValues`), as the catalog reads the RFC.
    static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var keyed = Dictionary(members.map { ($0.key, normalized($0.value)) }, uniquingKeysWith: { first, _ in first })
            if keyed["mutability"] != nil, case .string(let type)? = keyed["type"] {
                if type != "complex" {
                    keyed["caseExact"] = keyed["caseExact"] ?? .bool(false)
                    keyed["uniqueness"] = keyed["uniqueness"] ?? .string("none")
                }
                if keyed["canonicalValues"] == .array([]) { keyed["canonicalValues"] = nil }
            }
            return .object(keyed.keys.sorted().map { JSONValue.Member($0, keyed[$0]!) })
        case .array(let items):
            return .array(items.map(normalized))
        default:
            return value
        }
    }
}

private extension JSONValue {
    /// The object with `key`'s value replaced.
    func replacing(_ key: String, with replacement: JSONValue) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.map { $0.key == key ? JSONValue.Member(key, replacement) : $0 })
    }
}
