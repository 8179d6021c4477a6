import XCTest

@testable import SCIMGenKit

/// The importer's own tutorials in `Tests/Fixtures/Import/`, one per layout it must read; each
/// test asserts every diagnostic with its line, every fact not imported, the figures, the whole
/// descriptor (a golden in `Tests/Fixtures/Import/Expected/`) and what `scimgen validate` would say.
final class TutorialImportFixtureTests: XCTestCase {
    /// What one fixture's import must give.
    struct Expectation {
        var diagnostics: [String]
        var notImported: [String] = []
        /// Rows imported, rows found.
        var rows: [Int]
        /// Units: all, imported, boilerplate, not imported.
        var units: [Int]
        /// `DescriptorValidator`'s findings on the imported descriptor.
        var validation: [String] = []
    }

    func check(_ name: String, _ expected: Expectation, file: StaticString = #filePath, line: UInt = #line) throws {
        let path = "\(ImportFixture.folder)/\(name).md"
        let result = try ImportFixture.importing(path)
        XCTAssertEqual(result.diagnostics.map(\.description), expected.diagnostics, file: file, line: line)
        XCTAssertEqual(result.notImported, expected.notImported, file: file, line: line)
        XCTAssertEqual([result.rowsImported, result.rowsFound], expected.rows, "rows", file: file, line: line)
        XCTAssertEqual(
            [result.units, result.unitsImported, result.unitsBoilerplate, result.unitsNotImported], expected.units, "units",
            file: file, line: line)
        XCTAssertEqual(result.unitsImported + result.unitsBoilerplate + result.unitsNotImported, result.units, file: file, line: line)
        try ImportGolden.assertMatches(result.bytes ?? [], golden: "\(ImportFixture.expected)/\(name).json", file: file, line: line)
        guard let descriptor = ImportFixture.decoded(result, file: file, line: line) else { return }
        XCTAssertEqual(DescriptorValidator.validate(descriptor).map(\.description), expected.validation, file: file, line: line)
    }

    /// "Azure Active Directory" era: `Step 1.` headings, `Yes`/`No` marks, the Azure portal steps, a
    /// vendor hint for Test Connection, a code block and a note in Step 2, a vendor tip in Step 4.
    func testAzureADEra() throws {
        try check(
            "azure-ad-era",
            Expectation(
                diagnostics: [
                    "Tests/Fixtures/Import/azure-ad-era.md:104:1: note: old product name updated: imported as Microsoft Entra ID and the Microsoft Entra admin center",
                    "Tests/Fixtures/Import/azure-ad-era.md:118:1: note: old product name updated: imported as Microsoft Entra ID and the Microsoft Entra admin center",
                ],
                rows: [9, 9], units: [79, 32, 47, 0]))
    }

    /// Every line of the Azure AD era tutorial that carries a fact is imported; the rest is template text.
    func testAzureADEraLineByLine() throws {
        let path = "\(ImportFixture.folder)/azure-ad-era.md"
        let text = String(decoding: try Repository.bytes(path), as: UTF8.self)
        let units = TutorialImporter.read(markdown: text, file: path).units
        XCTAssertEqual(
            units.filter { $0.1 == .imported }.map(\.0.line),
            [
                5, 6, 7, 12, 13,  // author, writer, manager, ms.date, ms.author
                18,  // the website in the introduction
                22, 23, 24, 25, 26,  // the capabilities checklist
                34, 35,  // the two vendor prerequisites
                43, 44, 46, 48, 50,  // Step 2: three steps, a screenshot, a code block
                55,  // the note in Step 2
                70,  // the vendor's tip in Step 4
                94,  // the Test Connection hint
                104, 110, 111, 112, 113, 114, 115, 116,  // the user mapping and its rows
                118, 124, 125,  // the group mapping and its rows
            ])
        XCTAssertEqual(units.filter { $0.1 == .notImported }.map(\.0.line), [])
    }

    /// `Step 1:` headings, "Capabilities Supported" as a plain list (no checklist, no anchor),
    /// `✓` marks, a Tenant URL in Step 2, a vendor screenshot for Scope, a tip, a customer intent.
    func testStepColonAndCheckMarks() throws {
        try check("step-colon-marks", Expectation(diagnostics: [], rows: [11, 11], units: [76, 30, 46, 0]))
    }

    /// Columns in another order, found by name; a source column with an attribute, an expression
    /// and a constant; a matching column; `x` marks; and a Description column with no home.
    func testExtraColumns() throws {
        try check(
            "extra-columns",
            Expectation(
                diagnostics: [
                    "Tests/Fixtures/Import/extra-columns.md:43:1: warning: column not imported: 'Description' (4 values); a descriptor row has no field for it"
                ],
                notImported: [
                    "line 45: column 'Description' of 'userName': The sign-in name.",
                    "line 46: column 'Description' of 'externalId': The Entra object ID.",
                    "line 48: column 'Description' of 'title': Shown on the org chart.",
                    "line 50: column 'Description' of 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber': The payroll number.",
                ],
                rows: [8, 8], units: [32, 18, 10, 4]))
    }

    /// A tutorial with no group table and no group capability, and a vendor Admin Credentials screenshot.
    func testNoGroupTable() throws {
        try check("no-group-table", Expectation(diagnostics: [], rows: [8, 8], units: [68, 22, 46, 0]))
    }

    /// Sections the importer does not know ("Troubleshooting tips", "Change log", "Connector
    /// limitations"), an unknown front matter key, an extra introduction paragraph, an unknown
    /// capability and a vendor sentence among Step 6's template bullets: each is reported at its line.
    func testUnknownSections() throws {
        try check(
            "unknown-sections",
            Expectation(
                diagnostics: [
                    "Tests/Fixtures/Import/unknown-sections.md:6:1: warning: front matter not imported: 'ms.reviewer: ilee'",
                    "Tests/Fixtures/Import/unknown-sections.md:18:1: warning: paragraph not imported: 'Harbor Desk agents and light agents are both provisioned as users; Harbor Desk d…'",
                    "Tests/Fixtures/Import/unknown-sections.md:26:1: warning: capability not imported: 'Provision Harbor Desk roles from app role assignments.'",
                    "Tests/Fixtures/Import/unknown-sections.md:72:1: warning: list item not imported: 'Harbor Desk's own audit log, under **Admin** > **Audit**, lists every SCIM reque…'",
                    "Tests/Fixtures/Import/unknown-sections.md:76:1: warning: paragraph not imported: 'If a user is not created, check that their email address is not already used by …'",
                    "Tests/Fixtures/Import/unknown-sections.md:78:1: warning: list item not imported: 'A 409 response means the user name already exists in another Harbor Desk workspa…'",
                    "Tests/Fixtures/Import/unknown-sections.md:82:1: warning: list item not imported: '03/02/2024 - Added support for the **roles** attribute.'",
                    "Tests/Fixtures/Import/unknown-sections.md:83:1: warning: list item not imported: '01/15/2025 - Added support for group provisioning.'",
                    "Tests/Fixtures/Import/unknown-sections.md:87:1: warning: list item not imported: 'Harbor Desk does not support deleting groups; a group removed from scope is empt…'",
                ],
                notImported: [
                    "line 6: ms.reviewer: ilee",
                    "line 18: Harbor Desk agents and light agents are both provisioned as users; Harbor Desk decides the seat type from the user's role.",
                    "line 26: Provision Harbor Desk roles from app role assignments.",
                    "line 72: Harbor Desk's own audit log, under **Admin** > **Audit**, lists every SCIM request it received.",
                    "line 76: If a user is not created, check that their email address is not already used by a Harbor Desk end customer.",
                    "line 78: A 409 response means the user name already exists in another Harbor Desk workspace.",
                    "line 82: 03/02/2024 - Added support for the **roles** attribute.",
                    "line 83: 01/15/2025 - Added support for group provisioning.",
                    "line 87: Harbor Desk does not support deleting groups; a group removed from scope is emptied instead.",
                ],
                rows: [6, 6], units: [41, 20, 12, 9]))
    }

    /// A broken table: rows without a type, an unknown type word, an unknown attribute without a
    /// type, a duplicate, a type the catalog contradicts, a misspelt enterprise attribute, an
    /// unknown mark, a stray cell, a row without an attribute, a vendor extension with a complex
    /// attribute, and a table without its separator row. Rows the catalog disagrees with are
    /// imported as written, so `scimgen validate` then points at them in the descriptor.
    func testBrokenTable() throws {
        try check(
            "broken-table",
            Expectation(
                diagnostics: [
                    "Tests/Fixtures/Import/broken-table.md:4:1: warning: date not in MM/DD/YYYY form: '2025-03-07'; imported as written",
                    "Tests/Fixtures/Import/broken-table.md:26:1: warning: type taken from the catalog: 'title' has no type; imported as 'String'",
                    "Tests/Fixtures/Import/broken-table.md:27:1: warning: type taken from the catalog: 'nickName' has type 'Text', which is not a table type; imported as 'String'",
                    "Tests/Fixtures/Import/broken-table.md:28:1: warning: table row not imported: 'favouriteColour' has no type, and the catalog does not know the attribute",
                    "Tests/Fixtures/Import/broken-table.md:29:1: warning: table row not imported: duplicate 'userName'; the first row is on line 25",
                    "Tests/Fixtures/Import/broken-table.md:30:1: warning: type contradicts the catalog: 'active' is a Boolean in 'urn:…:core:2.0:User', not a String; imported as written",
                    "Tests/Fixtures/Import/broken-table.md:31:1: warning: not in the catalog: unknown attribute 'organisation' in schema 'urn:…:enterprise:2.0:User'; did you mean 'organization'?; imported as written",
                    "Tests/Fixtures/Import/broken-table.md:32:1: warning: unrecognised mark: 'maybe' in column 'Supported for filtering' of 'name.givenName'; read as not set",
                    "Tests/Fixtures/Import/broken-table.md:33:1: warning: cell not imported: '&check;' in the row of 'displayName' is beyond the header's 4 columns",
                    "Tests/Fixtures/Import/broken-table.md:34:1: warning: table row not imported: '||String|||' names no attribute",
                    "Tests/Fixtures/Import/broken-table.md:35:1: note: extension declared from the attribute table: 'urn:…:cinder:2.0:User' with 2 attributes; describe them in 'extensions'",
                    "Tests/Fixtures/Import/broken-table.md:41:1: warning: table without separator row: read its first row as the header",
                ],
                notImported: [
                    "line 27: type of 'nickName': Text",
                    "line 28: |favouriteColour|||",
                    "line 29: |userName|String|||",
                    "line 32: column 'Supported for filtering' of 'name.givenName': maybe",
                    "line 33: cell of 'displayName' beyond the header: &check;",
                    "line 34: ||String|||",
                ],
                rows: [12, 15], units: [24, 17, 1, 6],
                validation: [
                    "Vendors/cinder-cloud/vendor.json:15:13: error: 'learn.date' must be a date written MM/DD/YYYY, as ms.date is, not '2025-03-07'",
                    "Vendors/cinder-cloud/vendor.json:75:17: error: 'active' is a Boolean in urn:…:core:2.0:User, not a String; write \"type\": \"Boolean\"",
                    "Vendors/cinder-cloud/vendor.json:80:77: error: unknown attribute 'organisation' in schema 'urn:…:enterprise:2.0:User'; did you mean 'organization'?",
                ]))
    }

    /// The older layout: "Assigning users" with its tips, no capabilities checklist (inferred from
    /// the text), no Step 2 (the Admin Credentials step is the credential step, with its Tenant URL
    /// and a screenshot at the left margin), "Additional resources", no Step 6.
    func testOldLayout() throws {
        try check(
            "old-layout",
            Expectation(
                diagnostics: [
                    "Tests/Fixtures/Import/old-layout.md:3:1: note: old product name updated: imported as Microsoft Entra ID and the Microsoft Entra admin center",
                    "Tests/Fixtures/Import/old-layout.md:35:1: note: old product name updated: imported as Microsoft Entra ID and the Microsoft Entra admin center",
                    "Tests/Fixtures/Import/old-layout.md:41:1: note: capabilities inferred: there is no capabilities checklist, so 'create, update and disable users' comes from this paragraph",
                    "Tests/Fixtures/Import/old-layout.md:63:1: note: old product name updated: imported as Microsoft Entra ID and the Microsoft Entra admin center",
                    "Tests/Fixtures/Import/old-layout.md:74:1: note: old product name updated: imported as Microsoft Entra ID and the Microsoft Entra admin center",
                ],
                rows: [6, 6], units: [41, 22, 19, 0]))
    }

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
    /// safety net that reports forgotten units never fires on any fixture or seed.
    func testNoUnitIsLeftToTheSafetyNet() throws {
        var files = try ImportFixture.tutorials()
        files += ["lucid-all-products", "lusid", "thousandeyes", "thrive-lxp"].map { "Tests/Fixtures/Seeds/\($0).md" }
        for file in files {
            let result = try ImportFixture.importing(file)
            XCTAssertEqual(result.diagnostics.filter { $0.message.hasPrefix("block not imported") }.map(\.description), [])
        }
    }
}
