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
        XCTAssertTrue(run.out.contains("| `lusid.md` | `lusid` | imported | 9 of 9 | 28 / 48 / 0 | 0 |"), run.out)
        XCTAssertTrue(run.out.hasSuffix("wrote Imported/lusid/vendor.json\n"), run.out)
        XCTAssertEqual(workspace.run(["validate", "--vendors", "Imported"]).code, 0)

        let before = workspace.read("Imported/lusid/vendor.json")
        try workspace.write("Imported/lusid/vendor.json", "{}")
        let refused = workspace.run(["import", "lusid.md", "--vendors", "Imported"])
        XCTAssertEqual(refused.code, 1)
        XCTAssertTrue(refused.err.contains("error: 'Imported/lusid/vendor.json' exists; pass --force to replace it"), refused.err)
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
        XCTAssertEqual(workspace.run(["import", "missing.md", "--dry-run"]).err, "error: cannot read tutorial 'missing.md': does not exist\n")
    }
}
