import XCTest

@testable import SCIMGenKit

/// The Markdown reader under the importer and its text helpers.
final class ImportDocumentTests: XCTestCase {
    func testBlocksOfATutorial() {
        let markdown = """
            ---\r
            title: 'It''s here'\r
            # Customer intent: x\r
            ---\r
            # Tutorial: Configure Acme for automatic user provisioning\r
            <a name='step-2'></a>\r
            \r
            1. First step\r
            continues here.\r
            \t![Alt text.](media/a.png)\r
            \r
               ```bash\r
               echo hi\r
               ```\r
            > [!NOTE]\r
            > One.\r
            >\r
            > Two.\r
            > [!div class="checklist"]\r
            > * Create users in Acme\r
            Attribute|Type\r
            ---|---\r
            userName|String\r
            """
        let document = TutorialDocument(parsing: markdown)
        XCTAssertEqual(document.frontMatter.map { [$0.key ?? "#", $0.value, "\($0.line)"] }, [
            ["title", "It's here", "2"], ["#", "Customer intent: x", "3"],
        ])
        XCTAssertEqual(
            document.blocks,
            [
                MarkdownBlock(kind: .heading(level: 1), text: "Tutorial: Configure Acme for automatic user provisioning", line: 5, indent: 0),
                MarkdownBlock(kind: .html, text: "<a name='step-2'></a>", line: 6, indent: 0),
                MarkdownBlock(kind: .listItem(ordered: true), text: "First step continues here.", line: 8, indent: 0),
                MarkdownBlock(kind: .image(alt: "Alt text.", path: "media/a.png"), text: "![Alt text.](media/a.png)", line: 10, indent: 4),
                MarkdownBlock(kind: .code(language: "bash"), text: "echo hi", line: 12, indent: 3),
                MarkdownBlock(kind: .alert("note"), text: "One.\n\nTwo.", line: 15, indent: 0),
                MarkdownBlock(kind: .checklist([SourceLine(text: "Create users in Acme", line: 20)]), text: "", line: 19, indent: 0),
                MarkdownBlock(
                    kind: .table([
                        SourceLine(text: "Attribute|Type", line: 21), SourceLine(text: "---|---", line: 22),
                        SourceLine(text: "userName|String", line: 23),
                    ]), text: "Attribute|Type", line: 21, indent: 0),
            ])
    }

    func testSentences() {
        XCTAssertEqual(
            TutorialText.sentences(
                "Select [What is it? Really.](x.md) now. Use `a. b` here (for example, e.g. this). Done!  Last"),
            ["Select [What is it? Really.](x.md) now.", "Use `a. b` here (for example, e.g. this).", "Done!", "Last"])
    }

    func testNormalForm() {
        XCTAssertEqual(
            TutorialText.normalised(
                "When you're ready, select **Lucid (All Products)** in [Azure AD](x) &gt; `Azure Active Directory` or TestApp.",
                app: "Lucid (All Products)"),
            "when you are ready, select app in entra > entra or app")
    }
}
