import Foundation
import XCTest

/// What `check` tells a reviewer about a stale file.
final class CheckCommandTests: XCTestCase {
    /// The mapping CSV has CRLF line ends; the row that changed shows alone, not the whole file as one line.
    func testACRLFFileDiffsLineByLine() throws {
        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["generate", "--quiet"]).code, 0)
        let generated = try XCTUnwrap(workspace.read("Site/lusid/mappings/attribute-mappings.csv")).components(separatedBy: "\r\n")
        XCTAssertTrue(generated[1].hasPrefix("User,userName,"), generated[1])
        let edited = generated[1].replacingOccurrences(of: "userPrincipalName", with: "mail")
        try workspace.edit("Site/lusid/mappings/attribute-mappings.csv", generated[1], edited)
        let lines = try XCTUnwrap(workspace.read("Site/lusid/mappings/attribute-mappings.csv")).components(separatedBy: "\r\n")
        let run = workspace.run(["check"])
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(
            run.err,
            """
            Site/lusid/mappings/attribute-mappings.csv: error: stale: generated content differs
            --- Site/lusid/mappings/attribute-mappings.csv
            +++ Site/lusid/mappings/attribute-mappings.csv (generated)
            @@ -1,5 +1,5 @@
             \(lines[0])
            -\(edited)
            +\(generated[1])
             \(lines[2])
             \(lines[3])
             \(lines[4])
            Site is out of date: 1 file; run 'swift run scimgen generate' and commit the result

            """)
    }
}
