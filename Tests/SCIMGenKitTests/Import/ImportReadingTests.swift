import XCTest

@testable import SCIMGenKit

/// The pieces between the Markdown reader and the descriptor: template sentences, table cells
/// and marks, extension names, and inputs no tutorial should ever be.
final class ImportReadingTests: XCTestCase {
    func testEveryPatternCompiles() {
        XCTAssertEqual(Boilerplate.allPatterns.filter { !$0.isValid }.map(\.source), [])
    }

    func testTemplateSentences() {
        let app = "Acme"
        XCTAssertEqual(Boilerplate.classify("Set the **Provisioning Mode** to **Automatic**.", app: app), .flow(.automatic))
        XCTAssertEqual(Boilerplate.classify("Set **+ New configuration**.", app: app), .flow(.newConfiguration))
        XCTAssertEqual(Boilerplate.classify("Browse to **Entra ID** > **Enterprise apps**", app: app), .generic(.enterpriseApplications))
        XCTAssertEqual(
            Boilerplate.classify("In the **Admin Credentials** section, select **Authorize**.", app: app), .adminCredentials)
        XCTAssertEqual(
            Boilerplate.classify("This article describes the steps you need to perform in both Acme and Microsoft Entra ID to configure automatic user provisioning.", app: app),
            .generic(nil))
        XCTAssertEqual(
            Boilerplate.classify("If the connection fails, ensure your Acme account is an Owner and try step 12 again.", app: app),
            .connectionHint("ensure your Acme account is an Owner and try again"))
        XCTAssertEqual(
            Boilerplate.classify("Under the Mappings section, select **Synchronize Azure AD Users to Acme**.", app: app),
            .mapping(name: "Synchronize Azure AD Users to Acme", optional: false))
        XCTAssertEqual(Boilerplate.classify("Acme bills per seat.", app: app), .specific)
        // The app's name matters: another app's name is not template text.
        XCTAssertEqual(Boilerplate.classify("In the applications list, select **Parsable**.", app: app), .specific)
    }

    func testTableCellsColumnsAndMarks() {
        XCTAssertEqual(AttributeTableReader.cells(#"  |a|`b|c`|d\|e|  "#), ["a", "`b|c`", #"d\|e"#])
        XCTAssertEqual(AttributeTableReader.cells("|members|Reference||    "), ["members", "Reference", ""])
        XCTAssertEqual(
            ["Attribute", "Type", "Supported For Filtering", "Required by Lucid (All Products)", "Matching precedence",
             "Azure AD attribute", "Orbital field", "Notes"].map(AttributeTableReader.column),
            [.attribute, .type, .filterable, .required, .matching, .source, .fieldRef, .note])
        XCTAssertEqual(["Description", "Comments", "Remarks", "Owner"].map(AttributeTableReader.column), [.note, .note, .note, .other("Owner")])
        XCTAssertEqual(
            ["&check;", "✓", "✔", "✅", "Yes", "x", "X", "True", "&#x2714;", "", "No", "-", "&cross;", "N/A", "maybe"].map(AttributeTableReader.mark),
            [true, true, true, true, true, true, true, true, true, false, false, false, false, false, nil])
        XCTAssertEqual(
            ["string", " DateTime ", "bool", "Date-Time", "Text"].map(AttributeTableReader.type), [.string, .dateTime, .boolean, .dateTime, nil])
        // Cells as Markdown shows them: escapes resolved, code and bold marks and quote entities gone.
        XCTAssertEqual(
            [#"phoneNumbers[type eq \"work\"].value"#, "`userName`", "**active**", "emails[type eq &quot;work&quot;].value", #"a\|b"#]
                .map(AttributeTableReader.plain),
            [#"phoneNumbers[type eq "work"].value"#, "userName", "active", #"emails[type eq "work"].value"#, "a|b"])
    }

    /// The header shapes and row forms of published tables, each read to rows: path, type,
    /// filterable, required (nil when the table has no such column) and note.
    func testTableShapes() {
        let cases: [(table: String, rows: [String])] = [
            (
                "|Attribute|Type|Supported for filtering|Required by Acme (All Products)|\n|---|---|---|---|\n|userName|String|&check;|&check;|\n|active|Boolean||&check;|",
                ["userName String filter required", "active Boolean - required"]
            ),
            ("|Attribute|Type|Supported for Filtering|\n|---|---|---|\n|userName|String|&check;\n|title|String|", ["userName String filter -", "title String - -"]),
            ("|Attribute|Type|\n|---|---|\n|members|Reference|", ["members Reference - -"]),
            ("Attribute|Type|Notes\n---|---|---\nuserName|String|Sign-in name.\nlocale|String|", ["userName String - - Sign-in name.", "locale String - -"]),
            ("|Attribute|Type|\n|:--|:--:|\n|emails[type eq \\\"work\\\"].value|String|\n|`nickName`|**String**|", [#"emails[type eq "work"].value String - -"#, "nickName String - -"]),
            ("|Attribute Name|Attribute Type|Filter|Mandatory|\n|---|---|---|---|\n|userName|string|Yes|✓|\n|active|bool|No|", ["userName String filter required", "active Boolean - -"]),
        ]
        for (table, expected) in cases {
            let lines = table.components(separatedBy: "\n").enumerated().map { SourceLine(text: $0.element, line: $0.offset + 1) }
            let reader = AttributeTableReader(lines: lines, resource: .user, file: "t.md")
            XCTAssertEqual(
                reader.rows.map { row in
                    [row.path, row.type.rawValue, row.filterable ? "filter" : "-", row.required == true ? "required" : "-", row.note ?? ""]
                        .filter { !$0.isEmpty }.joined(separator: " ")
                },
                expected, table)
        }
    }

    func testExtensionNames() {
        XCTAssertEqual(TutorialReader.extensionName("urn:ietf:params:scim:schemas:extension:lucid:2.0:User"), "LucidUser")
        XCTAssertEqual(TutorialReader.extensionName("urn:ietf:params:scim:schemas:extension:acme-hr:1.0:Group"), "AcmeHrGroup")
        XCTAssertEqual(TutorialReader.extensionName("urn:acme:2:1:User"), "AcmeUser")
    }

    /// Inputs that are no tutorial at all yield an error, never a trap.
    func testHostileInputs() {
        let inputs = [
            "", "\u{FEFF}", "---", "---\n---", "#", "|", "||\n|-|", "> [!NOTE]", "```", "![](", "1.",
            String(repeating: "[", count: 10_000), String(repeating: "| a ", count: 5_000),
            String(decoding: (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 73) }, as: UTF8.self),
        ]
        for input in inputs {
            let result = TutorialImporter.importTutorial(markdown: input, file: "x.md")
            XCTAssertFalse(result.succeeded)
            XCTAssertEqual(result.errors.count, 1)
        }
    }

    /// A tutorial made only of odd pieces still imports, and its descriptor still decodes.
    func testOddButRecognisableTutorial() throws {
        let markdown = """
            # Tutorial: Configure **Acme** for automatic user provisioning
            ## Prerequisites
            * An Acme plan.
            ```
            orphan code
            ```
            ![Orphan.](media/orphan.png)
            ## Step 5: Configure automatic user provisioning to Acme
            |Attribute|Type|
            |---|---|
            |userName|String|

            |Attribute|Type|
            |displayName|String|
            |members|Reference|

            |Attribute|Type|
            |emails[type eq "work"].value|String|
            """
        let result = TutorialImporter.importTutorial(markdown: markdown, file: "odd.md")
        XCTAssertEqual(result.name, "Acme")
        XCTAssertEqual(
            result.diagnostics.map(\.description),
            [
                "odd.md:1:1: warning: capabilities assumed: there is no capabilities checklist; recorded create, update and remove users",
                "odd.md:1:1: warning: no credential steps: the tutorial does not say how to obtain the Tenant URL and Secret Token; 'credentials.steps' holds a placeholder to replace",
                "odd.md:4:1: warning: code block not imported: 'orphan code'",
                "odd.md:7:1: warning: screenshot not imported: '![Orphan.](media/orphan.png)'",
                "odd.md:13:1: warning: table without separator row: read its first row as the header",
                "odd.md:17:1: warning: table without separator row: read its first row as the header",
            ])
        // The third table names no object type and holds a user attribute: it adds to the users'.
        XCTAssertEqual([result.rowsImported, result.rowsFound], [4, 4])
        let descriptor = ImportFixture.decoded(result)
        XCTAssertEqual(descriptor?.prerequisites.map(\.kind), [.plan])
        XCTAssertEqual(descriptor?.users.attributes.map(\.path), ["userName", #"emails[type eq "work"].value"#])
        XCTAssertEqual(descriptor?.groups?.attributes.map(\.path), ["displayName", "members"])
        XCTAssertEqual(descriptor?.capabilities, Capabilities(groups: true))
    }
}
