import Foundation
import TestSupport
import XCTest

final class ValidateCommandTests: XCTestCase {
    func testCommittedVendorsAreValid() throws {
        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["validate"]), .init(code: 0, out: "4 vendors valid\n", err: ""))
    }

    func testEveryProblemIsReportedWithItsLocation() throws {
        let workspace = try Workspace()
        try workspace.edit("Vendors/lusid/vendor.json", "\"createUsers\": true", "\"createUsers\": \"yes\"")
        try workspace.edit("Vendors/lusid/vendor.json", "\"path\": \"name.familyName\"", "\"path\": \"name.familyNme\"")
        try workspace.edit("Vendors/thousandeyes/vendor.json", "\"name\":", "\"nmae\":")
        let run = workspace.run(["validate"])
        XCTAssertEqual(run.code, 1, "\(run)")
        XCTAssertEqual(
            run.err,
            """
            Vendors/lusid/vendor.json:16:20: error: 'capabilities.createUsers' must be a boolean (true or false), not a string
            Vendors/lusid/vendor.json:53:23: error: unknown sub-attribute 'familyNme' of 'name'; did you mean 'familyName'?
            Vendors/thousandeyes/vendor.json:1:1: error: the descriptor is missing required key 'name'
            Vendors/thousandeyes/vendor.json:4:3: error: unknown key 'nmae'; did you mean 'name'?

            """)
        XCTAssertEqual(run.out, "found 4 errors; not valid\n")
    }

    func testSemanticErrorsAfterADecodableDescriptor() throws {
        let workspace = try Workspace()
        try workspace.edit("Vendors/lusid/vendor.json", "\"path\": \"name.familyName\"", "\"path\": \"name.familyNme\"")
        let run = workspace.run(["validate"])
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(
            run.err,
            "Vendors/lusid/vendor.json:53:23: error: unknown sub-attribute 'familyNme' of 'name'; did you mean 'familyName'?\n")
    }

    /// Replaces `old` with `marked` (which holds markers) in a workspace file; the markers' text.
    private func mark(_ workspace: Workspace, _ path: String, _ old: String, _ marked: String) throws -> MarkedText {
        let text = try XCTUnwrap(workspace.read(path)).replacingOccurrences(of: old, with: marked)
        let input = MarkedText(text)
        try workspace.write(path, input.text)
        return input
    }

    func testANameNoDescriptorHasFailsValidateWhereItIsWritten() throws {
        let workspace = try Workspace()
        let plan = "Templates/partials/plan.md.mustache"
        let shared = try mark(workspace, plan, "{{app}}", "1️⃣{{ap}}")
        let tips = "Vendors/thousandeyes/templates/partials/assignment-tips.md.mustache"
        let override = try mark(workspace, tips, "### Assigning users to {{app}}", "### Assigning users to {{#learn}}2️⃣{{titel}}{{/learn}}")
        let run = workspace.run(["validate"])
        XCTAssertEqual(run.code, 1, "\(run)")
        XCTAssertEqual(
            run.err,
            """
            \(shared.location("1️⃣", in: plan)): error: unknown name 'ap'; no descriptor gives the templates a value of that name; did you mean 'app'?
            \(override.location("2️⃣", in: tips)): error: unknown name 'titel'; no descriptor gives the templates a value of that name; did you mean 'title'?

            """)
        // generate refuses before writing anything.
        let generate = workspace.run(["generate"])
        XCTAssertEqual(generate.code, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.url("Site").path))
    }

    func testMalformedJSONAtTheExactPosition() throws {
        let workspace = try Workspace()
        try workspace.write("Vendors/acme/vendor.json", "{\n  \"name\": \"Acme\",\n  \"learn\": {,\n}\n")
        let run = workspace.run(["validate"])
        XCTAssertEqual(run.code, 1)
        XCTAssertTrue(run.err.hasPrefix("Vendors/acme/vendor.json:3:13: error: "), run.err)
    }

    func testHostileIDsAreRefused() throws {
        let workspace = try Workspace()
        for name in ["Acme", "acme corp", "acme..x", "-acme"] {
            try workspace.write("Vendors/\(name)/vendor.json", "{}")
        }
        let run = workspace.run(["validate"])
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(run.err.components(separatedBy: "\n").filter { $0.contains("is not a lowercase slug") }.count, 4, run.err)
    }

    func testGitHubAnnotations() throws {
        let workspace = try Workspace()
        try workspace.edit("Vendors/lusid/vendor.json", "\"createUsers\": true", "\"createUsers\": 1")
        let run = workspace.run(["validate", "--format", "github"])
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(
            run.err,
            "::error file=Vendors/lusid/vendor.json,line=16,col=20::'capabilities.createUsers' must be a boolean (true or false), not a number\n")
    }

    func testWarningsFailOnlyWhenStrict() throws {
        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["new", "acme-hr", "--name", "Acme HR"]).code, 0)
        let lenient = workspace.run(["validate"])
        XCTAssertEqual(lenient.code, 0, "\(lenient)")
        XCTAssertEqual(lenient.out, "found 3 warnings; 5 vendors valid\n")
        XCTAssertEqual(workspace.run(["validate", "--strict"]).code, 1)
    }

    func testUsageErrorsExit64() throws {
        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["validate", "--bogus"]).code, 64)
        XCTAssertEqual(workspace.run(["validate", "--format", "xml"]).code, 64)
        XCTAssertEqual(workspace.run(["frobnicate"]).code, 64)
    }

    func testMissingVendorsFolder() throws {
        let workspace = try Workspace(inputs: false)
        let run = workspace.run(["validate", "--vendors", "Nowhere"])
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(run.err, "error: vendors folder 'Nowhere' does not exist; pass --vendors DIR\n")
    }

    /// A descriptor that is a link (to the process environment, say) or a FIFO is refused without
    /// being read: nothing of another file reaches a message, and nothing waits.
    func testADescriptorThatIsALinkOrAFIFOIsNeverRead() throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(at: workspace.url("Vendors/evil"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: workspace.url("Vendors/evil/vendor.json").path, withDestinationPath: "/proc/self/environ")
        try FileManager.default.createDirectory(at: workspace.url("Vendors/slow"), withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(workspace.url("Vendors/slow/vendor.json").path, 0o644), 0)
        let run = workspace.run(["validate"], environment: ["SECRET_TOKEN": "hunter2"])
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(
            run.err,
            """
            Vendors/evil/vendor.json:1:1: error: 'Vendors/evil/vendor.json' is not a regular file; make it one (links are not followed)
            Vendors/slow/vendor.json:1:1: error: 'Vendors/slow/vendor.json' is not a regular file; make it one (links are not followed)

            """)
    }
}
