import XCTest

final class EntraMergeCommandTests: XCTestCase {
    func testMergesIntoADownloadedSchema() throws {
        let workspace = try Workspace()
        let fixture = Workspace.repository.appendingPathComponent("Tests/Fixtures/Entra/entra-id-enterprise.json")
        try FileManager.default.copyItem(at: fixture, to: workspace.url("schema.json"))
        let expected = try String(
            contentsOf: Workspace.repository.appendingPathComponent("Tests/Fixtures/Golden/lusid/mappings/merged/entra-id-enterprise.json"),
            encoding: .utf8)
        let printed = workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "schema.json"])
        XCTAssertEqual(printed, .init(code: 0, out: expected, err: ""))
        let written = workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "schema.json", "--out", "merged.json"])
        XCTAssertEqual(written.code, 0, "\(written)")
        XCTAssertEqual(workspace.read("merged.json"), expected)
    }

    func testRefusesWhatIsNotASchemaAndWritesNothing() throws {
        let workspace = try Workspace()
        try workspace.write("schema.json", "{\n  \"directories\": 3\n}\n")
        let run = workspace.run(["entra-merge", "--vendor", "lusid", "--schema", "schema.json", "--out", "merged.json"])
        XCTAssertEqual(run.code, 1)
        XCTAssertTrue(run.err.hasPrefix("schema.json:"), run.err)
        XCTAssertTrue(run.err.hasSuffix("cannot merge into 'schema.json'; nothing written\n"), run.err)
        XCTAssertNil(workspace.read("merged.json"))
    }

    func testUnknownVendorAndMissingOptions() throws {
        let workspace = try Workspace()
        try workspace.write("schema.json", "{}")
        let unknown = workspace.run(["entra-merge", "--vendor", "nobody", "--schema", "schema.json"])
        XCTAssertEqual(unknown.code, 1)
        XCTAssertEqual(unknown.err, "error: no vendor 'nobody' in 'Vendors'\ncannot merge: vendor 'nobody' has errors; nothing written\n")
        XCTAssertEqual(workspace.run(["entra-merge", "--vendor", "lusid"]).code, 64)
    }
}
