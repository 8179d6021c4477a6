import XCTest

final class EntraMergeCommandTests: XCTestCase {
    private static let fixtures = Workspace.repository.appendingPathComponent("Tests/Fixtures/Entra")

    private func workspace(schema fixture: String = "entra-id-enterprise.json") throws -> Workspace {
        let workspace = try Workspace()
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(fixture), to: workspace.url("schema.json"))
        return workspace
    }

    private func golden(_ path: String) throws -> String {
        try String(contentsOf: Self.fixtures.appendingPathComponent("merged/\(path)"), encoding: .utf8)
    }

    func testMergesIntoADownloadedSchema() throws {
        let workspace = try workspace()
        let expected = try golden("entra-id-enterprise/lusid.json")
        let report = try golden("entra-id-enterprise/lusid.txt")
        // Printed: the schema on standard output, the report on standard error.
        let printed = workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "schema.json"])
        XCTAssertEqual(printed, .init(code: 0, out: expected, err: report))
        // Written: the report on standard output.
        let written = workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "schema.json", "--out", "merged.json"])
        XCTAssertEqual(written, .init(code: 0, out: "wrote merged.json\n" + report, err: ""))
        XCTAssertEqual(workspace.read("merged.json"), expected)
    }

    func testPreferAndMatchingReachTheMerge() throws {
        let workspace = try workspace(schema: "composite/scim-conflicts.json")
        let run = workspace.run([
            "entra-merge", "--vendor", "lusid", "--schema", "schema.json", "--out", "merged.json", "--prefer", "vendor",
            "--matching", "vendor",
        ])
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertEqual(workspace.read("merged.json"), try golden("scim-conflicts/lusid.prefer-vendor-matching-vendor.json"))
        XCTAssertEqual(run.out, "wrote merged.json\n" + (try golden("scim-conflicts/lusid.prefer-vendor-matching-vendor.txt")))
        XCTAssertEqual(workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "schema.json", "--prefer", "both"]).code, 64)
    }

    func testReportAsJSON() throws {
        let workspace = try workspace(schema: "composite/scim-match-externalid.json")
        let run = workspace.run(["entra-merge", "--vendor", "thrive-lxp", "--schema", "schema.json", "--out", "merged.json", "--format", "json"])
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertEqual(run.err, "")
        let report = try golden("scim-match-externalid/thrive-lxp.report.json")
        // The command adds where it wrote the schema.
        XCTAssertEqual(run.out, String(report.dropLast(3)) + ",\n  \"out\": \"merged.json\"\n}\n")
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(run.out.utf8)))

        let refused = workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "missing.json", "--out", "merged.json", "--format", "json"])
        XCTAssertEqual(refused.code, 1)
        XCTAssertEqual(
            refused.out,
            """
            {
              "merged": false,
              "vendor": "lusid",
              "schema": "missing.json",
              "problems": [
                {
                  "file": null,
                  "line": null,
                  "column": null,
                  "severity": "error",
                  "message": "cannot read schema file 'missing.json': no such file; download it from the app's schema editor or Graph first"
                }
              ]
            }

            """)
        let usage = workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "schema.json", "--format", "json"])
        XCTAssertEqual(usage.code, 64)
        XCTAssertEqual(
            usage.err,
            "error: '--format json' prints the report on standard output; give '--out FILE' for the merged schema\nUsage: scimgen entra-merge --vendor <id> --schema <file> --out <file> --format json\n")
    }

    func testRefusesWhatIsNotASchemaAndWritesNothing() throws {
        let workspace = try Workspace()
        try workspace.write("schema.json", "{\n  \"directories\": 3\n}\n")
        let run = workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "schema.json", "--out", "merged.json"])
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(
            run.err,
            """
            schema.json:1:1: error: 'schema.json' is not a synchronization schema: it has no 'synchronizationRules'; download the whole schema of the app's provisioning job, not a part of it
            schema.json:2:18: error: 'directories' must be an array, not a number
            cannot merge into 'schema.json'; nothing written

            """)
        XCTAssertNil(workspace.read("merged.json"))
    }

    func testRefusesSalesforceAndWritesNothing() throws {
        let workspace = try workspace(schema: "samples/graphdocs-salesforce-template-schema.json")
        let run = workspace.run(["entra-merge", "--vendor", "thousandeyes", "--schema", "schema.json", "--out", "merged.json"])
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(
            run.err,
            """
            schema.json:2114:31: error: object mapping 'Synchronize Azure Active Directory Users to salesforce.com' writes users to object 'User' of directory 'salesforce.com', which is not a SCIM app: Entra names a SCIM app's target directory 'customappsso' (non-gallery apps) or its objects by SCIM URN ('urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' or 'urn:ietf:params:scim:schemas:core:2.0:Group'); download the schema of ThousandEyes's SCIM provisioning app
            cannot merge into 'schema.json'; nothing written

            """)
        XCTAssertNil(workspace.read("merged.json"))
    }

    /// The download is what step 4 of the README diffs against: never write over it.
    func testRefusesToWriteOverTheSchema() throws {
        let workspace = try workspace()
        let original = workspace.read("schema.json")
        try FileManager.default.createSymbolicLink(atPath: workspace.url("link.json").path, withDestinationPath: "schema.json")
        try FileManager.default.linkItem(at: workspace.url("schema.json"), to: workspace.url("hard.json"))
        try FileManager.default.createDirectory(at: workspace.url("sub"), withIntermediateDirectories: true)
        for out in ["schema.json", "./schema.json", "link.json", "hard.json", "sub/../schema.json", workspace.url("schema.json").path] {
            let run = workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "schema.json", "--out", out])
            XCTAssertEqual(
                run,
                .init(
                    code: 64, out: "",
                    err: "error: '\(out)' is the schema file 'schema.json' (or a link to it); write the merged schema to another file so that you can compare the two\nUsage: scimgen entra-merge --vendor <id> --schema <file> --out <other file>\n"),
                out)
            XCTAssertEqual(workspace.read("schema.json"), original)
        }
        // The other way round: the schema named through the link.
        let run = workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "link.json", "--out", "schema.json"])
        XCTAssertEqual(run.code, 64)
        XCTAssertEqual(workspace.read("schema.json"), original)
    }

    func testRefusesToWriteAmongTheDescriptors() throws {
        let workspace = try workspace()
        let descriptor = workspace.read("Vendors/lusid/vendor.json")
        for out in ["Vendors/lusid/vendor.json", "Vendors/merged.json", "./Vendors/../Vendors/x.json"] {
            let run = workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "schema.json", "--out", out])
            XCTAssertEqual(
                run,
                .init(
                    code: 64, out: "",
                    err: "error: '\(out)' is inside the vendors folder 'Vendors', where it could replace a descriptor; write the merged schema elsewhere\nUsage: scimgen entra-merge --vendor <id> --schema <file> --out <file>\n"),
                out)
        }
        XCTAssertEqual(workspace.read("Vendors/lusid/vendor.json"), descriptor)
        XCTAssertNil(workspace.read("Vendors/merged.json"))
    }

    func testSchemaThatIsNotARegularFile() throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(at: workspace.url("schema.json"), withIntermediateDirectories: true)
        XCTAssertEqual(
            workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "schema.json"]),
            .init(code: 1, out: "", err: "error: cannot read schema file 'schema.json': not a regular file\n"))
        // A FIFO is refused at once, not waited on.
        XCTAssertEqual(mkfifo(workspace.url("fifo.json").path, 0o600), 0)
        XCTAssertEqual(
            workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "fifo.json"]),
            .init(code: 1, out: "", err: "error: cannot read schema file 'fifo.json': not a regular file\n"))
    }

    func testUnknownVendorAndMissingOptions() throws {
        let workspace = try workspace()
        let unknown = workspace.run(["entra-merge", "--vendor", "nobody", "--schema", "schema.json"])
        XCTAssertEqual(unknown, .init(code: 1, out: "", err: "error: no vendor 'nobody' in 'Vendors'\n"))
        let typo = workspace.run(["entra-merge", "--vendor", "lusd", "--schema", "schema.json"])
        XCTAssertEqual(typo, .init(code: 1, out: "", err: "error: no vendor 'lusd' in 'Vendors'; did you mean 'lusid'?\n"))
        XCTAssertEqual(workspace.run(["entra-merge", "--vendor", "lusid"]).code, 64)
    }

    func testVendorWithErrorsSaysSo() throws {
        let workspace = try workspace()
        try workspace.edit("Vendors/lusid/vendor.json", #""path": "name.familyName","#, #""path": "name.familyName", "expression": "Trim([surname)","#)
        let run = workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "schema.json"])
        XCTAssertEqual(run.code, 1)
        XCTAssertTrue(run.err.hasSuffix("cannot merge: vendor 'lusid' has errors; nothing written\n"), run.err)
        XCTAssertTrue(run.err.contains("error: 'users.attributes[4].expression': '[' is never closed; end the attribute name with ']'"), run.err)
    }
}
