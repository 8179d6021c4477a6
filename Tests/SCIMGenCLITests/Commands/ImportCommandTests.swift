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
        try workspace.edit("lusid.md", "# Tutorial: Configure LUSID for", "# Tutorial: Configure LUSID Cloud for")
        let run = workspace.run(["import", "lusid.md"])
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertTrue(run.out.contains("| lusid.md | `lusid-cloud` | 9/9 | 2 | 1 | 0 |"), run.out)
        XCTAssertTrue(run.out.hasSuffix("wrote Vendors/lusid-cloud/vendor.json\n"), run.out)
        XCTAssertEqual(workspace.run(["validate"]).code, 0)

        let before = workspace.read("Vendors/lusid-cloud/vendor.json")
        try workspace.write("Vendors/lusid-cloud/vendor.json", "{}")
        let refused = workspace.run(["import", "lusid.md"])
        XCTAssertEqual(refused.code, 1)
        XCTAssertTrue(refused.err.contains("error: 'Vendors/lusid-cloud/vendor.json' exists; pass --force to replace it"), refused.err)
        XCTAssertEqual(workspace.read("Vendors/lusid-cloud/vendor.json"), "{}")
        XCTAssertEqual(workspace.run(["import", "lusid.md", "--force"]).code, 0)
        XCTAssertEqual(workspace.read("Vendors/lusid-cloud/vendor.json"), before)
    }

    func testDryRunAndFailures() throws {
        let workspace = try Workspace(inputs: false)
        try seed("thousandeyes", into: workspace)
        try workspace.write("notes.md", "# Notes\n\nNothing here.\n")
        let run = workspace.run(["import", "thousandeyes.md", "notes.md", "--dry-run"])
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(run.err, "notes.md:1:1: error: not a provisioning tutorial: no 'Configure <App> for automatic user provisioning' heading or title\n")
        XCTAssertTrue(run.out.contains("| 2 | 1 | 1 | 0 | 1 |"), run.out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.url("Vendors").path))
        XCTAssertEqual(workspace.run(["import"]).code, 64)
        XCTAssertEqual(workspace.run(["import", "missing.md"]).err, "error: cannot read 'missing.md'\n")
    }
}
