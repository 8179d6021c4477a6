import TestSupport
import XCTest

@testable import SCIMGenKit

/// The report over every tutorial in `Tests/Fixtures/Import/`.
final class ImportReportTests: XCTestCase {
    func report() throws -> ImportReport {
        ImportReport(try ImportFixture.tutorials().map { ($0, try ImportFixture.importing($0)) })
    }

    func testFigures() throws {
        let report = try report()
        XCTAssertEqual(report.entries.count, 19)
        XCTAssertEqual(report.imported, 17)
        XCTAssertEqual(report.failed, 2)
        XCTAssertEqual(
            report.failures.map { "\($0.file): \($0.reason)" },
            [
                "Tests/Fixtures/Import/no-sections.md: not a provisioning tutorial: 'Lumen Boards' has no capabilities, prerequisites, credentials or provisioning section",
                "Tests/Fixtures/Import/not-a-tutorial.md: not a provisioning tutorial: no heading or title such as 'Tutorial: Configure <App> for automatic user provisioning'",
            ])
        // Only the fixtures with published defects in their tables change rows.
        XCTAssertEqual(
            report.entries.filter { $0.succeeded && !$0.result.allRowsImported }.map(\.file),
            [
                "Tests/Fixtures/Import/broken-table.md", "Tests/Fixtures/Import/learn-extensions.md",
                "Tests/Fixtures/Import/published-defects.md", "Tests/Fixtures/Import/table-defects.md",
            ])
        XCTAssertEqual(report.importedWithAllRows, 13)
    }

    /// The whole report, as `scimgen import --report` writes it.
    func testMarkdown() throws {
        Golden.assert(try report().markdown(), matches: Repository.fixtures.appendingPathComponent("Import/Expected/report.md"))
    }

    /// A vendor not written (it exists) and a file that cannot be read are failures, with the reason.
    func testProblemsTheCommandAdds() throws {
        let imported = try ImportFixture.importing("\(ImportFixture.folder)/newest-layout.md")
        let report = ImportReport(entries: [
            ImportReport.Entry(file: "a.md", result: imported, problem: "'Vendors/quillmark/vendor.json' exists; not replaced without --force"),
            ImportReport.Entry(file: "missing.md", result: TutorialImport(), problem: "cannot read the file"),
        ])
        XCTAssertEqual([report.imported, report.failed], [0, 2])
        XCTAssertEqual(
            report.failures.map { "\($0.file): \($0.reason)" },
            ["a.md: 'Vendors/quillmark/vendor.json' exists; not replaced without --force", "missing.md: cannot read the file"])
        XCTAssertTrue(report.markdown().contains("| tutorials | 2 |\n| imported | 0 |"), report.markdown())
    }

    func testEmptyReport() {
        XCTAssertEqual(
            ImportReport([]).markdown(),
            """
            # Import report

            | figure | count |
            | --- | ---: |
            | tutorials | 0 |
            | imported | 0 |
            | imported with every table row as published | 0 |
            | imported without warnings | 0 |
            | failed | 0 |
            | table rows imported | 0 of 0 |
            | table rows changed (corrected, or type completed) | 0 |
            | published defects corrected or left out | 0 in 0 tutorials |
            | units imported | 0 of 0 |
            | units of template text | 0 |
            | units not imported | 0 |
            | facts not placed | 0 |
            | warnings | 0 |

            ## Tutorials

            | file | vendor | result | table rows | corrections | units imported / template / not imported | warnings |
            | --- | --- | --- | ---: | ---: | ---: | ---: |

            """)
    }

    /// A file name with a pipe or a backtick cannot break the report's tables, and keeps its backtick.
    func testCellsAreEscaped() {
        let report = ImportReport([("a|b`c.md", TutorialImporter.importTutorial(markdown: "", file: "a|b`c.md"))])
        XCTAssertTrue(report.markdown().contains("| ``a\\|b`c.md`` |  | failed | 0 of 0 | 0 | 0 / 0 / 0 | 0 |"), report.markdown())
    }
}
