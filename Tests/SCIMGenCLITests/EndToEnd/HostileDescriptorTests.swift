import Foundation
import TestSupport
import XCTest

/// Issue 15, point 5, as a pull request would plant it: descriptor text with a script, a
/// `javascript:` tutorial link, a tracker image and an include. `validate` names each at its
/// character and exits 1; `generate` writes nothing. `1️⃣`… mark where each error must point.
final class HostileDescriptorTests: XCTestCase {
    func testValidateLocatesEachAttackAndGenerateWritesNothing() throws {
        let workspace = try Workspace()
        let file = "Vendors/lusid/vendor.json"
        try workspace.edit(file, #""singleSignOnTutorial": "lusid-tutorial.md""#, #""singleSignOnTutorial": "1️⃣javascript:alert(document.cookie)""#)
        try workspace.edit(
            file, #""text": "A LUSID license for SCIM (contact LUSID support).""#,
            #""text": "A license 2️⃣<img src=x onerror=alert(1)> ![](3️⃣https://tracker.example/p.gif)""#)
        try workspace.edit(
            file, #""text": "A user account in your LUSID domain with the **lusid-administrator** role.""#,
            #""text": "4️⃣[!INCLUDE [secrets](../../includes/secrets.md)]""#)
        let at = try removeMarkers(from: file, in: workspace)
        let validate = workspace.run(["validate"])
        XCTAssertEqual(validate.code, 1, "\(validate)")
        XCTAssertEqual(
            validate.err,
            """
            \(at[0]): error: link 'javascript:alert(document.cookie)' in 'singleSignOnTutorial' has the scheme 'javascript:'; links may be https: or mailto: URLs, relative paths or ~/ paths
            \(at[1]): error: raw HTML '<img src=x onerror=alert(1)>' in 'prerequisites[0].text' is not allowed; descriptor text may use only <br>, <kbd>, <sub>, <sup> without attributes, so write '&lt;' or put the text in backticks
            \(at[2]): error: image 'https://tracker.example/p.gif' in 'prerequisites[0].text' is not a relative path or an https: URL on learn.microsoft.com; put the image in the vendor's folder and give its relative path
            \(at[3]): error: '[!INCLUDE' in 'prerequisites[1].text' would pull other content into the tutorial; write the text itself

            """)
        let generate = workspace.run(["generate"])
        XCTAssertEqual(generate.code, 1, "\(generate)")
        XCTAssertEqual(workspace.files(under: "Site"), [])
    }

    /// Removes the markers `1️⃣`, `2️⃣`… from `path` and returns where each was, as `path:line:column`.
    private func removeMarkers(from path: String, in workspace: Workspace) throws -> [String] {
        let marked = MarkedText(try XCTUnwrap(workspace.read(path)))
        try workspace.write(path, marked.text)
        return MarkedText.names.filter { marked.markers[$0] != nil }.map { marked.location($0, in: path) }
    }
}
