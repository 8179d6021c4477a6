import SCIMGenKit
import XCTest

final class AttributeResolutionTests: XCTestCase {
    /// The custom extension the Lucid tutorial's table uses.
    static let lucid = SCIMSchemaDefinition(
        id: "urn:ietf:params:scim:schemas:extension:lucid:2.0:User",
        name: "LucidUser",
        attributes: [
            SCIMAttributeDefinition(name: "billingCode"),
            SCIMAttributeDefinition(
                name: "productLicenses",
                type: .complex,
                subAttributes: ["Lucidchart", "Lucidspark", "LucidscaleCreator", "LucidscaleExplorer"].map {
                    SCIMAttributeDefinition(name: $0)
                }
            ),
        ]
    )

    // MARK: - The seed tables

    /// Every valid row of the seed tutorials' attribute tables: path, resource and table type.
    static let seedRows: [(String, SCIMResource, String)] = [
        ("userName", .user, "String"),
        ("title", .user, "String"),
        ("active", .user, "Boolean"),
        ("emails[type eq \"work\"].value", .user, "String"),
        ("preferredLanguage", .user, "String"),
        ("name.givenName", .user, "String"),
        ("name.familyName", .user, "String"),
        ("name.formatted", .user, "String"),
        ("timezone", .user, "String"),
        ("displayName", .user, "String"),
        ("externalId", .user, "String"),
        ("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", .user, "Reference"),
        ("urn:ietf:params:scim:schemas:extension:lucid:2.0:User:billingCode", .user, "String"),
        ("urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.Lucidchart", .user, "String"),
        ("urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.LucidscaleCreator", .user, "String"),
        ("urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.LucidscaleExplorer", .user, "String"),
        ("urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.Lucidspark", .user, "String"),
        ("displayName", .group, "String"),
        ("externalId", .group, "String"),
        ("members", .group, "Reference"),
    ]

    func testEverySeedRowResolvesAndAcceptsItsTableType() throws {
        for (text, resource, tableType) in Self.seedRows {
            let resolved = try resolve(text, on: resource, extensions: [Self.lucid])
            XCTAssertTrue(resolved.acceptsTableType(tableType), "\(text) as \(tableType)")
            XCTAssertFalse(resolved.acceptsTableType("Integer"), "\(text) as Integer")
        }
    }

    // MARK: - What paths name

    func testSubAttributeGivesTheType() throws {
        let givenName = try resolve("name.givenName")
        XCTAssertEqual(givenName.schema?.id, SCIMURN.user)
        XCTAssertEqual(givenName.attribute.name, "name")
        XCTAssertEqual(givenName.subAttribute?.name, "givenName")
        XCTAssertEqual(givenName.type, .string)
        XCTAssertEqual(givenName.qualifiedName, "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName")

        let workEmail = try resolve("emails[type eq \"work\"].value")
        XCTAssertEqual(workEmail.attribute.name, "emails")
        XCTAssertEqual(workEmail.definition.name, "value")
        XCTAssertEqual(workEmail.type, .string)
        XCTAssertEqual(workEmail.qualifiedName, "urn:ietf:params:scim:schemas:core:2.0:User:emails.value")

        let street = try resolve("addresses[type eq \"work\"].streetAddress")
        XCTAssertEqual(street.type, .string)

        let emails = try resolve("emails[type eq \"work\"]")
        XCTAssertEqual(emails.type, .complex)
        XCTAssertNil(emails.subAttribute)
    }

    func testManagerAndMembersAreComplexButTablesCallThemReference() throws {
        let manager = try resolve("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager")
        XCTAssertEqual(manager.schema?.id, SCIMURN.enterpriseUser)
        XCTAssertEqual(manager.type, .complex)
        XCTAssertTrue(manager.acceptsTableType("Reference"))
        XCTAssertTrue(manager.acceptsTableType("complex"))
        // A gallery app's Entra schema may hold the manager as a string (its id), and published
        // tutorials type it so: String is accepted for references and complex attributes.
        XCTAssertTrue(manager.acceptsTableType("String"))
        XCTAssertFalse(manager.acceptsTableType("Boolean"))
        XCTAssertTrue(try resolve("profileUrl").acceptsTableType("String"))
        XCTAssertFalse(try resolve("active").acceptsTableType("String"))
        XCTAssertTrue(try resolve("roles").acceptsTableType("String"))

        let members = try resolve("members", on: .group)
        XCTAssertEqual(members.type, .complex)
        XCTAssertTrue(members.acceptsTableType("reference"))

        let managerID = try resolve("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value")
        XCTAssertEqual(managerID.type, .string)
        XCTAssertFalse(managerID.acceptsTableType("Reference"))

        XCTAssertTrue(try resolve("groups").acceptsTableType("Reference"), "groups has a $ref sub-attribute")
        XCTAssertFalse(try resolve("emails").acceptsTableType("Reference"))
        XCTAssertFalse(try resolve("name").acceptsTableType("Reference"))
        XCTAssertFalse(try resolve("userName").acceptsTableType("Text"))
        XCTAssertTrue(try resolve("profileUrl").acceptsTableType("Reference"))

        // An extension that models its own manager without $ref still reads as a reference.
        let custom = SCIMSchemaDefinition(id: "urn:example:hr:1.0:User", name: "HR", attributes: [
            SCIMAttributeDefinition(name: "manager", type: .complex, subAttributes: [SCIMAttributeDefinition(name: "value")]),
        ])
        XCTAssertTrue(try resolve("urn:example:hr:1.0:User:manager", extensions: [custom]).acceptsTableType("Reference"))
    }

    func testCommonAttributesResolveForUsersAndGroups() throws {
        for resource in SCIMResource.allCases {
            let externalId = try resolve("externalId", on: resource)
            XCTAssertTrue(externalId.isCommonAttribute)
            XCTAssertNil(externalId.schema)
            XCTAssertEqual(externalId.qualifiedName, "externalId")
            XCTAssertEqual(try resolve("id", on: resource).attribute.returned, .always)
            XCTAssertEqual(try resolve("meta.lastModified", on: resource).type, .dateTime)
        }
        XCTAssertTrue(try resolve("urn:ietf:params:scim:schemas:core:2.0:User:externalId").isCommonAttribute)
    }

    func testNamesAndURNsIgnoreCase() throws {
        let resolved = try resolve("URN:IETF:params:scim:schemas:extension:ENTERPRISE:2.0:user:Manager.$REF")
        XCTAssertEqual(resolved.qualifiedName, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.$ref")
        XCTAssertEqual(resolved.type, .reference)
        XCTAssertEqual(try resolve("EMAILS[TYPE eq \"work\"].VALUE").definition.name, "value")
        XCTAssertEqual(try resolve("urn:ietf:params:scim:schemas:core:2.0:User:userName").attribute.name, "userName")
    }

    func testExtensionsReplaceStandardOnes() throws {
        let narrow = SCIMSchemaDefinition(id: SCIMURN.enterpriseUser, name: "EnterpriseUser", attributes: [
            SCIMAttributeDefinition(name: "department"),
        ])
        XCTAssertNoThrow(try resolve("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", extensions: [narrow]))
        assertError(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
            extensions: [narrow],
            "unknown attribute 'manager' in schema 'urn:…:enterprise:2.0:User'",
            at: 59
        )
    }

    // MARK: - Errors

    func testUnknownNamesSuggestTheClosest() {
        assertError(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organisation",
            "unknown attribute 'organisation' in schema 'urn:…:enterprise:2.0:User'; did you mean 'organization'?",
            at: 59
        )
        assertError(
            "urn:ietf:params:scim:schemas:core:2.0:User:xxxx",
            "unknown attribute 'xxxx' in schema 'urn:…:core:2.0:User'",
            at: 43
        )
        assertError("usrName", "unknown attribute 'usrName' in schema 'urn:…:core:2.0:User'; did you mean 'userName'?", at: 0)
        assertError("externalID2", "unknown attribute 'externalID2' in schema 'urn:…:core:2.0:User'; did you mean 'externalId'?", at: 0)
        assertError(
            "department",
            "unknown attribute 'department' in schema 'urn:…:core:2.0:User'; "
                + "did you mean 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department'?",
            at: 0
        )
        assertError("manager", on: .group, "unknown attribute 'manager' in schema 'urn:…:core:2.0:Group'", at: 0)
        assertError("name.givenNam", "unknown sub-attribute 'givenNam' of 'name'; did you mean 'givenName'?", at: 5)
        assertError(
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.Lucidcharts",
            extensions: [Self.lucid],
            "unknown sub-attribute 'Lucidcharts' of 'productLicenses'; did you mean 'Lucidchart'?",
            at: 70
        )
    }

    func testMisshapenPaths() {
        assertError("userName.first", "'userName' is a string attribute and has no sub-attribute 'first'", at: 9)
        assertError("name[givenName eq \"x\"]", "'name' is not multi-valued, so it cannot take a value filter", at: 4)
        assertError(
            "emails[typ eq \"work\"].value",
            "unknown attribute 'typ' in the value filter of 'emails'; did you mean 'type'?",
            at: 7
        )
        assertError(
            "emails[type eq \"work\" and value.x pr].value",
            "'value.x' in the value filter of 'emails' must be a sub-attribute name of 'emails'",
            at: 26
        )
        let strings = SCIMSchemaDefinition(id: "urn:example:tags:1.0:User", name: "Tags", attributes: [
            SCIMAttributeDefinition(name: "tags", multiValued: true),
        ])
        assertError(
            "urn:example:tags:1.0:User:tags[value eq \"x\"]",
            extensions: [strings],
            "'tags' has no sub-attributes for a value filter to test",
            at: 30
        )
    }

    func testSchemaErrors() {
        assertError(
            "urn:ietf:params:scim:schemas:extension:enterprize:2.0:User:manager",
            "unknown schema 'urn:…:enterprize:2.0:User'; did you mean 'urn:…:enterprise:2.0:User'?",
            at: 0
        )
        assertError(
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User:billingCode",
            "unknown schema 'urn:…:lucid:2.0:User'",
            at: 0
        )
        assertError(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
            on: .group,
            "schema 'urn:…:enterprise:2.0:User' does not apply to Group resources",
            at: 0
        )
        assertError(
            "urn:ietf:params:scim:schemas:core:2.0:Group:displayName",
            "schema 'urn:…:core:2.0:Group' does not apply to User resources",
            at: 0
        )
        assertError(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            "'urn:…:enterprise:2.0:User' is a schema, not an attribute; add ':' and an attribute name",
            at: 0
        )
    }
}

// MARK: - Helpers

private extension AttributeResolutionTests {
    func resolve(
        _ text: String,
        on resource: SCIMResource = .user,
        extensions: [SCIMSchemaDefinition] = []
    ) throws -> ResolvedAttribute {
        try SCIMCatalog.resolve(AttributePath(parsing: text), resource: resource, extensions: extensions).get()
    }

    func assertError(
        _ text: String,
        on resource: SCIMResource = .user,
        extensions: [SCIMSchemaDefinition] = [],
        _ message: String,
        at offset: Int,
        file: StaticString = #filePath,
        line: UInt = #line
    ) {
        do {
            let path = try AttributePath(parsing: text)
            switch SCIMCatalog.resolve(path, resource: resource, extensions: extensions) {
            case .success(let resolved):
                XCTFail("\(text) resolved to \(resolved.qualifiedName)", file: file, line: line)
            case .failure(let error):
                XCTAssertEqual("\(error.message) at \(error.offset)", "\(message) at \(offset)", file: file, line: line)
            }
        } catch {
            XCTFail("\(text) did not parse: \(error)", file: file, line: line)
        }
    }
}
