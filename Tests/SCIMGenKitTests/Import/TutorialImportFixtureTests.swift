import TestSupport
import XCTest

@testable import SCIMGenKit

/// The importer's own tutorials in `Tests/Fixtures/Import/`, one per layout it must read. For each,
/// two goldens in `Tests/Fixtures/Import/Expected/`: `<name>.txt`, everything the import says (every
/// diagnostic with its line, the figures, each correction and each fact not placed), and
/// `<name>.json`, the descriptor; the descriptor must validate and regenerate every table row; and
/// a few facts of the layout are asserted by name.
final class TutorialImportFixtureTests: XCTestCase {
    /// Imports a fixture and checks both goldens, validation and the round trip of its rows.
    @discardableResult
    func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> TutorialImport {
        let path = "\(ImportFixture.folder)/\(name).md"
        let result = try ImportFixture.importing(path)
        Golden.assert(Self.account(result), matches: Self.expected("\(name).txt"), file: file, line: line)
        Golden.assert(result.bytes ?? [], matches: Self.expected("\(name).json"), file: file, line: line)
        XCTAssertEqual(result.unitsImported + result.unitsBoilerplate + result.unitsNotImported, result.units, file: file, line: line)
        guard let descriptor = result.descriptor else {
            XCTFail("no descriptor: \(result.errors.map(\.description))", file: file, line: line)
            return result
        }
        XCTAssertEqual(DescriptorValidator.validate(descriptor).filter { $0.severity == .error }.map(\.description), [], file: file, line: line)
        // The rows the tutorial publishes come back in the tutorial `generate` renders, except the ones corrected.
        let source = ImportRoundTrip.rows(in: String(decoding: try Repository.bytes(path), as: UTF8.self))
        let generated = ImportRoundTrip.rows(in: try ImportRoundTrip.generatedTutorial(result, file: file, line: line))
        if result.allRowsImported {
            XCTAssertEqual(generated.map(\.description), source.map(\.description), file: file, line: line)
        }
        return result
    }

    /// Everything an import says, one fact a line, as the golden `<name>.txt` holds it.
    static func account(_ result: TutorialImport) -> String {
        var lines = result.diagnostics.map(\.description)
        lines.append("")
        lines.append("rows: \(result.rowsImported) of \(result.rowsFound), \(result.rowsCorrected) corrected")
        lines.append(
            "units: \(result.units): \(result.unitsImported) imported, \(result.unitsBoilerplate) template, \(result.unitsNotImported) not imported")
        lines.append("corrections:")
        lines += result.corrections.map { "- line \($0.line): \($0.message)" }
        lines.append("not imported:")
        lines += result.notImported.map { "- \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    static func expected(_ name: String) -> URL {
        Repository.fixtures.appendingPathComponent("Import/Expected/\(name)")
    }

    // MARK: - Layouts

    /// The newest layout (2026): `ms.topic: how-to`, "+ New configuration", Steps 4 and 6 as
    /// includes, **Entra ID** > **Enterprise apps**, tab-indented screenshots and note, "Related
    /// content", a table whose rows have fewer cells than its header, the template's "TestApp".
    func testNewestLayout() throws {
        let result = try check("newest-layout")
        let quillmark = try XCTUnwrap(result.descriptor)
        XCTAssertEqual(quillmark.provisioningFlow, .newConfiguration)
        XCTAssertEqual(quillmark.credentials.tenantURL, "https://<YOUR-WORKSPACE>.quillmark.example/scim/v2")
        XCTAssertEqual(quillmark.credentials.secretTokenName, "Access Token")
        XCTAssertEqual(quillmark.provisioningScreenshots[.adminCredentials]?.path, "media/quillmark-provisioning-tutorial/test-connection.png")
        XCTAssertEqual(quillmark.includes, [])
        XCTAssertEqual(result.corrections.map(\.found), ["TestApp"])
    }

    /// Shared sections as includes: the common prerequisites (kept, and written again as an include),
    /// a vendor's own include in Step 2 (kept), the standard Steps 4 and 6 (template text).
    func testSharedIncludes() throws {
        let ferncastle = try XCTUnwrap(try check("shared-includes").descriptor)
        XCTAssertEqual(
            ferncastle.includes.map { "\($0.section.rawValue) \($0.path)" },
            [
                "prerequisites ~/identity/saas-apps/includes/common-prerequisites.md",
                "credentials ~/identity/saas-apps/includes/scim-token-lifetime.md",
            ])
        XCTAssertEqual(ferncastle.provisioningFlow, .automatic)
        XCTAssertEqual(ferncastle.prerequisites.map(\.text), ["A Ferncastle tenant.", "A user account in Ferncastle with Admin permissions."])
    }

    /// Tables as real tutorials write them: tab-indented, no outer pipes, `\"` in filters, a Notes
    /// column, rows with fewer cells; `manager` and `profileUrl` typed String, as Entra types them
    /// in a gallery app's schema (kept); "| Microsoft Docs" after the title (the old site's suffix).
    func testTableVariants() throws {
        let brindle = try XCTUnwrap(try check("table-variants").descriptor)
        XCTAssertEqual(
            brindle.users.attributes.map { "\($0.path)|\($0.type.rawValue)|\($0.note ?? "")" },
            [
                "userName|String|The sign-in email address.", "active|Boolean|",
                #"emails[type eq "work"].value|String|Must be unique."#, "name.givenName|String|",
                #"phoneNumbers[type eq "mobile"].value|String|"#,
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager|String|The manager's user name.",
                "profileUrl|String|",
            ])
        XCTAssertEqual(brindle.groups?.attributes.map(\.path), ["displayName", "members"])
        XCTAssertNil(brindle.learn.title)
        XCTAssertEqual(brindle.learn.assetId, "5c2bb5e6-3a4c-45ae-9b52-8a7be4b7ad0e")
    }

    /// "Connector limitations", "Troubleshooting tips", a "Change log" with a US date, an ISO date
    /// (corrected) and no date, the vendor's own link under "More resources".
    func testExtraSections() throws {
        let orrery = try XCTUnwrap(try check("extra-sections").descriptor)
        XCTAssertEqual(orrery.limitations.count, 2)
        XCTAssertEqual(orrery.troubleshooting, ["If **Test Connection** fails with 401, generate a new token; tokens expire after one year."])
        XCTAssertEqual(orrery.changeLog.map { $0.date ?? "-" }, ["03/23/2022", "01/09/2024", "-"])
        XCTAssertEqual(orrery.resources, ["[Orrery's own SCIM guide](https://orrery.example.org/help/scim)"])
        XCTAssertEqual(orrery.capabilities.deprovisionUsers, .disable)
    }

    /// An Azure AD era tutorial that shows its mappings only as screenshots: no tables, the
    /// screenshots kept with each mapping; `na` for the asset id and `7/26/2019` for the date
    /// (corrected), a Windows-style screenshot path (corrected).
    func testScreenshotsOnly() throws {
        let result = try check("screenshots-only")
        let tessaract = try XCTUnwrap(result.descriptor)
        XCTAssertEqual(tessaract.users.attributes, [])
        XCTAssertEqual(tessaract.users.screenshots.count, 2)
        XCTAssertEqual(tessaract.groups?.screenshots.map(\.path), ["media/tessaract-wiki-provisioning-tutorial/groupmapping.png"])
        XCTAssertTrue(tessaract.capabilities.groups)
        XCTAssertNil(tessaract.learn.assetId)
        XCTAssertEqual(tessaract.learn.date, "07/26/2019")
        XCTAssertEqual(tessaract.credentials.tenantURL, "https://tessaract.example.com/scim/v2")
        XCTAssertEqual(result.corrections.count, 3)
    }

    /// Published defects, each corrected (or left out) with a warning at its line and listed; text
    /// `validate` refuses in a descriptor (an `http:` link, formatting HTML, an image with a script)
    /// corrected where it can be, left out where it cannot.
    func testPublishedDefects() throws {
        let result = try check("published-defects")
        XCTAssertEqual(
            result.corrections.map { "\($0.line): \($0.found) -> \($0.recorded ?? "-")" },
            [
                "4: \"jeevansd -> jeevansd",
                "6: {4b1c6a2e-93e1-4d0f-bd13-0f1b1f6a9e21} -> 4b1c6a2e-93e1-4d0f-bd13-0f1b1f6a9e21",
                "10: 2024-03-25 -> 03/25/2024",
                "16: [Tribeloo](https://www.tribeloo.example/) -> -",
                "39: getAbstract -> Kestrel Payroll",
                "41: ![Screenshot of the credentials.](media/kestrel-payroll-provisioning-tutorial/../common/credentials.png) -> -",
                "53: TestApp -> Kestrel Payroll",
                #"72: emails[type eq "work"].vaule -> emails[type eq "work"].value"#,
                "75: phoneNumbers[type eq “mobile”].value -> phoneNumbers[type eq \"mobile\"].value",
                "76: urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeNumber -> urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
                "77: department -> urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                "79: title|Integer -> title|String",
                "81: Locale -> -",
                "82: payGrade -> -",
                "106: http:// -> https://",
                "106: <b> -> -",
                #"107: Kestrel Payroll shows <img src="https://tracker.example/p.gif" onerror="alert(1)… -> -"#,
            ].map { $0.replacingOccurrences(of: "![Screenshot of the credentials.](media/kestrel-payroll-provisioning-tutorial/../common/credentials.png)", with: "![Screenshot of the credentials.](media/kestrel-payroll-provisioning-tutorial/..…") })
        let kestrel = try XCTUnwrap(result.descriptor)
        XCTAssertNil(kestrel.website)
        XCTAssertEqual(kestrel.learn.author, "jeevansd")
        // Entra's type for a gallery app's manager, as published: a convention, not a defect.
        XCTAssertEqual(kestrel.users.attributes.first { $0.path.hasSuffix(":manager") }?.type, .string)
        XCTAssertFalse(result.allRowsImported)
        XCTAssertEqual([result.rowsImported, result.rowsFound, result.rowsCorrected], [11, 13, 5])
        XCTAssertEqual(
            kestrel.limitations,
            ["Only one workspace per tenant is provisioned; see the [guide](https://kestrel.example/guide)."])
    }

    /// No section on configuring the app: the app signs in with OAuth ("select Authorize"), so
    /// the vendor's Admin Credentials step is the credential step.
    func testOAuthAdminCredentials() throws {
        let wrenfield = try XCTUnwrap(try check("oauth-admin-credentials").descriptor)
        XCTAssertEqual(wrenfield.credentials.steps.count, 1)
        XCTAssertEqual(wrenfield.credentials.adminCredentials, wrenfield.credentials.steps.first?.text)
        XCTAssertEqual(wrenfield.credentials.tenantURL, "https://api.wrenfield.example.com/scim")
    }

    /// "automatic host provisioning", a Step 2 heading the importer does not know by its words
    /// ("Gather SCIM Host Provisioning information"), hosts for users, no Step 3, 4 or 6.
    func testHostProvisioning() throws {
        let lantern = try XCTUnwrap(try check("host-provisioning").descriptor)
        XCTAssertEqual(lantern.name, "Lantern Desk")
        XCTAssertEqual(lantern.credentials.steps.count, 2)
        XCTAssertTrue(lantern.capabilities.createUsers)
        XCTAssertTrue(lantern.capabilities.groups)
    }

    /// Learn's own Markdown: `:::image` (short and long form) and lightbox images in the credential
    /// steps, a region table in Step 5 that is not an attribute table, "Select **Get started**",
    /// `roles` typed as Entra's appRoleAssignments, a "Feature limitations" section.
    func testLearnExtensions() throws {
        let result = try check("learn-extensions")
        let pelican = try XCTUnwrap(result.descriptor)
        XCTAssertEqual(
            pelican.credentials.steps.map { $0.screenshot?.path ?? "" },
            ["media/pelican-procure-provisioning-tutorial/identity.png", "media/pelican-procure-provisioning-tutorial/key.png"])
        XCTAssertEqual(pelican.users.attributes.map(\.path), ["userName", "active", #"emails[type eq "work"].value"#, "roles"])
        XCTAssertEqual(pelican.limitations.count, 2)
        // Entra has no table type for the list of app role assignments: the row is kept as a String, and counted as changed.
        XCTAssertEqual([result.rowsImported, result.rowsFound, result.rowsCorrected], [6, 6, 1])
    }

    /// A matching column that contradicts itself (a precedence on a row that is not filterable, one
    /// precedence twice: not kept), a SCIM 1.1 path (not imported), and a group table without its
    /// displayName row (added: Entra matches groups on it).
    func testTableDefects() throws {
        let result = try check("table-defects")
        let gruppa = try XCTUnwrap(result.descriptor)
        XCTAssertEqual(gruppa.users.attributes.map { "\($0.path) \($0.matching.map(String.init) ?? "-")" }, [
            "userName 1", "externalId -", #"emails[type eq "work"].value -"#,
        ])
        XCTAssertEqual(gruppa.groups?.attributes.map(\.path), ["displayName", "members", "externalId"])
        XCTAssertEqual([result.rowsImported, result.rowsFound], [5, 6])
        XCTAssertFalse(result.allRowsImported)
    }

    /// "Azure Active Directory" era: `Step 1.` headings, `Yes`/`No` marks, the Azure portal steps, a
    /// vendor hint for Test Connection, a code block and a note in Step 2, a vendor tip in Step 4.
    func testAzureADEra() throws { try check("azure-ad-era") }

    /// `Step 1:` headings, "Capabilities Supported" as a plain list (no checklist, no anchor),
    /// `✓` marks, a Tenant URL in Step 2, a vendor screenshot for Scope, a tip, a customer intent.
    func testStepColonAndCheckMarks() throws { try check("step-colon-marks") }

    /// Columns in another order, found by name; a source column with an attribute, an expression
    /// and a constant; a matching column; `x` marks; and a Description column, kept as row notes.
    func testExtraColumns() throws {
        let result = try check("extra-columns")
        XCTAssertEqual(result.descriptor?.users.attributes.compactMap(\.note).count, 4)
    }

    /// A tutorial with no group table and no group capability, and a vendor Admin Credentials screenshot.
    func testNoGroupTable() throws { try check("no-group-table") }

    /// Sections the importer did not know before ("Troubleshooting tips", "Change log", "Connector
    /// limitations") now have homes; an unknown front matter key, an extra introduction paragraph,
    /// an unknown capability and a vendor sentence among Step 6's template bullets are each reported.
    func testUnknownSections() throws {
        let harbor = try XCTUnwrap(try check("unknown-sections").descriptor)
        XCTAssertEqual(harbor.changeLog.count, 2)
        XCTAssertFalse(harbor.troubleshooting.isEmpty)
        XCTAssertFalse(harbor.limitations.isEmpty)
    }

    /// A broken table: rows without a type, an unknown type word, an unknown attribute without a
    /// type, a duplicate, a type the catalog contradicts, a misspelt enterprise attribute, an
    /// unknown mark, a stray cell, a row without an attribute, a vendor extension with a complex
    /// attribute, and a table without its separator row. Defects are corrected or left out, so the
    /// descriptor validates.
    func testBrokenTable() throws {
        let result = try check("broken-table")
        XCTAssertEqual(result.descriptor?.learn.date, "03/07/2025")
        XCTAssertEqual(
            result.descriptor?.users.attributes.map(\.path).filter { $0.contains("organi") },
            ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization"])
    }

    /// The older layout: "Assigning users" with its tips, no capabilities checklist (inferred from
    /// the text), no Step 2 (the Admin Credentials step is the credential step, with its Tenant URL
    /// and a screenshot at the left margin), "Additional resources", no Step 6.
    func testOldLayout() throws { try check("old-layout") }

    /// A page that is not a tutorial: an error at its heading, no descriptor.
    func testNotATutorial() throws {
        let result = try ImportFixture.importing("\(ImportFixture.folder)/not-a-tutorial.md")
        XCTAssertFalse(result.succeeded)
        XCTAssertNil(result.bytes)
        XCTAssertEqual(
            result.diagnostics.map(\.description),
            [
                "Tests/Fixtures/Import/not-a-tutorial.md:6:1: error: not a provisioning tutorial: no heading or title such as 'Tutorial: Configure <App> for automatic user provisioning'"
            ])
    }

    /// A page with a tutorial's heading but none of its sections: an error naming the app.
    func testTutorialWithoutSections() throws {
        let result = try ImportFixture.importing("\(ImportFixture.folder)/no-sections.md")
        XCTAssertFalse(result.succeeded)
        XCTAssertNil(result.id)
        XCTAssertEqual(result.name, "Lumen Boards")
        XCTAssertEqual(
            result.diagnostics.map(\.description),
            [
                "Tests/Fixtures/Import/no-sections.md:1:1: error: not a provisioning tutorial: 'Lumen Boards' has no capabilities, prerequisites, credentials or provisioning section"
            ])
    }

    /// The promise behind every count: each unit is accounted for by the reader itself, so the
    /// safety net that reports forgotten units never fires on any fixture, seed or real tutorial.
    func testNoUnitIsLeftToTheSafetyNet() throws {
        var files = try ImportFixture.tutorials()
        files += ["lucid-all-products", "lusid", "thousandeyes", "thrive-lxp"].map { "Tests/Fixtures/Seeds/\($0).md" }
        files += try TutorialImportCorpusTests.tutorials()
        for file in files {
            let result = try ImportFixture.importing(file)
            XCTAssertEqual(result.diagnostics.filter { $0.message.hasPrefix("block not imported") }.map(\.description), [])
        }
    }
}
