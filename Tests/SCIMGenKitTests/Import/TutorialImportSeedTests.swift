import TestSupport
import XCTest

@testable import SCIMGenKit

/// Importing the four seed tutorials gives the committed descriptors back, except where a person
/// corrected or added a fact by hand (each such place is in the committed `$comment`s and the
/// README's "Corrections to the seeds"); every such difference is asserted here explicitly.
final class TutorialImportSeedTests: XCTestCase {
    /// The scheme description the importer writes: tutorials never describe the token's origin in words
    /// a descriptor could take, so the committed ones were written by hand.
    let importedScheme = "Authentication with an OAuth bearer token."

    func testLucidAllProducts() throws {
        let result = try ImportFixture.importing("Tests/Fixtures/Seeds/lucid-all-products.md")
        XCTAssertEqual(result.id, "lucid-all-products")
        XCTAssertEqual(
            result.diagnostics.map(\.description),
            [
                "Tests/Fixtures/Seeds/lucid-all-products.md:115:1: note: extension declared from the attribute table: 'urn:…:lucid:2.0:User' with 2 attributes; describe them in 'extensions'"
            ])
        XCTAssertEqual(result.notImported, [])
        XCTAssertEqual([result.rowsImported, result.rowsFound], [12, 12])
        Golden.assert(result.bytes ?? [], matches: Repository.fixtures.appendingPathComponent("Import/Expected/Seeds/lucid-all-products.json"))
        guard let imported = ImportFixture.decoded(result), var expected = try ImportFixture.committed("lucid-all-products"),
            imported.credentials.steps.count == 4, expected.credentials.steps.count == 4
        else { return XCTFail("the Lucid descriptors do not have four credential steps each") }
        XCTAssertEqual(DescriptorValidator.validate(imported).map(\.description), [])

        // Typos the committed descriptor corrects: 'share with Azure.Copy', 'Lucid(All Products)', '**Secret Token** *'.
        XCTAssertEqual(
            imported.credentials.steps[3].text,
            "Click **Generate Token**. Lucid will populate the **Bearer Token** text field with a unique code for you to share with Azure.Copy and save the **Bearer token**. This value will be entered in the **Secret Token** * field in the Provisioning tab of your Lucid(All Products) application.")
        expected.credentials.steps[3].text = imported.credentials.steps[3].text
        // The extension's descriptions were written by hand; the tutorial's table has no description column.
        XCTAssertEqual(expected.extensions.first?.description, "Lucid account settings for a user.")
        XCTAssertEqual(imported.extensions.first?.description, "")
        expected.extensions = expected.extensions.map(Self.withoutDescriptions)
        expected.service.authenticationSchemes[0].description = importedScheme
        // The seeds publish the older "Provisioning Mode: Automatic" flow, which the import records;
        // the committed descriptors leave it out, taking the newest flow, the default.
        XCTAssertEqual(imported.provisioningFlow, .automatic)
        XCTAssertEqual(expected.provisioningFlow, .newConfiguration)
        expected.provisioningFlow = imported.provisioningFlow
        expected.file = imported.file
        XCTAssertEqual(imported, expected)
    }

    func testLUSID() throws {
        let result = try ImportFixture.importing("Tests/Fixtures/Seeds/lusid.md")
        XCTAssertEqual(result.id, "lusid")
        // The mapping names are written with the product's current name, as in the committed descriptor.
        XCTAssertEqual(
            result.diagnostics.map(\.description),
            [
                "Tests/Fixtures/Seeds/lusid.md:69:1: warning: published defect corrected: 'TestApp' recorded as 'LUSID'; the template's placeholder left in place of the app's name",
                "Tests/Fixtures/Seeds/lusid.md:99:1: note: old product name updated: imported as Microsoft Entra ID and the Microsoft Entra admin center",
                "Tests/Fixtures/Seeds/lusid.md:112:1: note: old product name updated: imported as Microsoft Entra ID and the Microsoft Entra admin center",
            ])
        XCTAssertEqual(result.notImported, [])
        XCTAssertEqual([result.rowsImported, result.rowsFound], [9, 9])
        Golden.assert(result.bytes ?? [], matches: Repository.fixtures.appendingPathComponent("Import/Expected/Seeds/lusid.json"))
        guard let imported = ImportFixture.decoded(result), var expected = try ImportFixture.committed("lusid"),
            imported.credentials.steps.count == 1, expected.credentials.steps.count == 1
        else { return XCTFail("the LUSID descriptors do not have one credential step each") }
        XCTAssertEqual(DescriptorValidator.validate(imported).map(\.description), [])

        // The tutorial's code fence has no info string; the committed descriptor says 'bash'.
        XCTAssertEqual(imported.credentials.steps[0].code?.language, "")
        XCTAssertEqual(expected.credentials.steps[0].code?.language, "bash")
        expected.credentials.steps[0].code?.language = ""
        expected.service.authenticationSchemes[0].description = importedScheme
        // The seeds publish the older "Provisioning Mode: Automatic" flow, which the import records;
        // the committed descriptors leave it out, taking the newest flow, the default.
        XCTAssertEqual(imported.provisioningFlow, .automatic)
        XCTAssertEqual(expected.provisioningFlow, .newConfiguration)
        expected.provisioningFlow = imported.provisioningFlow
        expected.file = imported.file
        XCTAssertEqual(imported, expected)
    }

    func testThousandEyes() throws {
        let result = try ImportFixture.importing("Tests/Fixtures/Seeds/thousandeyes.md")
        XCTAssertEqual(result.id, "thousandeyes")
        // The text copied from the Parsable tutorial is template text with the wrong name: a published
        // defect, corrected by the template's own sentence.
        XCTAssertEqual(
            result.diagnostics.map(\.description),
            [
                "Tests/Fixtures/Seeds/thousandeyes.md:48:1: note: capabilities inferred: there is no capabilities checklist, so 'create, update and disable users' comes from this paragraph",
                "Tests/Fixtures/Seeds/thousandeyes.md:50:1: note: old product name updated: imported as Microsoft Entra ID and the Microsoft Entra admin center",
                "Tests/Fixtures/Seeds/thousandeyes.md:75:1: warning: no section on configuring ThousandEyes: the credential step is the tutorial's Admin Credentials step; check 'credentials.steps'",
                "Tests/Fixtures/Seeds/thousandeyes.md:89:1: warning: published defect corrected: 'Parsable' recorded as 'ThousandEyes'; another product's name in template text, copied from its tutorial",
            ])
        XCTAssertEqual(result.notImported, [])
        XCTAssertEqual([result.rowsImported, result.rowsFound], [6, 6])
        Golden.assert(result.bytes ?? [], matches: Repository.fixtures.appendingPathComponent("Import/Expected/Seeds/thousandeyes.json"))
        guard let imported = ImportFixture.decoded(result), var expected = try ImportFixture.committed("thousandeyes"),
            imported.credentials.steps.count == 1, expected.credentials.steps.count == 1, imported.notes.count == 2,
            expected.notes.count == 2
        else { return XCTFail("the ThousandEyes descriptors differ in their steps or notes") }
        XCTAssertEqual(DescriptorValidator.validate(imported).map(\.description), [])

        // The older layout has no Step 2: the vendor's Admin Credentials step is imported as written,
        // as the Admin Credentials wording and as the credential step, with its screenshot kept for
        // that standard step; the committed descriptor rewrote it as a step of its own.
        XCTAssertEqual(
            imported.credentials.steps[0].text,
            "Under the **Admin Credentials** section, input the **OAuth Bearer Token** generated by your ThousandEyes's account (you can find and or generate a token under your ThousandEyes account **Profile** section).")
        XCTAssertEqual(imported.credentials.adminCredentials, imported.credentials.steps[0].text)
        expected.credentials.steps[0].text = imported.credentials.steps[0].text
        expected.credentials.adminCredentials = imported.credentials.adminCredentials
        XCTAssertEqual(imported.provisioningScreenshots[.adminCredentials], expected.credentials.steps[0].screenshot)
        expected.provisioningScreenshots[.adminCredentials] = expected.credentials.steps[0].screenshot
        expected.credentials.steps[0].screenshot = nil
        // "Learn how to configure Azure AD to automatically provision and de-provision user accounts
        // to <App>." is the older template's description: template text, which the templates write anew.
        XCTAssertNil(imported.learn.description)
        expected.learn.description = nil
        // 'enabled' and 'Single Sign-On' were corrected by hand; the Azure portal link is updated by the import too.
        XCTAssertEqual(
            imported.notes[1].text,
            "You may also choose to enabled SAML-based Single Sign-On for ThousandEyes, following the instructions provided in the [Microsoft Entra admin center](https://entra.microsoft.com). Single sign-on can be configured independently of automatic provisioning, though these two features complement each other.")
        expected.notes[1].text = imported.notes[1].text
        // The tutorial links no product website; the committed one was added by hand.
        XCTAssertNil(imported.website)
        XCTAssertEqual(expected.website, "https://www.thousandeyes.com/")
        expected.website = nil
        expected.service.authenticationSchemes[0].description = importedScheme
        // The seeds publish the older "Provisioning Mode: Automatic" flow, which the import records;
        // the committed descriptors leave it out, taking the newest flow, the default.
        XCTAssertEqual(imported.provisioningFlow, .automatic)
        XCTAssertEqual(expected.provisioningFlow, .newConfiguration)
        expected.provisioningFlow = imported.provisioningFlow
        expected.file = imported.file
        XCTAssertEqual(imported, expected)
    }

    func testThriveLXP() throws {
        let result = try ImportFixture.importing("Tests/Fixtures/Seeds/thrive-lxp.md")
        XCTAssertEqual(result.id, "thrive-lxp")
        XCTAssertEqual(
            result.diagnostics.map(\.description),
            [
                "Tests/Fixtures/Seeds/thrive-lxp.md:71:1: warning: published defect corrected: 'TestApp' recorded as 'Thrive LXP'; the template's placeholder left in place of the app's name"
            ])
        XCTAssertEqual(result.notImported, [])
        XCTAssertEqual([result.rowsImported, result.rowsFound], [12, 12])
        Golden.assert(result.bytes ?? [], matches: Repository.fixtures.appendingPathComponent("Import/Expected/Seeds/thrive-lxp.json"))
        guard let imported = ImportFixture.decoded(result), var expected = try ImportFixture.committed("thrive-lxp"),
            imported.credentials.steps.count == 1, expected.credentials.steps.count == 1,
            imported.prerequisites.count == 1, expected.prerequisites.count == 1
        else { return XCTFail("the Thrive LXP descriptors differ in their steps or prerequisites") }
        XCTAssertEqual(DescriptorValidator.validate(imported).map(\.description), [])

        // 'THRIVE LXP' and 'Tenant url' were corrected by hand, and the step reworded.
        XCTAssertEqual(imported.prerequisites[0].text, "A **SCIM token** supplied by your contact at THRIVE LXP.")
        expected.prerequisites[0].text = imported.prerequisites[0].text
        XCTAssertEqual(
            imported.credentials.steps[0].text,
            "Reach out to your [Thrive LXP Client support team](mailto:support@thrivelearning.com) to generate your **Tenant url** and **Secret Token**. These values will be entered in the Tenant URL and Secret Token field in the Provisioning tab of your Thrive LXP application.")
        expected.credentials.steps[0].text = imported.credentials.steps[0].text
        // These come from Thrive's own help page, not from the tutorial.
        XCTAssertNil(imported.credentials.issuer)
        XCTAssertNil(imported.customFieldMappings)
        XCTAssertNil(imported.helpPage)
        expected.credentials.issuer = nil
        expected.customFieldMappings = nil
        expected.helpPage = nil
        expected.service.authenticationSchemes[0].description = importedScheme
        // The seeds publish the older "Provisioning Mode: Automatic" flow, which the import records;
        // the committed descriptors leave it out, taking the newest flow, the default.
        XCTAssertEqual(imported.provisioningFlow, .automatic)
        XCTAssertEqual(expected.provisioningFlow, .newConfiguration)
        expected.provisioningFlow = imported.provisioningFlow
        expected.file = imported.file
        XCTAssertEqual(imported, expected)
    }

    /// Thrive's own help page is not a tutorial: the import fails and says why.
    func testThriveHelpPageIsNotATutorial() throws {
        let result = try ImportFixture.importing("Tests/Fixtures/Seeds/thrive-lxp-scim-page.txt")
        XCTAssertNil(result.descriptor)
        XCTAssertNil(result.bytes)
        XCTAssertNil(result.id)
        XCTAssertEqual(
            result.diagnostics.map(\.description),
            [
                "Tests/Fixtures/Seeds/thrive-lxp-scim-page.txt:1:1: error: not a provisioning tutorial: no heading or title such as 'Tutorial: Configure <App> for automatic user provisioning'"
            ])
    }

    /// The importer's own output reads back as a committed descriptor with not even a warning.
    func testSeedImportsDecodeWithoutDiagnostics() throws {
        for seed in ["lucid-all-products", "lusid", "thousandeyes", "thrive-lxp"] {
            let result = try ImportFixture.importing("Tests/Fixtures/Seeds/\(seed).md")
            let (descriptor, diagnostics) = DescriptorCodec.decode(id: seed, file: "\(seed).json", bytes: result.bytes ?? [])
            XCTAssertNotNil(descriptor, seed)
            XCTAssertEqual(diagnostics.map(\.description), [], seed)
        }
    }

    static func withoutDescriptions(_ schema: ExtensionSchema) -> ExtensionSchema {
        var schema = schema
        schema.description = ""
        schema.attributes = schema.attributes.map(withoutDescriptions)
        return schema
    }

    static func withoutDescriptions(_ attribute: ExtensionAttribute) -> ExtensionAttribute {
        var attribute = attribute
        attribute.description = ""
        attribute.subAttributes = attribute.subAttributes.map(withoutDescriptions)
        return attribute
    }
}
