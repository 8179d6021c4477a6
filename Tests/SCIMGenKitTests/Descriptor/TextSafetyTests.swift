import Foundation
import Mustache
import TestSupport
import XCTest

@testable import SCIMGenKit

/// Descriptor text is vetted before it reaches a tutorial (issue 15, point 5): links, images, raw
/// HTML, Learn's include syntax and front-matter fences, each refused with a message located at
/// the offending character. Inputs are LUSID's descriptor with one piece of its JSON replaced;
/// `1️⃣`, `2️⃣`, `3️⃣` mark where each expected error is, so no column is counted by hand.
final class TextSafetyTests: XCTestCase {
    static let file = "Vendors/lusid/vendor.json"
    static let prerequisite = #""text": "A LUSID license for SCIM (contact LUSID support).""#
    /// The diagnostics of LUSID's descriptor with `old` replaced by `new`, and the location of each
    /// marker in `new`, in marker order.
    private func validate(replacing old: String, with new: String, file: StaticString = #filePath, line: UInt = #line)
        throws -> (messages: [String], markers: [String])
    {
        let original = String(decoding: try Repository.bytes(Self.file), as: UTF8.self)
        XCTAssertTrue(original.contains(old), "'\(old)' is not in LUSID's descriptor", file: file, line: line)
        let marked = MarkedText(original.replacingOccurrences(of: old, with: new))
        let locations = MarkedText.names.filter { marked.markers[$0] != nil }.map { marked.location($0, in: Self.file) }
        let set = VendorLoader.load(sources: [VendorSource(id: "lusid", file: Self.file, bytes: Array(marked.text.utf8))])
        return (set.diagnostics.map(\.description), locations)
    }

    /// Asserts that replacing the first prerequisite's text by `json` (a JSON string's contents,
    /// with markers) gives exactly `messages`, each at its marker.
    private func assertPrerequisite(_ json: String, _ messages: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        try assertReplacing(Self.prerequisite, with: #""text": ""# + json + #"""#, messages, file: file, line: line)
    }

    private func assertReplacing(_ old: String, with new: String, _ messages: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let (found, locations) = try validate(replacing: old, with: new, file: file, line: line)
        XCTAssertEqual(locations.count, messages.count, "one marker per message", file: file, line: line)
        let expected = zip(locations, messages).map { "\($0): error: \($1)" }
        XCTAssertEqual(found, expected, file: file, line: line)
    }

    private static let linkRule = "links may be https: or mailto: URLs, relative paths or ~/ paths"
    private static let imageRule =
        "is not a relative path or an https: URL on learn.microsoft.com; put the image in the vendor's folder and give its relative path"
    private static let htmlRule =
        "is not allowed; descriptor text may use only <br>, <kbd>, <sub>, <sup> without attributes, so write '&lt;' or put the text in backticks"

    // MARK: - Links

    func testJavaScriptLinksInEveryDisguiseAreRefused() throws {
        let cases: [(String, String)] = [
            ("[docs](1️⃣javascript:alert(1))", "link 'javascript:alert(1)'"),
            ("[docs](1️⃣JaVaScRiPt:alert(1))", "link 'JaVaScRiPt:alert(1)'"),
            ("[docs](  1️⃣javascript:alert(1) \\\"title\\\")", "link 'javascript:alert(1)'"),
            ("[docs](1️⃣<java\\tscript:alert(1)>)", "link '<javaU+0009script:alert(1)>'"),
            ("[docs](1️⃣<\\u0001 javascript:alert(1)>)", "link '<U+0001 javascript:alert(1)>'"),
            ("[docs](1️⃣<java\\u200Bscript:alert(1)>)", "link '<javaU+200Bscript:alert(1)>'"),
            ("[docs](1️⃣javascript&#58;alert(1))", "link 'javascript&#58;alert(1)'"),
            ("[docs](1️⃣javascript&#0000058alert(1))", "link 'javascript&#0000058alert(1)'"),
            ("[docs](1️⃣javascript&colon;alert(1))", "link 'javascript&colon;alert(1)'"),
            ("[docs](1️⃣&#106;avascript:alert(1))", "link '&#106;avascript:alert(1)'"),
            ("[docs](1️⃣&#x6A;avascript:alert(1))", "link '&#x6A;avascript:alert(1)'"),
            ("[x [nested]](1️⃣javascript:alert(1))", "link 'javascript:alert(1)'"),
            ("see 1️⃣<javascript:alert(1)>", "link 'javascript:alert(1)'"),
        ]
        for (text, subject) in cases {
            try assertPrerequisite(text, ["\(subject) in 'prerequisites[0].text' has the scheme 'javascript:'; \(Self.linkRule)"])
        }
    }

    func testOtherSchemesAreRefused() throws {
        let cases: [(String, String)] = [
            ("[x](1️⃣data:text/html;base64,PHNjcmlwdD4=)", "link 'data:text/html;base64,PHNjcmlwdD4=' in 'prerequisites[0].text' has the scheme 'data:'"),
            ("[x](1️⃣VBScript:MsgBox(1))", "link 'VBScript:MsgBox(1)' in 'prerequisites[0].text' has the scheme 'vbscript:'"),
            ("[x](1️⃣file:///etc/passwd)", "link 'file:///etc/passwd' in 'prerequisites[0].text' has the scheme 'file:'"),
            ("[x](1️⃣http://example.com)", "link 'http://example.com' in 'prerequisites[0].text' has the scheme 'http:'"),
            ("[x](1️⃣ms-settings:privacy)", "link 'ms-settings:privacy' in 'prerequisites[0].text' has the scheme 'ms-settings:'"),
            ("[x](1️⃣C:\\\\Windows)", "link 'C:\\Windows' in 'prerequisites[0].text' has the scheme 'c:'"),
            ("see 1️⃣http://example.com/x for more", "link 'http://example.com/x' in 'prerequisites[0].text' has the scheme 'http:'"),
        ]
        for (text, message) in cases {
            try assertPrerequisite(text, ["\(message); \(Self.linkRule)"])
        }
        try assertPrerequisite(
            "[x](1️⃣//evil.example/x)",
            ["link '//evil.example/x' in 'prerequisites[0].text' leaves the site without a scheme; write the full https:// URL"])
        try assertPrerequisite(
            "[x](1️⃣/\\\\evil.example/x)",
            ["link '/\\evil.example/x' in 'prerequisites[0].text' leaves the site without a scheme; write the full https:// URL"])
    }

    func testSafeLinksPass() throws {
        for text in [
            "[docs](https://learn.microsoft.com/entra/x) and [mail](mailto:support@example.com)",
            "[tutorial](../app-provisioning/x.md), [anchor](#step-2), [root](~/identity/x.md), [here](x.md \\\"title\\\")",
            "<https://example.com> and <support@example.com>",
            "`[not a link](javascript:alert(1))` and ``<script>`` in code",
            "\\\\[escaped](javascript:alert(1)) and [a]\\\\(javascript:alert(1))",
            "javascript: is only text without a link, and so is data:",
        ] {
            try assertPrerequisite(text, [])
        }
    }

    func testWholeValueLinksAreChecked() throws {
        try assertReplacing(
            #""singleSignOnTutorial": "lusid-tutorial.md""#, with: #""singleSignOnTutorial": "1️⃣javascript:alert(1)""#,
            ["link 'javascript:alert(1)' in 'singleSignOnTutorial' has the scheme 'javascript:'; \(Self.linkRule)"])
        try assertReplacing(
            #""singleSignOnTutorial": "lusid-tutorial.md""#, with: #""singleSignOnTutorial": "1️⃣ \tjavascript:alert(1)""#,
            ["link ' U+0009javascript:alert(1)' in 'singleSignOnTutorial' has the scheme 'javascript:'; \(Self.linkRule)"])
        try assertReplacing(
            #""website": "https://www.finbourne.com/lusid""#, with: #""website": "1️⃣javascript:alert(1)""#,
            ["'website' must be an https:// URL, not 'javascript:alert(1)'"])
        try assertReplacing(
            #""website": "https://www.finbourne.com/lusid""#, with: #""website": "1️⃣http://www.finbourne.com""#,
            ["'website' must be an https:// URL, not 'http://www.finbourne.com'"])
        try assertReplacing(
            #""description": "Authentication with the apiToken returned by LUSID's AddScim endpoint.""#,
            with: #""description": "Bearer token.", "documentationUri": "1️⃣data:text/html,x", "specUri": "2️⃣file:///x""#,
            [
                "link 'data:text/html,x' in 'scim.authenticationSchemes[0].documentationUri' has the scheme 'data:'; \(Self.linkRule)",
                "link 'file:///x' in 'scim.authenticationSchemes[0].specUri' has the scheme 'file:'; \(Self.linkRule)",
            ])
    }

    func testLinkReferenceDefinitionsAreRefused() throws {
        try assertReplacing(
            Self.prerequisite, with: #""text": "![pixel][t]\n1️⃣[t]: https://tracker.example/p.gif""#,
            ["link reference definition '[t]:' in 'prerequisites[0].text' is not allowed; write the link inline, as '[text](https://…)'"])
    }

    // MARK: - Images

    func testImagesComeOnlyFromRelativePathsOrLearn() throws {
        let refused = [
            "![pixel](1️⃣https://tracker.example/p.gif)",
            "![pixel](1️⃣https://learn.microsoft.com@tracker.example/p.gif)",
            "![pixel](1️⃣https://learn.microsoft.com.tracker.example/p.gif)",
            "![pixel](1️⃣http://learn.microsoft.com/p.gif)",
            "![pixel](1️⃣//tracker.example/p.gif)",
            "![pixel](1️⃣data:image/gif;base64,R0lGOD)",
        ]
        for text in refused {
            let target = text.components(separatedBy: "1️⃣")[1].dropLast()
            try assertPrerequisite(text, ["image '\(target)' in 'prerequisites[0].text' \(Self.imageRule)"])
        }
        try assertPrerequisite(
            "[![badge](1️⃣https://tracker.example/b.svg)](https://example.com)",
            ["image 'https://tracker.example/b.svg' in 'prerequisites[0].text' \(Self.imageRule)"])
        try assertPrerequisite("![ok](media/lusid/a.png) ![ok](https://learn.microsoft.com/media/a.png) ![ok](https://LEARN.microsoft.com./a.png)", [])
    }

    // MARK: - HTML

    func testRawHTMLIsRefusedExceptAFewBareInlineElements() throws {
        try assertPrerequisite(
            "Hi 1️⃣<script>alert(1)2️⃣</script>",
            ["raw HTML '<script>' in 'prerequisites[0].text' \(Self.htmlRule)", "raw HTML '</script>' in 'prerequisites[0].text' \(Self.htmlRule)"])
        let refused = [
            "1️⃣<iframe src=\\\"https://evil.example\\\">",
            "1️⃣<img src=x onerror=alert(1)>",
            "1️⃣<IMG SRC=x ONERROR=alert(1)>",
            "1️⃣<br onclick=alert(1)>",
            "1️⃣<sup class=\\\"x\\\">",
            "1️⃣<style>",
            "1️⃣<a href=\\\"javascript:alert(1)\\\">",
            "1️⃣<!-- hidden -->",
            "1️⃣<?php echo 1; ?>",
            "1️⃣<!DOCTYPE html>",
            "use 1️⃣<App> here",
            "1️⃣<svg/onload=alert(1)>",
        ]
        for text in refused {
            let tag = String(text.components(separatedBy: "1️⃣")[1].prefix { $0 != ">" }) + ">"
            let shown = tag.replacingOccurrences(of: "\\\"", with: "\"")
            try assertPrerequisite(text, ["raw HTML '\(shown)' in 'prerequisites[0].text' \(Self.htmlRule)"])
        }
        try assertPrerequisite("line<br>break<BR/>and<br />x<sup>2</sup> <sub>i</sub> <kbd>Ctrl</kbd> a < b, <5 users, a <= b", [])
    }

    // MARK: - Includes and fences

    func testLearnIncludesAndDirectivesAreRefused() throws {
        let cases: [(String, String)] = [
            ("1️⃣[!INCLUDE [secret](../../includes/secret.md)]", "'[!INCLUDE'"),
            ("x 1️⃣[!include[x](a.md)]", "'[!include'"),
            ("1️⃣[ !INCLUDE [x](a.md)]", "'[ !INCLUDE'"),
            ("1️⃣[!VIDEO https://evil.example/embed]", "'[!VIDEO'"),
            ("1️⃣[!code-csharp[](file.cs)]", "'[!code'"),
            ("`1️⃣[!INCLUDE [x](a.md)]` in code", "'[!INCLUDE'"),
        ]
        for (text, subject) in cases {
            try assertPrerequisite(text, ["\(subject) in 'prerequisites[0].text' would pull other content into the tutorial; write the text itself"])
        }
        try assertPrerequisite(
            "a\\n1️⃣:::image type=\\\"content\\\" source=\\\"https://evil.example/p.png\\\":::",
            [":::' in 'prerequisites[0].text' would embed content the descriptor does not hold; write the text itself"].map { "'" + $0 })
        try assertPrerequisite("[!NOTE] is fine, and so is [!] or a:::b", [])
    }

    func testFrontMatterFencesAreRefused() throws {
        try assertPrerequisite(
            "before\\n1️⃣---\\ntitle: evil\\n  2️⃣-----  \\nafter",
            [
                "line '---' in 'prerequisites[0].text' would end the front matter or draw a rule; remove it or put it in a code block",
                "line '-----' in 'prerequisites[0].text' would end the front matter or draw a rule; remove it or put it in a code block",
            ])
        try assertReplacing(
            #""name": "LUSID""#, with: #""name": "1️⃣---""#,
            ["line '---' in 'name' would end the front matter or draw a rule; remove it or put it in a code block"])
        try assertPrerequisite("a -- b, --- in a sentence, and - - -", [])
    }

    // MARK: - Where

    func testColumnsAreExactThroughEscapes() throws {
        try assertPrerequisite(
            "\\u0041\\\"\\u00e9\\ud83d\\ude00\\\\ 1️⃣<script>",
            ["raw HTML '<script>' in 'prerequisites[0].text' \(Self.htmlRule)"])
        try assertPrerequisite(
            "é😀 Ω 1️⃣<script> [x](2️⃣javascript:x)",
            [
                "raw HTML '<script>' in 'prerequisites[0].text' \(Self.htmlRule)",
                "link 'javascript:x' in 'prerequisites[0].text' has the scheme 'javascript:'; \(Self.linkRule)",
            ])
    }

    func testCodeAndCommentsAreNotProse() throws {
        try assertReplacing(
            #""$comment": "Source:"#, with: #""$comment": "<script> [!INCLUDE [x](y)] --- Source:"#, [])
        try assertReplacing(
            #""language": "bash", "body": "curl"#, with: #""language": "bash", "body": "---\n<script>\n[x](javascript:y)\ncurl"#, [])
    }

    func testAHostileDescriptorIsNotAValidVendor() throws {
        var text = String(decoding: try Repository.bytes(Self.file), as: UTF8.self)
        text = text.replacingOccurrences(of: Self.prerequisite, with: #""text": "<script>alert(1)</script>""#)
        let set = VendorLoader.load(sources: [VendorSource(id: "lusid", file: Self.file, bytes: Array(text.utf8))])
        XCTAssertTrue(set.hasErrors)
        XCTAssertEqual(set.vendors.count, 0)
    }

    func testTheFindingsOfOneTextAreBoundedAndLinear() throws {
        // Overlapping link targets, unclosed tags and bare URLs by the hundred thousand: a bounded
        // number of findings, and a scan that stays linear (the test would take minutes otherwise).
        for hostile in [
            String(repeating: "[a](x", count: 50_000), String(repeating: "http://http://", count: 25_000),
            String(repeating: "`` ` ```", count: 25_000), String(repeating: "[", count: 100_000) + String(repeating: "](", count: 100_000),
            String(repeating: "[!INCLUDE", count: 50_000), String(repeating: "---\n", count: 50_000),
        ] {
            XCTAssertLessThanOrEqual(MarkdownSafety.findings(in: hostile).count, MarkdownSafety.maximumFindings)
        }
        XCTAssertEqual(MarkdownSafety.findings(in: String(repeating: "<a", count: 50_000)).count, MarkdownSafety.maximumFindings)
        XCTAssertEqual(MarkdownSafety.findings(in: String(repeating: "[a](https://x.example/", count: 20_000)), [])
    }
}

extension TextSafetyTests {
    /// A placeholder in the tenant URL is code, not HTML: it passes, and the tutorial shows it in a
    /// code span that a backtick in the value cannot end early.
    func testTheTenantURLIsCode() throws {
        var text = String(decoding: try Repository.bytes(Self.file), as: UTF8.self)
        text = text.replacingOccurrences(
            of: #""responseFields": { "tenantURL": "baseUrl", "secretToken": "apiToken" }"#,
            with: #""tenantURL": "https://<your-domain>.lusid.com/`scim`""#)
        let set = VendorLoader.load(sources: [VendorSource(id: "lusid", file: Self.file, bytes: Array(text.utf8))])
        XCTAssertEqual(set.diagnostics.map(\.description), [])
        let library = try TemplateLibrary(directory: Repository.templates, display: "Templates")
        let files = try TutorialOutput.files(for: try XCTUnwrap(set.vendors.first), templates: library)
        let tutorial = String(decoding: try XCTUnwrap(files["lusid/tutorial.md"]), as: UTF8.self)
        XCTAssertTrue(tutorial.contains("The **Tenant URL** is `` https://<your-domain>.lusid.com/`scim` ``."), tutorial)
    }
}
