import Foundation
import XCTest
@testable import SCIMGenKit

/// `VendorSetDiff` on decoded real descriptors (frozen under `Tests/Fixtures/Diff/Vendors`), mutated in code;
/// every test asserts the whole Markdown, and the combined ones the whole JSON.
final class VendorSetDiffTests: XCTestCase {
    // MARK: - Sets

    func testFixturesLoadCleanly() {
        let set = VendorLoader.load(directory: Self.fixtures, display: "Vendors")
        XCTAssertEqual(set.diagnostics.map(\.description), [])
        XCTAssertEqual(set.vendors.map(\.id), ["lucid-all-products", "thrive-lxp"])
    }

    func testIdenticalSetsAreEmpty() throws {
        let vendors = try Self.vendors()
        let diff = VendorSetDiff.compare(old: vendors, new: vendors)
        XCTAssertTrue(diff.isEmpty)
        XCTAssertEqual(diff.markdown(), "No changes.\n")
        XCTAssertEqual(JSONWriter.write(diff.json()), "{\n  \"changed\": false,\n  \"vendors\": []\n}\n")
    }

    /// Where things were written is not a change: a reformatted descriptor diffs as empty.
    func testLocationsAndInputOrderAreIgnored() throws {
        var moved = try Self.vendors()
        moved[0].file = "Elsewhere/lucid-all-products/vendor.json"
        moved[0].origin = Origin()
        moved[0].users.attributes[0].origin = Origin()
        moved[0].credentials.steps[3].screenshot?.origin = Origin()
        moved[0].extensions[0].attributes[1].subAttributes[0].origin = Origin()
        moved[1].customFieldMappings?.allowedAttributes[0].origin = Origin()
        XCTAssertTrue(VendorSetDiff.compare(old: try Self.vendors(), new: moved.reversed()).isEmpty)
    }

    func testVendorAddedAndRemoved() throws {
        let (lucid, thrive) = try Self.pair()
        let diff = VendorSetDiff.compare(old: [thrive], new: [lucid])
        XCTAssertFalse(diff.isEmpty)
        XCTAssertEqual(diff.markdown(), """
            ## scimgen diff: 2 vendors changed

            ### Lucid (All Products) (`lucid-all-products`)

            Vendor added.
            - User attributes: 10 rows
            - Group attributes: 2 rows
            - Capabilities: create users, update users, deprovision users (remove), provision groups, single sign-on
            - Extension schemas: `urn:ietf:params:scim:schemas:extension:lucid:2.0:User` (2 attributes)

            ### Thrive LXP (`thrive-lxp`)

            Vendor removed.
            - User attributes: 9 rows
            - Group attributes: 3 rows
            - Capabilities: create users, update users, deprovision users (remove), provision groups, single sign-on
            - Custom field mappings: 5 attributes
            - Help page: SCIM Provisioning

            """)
        XCTAssertEqual(JSONWriter.write(diff.json()), """
            {
              "changed": true,
              "vendors": [
                {
                  "id": "lucid-all-products",
                  "name": "Lucid (All Products)",
                  "status": "added",
                  "changes": [],
                  "summary": [
                    "User attributes: 10 rows",
                    "Group attributes: 2 rows",
                    "Capabilities: create users, update users, deprovision users (remove), provision groups, single sign-on",
                    "Extension schemas: `urn:ietf:params:scim:schemas:extension:lucid:2.0:User` (2 attributes)"
                  ]
                },
                {
                  "id": "thrive-lxp",
                  "name": "Thrive LXP",
                  "status": "removed",
                  "changes": [],
                  "summary": [
                    "User attributes: 9 rows",
                    "Group attributes: 3 rows",
                    "Capabilities: create users, update users, deprovision users (remove), provision groups, single sign-on",
                    "Custom field mappings: 5 attributes",
                    "Help page: SCIM Provisioning"
                  ]
                }
              ]
            }

            """)
    }

    func testUnchangedVendorsAreOmitted() throws {
        let (lucid, thrive) = try Self.pair()
        var edited = thrive
        edited.capabilities.groups = false
        let diff = VendorSetDiff.compare(old: [lucid, thrive], new: [edited, lucid])
        XCTAssertEqual(diff.vendors.map(\.id), ["thrive-lxp"])
    }

    // MARK: - Areas

    func testUserAttributes() throws {
        XCTAssertEqual(try Self.markdown { vendor in
            vendor.users.attributes[0].type = .boolean
            vendor.users.attributes[0].filterable = false
            vendor.users.attributes[0].matching = nil
            vendor.users.attributes[1].required = nil
            vendor.users.attributes[1].source = .expression("Join(\"\", [mail])")
            vendor.users.attributes[2].fieldRef = "isactive"
            vendor.users.attributes[2].flowType = .objectAddOnly
            vendor.users.attributes[2].flowBehavior = .flowAlways
            vendor.users.attributes[2].defaultValue = "True"
            vendor.users.attributes[3].source = .constant("userPrincipalName")
            vendor.users.attributes.remove(at: 4)
            vendor.users.attributes.append(AttributeMapping(path: "displayName", type: .string, filterable: true))
            vendor.users.mappingName = "Provision users"
        }, """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **User attributes**

            - `mappingName`: `Provision Microsoft Entra users` → `Provision users`
            - added `displayName` (String)
            - removed `name.familyName` (String)
            - `userName`: type: `String` → `Boolean`; filterable: `yes` → `no`; matching: `1` → none
            - `emails[type eq "work"].value`: required: `yes` → none; expression: none → `Join("", [mail])`
            - `active`: fieldRef: none → `isactive`; flowType: none → `ObjectAddOnly`; flowBehavior: none → `FlowAlways`; defaultValue: none → `True`
            - `name.givenName`: constant: none → `userPrincipalName`

            """)
    }

    func testUserAttributeOrder() throws {
        XCTAssertEqual(try Self.markdown { vendor in
            vendor.users.attributes.swapAt(0, 1)
        }, """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **User attributes**

            - order of attributes changed

            """)
    }

    func testGroupTableRemovedAndAdded() throws {
        XCTAssertEqual(try Self.markdown { $0.groups = nil }, """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **Group attributes**

            - removed `groups`
            - `mappingName`: `Provision Microsoft Entra groups` → none
            - `optional`: `no` → none
            - removed `displayName` (String)
            - removed `members` (Reference)

            """)
        let (lucid, _) = try Self.pair()
        var without = lucid
        without.groups = nil
        XCTAssertEqual(VendorSetDiff.compare(old: [without], new: [lucid]).markdown(), """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **Group attributes**

            - added `groups`
            - `mappingName`: none → `Provision Microsoft Entra groups`
            - `optional`: none → `no`
            - added `displayName` (String)
            - added `members` (Reference)

            """)
    }

    func testGroupAttributes() throws {
        XCTAssertEqual(try Self.markdown { vendor in
            vendor.groups?.attributes[1].type = .string
            vendor.groups?.optional = true
        }, """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **Group attributes**

            - `optional`: `no` → `yes`
            - `members`: type: `Reference` → `String`

            """)
    }

    func testCapabilities() throws {
        XCTAssertEqual(try Self.markdown { vendor in
            vendor.capabilities.deprovisionUsers = .disable
            vendor.capabilities.groups = false
        }, """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **Capabilities**

            - `deprovisionUsers`: `remove` → `disable`
            - `groups`: `yes` → `no`

            """)
    }

    func testSCIMFeatures() throws {
        XCTAssertEqual(try Self.markdown { vendor in
            vendor.service.baseURL = "https://users.lucid.app/scim"
            vendor.service.bulk = .init(supported: true, maxOperations: 100, maxPayloadSize: 1_048_576)
            vendor.service.filter.maxResults = 200
            vendor.service.etag = true
            vendor.service.authenticationSchemes[0].primary = false
            vendor.service.authenticationSchemes.append(
                AuthenticationScheme(type: .httpbasic, name: "HTTP Basic", primary: false))
        }, """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **SCIM features**

            - `baseURL`: none → `https://users.lucid.app/scim`
            - `bulk.supported`: `no` → `yes`
            - `bulk.maxOperations`: `0` → `100`
            - `bulk.maxPayloadSize`: `0` → `1048576`
            - `filter.maxResults`: `100` → `200`
            - `etag`: `no` → `yes`
            - added `authenticationSchemes.HTTP Basic` (httpbasic)
            - `authenticationSchemes.OAuth Bearer Token`: primary: `yes` → `no`

            """)
    }

    func testPrerequisites() throws {
        XCTAssertEqual(try Self.markdown { vendor in
            vendor.prerequisites[0].kind = .role
            vendor.prerequisites.remove(at: 1)
            vendor.prerequisites.append(Prerequisite(kind: .license, text: "A Lucid Enterprise license."))
        }, """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **Prerequisites**

            - added A Lucid Enterprise license. (license)
            - removed Confirm that you are on an Enterprise account with an up-to-date pricing plan. To upgrade, please contact our sales team. (plan)
            - A user account in Lucid (All Products) with Admin rights.: kind: `account` → `role`

            """)
    }

    func testCredentialSteps() throws {
        XCTAssertEqual(try Self.markdown { vendor in
            vendor.credentials.steps.insert(CredentialStep(text: "Open **Settings**."), at: 1)
            vendor.credentials.steps[2].text = "Click **App integrations** in the left-hand menu."
            vendor.credentials.steps[3].code = CodeBlock(language: "bash", body: "curl https://lucid.app/scim")
            vendor.credentials.steps[4].screenshot?.path = "media/lucid-all-products-provisioning-tutorial/token.png"
            vendor.credentials.tenantURL = "https://users.lucid.app/scim"
            vendor.credentials.secretTokenName = nil
        }, """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **Credential steps**

            - added step 2: Open **Settings**.
            - step 3: text: `Click **App integration** in the left-hand menu.` → `Click **App integrations** in the left-hand menu.`
            - step 4: code.language: none → `bash`; code.body: none → `curl https://lucid.app/scim`
            - step 5: screenshot.path: `media/lucid-all-products-provisioning-tutorial/generate-token.png` → `media/lucid-all-products-provisioning-tutorial/token.png`
            - `secretTokenName`: `Bearer Token` → none
            - `tenantURL`: none → `https://users.lucid.app/scim`

            """)
    }

    func testCredentialStepRemoved() throws {
        XCTAssertEqual(try Self.markdown { $0.credentials.steps.remove(at: 2) }, """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **Credential steps**

            - removed step 3: Select the **SCIM** tile.

            """)
    }

    func testNotesAndAssignmentTips() throws {
        XCTAssertEqual(try Self.markdown { vendor in
            vendor.notes.append(Note(kind: .tip, section: .credentials, text: "Save the token: it is shown once."))
            vendor.assignmentTips = ["Assign groups rather than individual users."]
        }, """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **Notes and tips**

            - added Save the token: it is shown once. (tip in credentials)

            **Assignment tips**

            - added Assign groups rather than individual users.

            """)
    }

    func testProvisioningScreenshots() throws {
        XCTAssertEqual(try Self.markdown { vendor in
            vendor.provisioningScreenshots[.provisioningMode] = Screenshot(path: "media/mode.png", alt: "Mode.")
        }, """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **Provisioning screenshots**

            - added `provisioningScreenshots`
            - added `provisioningMode`
            - `provisioningMode.path`: none → `media/mode.png`
            - `provisioningMode.alt`: none → `Mode.`

            """)
    }

    func testExtensionSchemas() throws {
        XCTAssertEqual(try Self.markdown { vendor in
            vendor.extensions[0].description = "Lucid settings."
            vendor.extensions[0].attributes[0].type = .integer
            vendor.extensions[0].attributes[0].required = true
            vendor.extensions[0].attributes[0].mutability = .immutable
            vendor.extensions[0].attributes[1].multiValued = true
            vendor.extensions[0].attributes[1].subAttributes.remove(at: 3)
            vendor.extensions[0].attributes[1].subAttributes[0].canonicalValues = ["basic", "pro"]
            vendor.extensions[0].attributes[1].subAttributes.append(ExtensionAttribute(name: "Airfocus", type: .string))
            vendor.extensions.append(ExtensionSchema(id: "urn:example:Group", name: "LucidGroup"))
        }, """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **Extension schemas**

            - added `urn:example:Group` (LucidGroup)
            - `urn:ietf:params:scim:schemas:extension:lucid:2.0:User`: description: `Lucid account settings for a user.` → `Lucid settings.`
            - `urn:ietf:params:scim:schemas:extension:lucid:2.0:User:billingCode`: type: `String` → `Integer`; required: `no` → `yes`; mutability: `readWrite` → `immutable`
            - `urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses`: multiValued: `no` → `yes`
            - added `urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.Airfocus` (String)
            - removed `urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.LucidscaleCreator` (String)
            - `urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.Lucidchart`: canonicalValues: none → `basic, pro`

            """)
    }

    func testCustomFieldMappings() throws {
        XCTAssertEqual(try Self.markdown(vendor: 1) { vendor in
            vendor.customFieldMappings?.allowedAttributes.remove(at: 1)
            vendor.customFieldMappings?.allowedAttributes[0].fieldRef = "employee_number"
            vendor.customFieldMappings?.otherIdentityProviders.append("OneLogin")
            vendor.customFieldMappings?.requestChannel = nil
        }, """
            ## scimgen diff: 1 vendor changed

            ### Thrive LXP (`thrive-lxp`)

            **Custom field mappings**

            - removed `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter` (costcenter)
            - `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber`: fieldRef: `employeenumber` → `employee_number`
            - `requestChannel`: `log a ticket with our support team via our Support Portal` → none
            - `otherIdentityProviders`: `Microsoft Entra ID, Okta` → `Microsoft Entra ID, Okta, OneLogin`

            """)
        XCTAssertEqual(try Self.markdown(vendor: 1) { $0.customFieldMappings = nil }, """
            ## scimgen diff: 1 vendor changed

            ### Thrive LXP (`thrive-lxp`)

            **Custom field mappings**

            - removed `customFieldMappings`
            - removed `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber` (employeenumber)
            - removed `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter` (costcenter)
            - removed `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization` (organization)
            - removed `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:division` (division)
            - removed `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department` (department)
            - `fieldRefRule`: `This is always the lowercase value of the field name.` → none
            - `newFieldsLocation`: `**Configure** > **Profiles**` → none
            - `requestChannel`: `log a ticket with our support team via our Support Portal` → none
            - `otherIdentityProviders`: `Microsoft Entra ID, Okta` → none

            """)
    }

    func testMetadata() throws {
        XCTAssertEqual(try Self.markdown(vendor: 1) { vendor in
            vendor.name = "Thrive"
            vendor.website = nil
            vendor.gallery = false
            vendor.learn.date = "06/01/2025"
            vendor.learn.title = "Configure Thrive for provisioning"
            vendor.helpPage?.productName = "Thrive LXP"
        }, """
            ## scimgen diff: 1 vendor changed

            ### Thrive (`thrive-lxp`)

            **Metadata**

            - `name`: `Thrive LXP` → `Thrive`
            - `website`: `https://thrivelearning.com/` → none
            - `gallery`: `yes` → `no`
            - `learn.title`: none → `Configure Thrive for provisioning`
            - `learn.date`: `11/21/2022` → `06/01/2025`
            - `helpPage.productName`: `Thrive` → `Thrive LXP`

            """)
        XCTAssertEqual(try Self.markdown(vendor: 1) { $0.helpPage = nil }, """
            ## scimgen diff: 1 vendor changed

            ### Thrive LXP (`thrive-lxp`)

            **Metadata**

            - removed `helpPage`
            - `helpPage.title`: `SCIM Provisioning` → none
            - `helpPage.productName`: `Thrive` → none
            - `helpPage.sources`: `your Identity Provider (IdP) or HR system` → none

            """)
    }

    // MARK: - Presentation

    func testCombined() throws {
        let (lucid, thrive) = try Self.pair()
        var lucid2 = lucid
        lucid2.users.attributes[0].type = .boolean
        lucid2.users.attributes[0].filterable = false
        lucid2.service.sort = true
        lucid2.prerequisites.removeLast()
        lucid2.credentials.steps[3].screenshot = nil
        lucid2.extensions[0].attributes[0].required = true
        var lusid = thrive
        lusid.id = "lusid"
        lusid.name = "LUSID"
        let diff = VendorSetDiff.compare(old: [thrive, lucid], new: [lucid2, lusid])
        XCTAssertEqual(diff.markdown(), """
            ## scimgen diff: 3 vendors changed

            ### Lucid (All Products) (`lucid-all-products`)

            **User attributes**

            - `userName`: type: `String` → `Boolean`; filterable: `yes` → `no`

            **SCIM features**

            - `sort`: `no` → `yes`

            **Prerequisites**

            - removed Contact your Lucidchart Customer Success Manager so that they can enable SCIM for your account. (enablement)

            **Credential steps**

            - step 4: screenshot.path: `media/lucid-all-products-provisioning-tutorial/generate-token.png` → none; screenshot.alt: `Screenshot of token generation.` → none

            **Extension schemas**

            - `urn:ietf:params:scim:schemas:extension:lucid:2.0:User:billingCode`: required: `no` → `yes`

            ### LUSID (`lusid`)

            Vendor added.
            - User attributes: 9 rows
            - Group attributes: 3 rows
            - Capabilities: create users, update users, deprovision users (remove), provision groups, single sign-on
            - Custom field mappings: 5 attributes
            - Help page: SCIM Provisioning

            ### Thrive LXP (`thrive-lxp`)

            Vendor removed.
            - User attributes: 9 rows
            - Group attributes: 3 rows
            - Capabilities: create users, update users, deprovision users (remove), provision groups, single sign-on
            - Custom field mappings: 5 attributes
            - Help page: SCIM Provisioning

            """)
        XCTAssertEqual(JSONWriter.write(diff.json()), """
            {
              "changed": true,
              "vendors": [
                {
                  "id": "lucid-all-products",
                  "name": "Lucid (All Products)",
                  "status": "changed",
                  "changes": [
                    {
                      "area": "userAttributes",
                      "kind": "changed",
                      "item": "userName",
                      "field": "type",
                      "old": "String",
                      "new": "Boolean"
                    },
                    {
                      "area": "userAttributes",
                      "kind": "changed",
                      "item": "userName",
                      "field": "filterable",
                      "old": "yes",
                      "new": "no"
                    },
                    {
                      "area": "scimFeatures",
                      "kind": "changed",
                      "item": "sort",
                      "field": null,
                      "old": "no",
                      "new": "yes"
                    },
                    {
                      "area": "prerequisites",
                      "kind": "removed",
                      "item": "Contact your Lucidchart Customer Success Manager so that they can enable SCIM for your account.",
                      "field": null,
                      "old": "enablement",
                      "new": null
                    },
                    {
                      "area": "credentialSteps",
                      "kind": "changed",
                      "item": "step 4",
                      "field": "screenshot.path",
                      "old": "media/lucid-all-products-provisioning-tutorial/generate-token.png",
                      "new": null
                    },
                    {
                      "area": "credentialSteps",
                      "kind": "changed",
                      "item": "step 4",
                      "field": "screenshot.alt",
                      "old": "Screenshot of token generation.",
                      "new": null
                    },
                    {
                      "area": "extensionSchemas",
                      "kind": "changed",
                      "item": "urn:ietf:params:scim:schemas:extension:lucid:2.0:User:billingCode",
                      "field": "required",
                      "old": "no",
                      "new": "yes"
                    }
                  ],
                  "summary": []
                },
                {
                  "id": "lusid",
                  "name": "LUSID",
                  "status": "added",
                  "changes": [],
                  "summary": [
                    "User attributes: 9 rows",
                    "Group attributes: 3 rows",
                    "Capabilities: create users, update users, deprovision users (remove), provision groups, single sign-on",
                    "Custom field mappings: 5 attributes",
                    "Help page: SCIM Provisioning"
                  ]
                },
                {
                  "id": "thrive-lxp",
                  "name": "Thrive LXP",
                  "status": "removed",
                  "changes": [],
                  "summary": [
                    "User attributes: 9 rows",
                    "Group attributes: 3 rows",
                    "Capabilities: create users, update users, deprovision users (remove), provision groups, single sign-on",
                    "Custom field mappings: 5 attributes",
                    "Help page: SCIM Provisioning"
                  ]
                }
              ]
            }

            """)
    }

    /// An edited prerequisite pairs up with the one it replaced and shows its edit word by word, as
    /// Markdown; a long credential step does too, where cutting both at one length would read the same.
    func testEditedProseShowsItsChangedWords() throws {
        let markdown = try Self.markdown { vendor in
            vendor.prerequisites[1].text = "Confirm that you are on an **Enterprise** account with a current pricing plan. To upgrade, please contact our sales team."
            vendor.credentials.steps[3].text = vendor.credentials.steps[3].text.replacingOccurrences(of: "This value", with: "The token")
        }
        XCTAssertEqual(markdown, """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **Prerequisites**

            - edited: `Confirm that you are on an {+**+}Enterprise{+**+} account with [-an up-to-date-]{+a current+} pricing plan. To upgrade, please…`

            **Credential steps**

            - step 4: text: `…and save the **Bearer token**. [-This value-]{+The token+} will be entered in the…`

            """)
    }

    /// Pipes, backticks, newlines and long text stay inside one bullet line.
    func testSpecialCharactersStayOnOneLine() throws {
        let markdown = try Self.markdown { vendor in
            vendor.users.attributes[0].defaultValue = "a|b\nc `d` ``e``"
            vendor.users.attributes[1].fieldRef = "`x`"
            vendor.prerequisites[0].text = "Line one.\r\nLine two | with a pipe, *stars* and " + String(repeating: "long ", count: 20)
            vendor.credentials.steps[0].code = CodeBlock(body: "echo 1\necho 2")
            vendor.name = "Lucid\n# Not a heading"
        }
        XCTAssertEqual(markdown, ##"""
            ## scimgen diff: 1 vendor changed

            ### Lucid\\n\# Not a heading (`lucid-all-products`)

            **User attributes**

            - `userName`: defaultValue: none → ``` a\|b\nc `d` ``e`` ```
            - `emails[type eq "work"].value`: fieldRef: none → `` `x` ``

            **Prerequisites**

            - added Line one. Line two | with a pipe, *stars* and long long long long long long long long long long long long long long long long long long long long  (account)
            - removed A user account in Lucid (All Products) with Admin rights. (account)

            **Credential steps**

            - step 1: code.body: none → `echo 1\necho 2`

            **Metadata**

            - `name`: `Lucid (All Products)` → `Lucid\n# Not a heading`

            """##)
        let stray = markdown.split(separator: "\n").filter {
            !($0.hasPrefix("#") || $0.hasPrefix("**") || $0.hasPrefix("- "))
        }
        XCTAssertEqual(stray, [])
    }

    func testLongAreasAreCut() throws {
        XCTAssertEqual(try Self.markdown { vendor in
            for n in 1...14 { vendor.users.attributes.append(AttributeMapping(path: "extra\(n)", type: .string)) }
        }, """
            ## scimgen diff: 1 vendor changed

            ### Lucid (All Products) (`lucid-all-products`)

            **User attributes**

            - added `extra1` (String)
            - added `extra2` (String)
            - added `extra3` (String)
            - added `extra4` (String)
            - added `extra5` (String)
            - added `extra6` (String)
            - added `extra7` (String)
            - added `extra8` (String)
            - added `extra9` (String)
            - added `extra10` (String)
            - added `extra11` (String)
            - … and 3 more (see the JSON output)

            """)
    }

    /// An id twice in a set: its first descriptor counts, so that the diff never depends on which copy wins later.
    func testDuplicateIDsFirstCounts() throws {
        let (lucid, _) = try Self.pair()
        var renamed = lucid
        renamed.name = "Lucid"
        XCTAssertTrue(VendorSetDiff.compare(old: [lucid], new: [lucid, renamed]).isEmpty)
        XCTAssertEqual(VendorSetDiff.compare(old: [lucid], new: [renamed, lucid]).markdown(), """
            ## scimgen diff: 1 vendor changed

            ### Lucid (`lucid-all-products`)

            **Metadata**

            - `name`: `Lucid (All Products)` → `Lucid`

            """)
    }

    /// Beyond the quadratic table's budget, steps pair up by position instead of by common subsequence.
    func testManyStepsPairByPosition() {
        let old = (0..<600).map { "old step \($0)" }, new = (0..<601).map { "new step \($0)" }
        let alignment = VendorComparison.alignSteps(old, new)
        XCTAssertEqual(alignment.count, 601)
        XCTAssertEqual(alignment.first, .common(0, 0))
        XCTAssertEqual(alignment.last, .added(600))
    }

    func testStepAlignment() {
        XCTAssertEqual(VendorComparison.alignSteps(["a", "b", "c"], ["a", "x", "c", "d"]), [
            .common(0, 0), .common(1, 1), .common(2, 2), .added(3),
        ])
        XCTAssertEqual(VendorComparison.alignSteps(["a", "b", "c"], ["b"]), [.removed(0), .common(1, 0), .removed(2)])
        XCTAssertEqual(VendorComparison.alignSteps([], ["a"]), [.added(0)])
        // In a gap of unequal size, a step pairs with the similar one, not the one at its position.
        XCTAssertEqual(VendorComparison.alignSteps(["a", "Click Save now", "z"], ["a", "Open it", "Click Save", "z"]), [
            .common(0, 0), .added(1), .common(1, 2), .common(2, 3),
        ])
    }
}

// MARK: - Helpers

private extension VendorSetDiffTests {
    static let fixtures = Repository.fixtures.appendingPathComponent("Diff/Vendors")

    static func vendors() throws -> [VendorDescriptor] {
        let set = VendorLoader.load(directory: fixtures, display: "Vendors")
        XCTAssertEqual(set.diagnostics.map(\.description), [])
        return try XCTUnwrap(set.vendors.count == 2 ? set.vendors.map(\.descriptor) : nil, "fixtures did not load")
    }

    static func pair() throws -> (lucid: VendorDescriptor, thrive: VendorDescriptor) {
        let vendors = try vendors()
        return (vendors[0], vendors[1])
    }

    /// The Markdown diff of one fixture vendor (0 Lucid, 1 Thrive) against a mutated copy.
    static func markdown(vendor index: Int = 0, _ mutate: (inout VendorDescriptor) -> Void) throws -> String {
        let old = try vendors()[index]
        var new = old
        mutate(&new)
        return VendorSetDiff.compare(old: [old], new: [new]).markdown()
    }
}
