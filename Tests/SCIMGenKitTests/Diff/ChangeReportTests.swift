import SCIMGenKit
import XCTest

/// The generated-files part of `diff`: each file's change located and shown once, the rest counted.
final class ChangeReportTests: XCTestCase {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func testExcerptLocatesEachChangeUnderItsHeading() {
        var diff = OutputDiff()
        let old = "# Title\n\n## Step 1\n\nSelect **Save**.\n\n## Step 2\n\nDone.\n"
        let new = "# Title\n\n## Step 1\n\nSelect **Apply**.\n\n## Step 2\n\nDone.\nMore.\n"
        diff.add(old: ["acme/tutorial.md": bytes(old)], new: ["acme/tutorial.md": bytes(new)])
        XCTAssertEqual(
            diff.files,
            [
                OutputDiff.File(
                    path: "acme/tutorial.md", status: .changed, linesAdded: 2, linesRemoved: 1,
                    excerpt: [
                        "@@ acme/tutorial.md:5 @@ ## Step 1", "-Select **Save**.", "+Select **Apply**.",
                        "@@ acme/tutorial.md:10 @@ ## Step 2", "+More.",
                    ])
            ])
    }

    /// A long line that changed in a few words is a word diff; a CRLF file diffs line by line.
    func testLongLinesAndCRLF() {
        let sentence = "Use the provisioning logs to determine which users have been provisioned successfully or unsuccessfully, every day."
        var diff = OutputDiff()
        diff.add(
            old: ["a/tutorial.md": bytes(sentence + "\n"), "a/mappings/m.csv": bytes("h\r\nx,1\r\ny,2\r\n")],
            new: ["a/tutorial.md": bytes(sentence.replacingOccurrences(of: "every day", with: "each hour") + "\n"),
                  "a/mappings/m.csv": bytes("h\r\nx,1\r\ny,3\r\n")])
        XCTAssertEqual(diff.files.map(\.excerpt), [
            ["@@ a/mappings/m.csv:3 @@", "-y,2", "+y,3"],
            ["@@ a/tutorial.md:1 @@", "~…been provisioned successfully or unsuccessfully, [-every day-]{+each hour+}."],
        ])
    }

    func testPastAScreenfulTheRestIsCounted() {
        var outputs = OutputDiff()
        var old: [String: [UInt8]] = [:]
        var new: [String: [UInt8]] = [:]
        for n in 1...40 {
            let id = String(format: "v%02d", n)
            old["\(id)/tutorial.md"] = bytes("a\nb \(n)\nc\n")
            new["\(id)/tutorial.md"] = bytes("a\nB \(n)\nc\n")
        }
        outputs.add(old: old, new: new)
        let report = ChangeReport(descriptors: VendorSetDiff.compare(old: [], new: []), templates: OutputDiff(), outputs: outputs, names: [:])
        let markdown = report.markdown()
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertLessThan(lines.count, 180, markdown)
        XCTAssertTrue(markdown.hasPrefix("""
            ## scimgen diff: no descriptor changed

            ## Generated files: 40 files in 40 vendors change

            ### v01 (`v01`)

            - `v01/tutorial.md` (+1 −1)

            ```diff
            @@ v01/tutorial.md:2 @@
            -b 1
            +B 1
            ```

            """), markdown)
        XCTAssertTrue(markdown.hasSuffix("\n\n… and 31 more files of 31 more vendors (+31 −31 lines); 'scimgen diff --format json' lists every file\n"), markdown)
        XCTAssertEqual(JSONWriter.write(report.json()).components(separatedBy: "\"path\": ").count - 1, 40)
    }

    /// A shared partial edited: every vendor's tutorial changes the same way, shown once with a count.
    func testAChangeManyFilesShareIsShownOnce() {
        var outputs = OutputDiff()
        var old: [String: [UInt8]] = [:]
        var new: [String: [UInt8]] = [:]
        for n in 1...2000 {
            let id = String(format: "v%04d", n)
            old["\(id)/tutorial.md"] = bytes("# \(id)\n\nDetermine who\n")
            new["\(id)/tutorial.md"] = bytes("# \(id)\n\nDecide who\n")
        }
        old["v0007/scim/Schemas.json"] = bytes("{}\n")
        outputs.add(old: old, new: new)
        let report = ChangeReport(
            descriptors: VendorSetDiff.compare(old: [], new: []), templates: OutputDiff(), outputs: outputs, names: ["v0001": "One"])
        XCTAssertEqual(
            report.markdown(),
            """
            ## scimgen diff: no descriptor changed

            ## Generated files: 2001 files in 2000 vendors change

            ### One (`v0001`)

            - `v0001/tutorial.md` (+1 −1); the same change in 1998 more files: `v0002/tutorial.md`, `v0003/tutorial.md`, \
            `v0004/tutorial.md`, `v0005/tutorial.md`, `v0006/tutorial.md` and 1993 more

            ```diff
            @@ v0001/tutorial.md:3 @@ # v0001
            -Determine who
            +Decide who
            ```

            ### v0007 (`v0007`)

            - `v0007/scim/Schemas.json` removed (1 line)
            - `v0007/tutorial.md` (+1 −1), the same change as `v0001/tutorial.md`

            """)
    }

    func testNothingChanged() {
        let report = ChangeReport(descriptors: VendorSetDiff.compare(old: [], new: []), templates: OutputDiff(), outputs: OutputDiff(), names: [:])
        XCTAssertTrue(report.isEmpty)
        XCTAssertEqual(report.markdown(), "No changes.\n")
        XCTAssertEqual(
            JSONWriter.write(report.json()),
            "{\n  \"changed\": false,\n  \"vendors\": [],\n  \"templates\": [],\n  \"outputs\": []\n}\n")
    }
}
