import XCTest
@testable import SCIMGenKit

final class VendorSetDiffTests: XCTestCase {
    static let vendors = VendorLoader.load(directory: Repository.vendors, display: "Vendors").vendors

    func vendor(_ id: String) throws -> VendorDescriptor { try XCTUnwrap(Self.vendors.first { $0.id == id }) }

    func testIdenticalSetsHaveNoChanges() {
        let diff = VendorSetDiff.compare(old: Self.vendors, new: Self.vendors.reversed())
        XCTAssertTrue(diff.isEmpty)
        XCTAssertEqual(diff.markdown(), "No changes.\n")
        XCTAssertEqual(JSONWriter.write(diff.json()), "{\n  \"changed\": false,\n  \"vendors\": []\n}\n")
    }

    func testVendorsAddedAndRemoved() throws {
        let diff = VendorSetDiff.compare(old: [try vendor("lusid")], new: [try vendor("thousandeyes")])
        XCTAssertEqual(
            diff.markdown(),
            """
            ## scimgen diff: 2 vendors changed

            ### LUSID (`lusid`): removed

            ### ThousandEyes (`thousandeyes`): added

            """)
    }

    func testEveryAreaIsReported() throws {
        let old = try vendor("lucid-all-products")
        var new = old
        new.name = "Lucid"
        new.capabilities.singleSignOn = false
        new.service.bulk.supported = true
        new.prerequisites.removeFirst()
        new.prerequisites.append(Prerequisite(kind: .role, text: "The **Lucid admin** role."))
        new.credentials.steps[1].text = "Click **Integrations** in the left-hand menu."
        new.credentials.steps.append(CredentialStep(text: "Copy the token.", code: CodeBlock(language: "bash", body: "echo `token`")))
        new.notes.append(Note(kind: .warning, section: .credentials, text: "Tokens expire | after a year\nRenew them."))
        new.assignmentTips = ["Assign one user first."]
        new.users.attributes[2].type = .string
        new.users.attributes[2].filterable = true
        new.users.attributes.removeLast()
        new.users.attributes.append(AttributeMapping(path: "title", type: .string, filterable: false, required: nil))
        new.groups = nil
        new.extensions[0].attributes[0].description = "The cost centre."
        let diff = VendorSetDiff.compare(old: [old], new: [new])
        XCTAssertEqual(
            diff.markdown(),
            """
            ## scimgen diff: 1 vendor changed

            ### Lucid (`lucid-all-products`): changed

            **Metadata**

            - changed `vendor`: name `Lucid (All Products)` → `Lucid`

            **Capabilities**

            - changed `capabilities`: single sign-on `yes` → `no`

            **SCIM features**

            - changed `scim`: bulk `no` → `yes`

            **Prerequisites**

            - removed `A user account in Lucid (All Products) with Admin rights.`
            - added `The **Lucid admin** role.`: kind role

            **Credential steps**

            - changed `step 2`: text `Click **App integration** in the left-hand menu.` → `Click **Integrations** in the left-hand menu.`
            - added `step 5`: Copy the token.

            **Notes and tips**

            - added `warning in credentials: Tokens expire | after a year⏎Renew them.`

            **Assignment tips**

            - added `Assign one user first.`

            **User attributes**

            - removed `urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.LucidscaleCreator`
            - changed `active`: type `Boolean` → `String`; filterable `no` → `yes`
            - added `title`: type String

            **Group attributes**

            - removed `group table`: 2 attributes

            **Extension schemas**

            - changed `urn:ietf:params:scim:schemas:extension:lucid:2.0:User:billingCode`: description `\(old.extensions[0].attributes[0].description)` → `The cost centre.`

            """)
        let json = JSONWriter.write(diff.json())
        XCTAssertTrue(json.contains("{\n          \"area\": \"groupAttributes\",\n          \"kind\": \"removed\",\n          \"item\": \"group table\",\n          \"old\": \"2 attributes\"\n        }"), json)
        XCTAssertTrue(json.hasPrefix("{\n  \"changed\": true,\n  \"vendors\": [\n    {\n      \"id\": \"lucid-all-products\""), json)
    }

    func testCustomFieldsAndExtensionsAddedOrRemoved() throws {
        let old = try vendor("thrive-lxp")
        var new = old
        new.customFieldMappings?.allowedAttributes.removeLast()
        new.customFieldMappings?.allowedAttributes[0].fieldRef = "empno"
        new.extensions = [ExtensionSchema(id: "urn:ietf:params:scim:schemas:extension:thrive:2.0:User", name: "ThriveUser", attributes: [])]
        let lines = VendorSetDiff.compare(old: [old], new: [new]).markdown().split(separator: "\n")
        XCTAssertTrue(lines.contains("- added `urn:ietf:params:scim:schemas:extension:thrive:2.0:User`: 0 attributes"), "\(lines)")
        XCTAssertTrue(lines.contains("- removed `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`"), "\(lines)")
        XCTAssertTrue(
            lines.contains("- changed `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber`: field ref `employeenumber` → `empno`"),
            "\(lines)")
    }
}
