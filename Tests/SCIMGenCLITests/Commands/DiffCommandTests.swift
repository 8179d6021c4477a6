import Foundation
import XCTest

/// `diff`: what a change does, as a reviewer reads it: descriptors, templates, generated files.
final class DiffCommandTests: XCTestCase {
    /// A workspace whose inputs are committed, as a pull request's base is.
    func committed(_ folders: [String] = ["Vendors", "Templates"]) throws -> Workspace {
        let workspace = try Workspace()
        try workspace.git(["init", "-q"])
        try workspace.git(["add"] + folders)
        try workspace.git(["commit", "-q", "-m", "base"])
        return workspace
    }

    static let maxResults = """
        ## scimgen diff: 1 vendor changed

        ### LUSID (`lusid`)

        **SCIM features**

        - `filter.maxResults`: `100` → `200`

        ## Generated files: 1 file in 1 vendor changes

        ### LUSID (`lusid`)

        - `lusid/scim/ServiceProviderConfig.json` (+1 −1)

        ```diff
        @@ lusid/scim/ServiceProviderConfig.json:16 @@
        -    "maxResults": 100
        +    "maxResults": 200
        ```

        """

    func testTwoFilesAndTwoFolders() throws {
        let workspace = try Workspace()
        try FileManager.default.copyItem(at: workspace.url("Vendors"), to: workspace.url("Old"))
        try workspace.edit("Vendors/lusid/vendor.json", "\"maxResults\": 100", "\"maxResults\": 200")
        let files = workspace.run(["diff", "Old/lusid/vendor.json", "Vendors/lusid/vendor.json"])
        XCTAssertEqual(files, .init(code: 0, out: Self.maxResults, err: ""))
        XCTAssertEqual(workspace.run(["diff", "Old", "Vendors"]).out, Self.maxResults)
        XCTAssertEqual(workspace.run(["diff", "Old", "Vendors", "--exit-code"]).code, 1)
        XCTAssertEqual(workspace.run(["diff", "Old", "Old", "--exit-code"]), .init(code: 0, out: "No changes.\n", err: ""))
        let json = workspace.run(["diff", "Old", "Vendors", "--format", "json"])
        XCTAssertTrue(json.out.hasPrefix("{\n  \"changed\": true,\n"), json.out)
        XCTAssertTrue(json.out.contains("\"path\": \"lusid/scim/ServiceProviderConfig.json\""), json.out)
    }

    func testADescriptorChangeAgainstARevision() throws {
        let workspace = try committed()
        try workspace.edit("Vendors/lusid/vendor.json", "\"maxResults\": 100", "\"maxResults\": 200")
        XCTAssertEqual(workspace.run(["diff", "--base", "HEAD"]), .init(code: 0, out: Self.maxResults, err: ""))
        XCTAssertEqual(workspace.run(["diff", "--base", "HEAD"], in: "Vendors/lusid").out, Self.maxResults, "from a subfolder")
    }

    /// Only vendors whose inputs changed are rendered (their files depend on nothing else); a shared
    /// template change renders every vendor. The progress line says how many.
    func testOnlyVendorsWhoseInputsChangedAreRendered() throws {
        let workspace = try committed()
        try workspace.edit("Vendors/lusid/vendor.json", "\"maxResults\": 100", "\"maxResults\": 200")
        let one = workspace.run(["diff", "--base", "HEAD"], terminal: true, clock: 1.2)
        XCTAssertEqual(one.out, Self.maxResults)
        XCTAssertEqual(one.err, "\r\u{1B}[Krendered 1 of 1 vendors, both sides\r\u{1B}[K")
        try workspace.write("Vendors/thousandeyes/templates/partials/monitor.md.mustache", "## Step 6: Watch\n")
        let two = workspace.run(["diff", "--base", "HEAD"], terminal: true, clock: 1.2)
        XCTAssertEqual(two.err, "\r\u{1B}[Krendered 2 of 2 vendors, both sides\r\u{1B}[K")
        try workspace.edit("Templates/partials/plan.md.mustache", "1. Determine who", "1. Decide who")
        let all = workspace.run(["diff", "--base", "HEAD"], terminal: true, clock: 1.2)
        XCTAssertEqual(all.err, "\r\u{1B}[Krendered 4 of 4 vendors, both sides\r\u{1B}[K")
    }

    /// The change a reviewer could not see: a shared template edit rewrites every tutorial.
    func testATemplateOnlyChangeShowsItsRenderedEffect() throws {
        let workspace = try committed()
        try workspace.edit(
            "Templates/partials/plan.md.mustache", "1. Determine who's in [scope", "1. Decide who's in [scope")
        let run = workspace.run(["diff", "--base", "HEAD", "--exit-code"])
        XCTAssertEqual(run.code, 1, "\(run)")
        XCTAssertEqual(run.err, "")
        XCTAssertEqual(
            run.out,
            """
            ## scimgen diff: no descriptor changed

            ## Templates: 1 file changed

            - `Templates/partials/plan.md.mustache` (+1 −1)

            ## Generated files: 4 files in 4 vendors change

            ### Lucid (All Products) (`lucid-all-products`)

            - `lucid-all-products/tutorial.md` (+1 −1); the same change in 3 more files: `lusid/tutorial.md`, `thousandeyes/tutorial.md`, `thrive-lxp/tutorial.md`

            ```diff
            @@ lucid-all-products/tutorial.md:41 @@ ## Step 1: Plan your provisioning deployment
            ~1. [-Determine-]{+Decide+} who's in [scope for…
            ```

            """)
        try workspace.git(["add", "Templates"])
        try workspace.git(["commit", "-q", "-m", "plan"])
        XCTAssertEqual(workspace.run(["diff", "--base", "HEAD", "--exit-code"]), .init(code: 0, out: "No changes.\n", err: ""))
    }

    func testANewOverrideShowsInItsVendorsTutorial() throws {
        let workspace = try committed()
        try workspace.write("Vendors/lusid/templates/partials/monitor.md.mustache", "## Step 6: Monitor {{app}}\n\nWatch the logs.\n")
        let run = workspace.run(["diff", "--base", "HEAD", "--exit-code"])
        XCTAssertEqual(run.code, 1, "\(run)")
        XCTAssertTrue(run.out.hasPrefix("""
            ## scimgen diff: no descriptor changed

            ## Templates: 1 file changed

            - `Vendors/lusid/templates/partials/monitor.md.mustache` added (3 lines)

            ## Generated files: 1 file in 1 vendor changes

            ### LUSID (`lusid`)

            - `lusid/tutorial.md` (+2 −2)

            ```diff
            @@ lusid/tutorial.md:128 @@ ### To configure automatic user provisioning for LUSID in Microsoft Entra ID:
            -## Step 6: Monitor your deployment
            +## Step 6: Monitor LUSID
            """), run.out)
    }

    func testAnAddedVendorIsSummarized() throws {
        let workspace = try committed()
        try workspace.edit("Vendors/thousandeyes/vendor.json", "\"deprovisionUsers\": \"disable\"", "\"deprovisionUsers\": \"remove\"")
        XCTAssertEqual(workspace.run(["new", "acme", "--name", "Acme"]).code, 0)
        let run = workspace.run(["diff", "--base", "HEAD"])
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertTrue(
            run.out.hasPrefix(
                """
                ## scimgen diff: 2 vendors changed

                ### Acme (`acme`)

                Vendor added.
                - User attributes: 5 rows
                - Capabilities: create users, update users, deprovision users (disable)

                ### ThousandEyes (`thousandeyes`)

                **Capabilities**

                - `deprovisionUsers`: `disable` → `remove`

                ## Generated files:
                """), run.out)
        XCTAssertTrue(
            run.out.contains("\n### Acme (`acme`)\n\n- 13 files added ("), "an added vendor's files in one line: \(run.out)")
        XCTAssertTrue(run.out.contains("\n### Site index\n\n- `index.md` (+"), run.out)
    }

    /// A revision without templates had no documents: they show as added, and nothing fails.
    func testARevisionWithoutTemplates() throws {
        let workspace = try committed(["Vendors"])
        let run = workspace.run(["diff", "--base", "HEAD"])
        XCTAssertEqual(run.code, 0, "\(run)")
        XCTAssertTrue(run.out.contains("### LUSID (`lusid`)\n\n- "), run.out)
        XCTAssertTrue(run.out.contains("`lusid/tutorial.md` added ("), run.out)
    }

    /// An unreadable revision is an error naming it, never "every vendor added".
    func testAnUnreadableRevisionFails() throws {
        let workspace = try committed()
        for revision in [":/Review", "no-such-revision"] {
            XCTAssertEqual(
                workspace.run(["diff", "--base", revision]),
                .init(
                    code: 1, out: "",
                    err: "error: cannot read revision '\(revision)': git knows no commit by that name; name a branch, tag or commit, such as 'main'\n"))
        }
        XCTAssertEqual(
            workspace.run(["diff", "--base=-x"]),
            .init(code: 1, out: "", err: "error: '-x' is not a revision; name a branch, tag or commit, such as 'main'\n"))
        let outside = try Workspace()
        XCTAssertEqual(
            outside.run(["diff", "--base", "HEAD"]).err,
            "error: '\(outside.root.path)' is not inside a git repository; '--base' compares with a revision of one\n")
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
