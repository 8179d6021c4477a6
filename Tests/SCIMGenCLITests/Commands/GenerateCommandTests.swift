import Foundation
import XCTest

/// `generate` and `check` through the CLI: what is written, what is refused, what is left alone.
final class GenerateCommandTests: XCTestCase {
    func testGenerateThenCheckThenNoChange() throws {
        let workspace = try Workspace()
        let first = workspace.run(["generate"])
        XCTAssertEqual(first.code, 0, "\(first)")
        XCTAssertTrue(first.out.hasPrefix("wrote "), first.out)
        XCTAssertTrue(first.out.hasSuffix(", 0 unchanged, removed 0 in Site\n"), first.out)
        let files = workspace.files(under: "Site")
        XCTAssertTrue(files.contains("index.md"))
        XCTAssertTrue(files.contains("lusid/tutorial.md"))
        XCTAssertTrue(files.contains("lusid/scim/ServiceProviderConfig.json"))
        XCTAssertTrue(files.contains("lusid/mappings/entra-mappings.json"))
        XCTAssertTrue(files.contains("thrive-lxp/scim-provisioning.md"))
        XCTAssertFalse(files.contains("lusid/scim-provisioning.md"))
        let check = workspace.run(["check"])
        XCTAssertEqual(check.code, 0, "\(check)")
        XCTAssertEqual(check.out, "Site is current: \(files.count) files\n")
        let again = workspace.run(["generate"])
        XCTAssertEqual(again.out, "wrote 0 files, \(files.count) unchanged, removed 0 in Site\n")
    }

    func testInvalidInputWritesNothing() throws {
        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["generate"]).code, 0)
        let before = workspace.files(under: "Site").map { ($0, workspace.read("Site/\($0)")) }
        try workspace.edit("Vendors/lusid/vendor.json", "\"name\": \"LUSID\"", "\"name\": \"LUSID 2\"")
        try workspace.edit("Vendors/thousandeyes/vendor.json", "\"createUsers\": true", "\"createUsers\": \"yes\"")
        let run = workspace.run(["generate"])
        XCTAssertEqual(run.code, 1)
        XCTAssertTrue(run.err.hasSuffix("found 1 error; nothing written\n"), run.err)
        XCTAssertEqual(run.out, "")
        let after = workspace.files(under: "Site").map { ($0, workspace.read("Site/\($0)")) }
        XCTAssertEqual(before.map(\.0), after.map(\.0))
        XCTAssertTrue(zip(before, after).allSatisfy { $0.1 == $1.1 }, "a file changed although the run failed")
    }

    func testStaleMissingAndExtraAreNamed() throws {
        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["generate"]).code, 0)
        try workspace.edit("Vendors/lusid/vendor.json", "\"maxResults\": 100", "\"maxResults\": 50")
        try FileManager.default.removeItem(at: workspace.url("Site/thrive-lxp/tutorial.md"))
        try FileManager.default.moveItem(at: workspace.url("Vendors/thousandeyes"), to: workspace.url("thousandeyes-away"))
        let check = workspace.run(["check"])
        XCTAssertEqual(check.code, 1)
        let lines = check.err.split(separator: "\n").filter { $0.hasPrefix("Site/") && $0.contains(": error: ") }
        XCTAssertTrue(lines.contains("Site/lusid/scim/ServiceProviderConfig.json: error: stale: generated content differs"), check.err)
        XCTAssertTrue(lines.contains("Site/thrive-lxp/tutorial.md: error: missing: generated file does not exist"), check.err)
        XCTAssertTrue(lines.contains("Site/thousandeyes/tutorial.md: error: extra: no longer generated"), check.err)
        XCTAssertTrue(check.err.contains("\"maxResults\": 100\n"), check.err)
        XCTAssertTrue(check.err.contains("\"maxResults\": 50\n"), check.err)
        XCTAssertTrue(check.err.hasSuffix("run 'swift run scimgen generate' and commit the result\n"), check.err)

        let generate = workspace.run(["generate"])
        XCTAssertEqual(generate.code, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.url("Site/thousandeyes").path), "the removed vendor's folder goes")
        XCTAssertEqual(workspace.run(["check"]).code, 0)
    }

    func testNeverTouchesFilesItDidNotWrite() throws {
        let workspace = try Workspace()
        try workspace.write("Site/notes.md", "mine\n")
        try workspace.write("Site/lusid/tutorial.md", "hand-written\n")
        let run = workspace.run(["generate"])
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(
            run.err,
            "Site/lusid/tutorial.md: error: exists and was not written by scimgen; move it away or delete it, then generate again\n")
        XCTAssertEqual(workspace.read("Site/lusid/tutorial.md"), "hand-written\n")
        try FileManager.default.removeItem(at: workspace.url("Site/lusid/tutorial.md"))
        XCTAssertEqual(workspace.run(["generate"]).code, 0)
        XCTAssertEqual(workspace.read("Site/notes.md"), "mine\n")
        try FileManager.default.moveItem(at: workspace.url("Vendors/lusid"), to: workspace.url("lusid-away"))
        XCTAssertEqual(workspace.run(["generate"]).code, 0)
        XCTAssertEqual(workspace.read("Site/notes.md"), "mine\n", "removal touches only generated files")
    }

    func testRefusesToWriteOutsideTheOutputFolder() throws {
        let workspace = try Workspace()
        let outside = workspace.url("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: workspace.url("Site"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: workspace.url("Site/lusid"), withDestinationURL: outside)
        let run = workspace.run(["generate"])
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(
            run.err,
            "Site/lusid: error: is a link where scimgen needs a folder; scimgen never follows links in the output folder; "
                + "remove it and run 'scimgen generate' again\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), [])
    }

    func testOnlySomeVendorsOrKinds() throws {
        let workspace = try Workspace()
        let scim = workspace.run(["generate", "--only", "scim", "--out", "build/scim"])
        XCTAssertEqual(scim.code, 0, "\(scim)")
        let files = workspace.files(under: "build/scim")
        XCTAssertTrue(files.allSatisfy { $0.split(separator: "/")[1] == "scim" }, "\(files)")
        XCTAssertNotNil(workspace.read("build/.scim.scimgen-manifest"), "the manifest is kept beside the output folder")
        XCTAssertTrue(files.contains("lusid/scim/Schemas.json"))

        XCTAssertEqual(workspace.run(["generate"]).code, 0)
        try workspace.edit("Vendors/lusid/vendor.json", "\"maxResults\": 100", "\"maxResults\": 50")
        try workspace.edit("Vendors/thousandeyes/vendor.json", "\"maxResults\": 100", "\"maxResults\": 60")
        let one = workspace.run(["generate", "--vendor", "lusid"])
        XCTAssertEqual(one.code, 0, "\(one)")
        XCTAssertTrue(one.out.hasPrefix("wrote 1 file, "), one.out)
        XCTAssertTrue(one.out.hasSuffix("removed 0 in Site\n"), one.out)
        XCTAssertEqual(workspace.run(["check"]).code, 1, "thousandeyes is still stale")
        XCTAssertEqual(workspace.run(["generate", "--vendor", "nobody"]).code, 1)
        XCTAssertEqual(workspace.run(["generate", "--only", "pdf"]).code, 64)
    }

    func testTemplateErrorsAreLocatedAndNothingIsWritten() throws {
        let workspace = try Workspace()
        let name = try XCTUnwrap(workspace.files(under: "Templates").first { $0.hasSuffix(".mustache") })
        let text = try XCTUnwrap(workspace.read("Templates/\(name)"))
        try workspace.write("Templates/\(name)", text + "\n{{#never}}\n")
        let run = workspace.run(["generate"])
        XCTAssertEqual(run.code, 1)
        XCTAssertTrue(run.err.hasPrefix("Templates/\(name):"), run.err)
        XCTAssertTrue(run.err.contains(": error: "), run.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.url("Site").path))
    }
}

/// Templates and partials cannot reach outside their folders.
final class TemplatePathSafetyTests: XCTestCase {
    func testAPartialNameThatLeavesTheFolderIsNotFound() throws {
        let workspace = try Workspace()
        try workspace.write("secret.mustache", "SECRET\n")
        let text = try XCTUnwrap(workspace.read("Templates/partials/resources.md.mustache"))
        try workspace.write("Templates/partials/resources.md.mustache", text + "{{> ../../secret}}\n{{> /etc/hostname}}\n")
        let run = workspace.run(["generate"])
        XCTAssertEqual(run.code, 1)
        XCTAssertTrue(run.err.contains("Templates/partials/resources.md.mustache:12:1: error: partial '../../secret' not found"), run.err)
        XCTAssertTrue(run.err.contains("error: partial '/etc/hostname' not found"), run.err)
        XCTAssertNil(workspace.read("Site/lusid/tutorial.md"))
    }

    func testATemplateLinkThatLeadsOutIsRefused() throws {
        let workspace = try Workspace()
        try workspace.write("outside.mustache", "SECRET\n")
        try FileManager.default.createSymbolicLink(
            at: workspace.url("Templates/partials/evil.md.mustache"), withDestinationURL: workspace.url("outside.mustache"))
        let run = workspace.run(["validate"])
        XCTAssertEqual(run.code, 1)
        XCTAssertTrue(
            run.err.contains("Templates/partials/evil.md.mustache:1:1: error: is a link that leads outside 'Templates'; replace it with the template itself"),
            run.err)
    }

    func testAnOverrideFolderThatLeadsOutIsRefused() throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(at: workspace.url("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: workspace.url("Vendors/lusid/templates"), withDestinationURL: workspace.url("elsewhere"))
        let run = workspace.run(["validate"])
        XCTAssertEqual(run.code, 1)
        XCTAssertTrue(run.err.contains("'Vendors/lusid/templates' is a link that leads outside its vendor folder"), run.err)
    }
}
