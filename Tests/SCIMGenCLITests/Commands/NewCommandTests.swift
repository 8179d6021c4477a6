import XCTest

final class NewCommandTests: XCTestCase {
    func testSkeletonValidatesAndSaysWhatToFillIn() throws {
        let workspace = try Workspace()
        let run = workspace.run(["new", "acme-hr", "--name", "Acme \"HR\""])
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertTrue(run.out.hasPrefix("created Vendors/acme-hr/vendor.json\nnext: replace every 'TODO'"), run.out)
        let text = try XCTUnwrap(workspace.read("Vendors/acme-hr/vendor.json"))
        XCTAssertTrue(text.contains("\"name\": \"Acme \\\"HR\\\"\","), text)
        let validate = workspace.run(["validate"])
        XCTAssertEqual(validate.code, 0, "\(validate)")
        XCTAssertEqual(
            validate.err.split(separator: "\n").map { String($0.prefix(40)) },
            [
                "Vendors/acme-hr/vendor.json:30:31: warni",
                "Vendors/acme-hr/vendor.json:35:17: warni",
                "Vendors/acme-hr/vendor.json:36:17: warni",
            ])
    }

    func testRefusesToOverwrite() throws {
        let workspace = try Workspace()
        let before = workspace.read("Vendors/lusid/vendor.json")
        let run = workspace.run(["new", "lusid", "--name", "LUSID"])
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(run.err, "error: 'Vendors/lusid' already exists; choose another id or edit 'Vendors/lusid/vendor.json'\n")
        XCTAssertEqual(workspace.read("Vendors/lusid/vendor.json"), before)
    }

    func testBadIDsAndNamesAreUsageErrors() throws {
        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["new", "Acme HR", "--name", "Acme"]).err,
                       "error: vendor id 'Acme HR' is not a lowercase slug; use letters a-z, digits and single hyphens, such as 'acme-hr'\n")
        XCTAssertEqual(workspace.run(["new", "../escape", "--name", "X"]).code, 64)
        XCTAssertEqual(workspace.run(["new", "acme", "--name", " "]).code, 64)
        XCTAssertEqual(workspace.run(["new", "acme"]).code, 64)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.url("Vendors/acme").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.url("escape").path))
    }
}
