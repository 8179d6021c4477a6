import Foundation
import Mustache
import XCTest
@testable import SCIMGenKit

/// Importing tutorials: the four seeds come back as the hand-made descriptors where they overlap,
/// and other layouts import with every fact placed or warned about at its line.
final class TutorialImporterTests: XCTestCase {
    static let handMade = VendorLoader.load(directory: Repository.vendors, display: "Vendors").vendors

    func importSeed(_ id: String) throws -> (TutorialImport, VendorDescriptor) {
        let text = String(decoding: try Repository.bytes("Tests/Fixtures/Seeds/\(id).md"), as: UTF8.self)
        let result = TutorialImporter.importTutorial(markdown: text, file: "\(id).md")
        XCTAssertEqual(result.id, id)
        let bytes = try XCTUnwrap(result.bytes)
        let set = VendorLoader.load(sources: [VendorSource(id: id, file: "\(id)/vendor.json", bytes: bytes)])
        XCTAssertEqual(set.diagnostics.filter { $0.severity == .error }.map(\.description), [], id)
        return (result, try XCTUnwrap(set.vendors.first, id))
    }

    static func rows(_ table: AttributeTable?) -> [String] {
        (table?.attributes ?? []).map { "\($0.path)|\($0.type.rawValue)|\($0.filterable)|\($0.required.map(String.init) ?? "-")" }
    }

    func testSeedsMatchTheHandMadeDescriptors() throws {
        for id in ["thrive-lxp", "thousandeyes", "lusid", "lucid-all-products"] {
            let (result, imported) = try importSeed(id)
            let hand = try XCTUnwrap(Self.handMade.first { $0.id == id })
            XCTAssertEqual(result.rowsImported, result.rowsSeen, id)
            XCTAssertEqual(Self.rows(imported.users), Self.rows(hand.users), id)
            XCTAssertEqual(Self.rows(imported.groups), Self.rows(hand.groups), id)
            XCTAssertEqual(imported.name, hand.name)
            XCTAssertEqual(imported.learn.date, hand.learn.date)
            XCTAssertEqual(imported.learn.author, hand.learn.author)
            XCTAssertEqual(imported.learn.assetId, hand.learn.assetId)
            XCTAssertEqual(imported.assignmentTips, hand.assignmentTips, id)
            XCTAssertEqual(imported.credentials.steps.compactMap(\.code), hand.credentials.steps.compactMap(\.code), id)
            XCTAssertEqual(imported.credentials.steps.compactMap(\.screenshot?.path), hand.credentials.steps.compactMap(\.screenshot?.path), id)
            XCTAssertEqual(imported.credentials.responseFields, hand.credentials.responseFields, id)
            XCTAssertEqual(imported.prerequisites.count, hand.prerequisites.count, id)
            XCTAssertEqual(imported.notes.map { "\($0.kind) \($0.section)" }, hand.notes.map { "\($0.kind) \($0.section)" }, id)
            if id != "thousandeyes" {
                XCTAssertEqual(imported.capabilities, hand.capabilities, id)
            }
        }
    }

    func testWhereImportAndHandMadeDifferOnPurpose() throws {
        // ThousandEyes's old tutorial has no checklist; the hand-made descriptor reads single sign-on
        // from its TIP, which the importer keeps as a note rather than guessing a capability.
        let (_, thousandEyes) = try importSeed("thousandeyes")
        XCTAssertFalse(thousandEyes.capabilities.singleSignOn)
        XCTAssertEqual(thousandEyes.capabilities.deprovisionUsers, .disable)
        // Hand corrections recorded in the descriptors' $comment: "THRIVE LXP" and the seeds' wording.
        let (_, thrive) = try importSeed("thrive-lxp")
        XCTAssertEqual(thrive.prerequisites.map(\.text), ["A **SCIM token** supplied by your contact at THRIVE LXP."])
        let (_, lucid) = try importSeed("lucid-all-products")
        XCTAssertEqual(lucid.extensions.map(\.id), ["urn:ietf:params:scim:schemas:extension:lucid:2.0:User"])
        XCTAssertEqual(lucid.extensions[0].attributes.map(\.name), ["billingCode", "productLicenses"])
    }

    func testImportedSeedsRegenerateTheSeedTables() throws {
        let templates = try TemplateLibrary(directory: Repository.templates, display: "Templates")
        for id in ["thrive-lxp", "thousandeyes", "lusid", "lucid-all-products"] {
            let (_, imported) = try importSeed(id)
            let tutorial = String(decoding: try XCTUnwrap(TutorialOutput.files(for: imported, templates: templates)["\(id)/tutorial.md"]), as: UTF8.self)
            let seed = String(decoding: try Repository.bytes("Tests/Fixtures/Seeds/\(id).md"), as: UTF8.self)
            XCTAssertEqual(
                SeedFidelityTests.tables(tutorial).map { $0.map(\.description) }, SeedFidelityTests.tables(seed).map { $0.map(\.description) }, id)
        }
    }

    func fixture(_ name: String) throws -> TutorialImport {
        let text = String(decoding: try Repository.bytes("Tests/Fixtures/Import/\(name).md"), as: UTF8.self)
        return TutorialImporter.importTutorial(markdown: text, file: "\(name).md")
    }

    func testOldAzureADLayout() throws {
        let result = try fixture("old-azure-ad")
        XCTAssertEqual(result.id, "acme-hr")
        XCTAssertEqual(result.diagnostics.map(\.description), [])
        let descriptor = try XCTUnwrap(result.descriptor)
        XCTAssertEqual(descriptor["website"], .string("https://acme.example/hr"))
        XCTAssertEqual(descriptor["learn"]?["title"], nil, "the standard title is left to the template")
        XCTAssertEqual(descriptor["capabilities"]?["deprovisionUsers"], .string("disable"))
        XCTAssertEqual(descriptor["capabilities"]?["groups"], .bool(false))
        XCTAssertEqual(descriptor["users"]?["mappingName"], .string("Synchronize Microsoft Entra ID Users to Acme HR"))
        XCTAssertEqual(result.rowsImported, 4)
        XCTAssertNil(descriptor["groups"])
        let bytes = String(decoding: try XCTUnwrap(result.bytes), as: UTF8.self)
        XCTAssertFalse(bytes.contains("Azure"), bytes)
    }

    func testExtraColumnsAndUnknownSections() throws {
        let result = try fixture("extra-columns")
        XCTAssertEqual(
            result.diagnostics.map(\.description),
            [
                "extra-columns.md:39:1: warning: table column not imported: Description",
                "extra-columns.md:49:1: warning: table column not imported: Description",
                "extra-columns.md:56:1: warning: paragraph not imported: If users are not created, check the logs in Beta CRM.",
            ])
        let descriptor = try XCTUnwrap(result.descriptor)
        XCTAssertEqual(descriptor["users"]?["attributes"].map { JSONWriter.write($0) }?.contains("\"matching\": 2"), true)
        XCTAssertEqual(descriptor["notes"], .array([.object([.init("kind", .string("important")), .init("section", .string("credentials")), .init("text", .string("Tokens expire after 90 days."))])]))
    }

    func testBrokenRowsAreReportedNotDropped() throws {
        let result = try fixture("broken-table")
        XCTAssertEqual(
            result.diagnostics.map(\.description),
            [
                "broken-table.md:14:1: warning: table row not imported: no attribute name in '||String||'",
                "broken-table.md:15:1: warning: table row not imported: nickName: unknown type 'Text'",
            ])
        XCTAssertEqual(result.rowsSeen, 4)
        XCTAssertEqual(result.rowsImported, 2)
    }

    func testNotATutorialFails() throws {
        let result = try fixture("not-a-tutorial")
        XCTAssertNil(result.bytes)
        XCTAssertEqual(
            result.diagnostics.map(\.description),
            ["not-a-tutorial.md:1:1: error: not a provisioning tutorial: no 'Configure <App> for automatic user provisioning' heading or title"])
    }

    func testReportOverTheFixtures() throws {
        let names = ["broken-table", "extra-columns", "not-a-tutorial", "old-azure-ad"]
        let report = ImportReport(try names.map { ("\($0).md", try fixture($0)) })
        XCTAssertEqual(
            report.markdown(),
            """
            ## Import report

            | tutorials | imported | every table row intact | with warnings | failed |
            |---:|---:|---:|---:|---:|
            | 4 | 3 | 2 | 2 | 1 |

            | file | vendor | rows | prerequisites | credential steps | warnings |
            |---|---|---:|---:|---:|---:|
            | broken-table.md | `gamma-wiki` | 2/4 | 0 | 1 | 2 |
            | extra-columns.md | `beta-crm` | 5/5 | 1 | 1 | 3 |
            | not-a-tutorial.md | failed | 0/0 | 0 | 0 | 1 |
            | old-azure-ad.md | `acme-hr` | 4/4 | 1 | 2 | 0 |

            ## Not imported

            - broken-table.md: line 14: table row: no attribute name in '||String||'
            - broken-table.md: line 15: table row: nickName: unknown type 'Text'
            - extra-columns.md: line 39: table column: Description
            - extra-columns.md: line 49: table column: Description
            - extra-columns.md: line 56: paragraph: If users are not created, check the logs in Beta CRM.
            - not-a-tutorial.md: failed: not a provisioning tutorial: no 'Configure <App> for automatic user provisioning' heading or title

            """)
    }

    func testMutatedTutorialsNeverCrash() throws {
        let corpus = try ["thrive-lxp", "thousandeyes", "lusid", "lucid-all-products"].map { try Repository.bytes("Tests/Fixtures/Seeds/\($0).md") }
        var mutator = Mutator(seed: 9)
        for round in 0..<300 {
            let input = String(decoding: mutator.mutate(corpus[round % corpus.count], donors: corpus), as: UTF8.self)
            let result = TutorialImporter.importTutorial(markdown: input, file: "fuzz.md")
            XCTAssertTrue(result.bytes != nil || result.diagnostics.contains { $0.severity == .error })
        }
    }
}
