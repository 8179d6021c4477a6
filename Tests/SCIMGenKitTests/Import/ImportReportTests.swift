import XCTest

@testable import SCIMGenKit

/// The round-trip report over every tutorial in `Tests/Fixtures/Import/`.
final class ImportReportTests: XCTestCase {
    func report() throws -> ImportReport {
        ImportReport(try ImportFixture.tutorials().map { ($0, try ImportFixture.importing($0)) })
    }

    func testFigures() throws {
        let report = try report()
        XCTAssertEqual(report.entries.count, 9)
        XCTAssertEqual(report.imported, 7)
        XCTAssertEqual(report.importedWithAllRows, 6)
        XCTAssertEqual(report.importedWithoutWarnings, 4)
        XCTAssertEqual(report.importedWithWarnings, 3)
        XCTAssertEqual(report.failed, 2)
        XCTAssertEqual(
            report.failures.map { "\($0.file): \($0.reason)" },
            [
                "Tests/Fixtures/Import/no-sections.md: not a provisioning tutorial: 'Lumen Boards' has no capabilities, prerequisites, credentials or provisioning section",
                "Tests/Fixtures/Import/not-a-tutorial.md: not a provisioning tutorial: no heading or title such as 'Tutorial: Configure <App> for automatic user provisioning'",
            ])
    }

    /// The whole report, as `scimgen import` prints it.
    func testMarkdown() throws {
        try ImportGolden.assertMatches(Array(try report().markdown().utf8), golden: "\(ImportFixture.expected)/report.md")
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
            | imported with every table row | 0 |
            | imported without warnings | 0 |
            | imported with warnings | 0 |
            | failed | 0 |
            | table rows imported | 0 of 0 |
            | units imported | 0 of 0 |
            | units of template text | 0 |
            | units not imported | 0 |
            | facts not imported | 0 |
            | warnings | 0 |

            ## Tutorials

            | file | vendor | result | table rows | units imported / template / not imported | warnings |
            | --- | --- | --- | ---: | ---: | ---: |

            """)
    }

    /// A file name with a pipe or a backtick cannot break the report's tables, and keeps its backtick.
    func testCellsAreEscaped() {
        let report = ImportReport([("a|b`c.md", TutorialImporter.importTutorial(markdown: "", file: "a|b`c.md"))])
        XCTAssertTrue(report.markdown().contains("| ``a\\|b`c.md`` |  | failed | 0 of 0 | 0 / 0 / 0 | 0 |"), report.markdown())
    }
}
