import XCTest
@testable import SCIMGenKit

/// The merge on a small schema: the whole result once, then every refusal with its exact message.
final class EntraMergeRefusalTests: XCTestCase {
    /// A minimal schema that LUSID merges into; each test breaks one thing in it.
    private let schema = #"""
        {
          "id": "scim.small",
          "directories": [
            {"name": "Microsoft Entra ID", "objects": [
              {"name": "User", "attributes": [
                {"name": "objectId", "anchor": true},
                {"name": "userPrincipalName"}, {"name": "IsSoftDeleted"}, {"name": "mail"},
                {"name": "givenName"}, {"name": "surname"}, {"name": "mailNickname"}, {"name": "displayName"}
              ]},
              {"name": "Group", "attributes": [
                {"name": "objectId", "anchor": true}, {"name": "displayName"}, {"name": "members"}
              ]}
            ]},
            {"name": "customappsso", "objects": [
              {"name": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "attributes": [
                {"name": "id", "anchor": true},
                {"name": "UserName", "type": "String", "required": false, "x-note": "kept"},
                {"name": "active", "type": "Boolean"},
                {"name": "displayName", "type": "String"}
              ]},
              {"name": "urn:ietf:params:scim:schemas:core:2.0:Group", "attributes": [
                {"name": "id", "anchor": true}, {"name": "displayName"}
              ]}
            ]}
          ],
          "synchronizationRules": [
            {"name": "USERGROUP_OUTBOUND_USERGROUP", "sourceDirectoryName": "Microsoft Entra ID", "targetDirectoryName": "customappsso", "objectMappings": [
              {"name": "Provision Microsoft Entra ID Users", "sourceObjectName": "User", "targetObjectName": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "attributeMappings": [
                {"targetAttributeName": "UserName", "matchingPriority": 1, "source": {"expression": "[mail]", "name": "mail", "parameters": [], "type": "Attribute"}},
                {"targetAttributeName": "active", "source": {"expression": "Not([IsSoftDeleted])", "name": "Not", "parameters": [], "type": "Function"}},
                {"targetAttributeName": "displayName", "flowType": "ObjectAddOnly", "source": {"expression": "Join(\" \", [givenName], [surname])", "name": "Join", "parameters": [], "type": "Function"}}
              ]},
              {"name": "Provision Microsoft Entra ID Groups", "sourceObjectName": "Group", "targetObjectName": "urn:ietf:params:scim:schemas:core:2.0:Group", "attributeMappings": [
                {"targetAttributeName": "displayName", "matchingPriority": 1, "source": {"expression": "[displayName]", "name": "displayName", "parameters": [], "type": "Attribute"}}
              ]}
            ]}
          ]
        }
        """#

    private func lusid() throws -> ResolvedVendor { try EntraTestSupport.vendor("lusid") }

    /// The schema with each `(old, new)` replaced, every `old` found exactly once.
    private func edited(_ edits: [(String, String)], file: StaticString = #filePath, line: UInt = #line) -> [UInt8] {
        var text = schema
        for (old, new) in edits {
            XCTAssertEqual(text.components(separatedBy: old).count, 2, "'\(old)' must occur once", file: file, line: line)
            text = text.replacingOccurrences(of: old, with: new)
        }
        return Array(text.utf8)
    }

    /// The messages of a refused merge; fails when the merge succeeds.
    private func refusal(
        _ bytes: [UInt8], vendor: ResolvedVendor? = nil, file: StaticString = #filePath, line: UInt = #line
    ) throws -> [String] {
        let vendor = try vendor ?? lusid()
        do {
            _ = try EntraMerge.merge(schema: bytes, file: "schema.json", vendor: vendor)
            XCTFail("the merge succeeded", file: file, line: line)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    // MARK: - The whole result

    func testSmallSchemaMergesAsExpected() throws {
        var vendor = try lusid().descriptor
        // With '--prefer vendor' the vendor's sources and flow settings replace the tenant's ('UserName'
        // from mail, 'externalId'); the same expression keeps the tenant's source ('active').
        vendor.users.attributes[0].source = .attribute("userPrincipalName")
        vendor.users.attributes[1].source = .expression("Not([IsSoftDeleted])")
        vendor.users.attributes[5].source = .attribute("objectId")
        vendor.users.attributes[5].flowType = .objectAddOnly
        let merged = try EntraMerge.merge(
            schema: Array(schema.utf8), file: "schema.json", vendor: try vendor.checked(), options: .init(prefer: .vendor)).schema
        let value = try EntraTestSupport.parse(merged)
        XCTAssertEqual(SchemaInvariants.problems(in: value), [])
        EntraTestSupport.assertGolden(merged, "small-schema/lusid.prefer-vendor.json", in: EntraTestSupport.merged)
    }

    /// The descriptor's `required` reaches the definitions the merge adds; definitions the tenant
    /// already has keep theirs, and the report names each difference.
    func testAddedDefinitionsCarryTheVendorsRequired() throws {
        let merged = try EntraMerge.merge(schema: Array(schema.utf8), file: "schema.json", vendor: try lusid())
        let (attributes, _) = SchemaInvariants.vendorPlaces(try EntraTestSupport.parse(merged.schema), resource: .user)
        let required = Dictionary(uniqueKeysWithValues: attributes.compactMap { attribute in
            attribute["name"]?.string.map { ($0, attribute["required"]) }
        })
        // Added: LUSID requires all four.
        for name in [#"emails[type eq "work"].value"#, "name.givenName", "name.familyName", "externalId"] {
            XCTAssertEqual(required[name], .bool(true), name)
        }
        // The tenant's own: 'UserName' says false and stays so; 'active' says nothing and stays so.
        XCTAssertEqual(required["UserName"], .bool(false))
        XCTAssertEqual(required["active"], .some(nil))
        XCTAssertEqual(
            merged.report.objects.first?.definitions.map { "\($0.attribute) \($0.setting) \($0.tenant) \($0.vendor) \($0.kept)" },
            ["UserName required false true tenant", "active required false true tenant"])
    }

    // MARK: - Not a schema

    func testNotJSON() throws {
        XCTAssertEqual(
            try refusal(Array(#"{"directories": [}"#.utf8)),
            ["schema.json:1:18: error: unexpected character '}'; expected a value"])
    }

    func testNotASchema() throws {
        XCTAssertEqual(
            try refusal(Array("[]".utf8)),
            ["schema.json:1:1: error: 'schema.json' holds an array, not a synchronization schema; download the schema of the app's provisioning job"])
        XCTAssertEqual(
            try refusal(Array(#"{"value": []}"#.utf8)),
            [
                "schema.json:1:1: error: 'schema.json' is not a synchronization schema: it has no 'directories'; download the whole schema of the app's provisioning job, not a part of it",
                "schema.json:1:1: error: 'schema.json' is not a synchronization schema: it has no 'synchronizationRules'; download the whole schema of the app's provisioning job, not a part of it",
            ])
    }

    func testUTF16IsRefused() throws {
        XCTAssertEqual(
            try refusal([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]),
            ["schema.json:1:1: error: 'schema.json' is UTF-16 text; save it as UTF-8 and merge again"])
    }

    func testWrongTypesAndDuplicateKeysInThePartsTheMergeTouches() throws {
        XCTAssertEqual(
            try refusal(edited([
                (#"{"name": "active", "type": "Boolean"}"#, #"{"name": "active", "anchor": "no"}"#),
                (#""targetDirectoryName": "customappsso", "objectMappings": ["#,
                 #""targetDirectoryName": "customappsso", "targetDirectoryName": "other", "objectMappings": ["#),
                (#"{"targetAttributeName": "active", "source""#, #"{"targetAttributeName": "active", "matchingPriority": "1", "source""#),
            ])),
            [
                "schema.json:18:38: error: 'directories[1].objects[0].attributes[2].anchor' must be true or false, not a string",
                "schema.json:27:130: error: duplicate key 'targetDirectoryName' in 'synchronizationRules[0]'; the first is on line 27",
                "schema.json:30:63: error: 'synchronizationRules[0].objectMappings[0].attributeMappings[1].matchingPriority' must be an integer, not a string",
            ])
        // A directory whose name cannot be read is named in the refusal.
        XCTAssertEqual(
            try refusal(edited([(#"{"name": "customappsso", "objects": ["#, #"{"name": 7, "objects": ["#)])),
            [
                "schema.json:14:14: error: 'directories[1].name' must be a string, not a number",
                "schema.json:27:114: error: rule 'USERGROUP_OUTBOUND_USERGROUP' writes to directory 'customappsso', which 'directories' does not define",
            ])
    }

    /// Rules, object mappings, directories and objects the merge does not touch stay as they are,
    /// whatever they hold: the merge neither checks nor changes them.
    func testPartsTheMergeDoesNotTouchMayHoldAnything() throws {
        let untouched = #"{"name": null, "enabled": "maybe", "sourceObjectName": "", "targetObjectName": 5, "attributeMappings": [{"targetAttributeName": "Name", "source": {"expression": "Not([", "type": "Function"}}]},"#
        let rule = #"{"name": "PROFILE_INBOUND_APPROLE", "sourceDirectoryName": "salesforce.com", "targetDirectoryName": null, "objectMappings": [7, {"sourceObjectName": ""}]},"#
        let directory = #"{"name": "salesforce.com", "objects": [{"name": "Profile", "attributes": [{"name": 1}, {"name": "Id", "anchor": "yes"}]}, 3]},"#
        let bytes = edited([
            (#"{"name": "Provision Microsoft Entra ID Groups""#, untouched + #"{"name": "Provision Microsoft Entra ID Groups""#),
            (#""synchronizationRules": ["#, #""synchronizationRules": ["# + rule),
            (#""directories": ["#, #""directories": ["# + directory),
        ])
        let merged = try EntraMerge.merge(schema: bytes, file: "schema.json", vendor: try lusid())
        let before = try EntraTestSupport.parse(bytes)
        var appended = 0
        XCTAssertNil(SchemaInvariants.onlyAppended(before, try EntraTestSupport.parse(merged.schema), count: &appended))
        // LUSID's four user and two group definitions and mappings the small schema lacks.
        XCTAssertEqual(appended, 12)
        XCTAssertEqual(merged.report.objects.reduce(0) { $0 + $1.addedAttributes.count + $1.addedMappings.count }, 12)
    }

    // MARK: - Finding the object mappings

    func testNoRuleFromEntra() throws {
        XCTAssertEqual(
            try refusal(edited([(#""sourceDirectoryName": "Microsoft Entra ID""#, #""sourceDirectoryName": "Okta""#)])),
            ["schema.json:1:1: error: no synchronization rule reads from 'Microsoft Entra ID' or 'Azure Active Directory'; download the schema of the app's provisioning job"])
    }

    func testNoUserMapping() throws {
        XCTAssertEqual(
            try refusal(edited([(#""sourceObjectName": "User""#, #""sourceObjectName": "Contact""#)])),
            ["schema.json:27:5: error: rule 'USERGROUP_OUTBOUND_USERGROUP' has no object mapping from 'User' to 'urn:…:enterprise:2.0:User', 'urn:…:core:2.0:User' or 'User'"])
    }

    func testTwoUserMappings() throws {
        let second = #"{"name": "Second users", "sourceObjectName": "User", "targetObjectName": "User", "attributeMappings": []},"#
        XCTAssertEqual(
            try refusal(edited([(#"{"name": "Provision Microsoft Entra ID Groups""#, second + #"{"name": "Provision Microsoft Entra ID Groups""#)])),
            ["schema.json:33:7: error: object mappings 'Provision Microsoft Entra ID Users' and 'Second users' both provision users from 'Microsoft Entra ID'; keep one of them so that the merge knows where the vendor's mappings go"])
    }

    func testNoGroupMappingForAVendorWithGroups() throws {
        XCTAssertEqual(
            try refusal(edited([(#""sourceObjectName": "Group""#, #""sourceObjectName": "Team""#)]), vendor: try EntraTestSupport.vendor("thrive-lxp")),
            [
                "schema.json:27:5: error: rule 'USERGROUP_OUTBOUND_USERGROUP' has no object mapping from 'Group' to 'urn:…:core:2.0:Group' or 'Group', but 'Thrive LXP' provisions groups; download the schema of an app whose provisioning has group mappings"
            ])
        // LUSID's groups are optional: its users merge, and the report says what was left out.
        let lusid = try EntraMerge.merge(schema: edited([(#""sourceObjectName": "Group""#, #""sourceObjectName": "Team""#)]), file: "schema.json", vendor: try lusid())
        XCTAssertEqual(lusid.report.objects.map(\.object), ["User"])
        XCTAssertEqual(
            lusid.report.toDo.first,
            "provision groups separately if you want them: the schema has no object mapping from 'Group' to 'urn:…:core:2.0:Group' or 'Group', so the merge left out LUSID's group mappings (optional for LUSID)")
        // A vendor without groups merges without one.
        XCTAssertNoThrow(
            try EntraMerge.merge(
                schema: edited([(#""sourceObjectName": "Group""#, #""sourceObjectName": "Team""#), (#""name": "Group", "attributes""#, #""name": "Team", "attributes""#)]),
                file: "schema.json", vendor: try EntraTestSupport.vendor("thousandeyes")))
    }

    // MARK: - Names that disagree

    func testRuleNamesAnUndefinedDirectory() throws {
        XCTAssertEqual(
            try refusal(edited([(#""targetDirectoryName": "customappsso""#, #""targetDirectoryName": "customapps""#)])),
            ["schema.json:27:114: error: rule 'USERGROUP_OUTBOUND_USERGROUP' writes to directory 'customapps', which 'directories' does not define; did you mean 'customappsso'?"])
    }

    func testObjectMappingNamesAnUndefinedObject() throws {
        XCTAssertEqual(
            try refusal(edited([(
                #""targetObjectName": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#,
                #""targetObjectName": "urn:ietf:params:scim:schemas:core:2.0:User""#)])),
            ["schema.json:28:102: error: object mapping 'Provision Microsoft Entra ID Users' writes object 'urn:ietf:params:scim:schemas:core:2.0:User', which directory 'customappsso' does not define; it defines 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', 'urn:ietf:params:scim:schemas:core:2.0:Group'"])
    }

    // MARK: - Mappings

    func testMappingToAnUndefinedTarget() throws {
        XCTAssertEqual(
            try refusal(edited([(#"{"targetAttributeName": "displayName", "flowType""#, #"{"targetAttributeName": "displayNme", "flowType""#)])),
            ["schema.json:31:33: error: 'Provision Microsoft Entra ID Users' maps 'displayNme', which object 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' of directory 'customappsso' does not define; did you mean 'displayName'?"])
    }

    func testTargetMappedTwice() throws {
        XCTAssertEqual(
            try refusal(edited([(#"{"targetAttributeName": "active", "source""#, #"{"targetAttributeName": "username", "source""#)])),
            ["schema.json:30:33: error: 'username' is mapped twice in 'Provision Microsoft Entra ID Users'; the first mapping is on line 29"])
    }

    func testTenantSourceAttributeUndefined() throws {
        XCTAssertEqual(
            try refusal(edited([(#"[givenName], [surname])"#, #"[givenName], [surnam])"#)])),
            ["schema.json:31:128: error: 'Provision Microsoft Entra ID Users' maps 'displayName' from 'surnam', which object 'User' of directory 'Microsoft Entra ID' does not define; did you mean 'surname'?"])
    }

    func testVendorSourceAttributeUndefined() throws {
        var vendor = try lusid().descriptor
        vendor.users.attributes[5].source = .attribute("employeeHireDate")
        XCTAssertEqual(
            try refusal(Array(schema.utf8), vendor: try vendor.checked()),
            ["schema.json:5:7: error: 'LUSID' maps 'externalId' from 'employeeHireDate', which object 'User' of directory 'Microsoft Entra ID' does not define; add it to the object's attribute list, or map 'externalId' yourself after the merge"])
    }

    /// An Entra attribute every tenant has, missing from a hand-made schema's list, is added to it
    /// rather than refused, and the report says so.
    func testAKnownEntraAttributeMissingFromTheSourceListIsAdded() throws {
        let bytes = edited([(#"{"name": "mailNickname"}, "#, "")])
        let merged = try EntraMerge.merge(schema: bytes, file: "schema.json", vendor: try lusid())
        XCTAssertEqual(merged.report.objects.map(\.addedSourceAttributes), [["mailNickname"], []])
        let output = try EntraTestSupport.parse(merged.schema)
        let source = output["directories"]?.array?.first?["objects"]?.array?.first?["attributes"]?.array ?? []
        XCTAssertEqual(source.last?["name"], "mailNickname")
        XCTAssertEqual(source.last?["type"], "String")
        XCTAssertEqual(SchemaInvariants.problems(in: output), [])
        XCTAssertTrue(merged.report.text.contains("  added to the attribute list of 'User' in 'Microsoft Entra ID': 'mailNickname'"), merged.report.text)
    }

    func testExpressionThatDoesNotParse() throws {
        XCTAssertEqual(
            try refusal(edited([(#""expression": "Not([IsSoftDeleted])""#, #""expression": "Not([IsSoftDeleted)""#)])),
            ["schema.json:30:73: error: the expression of 'synchronizationRules[0].objectMappings[0].attributeMappings[1].source' does not parse: '[' is never closed; end the attribute name with ']'"])
    }

    func testAnchors() throws {
        XCTAssertEqual(
            try refusal(edited([(#"{"name": "id", "anchor": true},"# + "\n", #"{"name": "id"},"# + "\n")])),
            ["schema.json:15:7: error: object 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' of directory 'customappsso' has no anchor attribute; Entra needs exactly one"])
        XCTAssertEqual(
            try refusal(edited([(#"{"name": "active", "type": "Boolean"}"#, #"{"name": "active", "anchor": true}"#)])),
            ["schema.json:15:7: error: object 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' of directory 'customappsso' has 2 anchor attributes ('id', 'active'); Entra needs exactly one"])
    }

    func testAttributeDefinedTwice() throws {
        XCTAssertEqual(
            try refusal(edited([(#"{"name": "active", "type": "Boolean"}"#, #"{"name": "ACTIVE"}, {"name": "active", "type": "Boolean"}"#)])),
            ["schema.json:18:38: error: attribute 'active' is defined twice in object 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' of directory 'customappsso'; the first definition is on line 18"])
    }

    func testEveryProblemInOneRun() throws {
        XCTAssertEqual(
            try refusal(edited([
                (#"{"name": "id", "anchor": true},"# + "\n", #"{"name": "id"},"# + "\n"),
                (#"{"targetAttributeName": "displayName", "flowType""#, #"{"targetAttributeName": "nickName", "flowType""#),
                (#"[givenName], [surname])"#, #"[givenName], [surnam])"#),
            ])),
            [
                "schema.json:15:7: error: object 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' of directory 'customappsso' has no anchor attribute; Entra needs exactly one",
                "schema.json:31:33: error: 'Provision Microsoft Entra ID Users' maps 'nickName', which object 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' of directory 'customappsso' does not define",
                "schema.json:31:125: error: 'Provision Microsoft Entra ID Users' maps 'nickName' from 'surnam', which object 'User' of directory 'Microsoft Entra ID' does not define; did you mean 'surname'?",
            ])
    }

    /// A descriptor whose expression does not parse never becomes a checked vendor, so it cannot be merged.
    func testVendorExpressionThatDoesNotParseIsLocatedInTheDescriptor() throws {
        var vendor = try lusid().descriptor
        vendor.users.attributes[4].source = .expression("Trim([surname)")
        vendor.users.attributes[4].origin = Origin(SourceLocation(file: "Vendors/lusid/vendor.json", line: 90, column: 17))
        XCTAssertThrowsError(try vendor.checked()) { error in
            XCTAssertEqual(
                (error as? DiagnosticsError)?.diagnostics.filter { $0.severity == .error }.map(\.description),
                ["Vendors/lusid/vendor.json:90:17: error: 'users.attributes[4].expression': '[' is never closed; end the attribute name with ']'"])
        }
    }
}
