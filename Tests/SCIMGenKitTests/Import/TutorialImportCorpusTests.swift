import Foundation
import TestSupport
import XCTest

@testable import SCIMGenKit

/// Every real tutorial in `Tests/Fixtures/Import/Corpus/`, as published on Microsoft Learn: each
/// imports to a descriptor that validates, and the tutorial `generate` renders from it has every
/// attribute table row of the source (attribute, type, filtering and required marks). The report
/// over all of them, with the published defects it corrects, is a golden; so are a few descriptors.
final class TutorialImportCorpusTests: XCTestCase {
    static let folder = "Tests/Fixtures/Import/Corpus"

    static func tutorials() throws -> [String] {
        let url = Repository.root.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted().map { "\(folder)/\($0)" }
    }

    func testTheCorpusIsThere() throws {
        XCTAssertEqual(try Self.tutorials().count, 30)
    }

    /// The done-when of the importer: every tutorial validates and regenerates every row.
    func testEveryTutorialValidatesAndRegeneratesEveryRow() throws {
        var regenerated = 0
        for path in try Self.tutorials() {
            let result = try ImportFixture.importing(path)
            XCTAssertEqual(result.errors.map(\.description), [], path)
            guard let descriptor = result.descriptor else { continue }
            XCTAssertEqual(DescriptorValidator.validate(descriptor).filter { $0.severity == .error }.map(\.description), [], path)
            let source = ImportRoundTrip.rows(in: String(decoding: try Repository.bytes(path), as: UTF8.self))
            let generated = ImportRoundTrip.rows(in: try ImportRoundTrip.generatedTutorial(result))
            XCTAssertEqual(generated.map(\.description), source.map(\.description), path)
            if generated == source { regenerated += 1 }
        }
        XCTAssertEqual(regenerated, 30)
    }

    /// `scimgen import Corpus/*.md --report FILE.md`: what a docs team reads before migrating.
    func testCorpusReport() throws {
        let report = ImportReport(try Self.tutorials().map { ($0, try ImportFixture.importing($0)) })
        XCTAssertEqual(report.imported, 30)
        XCTAssertEqual(report.importedWithAllRows, 30)
        Golden.assert(report.markdown(), matches: Repository.fixtures.appendingPathComponent("Import/Expected/corpus-report.md"))
    }

    /// The published defects the corpus holds, each corrected at its line.
    func testPublishedDefectsAreCorrected() throws {
        var found: [String] = []
        for path in try Self.tutorials() {
            let result = try ImportFixture.importing(path)
            found += result.corrections.map { "\(path.split(separator: "/").last ?? ""):\($0.line): \($0.found) -> \($0.recorded ?? "(left out)")" }
        }
        XCTAssertEqual(
            found.filter { !$0.contains("TestApp") },
            [
                "britive-provisioning-tutorial.md:67: getAbstract -> Britive",
                "chaos-provisioning-tutorial.md:19: [Tribeloo](https://www.tribeloo.com/) -> (left out)",
            ])
        XCTAssertEqual(found.filter { $0.contains("TestApp") }.count, 14)
    }

    /// A handful of descriptors in full: the newest layout, a change log, escaped quotes in a
    /// table, a checklist that promises groups with no table, screenshots only, host provisioning.
    func testGoldenDescriptors() throws {
        for name in ["ardoq", "gong", "oneflow", "m-files", "theorgwiki", "sign-in-enterprise-host", "culturehq"] {
            let result = try ImportFixture.importing("\(Self.folder)/\(name)-provisioning-tutorial.md")
            Golden.assert(
                result.bytes ?? [], matches: Repository.fixtures.appendingPathComponent("Import/Expected/Corpus/\(name).json"))
        }
    }

    /// Facts the corpus holds that have a home in the descriptor now.
    func testFactsOfTheNewerLayouts() throws {
        func imported(_ name: String) throws -> VendorDescriptor {
            try XCTUnwrap(try ImportFixture.importing("\(Self.folder)/\(name)-provisioning-tutorial.md").descriptor, name)
        }
        let gong = try imported("gong")
        XCTAssertEqual(
            gong.changeLog.map { "\($0.date ?? "") \($0.text)" },
            [
                "03/23/2022 Added support for **Group Provisioning**.",
                "04/21/2022 **emails[type eq \"work\"].value** has been marked as required attribute.",
            ])
        // Entra's type for a gallery app's manager, as published: kept.
        XCTAssertEqual(gong.users.attributes.first { $0.path.hasSuffix(":manager") }?.type, .string)
        let oneflow = try imported("oneflow")
        XCTAssertTrue(oneflow.users.attributes.contains { $0.path == #"phoneNumbers[type eq "work"].value"# })
        let ardoq = try imported("ardoq")
        XCTAssertEqual(ardoq.provisioningFlow, .newConfiguration)
        XCTAssertEqual(ardoq.credentials.tenantURL, "https://<YOUR-SUBDOMAIN>.ardoq.com/api/scim/v2")
        let bldng = try imported("bldng-app")
        XCTAssertEqual(bldng.includes.map(\.path), ["~/identity/saas-apps/includes/common-prerequisites.md"])
        XCTAssertEqual(bldng.provisioningFlow, .automatic)
        let mFiles = try imported("m-files")
        XCTAssertEqual(mFiles.groups?.attributes, [])
        XCTAssertTrue(mFiles.capabilities.groups)
        let comeet = try imported("comeet-recruiting-software")
        XCTAssertEqual(comeet.limitations, ["Comeet Recruiting Software does not currently support groups."])
        let theOrgWiki = try imported("theorgwiki")
        XCTAssertEqual(theOrgWiki.users.screenshots.map(\.path), [
            "media/theorgwiki-provisioning-tutorial/usermapping.png", "media/theorgwiki-provisioning-tutorial/userattribute.png",
        ])
        let cultureHQ = try imported("culturehq")
        XCTAssertEqual(cultureHQ.credentials.steps.count, 1)
        XCTAssertTrue(cultureHQ.credentials.steps[0].text.contains("Authorize"))
    }
}
