import Mustache
import XCTest

@testable import SCIMGenKit

/// Every front-matter value is one valid YAML scalar that reads back as the text it came from,
/// whatever the descriptor holds: checked by parsing the front matter back with a strict reader.
final class YAMLScalarTests: XCTestCase {
    /// Text a YAML parser would misread if it were written as it is.
    static let hostile: [String] = [
        "O'Reilly Learning", "Lucid: the visual workspace", "C# tools", "#1 app", "a #comment", "- item", "* star",
        "&anchor", "*alias", "!tag", "%directive", "@mention", "`tick`", "\"double\"", "'single'", "? key", ", comma",
        "[flow]", "{flow}", "| literal", "> folded", "~", "null", "Null", "NULL", "true", "False", "yes", "No", "on",
        "OFF", "y", "n", "0", "42", "-1", "+1", "0.5", ".5", "1e3", "1E-3", "1_000", "0x1F", "0o17", "0b101", "0777",
        "1:20", "1.2.3", ".inf", "-.Inf", ".NaN", "2024-01-12", "2024-1-2 10:00", "line one\nline two",
        "crlf\r\nend", "tab\there", "trailing ", " leading", "nel\u{85}here", "ls\u{2028}ps\u{2029}end",
        "bell\u{7}c1\u{90}del\u{7F}", "bom\u{FEFF}x", "rtl\u{202E}override", "---", "...", "ends with colon:",
        "key: value: more", "emoji 😀 and عربي", "", "  ", "'", "''", "a'b''c",
    ]

    func testEveryHostileValueReadsBackAsItsText() throws {
        for text in Self.hostile {
            let written = YAMLScalar.scalar(text)
            XCTAssertEqual(try StrictYAMLReader.scalar(written), YAMLScalar.oneLine(text), "\(text.debugDescription) was written \(written)")
            let quoted = "'" + YAMLScalar.inQuotes(text) + "'"
            XCTAssertEqual(try StrictYAMLReader.scalar(quoted), YAMLScalar.oneLine(text), "\(text.debugDescription) in quotes")
        }
    }

    func testPlainWhereUnambiguousQuotedOtherwise() {
        let cases: [(String, String)] = [
            ("jeevansd", "jeevansd"),
            ("01/12/2024", "01/12/2024"),
            ("1b4993b3-7fb1-4128-a399-3bad8e26559f", "1b4993b3-7fb1-4128-a399-3bad8e26559f"),
            ("Thrive LXP", "Thrive LXP"),
            ("O'Reilly Learning", "O'Reilly Learning"),
            ("Tutorial: Configure LUSID", "'Tutorial: Configure LUSID'"),
            ("yes", "'yes'"),
            ("2024-01-12", "'2024-01-12'"),
            ("'quoted'", "'''quoted'''"),
            ("two\nlines", "two lines"),
            ("", "''"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(YAMLScalar.scalar(text), expected, text.debugDescription)
        }
    }

    /// The issue's own case and the rest of its kind, end to end: a vendor's name and every `learn`
    /// field through the real front-matter template, then the whole front matter read back.
    func testTheTutorialFrontMatterHoldsAnyVendorText() throws {
        let library = try TemplateLibrary(directory: Repository.templates, display: "Templates")
        let checked = try XCTUnwrap(VendorLoader.load(directory: Repository.vendors, display: "Vendors").vendors.first { $0.id == "lusid" })
        let base = checked.descriptor
        for text in Self.hostile where !YAMLScalar.oneLine(text).isEmpty {
            var vendor = base
            vendor.name = text
            vendor.learn = LearnMetadata(author: text, writer: text, manager: text, date: text, msAuthor: text, assetId: text, customerIntent: text)
            let withDefaults = try frontMatter(of: vendor, tables: checked, library)
            let name = YAMLScalar.oneLine(text)
            XCTAssertEqual(withDefaults["title"], "Configure \(name) for automatic user provisioning with Microsoft Entra ID", text.debugDescription)
            XCTAssertEqual(
                withDefaults["description"],
                "Learn how to automatically provision and deprovision user accounts from Microsoft Entra ID to \(name).")
            for key in ["author", "writer", "manager", "ms.date", "ms.author", "ms.assetid"] {
                XCTAssertEqual(withDefaults[key], YAMLScalar.oneLine(text), "\(key) of \(text.debugDescription)")
            }
            vendor.learn.title = text
            vendor.learn.description = text
            let given = try frontMatter(of: vendor, tables: checked, library)
            XCTAssertEqual(given["title"], YAMLScalar.oneLine(text), text.debugDescription)
            XCTAssertEqual(given["description"], YAMLScalar.oneLine(text), text.debugDescription)
        }
    }

    /// The front matter of `vendor`'s tutorial. Validation would refuse much of this text (a date
    /// that is no date, HTML); escaping must hold without it, so the vendor is not checked again:
    /// only its text differs from `tables`, which was.
    private func frontMatter(of vendor: VendorDescriptor, tables: ResolvedVendor, _ library: TemplateLibrary) throws -> [String: String] {
        let unchecked = ResolvedVendor(
            descriptor: vendor, users: tables.users, groups: tables.groups, extensionSchemas: tables.extensionSchemas,
            customFields: tables.customFields)
        let files = try TutorialOutput.files(for: unchecked, templates: library)
        let tutorial = String(decoding: try XCTUnwrap(files["lusid/tutorial.md"]), as: UTF8.self)
        do {
            let pairs = try StrictYAMLReader.frontMatter(tutorial)
            XCTAssertEqual(Set(pairs.map(\.key)).count, pairs.count, "a key repeats")
            return Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        } catch {
            XCTFail("\(vendor.name.debugDescription): \(error)\n\(tutorial.prefix(1200))")
            return [:]
        }
    }
}
