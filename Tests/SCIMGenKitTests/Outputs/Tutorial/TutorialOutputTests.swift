import Foundation
import Mustache
import TestSupport
import XCTest
@testable import SCIMGenKit

/// The tutorials, help page and index of the committed vendors: their shape and wording (goldens are
/// `GoldenSiteTests`', from fixture vendors; `Tests/Tools/judges` parses them with markdown-it-py).
final class TutorialOutputTests: XCTestCase {
    static let vendors = VendorLoader.load(directory: Repository.vendors, display: "Vendors").vendors

    static func site() throws -> [String: [UInt8]] {
        let loaded = SiteLoader.load(
            vendors: Repository.vendors, vendorsDisplay: "Vendors", templates: Repository.templates, templatesDisplay: "Templates",
            kinds: .docs)
        let input = try XCTUnwrap(loaded.input, loaded.diagnostics.map(\.description).joined(separator: "\n"))
        return try SiteGenerator.generate(input, kinds: .docs)
    }

    func testEndsWithOneNewlineAndNoTrailingSpaces() throws {
        for (path, bytes) in try Self.site() {
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertTrue(text.hasSuffix("\n") && !text.hasSuffix("\n\n"), path)
            for line in text.split(separator: "\n") { XCTAssertFalse(line.hasSuffix(" "), "\(path): '\(line)'") }
            XCTAssertFalse(text.contains("\n\n\n"), path)
        }
    }

    func testCurrentNamingOnly() throws {
        for (path, bytes) in try Self.site() {
            let text = String(decoding: bytes, as: UTF8.self)
            for stale in ["Azure AD", "Azure Active Directory", "Azure portal", "TestApp", "Parsable"] {
                XCTAssertFalse(text.contains(stale), "\(path) says '\(stale)'")
            }
        }
    }

    func testNoGroupStepsWithoutGroupsAndRequiredColumnOnlyWhenKnown() throws {
        let files = try Self.site()
        let thousandEyes = String(decoding: try XCTUnwrap(files["thousandeyes/tutorial.md"]), as: UTF8.self)
        XCTAssertFalse(thousandEyes.contains("group attributes"))
        XCTAssertFalse(thousandEyes.contains("Provision groups"))
        XCTAssertFalse(thousandEyes.contains("Required by"))
        let lusid = String(decoding: try XCTUnwrap(files["lusid/tutorial.md"]), as: UTF8.self)
        XCTAssertTrue(lusid.contains("|Attribute|Type|Supported for filtering|Required by LUSID|"))
        let thrive = String(decoding: try XCTUnwrap(files["thrive-lxp/tutorial.md"]), as: UTF8.self)
        XCTAssertFalse(thrive.contains("Required by"))
    }

    func testAVendorOverrideAppliesToThatVendorOnly() throws {
        let files = try Self.site()
        let thousandEyes = String(decoding: try XCTUnwrap(files["thousandeyes/tutorial.md"]), as: UTF8.self)
        XCTAssertTrue(thousandEyes.contains("### Assigning users to ThousandEyes"))
        for id in ["lusid", "lucid-all-products", "thrive-lxp"] {
            XCTAssertFalse(String(decoding: try XCTUnwrap(files["\(id)/tutorial.md"]), as: UTF8.self).contains("### Assigning users to"))
        }
    }

    func testABlockOverride() throws {
        var templates = try TemplateLibrary(directory: Repository.templates, display: "Templates")
        templates = templates.overlaying(
            TemplateLibrary([
                try Template(
                    source: "{{<layouts/tutorial.md}}{{$monitor}}## Step 6: Watch it\n\nOur own words.\n{{/monitor}}{{/layouts/tutorial.md}}",
                    name: "tutorial.md")
            ]))
        let lusid = try XCTUnwrap(Self.vendors.first { $0.id == "lusid" })
        let text = String(decoding: try XCTUnwrap(TutorialOutput.files(for: lusid, templates: templates)["lusid/tutorial.md"]), as: UTF8.self)
        XCTAssertTrue(text.contains("## Step 6: Watch it\n\nOur own words.\n\n## More resources"), text)
        XCTAssertFalse(text.contains("Monitor your deployment"))
    }
}
