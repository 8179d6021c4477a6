import Foundation
import XCTest

/// Every command finds the project from any folder inside it, and never writes its output into its input.
final class ProjectTests: XCTestCase {
    func testFromASubfolderTheProjectsFoldersAreUsed() throws {
        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["generate", "--quiet"]).code, 0)
        try FileManager.default.createDirectory(at: workspace.url("Site/lusid/deeper"), withIntermediateDirectories: true)

        let new = workspace.run(["new", "foo", "--name", "Foo"], in: "Site")
        XCTAssertEqual(new.code, 0, "\(new)")
        XCTAssertTrue(new.out.hasPrefix("created ../Vendors/foo/vendor.json\n"), new.out)
        XCTAssertNotNil(workspace.read("Vendors/foo/vendor.json"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.url("Site/Vendors").path))

        let validate = workspace.run(["validate", "--strict"], in: "Site/lusid/deeper")
        XCTAssertEqual(validate.code, 1)
        XCTAssertTrue(validate.err.hasPrefix("../../../Vendors/foo/vendor.json:30:31: warning: "), validate.err)

        try FileManager.default.removeItem(at: workspace.url("Vendors/foo"))
        let count = workspace.files(under: "Site").filter { !$0.hasPrefix(".") }.count
        XCTAssertEqual(workspace.run(["check"], in: "Vendors/lusid"), .init(code: 0, out: "../../Site is current: \(count) files\n", err: ""))
        let generate = workspace.run(["generate"], in: "Templates")
        XCTAssertEqual(generate.out, "wrote 0 files, \(count) unchanged, removed 0 in ../Site\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.url("Templates/Site").path))
    }

    func testNamedFoldersAreRelativeToTheWorkingDirectory() throws {
        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["validate", "--vendors", "../Vendors"], in: "Templates").out, "4 vendors valid\n")
    }

    func testOutsideAProjectCommandsRefuse() throws {
        let workspace = try Workspace(inputs: false)
        let run = workspace.run(["generate"])
        XCTAssertEqual(
            run,
            .init(
                code: 1, out: "",
                err: """
                    error: no scimgen project in '\(workspace.root.standardizedFileURL.path)' or any folder above it: none holds \
                    'Vendors/' and 'Templates/'; run scimgen inside a project, or name the folders with '--vendors'

                    """))
        XCTAssertEqual(workspace.run(["new", "acme", "--name", "Acme"]).code, 1)
        XCTAssertEqual(workspace.files(under: "."), [])
        XCTAssertEqual(workspace.run(["--version"]).code, 0)
    }

    func testOutputInsideTheInputIsRefused() throws {
        let workspace = try Workspace()
        try FileManager.default.createSymbolicLink(atPath: workspace.url("link").path, withDestinationPath: "Templates/partials")
        let cases: [(String, String)] = [
            ("Vendors", "is the vendors folder 'Vendors'"),
            ("Vendors/lusid/out", "is inside the vendors folder 'Vendors'"),
            ("Site/../Templates/", "is the templates folder 'Templates'"),
            ("link/x", "is inside the templates folder 'Templates'"),
            (workspace.url("Vendors").path + "/./y", "is inside the vendors folder 'Vendors'"),
        ]
        for (out, relation) in cases {
            let display = out.hasSuffix("/") ? String(out.dropLast()) : out
            XCTAssertEqual(
                workspace.run(["generate", "--out", out]),
                .init(
                    code: 64, out: "",
                    err: """
                        error: output folder '\(display)' \(relation), where generated files would mix with the input; \
                        choose another '--out', such as 'Site'

                        """),
                out)
            XCTAssertEqual(workspace.run(["check", "--out", out]).code, 64, out)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.url("Vendors/lusid/tutorial.md").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.url("Vendors/lusid/out").path))
        XCTAssertEqual(workspace.run(["generate", "--quiet", "--out", "./Vendors-site"]).code, 0)
    }
}
