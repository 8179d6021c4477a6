import Foundation
import XCTest

final class ImportCommandTests: XCTestCase {
    func seed(_ id: String, into workspace: Workspace) throws {
        try FileManager.default.copyItem(
            at: Workspace.repository.appendingPathComponent("Tests/Fixtures/Seeds/\(id).md"), to: workspace.url("\(id).md"))
    }

    func testImportsIntoANewVendorAndRefusesToOverwrite() throws {
        let workspace = try Workspace()
        try seed("lusid", into: workspace)
        let run = workspace.run(["import", "lusid.md", "--vendors", "Imported"])
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertTrue(run.out.contains("| `lusid.md` | `lusid` | imported | 9 of 9 | 1 | 29 / 47 / 0 | 1 |"), run.out)
        XCTAssertTrue(run.out.hasSuffix("wrote Imported/lusid/vendor.json\n"), run.out)
        XCTAssertEqual(workspace.run(["validate", "--vendors", "Imported"]).code, 0)

        let before = workspace.read("Imported/lusid/vendor.json")
        try workspace.write("Imported/lusid/vendor.json", "{}")
        let refused = workspace.run(["import", "lusid.md", "--vendors", "Imported"])
        XCTAssertEqual(refused.code, 1)
        XCTAssertTrue(refused.err.contains("error: 'Imported/lusid/vendor.json' exists; pass --force to replace it"), refused.err)
        // A descriptor not written is not counted as imported.
        XCTAssertTrue(refused.out.contains("| tutorials | 1 |\n| imported | 0 |"), refused.out)
        XCTAssertTrue(refused.out.contains("| failed | 1 |"), refused.out)
        XCTAssertTrue(
            refused.out.contains("## Failed\n\n- `lusid.md`: 'Imported/lusid/vendor.json' exists; not replaced without --force\n"), refused.out)
        XCTAssertEqual(workspace.read("Imported/lusid/vendor.json"), "{}")
        XCTAssertEqual(workspace.run(["import", "lusid.md", "--vendors", "Imported", "--force"]).code, 0)
        XCTAssertEqual(workspace.read("Imported/lusid/vendor.json"), before)
    }

    func testDryRunAndFailures() throws {
        let workspace = try Workspace(inputs: false)
        try seed("thousandeyes", into: workspace)
        try workspace.write("notes.md", "# Notes\n\nNothing here.\n")
        let run = workspace.run(["import", "thousandeyes.md", "notes.md", "--dry-run"])
        XCTAssertEqual(run.code, 1)
        XCTAssertTrue(
            run.err.hasSuffix("notes.md:1:1: error: not a provisioning tutorial: no heading or title such as 'Tutorial: Configure <App> for automatic user provisioning'\n"),
            run.err)
        XCTAssertTrue(run.err.contains("thousandeyes.md:48:1: note: capabilities inferred"), run.err)
        XCTAssertTrue(run.out.contains("| tutorials | 2 |\n| imported | 1 |"), run.out)
        XCTAssertTrue(run.out.contains("| failed | 1 |"), run.out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.url("Vendors").path))
        XCTAssertEqual(workspace.run(["import"]).code, 64)
    }

    /// A file that does not exist is a tutorial that failed, not a tutorial that was never there.
    func testAMissingFileCountsAsFailed() throws {
        let workspace = try Workspace(inputs: false)
        let run = workspace.run(["import", "missing.md", "--dry-run"])
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(run.err, "error: cannot read tutorial 'missing.md': does not exist\n")
        XCTAssertTrue(run.out.contains("| tutorials | 1 |\n| imported | 0 |"), run.out)
        XCTAssertTrue(run.out.contains("| failed | 1 |"), run.out)
        XCTAssertTrue(run.out.contains("## Failed\n\n- `missing.md`: cannot read the file\n"), run.out)
    }

    /// `--report FILE.md` writes the report there, with the published defects by file and line.
    func testReportFile() throws {
        let workspace = try Workspace(inputs: false)
        try seed("thousandeyes", into: workspace)
        try seed("lusid", into: workspace)
        let run = workspace.run(["import", "thousandeyes.md", "lusid.md", "--dry-run", "--report", "report.md"])
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertEqual(run.out, "wrote report.md\n")
        let report = try XCTUnwrap(workspace.read("report.md"))
        XCTAssertTrue(report.hasPrefix("# Import report\n\n| figure | count |\n| --- | ---: |\n| tutorials | 2 |\n| imported | 2 |\n"), report)
        XCTAssertTrue(
            report.contains(
                "### `thousandeyes.md`\n\n- line 89: corrected: 'Parsable' recorded as 'ThousandEyes'; another product's name in template text, copied from its tutorial\n"),
            report)
        XCTAssertTrue(
            report.contains(
                "### `lusid.md`\n\n- line 69: corrected: 'TestApp' recorded as 'LUSID'; the template's placeholder left in place of the app's name\n"),
            report)
    }
}
