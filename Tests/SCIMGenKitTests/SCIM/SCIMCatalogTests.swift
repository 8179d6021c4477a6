import SCIMGenKit
import XCTest

/// The catalog against RFC 7643: every characteristic of every attribute, transcribed by hand from
/// the schema representation of section 8.7.1 (and section 3.1 for the common attributes).
final class SCIMCatalogTests: XCTestCase {
    // MARK: - Whole schemas

    func testUserSchemaMatchesRFC7643Section871() {
        XCTAssertEqual(SCIMCatalog.user.id, "urn:ietf:params:scim:schemas:core:2.0:User")
        XCTAssertEqual(SCIMCatalog.user.name, "User")
        XCTAssertEqual(SCIMCatalog.user.description, "User Account")
        assertLines(SCIMCatalog.user.attributes, """
            userName: string, single, required, caseInsensitive, readWrite, default, server
            name: complex, single, optional, caseInsensitive, readWrite, default, none
            name.formatted: string, single, optional, caseInsensitive, readWrite, default, none
            name.familyName: string, single, optional, caseInsensitive, readWrite, default, none
            name.givenName: string, single, optional, caseInsensitive, readWrite, default, none
            name.middleName: string, single, optional, caseInsensitive, readWrite, default, none
            name.honorificPrefix: string, single, optional, caseInsensitive, readWrite, default, none
            name.honorificSuffix: string, single, optional, caseInsensitive, readWrite, default, none
            displayName: string, single, optional, caseInsensitive, readWrite, default, none
            nickName: string, single, optional, caseInsensitive, readWrite, default, none
            profileUrl: reference, single, optional, caseInsensitive, readWrite, default, none, references external
            title: string, single, optional, caseInsensitive, readWrite, default, none
            userType: string, single, optional, caseInsensitive, readWrite, default, none
            preferredLanguage: string, single, optional, caseInsensitive, readWrite, default, none
            locale: string, single, optional, caseInsensitive, readWrite, default, none
            timezone: string, single, optional, caseInsensitive, readWrite, default, none
            active: boolean, single, optional, caseInsensitive, readWrite, default, none
            password: string, single, optional, caseInsensitive, writeOnly, never, none
            emails: complex, multi, optional, caseInsensitive, readWrite, default, none
            emails.value: string, single, optional, caseInsensitive, readWrite, default, none
            emails.display: string, single, optional, caseInsensitive, readWrite, default, none
            emails.type: string, single, optional, caseInsensitive, readWrite, default, none, canonical work/home/other
            emails.primary: boolean, single, optional, caseInsensitive, readWrite, default, none
            phoneNumbers: complex, multi, optional, caseInsensitive, readWrite, default, none
            phoneNumbers.value: string, single, optional, caseInsensitive, readWrite, default, none
            phoneNumbers.display: string, single, optional, caseInsensitive, readWrite, default, none
            phoneNumbers.type: string, single, optional, caseInsensitive, readWrite, default, none, canonical work/home/mobile/fax/pager/other
            phoneNumbers.primary: boolean, single, optional, caseInsensitive, readWrite, default, none
            ims: complex, multi, optional, caseInsensitive, readWrite, default, none
            ims.value: string, single, optional, caseInsensitive, readWrite, default, none
            ims.display: string, single, optional, caseInsensitive, readWrite, default, none
            ims.type: string, single, optional, caseInsensitive, readWrite, default, none, canonical aim/gtalk/icq/xmpp/msn/skype/qq/yahoo
            ims.primary: boolean, single, optional, caseInsensitive, readWrite, default, none
            photos: complex, multi, optional, caseInsensitive, readWrite, default, none
            photos.value: reference, single, optional, caseInsensitive, readWrite, default, none, references external
            photos.display: string, single, optional, caseInsensitive, readWrite, default, none
            photos.type: string, single, optional, caseInsensitive, readWrite, default, none, canonical photo/thumbnail
            photos.primary: boolean, single, optional, caseInsensitive, readWrite, default, none
            addresses: complex, multi, optional, caseInsensitive, readWrite, default, none
            addresses.formatted: string, single, optional, caseInsensitive, readWrite, default, none
            addresses.streetAddress: string, single, optional, caseInsensitive, readWrite, default, none
            addresses.locality: string, single, optional, caseInsensitive, readWrite, default, none
            addresses.region: string, single, optional, caseInsensitive, readWrite, default, none
            addresses.postalCode: string, single, optional, caseInsensitive, readWrite, default, none
            addresses.country: string, single, optional, caseInsensitive, readWrite, default, none
            addresses.type: string, single, optional, caseInsensitive, readWrite, default, none, canonical work/home/other
            addresses.primary: boolean, single, optional, caseInsensitive, readWrite, default, none
            groups: complex, multi, optional, caseInsensitive, readOnly, default, none
            groups.value: string, single, optional, caseInsensitive, readOnly, default, none
            groups.$ref: reference, single, optional, caseInsensitive, readOnly, default, none, references User/Group
            groups.display: string, single, optional, caseInsensitive, readOnly, default, none
            groups.type: string, single, optional, caseInsensitive, readOnly, default, none, canonical direct/indirect
            entitlements: complex, multi, optional, caseInsensitive, readWrite, default, none
            entitlements.value: string, single, optional, caseInsensitive, readWrite, default, none
            entitlements.display: string, single, optional, caseInsensitive, readWrite, default, none
            entitlements.type: string, single, optional, caseInsensitive, readWrite, default, none
            entitlements.primary: boolean, single, optional, caseInsensitive, readWrite, default, none
            roles: complex, multi, optional, caseInsensitive, readWrite, default, none
            roles.value: string, single, optional, caseInsensitive, readWrite, default, none
            roles.display: string, single, optional, caseInsensitive, readWrite, default, none
            roles.type: string, single, optional, caseInsensitive, readWrite, default, none
            roles.primary: boolean, single, optional, caseInsensitive, readWrite, default, none
            x509Certificates: complex, multi, optional, caseInsensitive, readWrite, default, none
            x509Certificates.value: binary, single, optional, caseInsensitive, readWrite, default, none
            x509Certificates.display: string, single, optional, caseInsensitive, readWrite, default, none
            x509Certificates.type: string, single, optional, caseInsensitive, readWrite, default, none
            x509Certificates.primary: boolean, single, optional, caseInsensitive, readWrite, default, none
            """)
    }

    func testGroupSchemaMatchesRFC7643Section871() {
        XCTAssertEqual(SCIMCatalog.group.id, "urn:ietf:params:scim:schemas:core:2.0:Group")
        XCTAssertEqual(SCIMCatalog.group.name, "Group")
        assertLines(SCIMCatalog.group.attributes, """
            displayName: string, single, optional, caseInsensitive, readWrite, default, none
            members: complex, multi, optional, caseInsensitive, readWrite, default, none
            members.value: string, single, optional, caseInsensitive, immutable, default, none
            members.$ref: reference, single, optional, caseInsensitive, immutable, default, none, references User/Group
            members.type: string, single, optional, caseInsensitive, immutable, default, none, canonical User/Group
            """)
    }

    func testEnterpriseUserSchemaMatchesRFC7643Section871() {
        XCTAssertEqual(SCIMCatalog.enterpriseUser.id, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
        XCTAssertEqual(SCIMCatalog.enterpriseUser.name, "EnterpriseUser")
        assertLines(SCIMCatalog.enterpriseUser.attributes, """
            employeeNumber: string, single, optional, caseInsensitive, readWrite, default, none
            costCenter: string, single, optional, caseInsensitive, readWrite, default, none
            organization: string, single, optional, caseInsensitive, readWrite, default, none
            division: string, single, optional, caseInsensitive, readWrite, default, none
            department: string, single, optional, caseInsensitive, readWrite, default, none
            manager: complex, single, optional, caseInsensitive, readWrite, default, none
            manager.value: string, single, optional, caseInsensitive, readWrite, default, none
            manager.$ref: reference, single, optional, caseInsensitive, readWrite, default, none, references User
            manager.displayName: string, single, optional, caseInsensitive, readOnly, default, none
            """)
    }

    func testCommonAttributesMatchRFC7643Section31() {
        assertLines(SCIMCatalog.commonAttributes, """
            id: string, single, optional, caseExact, readOnly, always, server
            externalId: string, single, optional, caseExact, readWrite, default, none
            meta: complex, single, optional, caseInsensitive, readOnly, default, none
            meta.resourceType: string, single, optional, caseExact, readOnly, default, none
            meta.created: dateTime, single, optional, caseInsensitive, readOnly, default, none
            meta.lastModified: dateTime, single, optional, caseInsensitive, readOnly, default, none
            meta.location: reference, single, optional, caseInsensitive, readOnly, default, none, references uri
            meta.version: string, single, optional, caseInsensitive, readOnly, default, none
            """)
        XCTAssertNil(SCIMCatalog.user.attribute(named: "externalId"), "common attributes belong to no schema")
        XCTAssertNil(SCIMCatalog.group.attribute(named: "id"))
    }

    func testEveryAttributeHasADescriptionAndOnlyComplexOnesHaveSubAttributes() {
        for schema in SCIMCatalog.schemas {
            for attribute in schema.attributes {
                XCTAssertFalse(attribute.description.isEmpty, attribute.name)
                XCTAssertEqual(attribute.type == .complex, !attribute.subAttributes.isEmpty, attribute.name)
                for sub in attribute.subAttributes {
                    XCTAssertFalse(sub.description.isEmpty, "\(attribute.name).\(sub.name)")
                    XCTAssertTrue(sub.subAttributes.isEmpty, "sub-attributes are never complex")
                }
            }
        }
    }

    // MARK: - Spot checks named in the RFC's prose

    func testSpotChecks() throws {
        let userName = try XCTUnwrap(SCIMCatalog.user.attribute(named: "userName"))
        XCTAssertEqual(userName.uniqueness, .server)
        XCTAssertTrue(userName.required)
        XCTAssertFalse(userName.caseExact)

        let emails = try XCTUnwrap(SCIMCatalog.user.attribute(named: "emails"))
        XCTAssertTrue(emails.multiValued)
        XCTAssertEqual(emails.subAttribute(named: "type")?.canonicalValues, ["work", "home", "other"])

        let password = try XCTUnwrap(SCIMCatalog.user.attribute(named: "password"))
        XCTAssertEqual(password.mutability, .writeOnly)
        XCTAssertEqual(password.returned, .never)

        let groups = try XCTUnwrap(SCIMCatalog.user.attribute(named: "groups"))
        XCTAssertEqual(groups.mutability, .readOnly)
        XCTAssertTrue(groups.subAttributes.allSatisfy { $0.mutability == .readOnly })

        let manager = try XCTUnwrap(SCIMCatalog.enterpriseUser.attribute(named: "manager"))
        XCTAssertEqual(manager.subAttributes.map(\.name), ["value", "$ref", "displayName"])
        XCTAssertEqual(manager.subAttribute(named: "$ref")?.referenceTypes, ["User"])

        let members = try XCTUnwrap(SCIMCatalog.group.attribute(named: "members"))
        XCTAssertEqual(members.subAttribute(named: "$ref")?.type, .reference)
        XCTAssertEqual(members.subAttribute(named: "$REF")?.referenceTypes, ["User", "Group"])
    }

    // MARK: - Lookups and names

    func testSchemaLookupIgnoresCase() {
        XCTAssertEqual(SCIMCatalog.schemas.map(\.name), ["User", "Group", "EnterpriseUser"])
        XCTAssertEqual(SCIMCatalog.schema(withID: "URN:IETF:params:scim:schemas:core:2.0:user")?.name, "User")
        XCTAssertEqual(SCIMCatalog.schema(withID: SCIMURN.enterpriseUser)?.name, "EnterpriseUser")
        XCTAssertNil(SCIMCatalog.schema(withID: "urn:ietf:params:scim:schemas:core:2.0:Device"))
        XCTAssertEqual(SCIMCatalog.user.attribute(named: "USERNAME")?.name, "userName")
        XCTAssertEqual(SCIMCatalog.commonAttribute(named: "EXTERNALID")?.name, "externalId")
        XCTAssertEqual(SCIMResource.user.coreSchema, SCIMCatalog.user)
        XCTAssertEqual(SCIMResource.group.standardExtensions, [])
    }

    func testURNConstants() {
        XCTAssertEqual(SCIMURN.listResponse, "urn:ietf:params:scim:api:messages:2.0:ListResponse")
        XCTAssertEqual(SCIMURN.serviceProviderConfig, "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig")
        XCTAssertEqual(SCIMURN.resourceType, "urn:ietf:params:scim:schemas:core:2.0:ResourceType")
        XCTAssertEqual(SCIMURN.schema, "urn:ietf:params:scim:schemas:core:2.0:Schema")
        XCTAssertEqual(SCIMURN.patchOp, "urn:ietf:params:scim:api:messages:2.0:PatchOp")
        XCTAssertEqual(SCIMURN.error, "urn:ietf:params:scim:api:messages:2.0:Error")
        XCTAssertEqual(SCIMURN.abbreviated(SCIMURN.enterpriseUser), "urn:…:enterprise:2.0:User")
        XCTAssertEqual(SCIMURN.abbreviated(SCIMURN.user), "urn:…:core:2.0:User")
        XCTAssertEqual(SCIMURN.abbreviated("urn:ietf:params:scim:schemas:extension:lucid:2.0:User"), "urn:…:lucid:2.0:User")
        XCTAssertEqual(SCIMURN.abbreviated("urn:example:custom"), "urn:example:custom")
    }

    func testAttributeTypeNames() {
        XCTAssertEqual(SCIMAttributeType.allCases.map(\.rawValue), [
            "string", "boolean", "decimal", "integer", "dateTime", "binary", "reference", "complex",
        ])
        XCTAssertEqual(SCIMAttributeType.allCases.map(\.displayName), [
            "String", "Boolean", "Decimal", "Integer", "DateTime", "Binary", "Reference", "Complex",
        ])
        XCTAssertEqual(SCIMAttributeType(displayName: "DATETIME"), .dateTime)
        XCTAssertEqual(SCIMAttributeType(displayName: " Reference "), .reference)
        XCTAssertNil(SCIMAttributeType(displayName: "Text"))
        XCTAssertNil(SCIMAttributeType(displayName: ""))
        XCTAssertEqual(SCIMMutability.allCases.map(\.rawValue), ["readOnly", "readWrite", "immutable", "writeOnly"])
        XCTAssertEqual(SCIMReturned.allCases.map(\.rawValue), ["always", "never", "default", "request"])
        XCTAssertEqual(SCIMUniqueness.allCases.map(\.rawValue), ["none", "server", "global"])
    }
}

// MARK: - Helpers

private extension SCIMCatalogTests {
    /// Compares one line per attribute and sub-attribute, reporting each line that differs.
    func assertLines(
        _ attributes: [SCIMAttributeDefinition],
        _ expected: String,
        file: StaticString = #filePath,
        line: UInt = #line
    ) {
        let actual = attributes.flatMap { attribute in
            [Self.line(attribute, prefix: "")] + attribute.subAttributes.map { Self.line($0, prefix: attribute.name + ".") }
        }
        let wanted = expected.split(separator: "\n").map(String.init)
        for (index, pair) in zip(actual, wanted).enumerated() where pair.0 != pair.1 {
            XCTFail("line \(index + 1):\n  actual:   \(pair.0)\n  expected: \(pair.1)", file: file, line: line)
        }
        XCTAssertEqual(actual.count, wanted.count, "number of attributes", file: file, line: line)
    }

    static func line(_ attribute: SCIMAttributeDefinition, prefix: String) -> String {
        var parts = [
            attribute.type.rawValue,
            attribute.multiValued ? "multi" : "single",
            attribute.required ? "required" : "optional",
            attribute.caseExact ? "caseExact" : "caseInsensitive",
            attribute.mutability.rawValue,
            attribute.returned.rawValue,
            attribute.uniqueness.rawValue,
        ]
        if !attribute.canonicalValues.isEmpty {
            parts.append("canonical " + attribute.canonicalValues.joined(separator: "/"))
        }
        if !attribute.referenceTypes.isEmpty {
            parts.append("references " + attribute.referenceTypes.joined(separator: "/"))
        }
        return prefix + attribute.name + ": " + parts.joined(separator: ", ")
    }
}
