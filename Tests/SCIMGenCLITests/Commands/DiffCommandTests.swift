import Foundation
import XCTest

final class DiffCommandTests: XCTestCase {
    func git(_ arguments: [String], in workspace: Workspace) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments
        process.currentDirectoryURL = workspace.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)")
    }

    func testTwoFilesAndTwoFolders() throws {
        let workspace = try Workspace()
        try FileManager.default.copyItem(at: workspace.url("Vendors"), to: workspace.url("Old"))
        try workspace.edit("Vendors/lusid/vendor.json", "\"maxResults\": 100", "\"maxResults\": 200")
        let files = workspace.run(["diff", "Old/lusid/vendor.json", "Vendors/lusid/vendor.json"])
        XCTAssertEqual(
            files,
            .init(
                code: 0,
                out: "## scimgen diff: 1 vendor changed\n\n### LUSID (`lusid`)\n\n**SCIM features**\n\n- `filter.maxResults`: `100` → `200`\n",
                err: ""))
        XCTAssertEqual(workspace.run(["diff", "Old", "Vendors"]).out, files.out)
        XCTAssertEqual(workspace.run(["diff", "Old", "Vendors", "--exit-code"]).code, 1)
        XCTAssertEqual(workspace.run(["diff", "Old", "Old", "--exit-code"]), .init(code: 0, out: "No changes.\n", err: ""))
        let json = workspace.run(["diff", "Old", "Vendors", "--format", "json"])
        XCTAssertTrue(json.out.hasPrefix("{\n  \"changed\": true,\n"), json.out)
    }

    func testAgainstAGitRevision() throws {
        let workspace = try Workspace()
        try git(["init", "-q"], in: workspace)
        try git(["add", "Vendors"], in: workspace)
        try git(["commit", "-q", "-m", "vendors"], in: workspace)
        try workspace.edit("Vendors/thousandeyes/vendor.json", "\"deprovisionUsers\": \"disable\"", "\"deprovisionUsers\": \"remove\"")
        XCTAssertEqual(workspace.run(["new", "acme", "--name", "Acme"]).code, 0)
        let run = workspace.run(["diff", "--base", "HEAD"])
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertEqual(
            run.out,
            """
            ## scimgen diff: 2 vendors changed

            ### Acme (`acme`)

            Vendor added.

            ### ThousandEyes (`thousandeyes`)

            **Capabilities**

            - `deprovisionUsers`: `disable` → `remove`

            """)
        let bad = workspace.run(["diff", "--base", "no-such-revision"])
        XCTAssertEqual(bad.code, 1)
        XCTAssertTrue(bad.err.contains("error: git ls-tree"), bad.err)
    }

    func testUsageAndBrokenSides() throws {
        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["diff"]).code, 64)
        XCTAssertEqual(workspace.run(["diff", "Vendors"]).code, 64)
        XCTAssertEqual(workspace.run(["diff", "--base", "HEAD", "Vendors"]).code, 64)
        try workspace.write("broken/vendor.json", "{\"name\": 3}")
        let broken = workspace.run(["diff", "broken", "Vendors"])
        XCTAssertEqual(broken.code, 1)
        XCTAssertTrue(broken.err.hasPrefix("broken/vendor.json:1:"), broken.err)
        XCTAssertTrue(broken.err.hasSuffix("cannot compare descriptors with errors; fix them first\n"), broken.err)
    }
}
