import Foundation
import Mustache
import XCTest

@testable import SCIMGenKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Templates are bounded when read and when rendered: a planted partial cannot fill memory or the
/// disk, and whatever goes over is a located error (issue 15, point 10).
final class TemplateLimitTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("template-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Templates/partials"), withIntermediateDirectories: true)
        for file in ["tutorial.md.mustache", "scim-provisioning.md.mustache", "index.md.mustache"] {
            try FileManager.default.copyItem(
                at: Repository.templates.appendingPathComponent(file), to: root.appendingPathComponent("Templates/\(file)"))
        }
        try FileManager.default.copyItem(
            at: Repository.templates.appendingPathComponent("layouts"), to: root.appendingPathComponent("Templates/layouts"))
        for partial in try FileManager.default.contentsOfDirectory(atPath: Repository.templates.appendingPathComponent("partials").path) {
            try FileManager.default.copyItem(
                at: Repository.templates.appendingPathComponent("partials/\(partial)"),
                to: root.appendingPathComponent("Templates/partials/\(partial)"))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    private func loadErrors(limits: TemplateLibrary.LoadLimits = .init()) -> [String] {
        do {
            _ = try TemplateLibrary(directory: root.appendingPathComponent("Templates"), display: "Templates", limits: limits)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    // MARK: - Reading

    func testAFiveMegabytePartialIsRefusedWhenRead() throws {
        // The issue's own attack: 5 MB of text in a partial every tutorial includes.
        try write("Templates/partials/capabilities.md.mustache", String(repeating: "x", count: 5_000_000))
        XCTAssertEqual(
            loadErrors(),
            ["Templates/partials/capabilities.md.mustache: error: template is 5000000 bytes, over the limit of 262144 bytes (256 KiB); keep templates to prose and tags"])
        let loaded = SiteLoader.load(
            vendors: Repository.vendors, vendorsDisplay: "Vendors", templates: root.appendingPathComponent("Templates"),
            templatesDisplay: "Templates")
        XCTAssertNil(loaded.input)
        XCTAssertEqual(
            loaded.diagnostics.map(\.description),
            ["Templates/partials/capabilities.md.mustache:1:1: error: template is 5000000 bytes, over the limit of 262144 bytes (256 KiB); keep templates to prose and tags"])
    }

    func testAFolderOfTemplatesIsBoundedTogether() throws {
        let chunk = String(repeating: "y", count: 250 << 10)
        for index in 0..<20 { try write("Templates/partials/z\(index < 10 ? "0" : "")\(index).md.mustache", chunk) }
        XCTAssertEqual(
            loadErrors(),
            ["Templates/partials/z16.md.mustache: error: the templates of 'Templates' exceed 4194304 bytes (4 MiB) together with this one; keep templates to prose and tags"])
        XCTAssertEqual(loadErrors(limits: .init(maximumFileBytes: 300 << 10, maximumTotalBytes: 64 << 20)), [])
    }

    func testAFIFOOrADeviceNamedLikeATemplateIsAnErrorNotAHang() throws {
        let fifo = root.appendingPathComponent("Templates/partials/fifo.md.mustache").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // A link inside the folder to a FIFO inside the folder passes the link check; the read refuses it.
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("Templates/partials/link.md.mustache").path, withDestinationPath: "fifo.md.mustache")
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("Templates/partials/zero.md.mustache").path, withDestinationPath: "/dev/zero")
        XCTAssertEqual(
            loadErrors(),
            [
                "Templates/partials/fifo.md.mustache: error: is not a regular file; a template must be a plain file",
                "Templates/partials/link.md.mustache: error: is not a regular file; a template must be a plain file",
                "Templates/partials/zero.md.mustache: error: is a link that leads outside 'Templates'; replace it with the template itself",
            ])
    }

    func testOverridesInEveryVendorFolderAreBoundedTogether() throws {
        let lusid = try Repository.bytes("Vendors/lusid/vendor.json")
        let partial = String(repeating: "o", count: 250_000)
        for index in 0..<70 {
            let folder = root.appendingPathComponent("Vendors/copy-\(index < 10 ? "0" : "")\(index)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates/partials"), withIntermediateDirectories: true)
            try Data(lusid).write(to: folder.appendingPathComponent("vendor.json"))
            try Data(partial.utf8).write(to: folder.appendingPathComponent("templates/partials/capabilities.md.mustache"))
        }
        let loaded = SiteLoader.load(
            vendors: root.appendingPathComponent("Vendors"), vendorsDisplay: "Vendors",
            templates: root.appendingPathComponent("Templates"), templatesDisplay: "Templates")
        XCTAssertNil(loaded.input)
        // The 68th folder of 250,000 bytes (copy-67) passes 16 MiB; the folders after it are not read.
        XCTAssertEqual(
            loaded.diagnostics.map(\.description),
            [
                "Vendors/copy-67/templates:1:1: error: vendors' template overrides exceed 16777216 bytes together with 'Vendors/copy-67/templates'; "
                    + "an override should hold only the partials a vendor changes"
            ])
    }

    // MARK: - Rendering

    /// A partial under the file limit, included often enough to pass the document limit.
    func testADocumentOverItsBoundIsALocatedError() throws {
        try write("Templates/partials/big.md.mustache", String(repeating: "z", count: 200 << 10))
        try write(
            "Templates/partials/capabilities.md.mustache",
            "## Capabilities\n" + String(repeating: "{{>partials/big.md}}\n", count: 6))
        let input = try siteInput()
        XCTAssertThrowsError(try SiteGenerator.generate(input)) { error in
            XCTAssertEqual(
                (error as? DiagnosticsError)?.diagnostics.map(\.description),
                ["Templates/partials/capabilities.md.mustache:7:1: error: render output exceeds 1048576 bytes"])
        }
    }

    /// Every document under its bound, but far too many of them: the run stops at its budget, and
    /// a batch that goes over hands nothing to the writer.
    func testARunOverItsBudgetStopsAndHandsNothingOver() throws {
        try write("Templates/partials/big.md.mustache", String(repeating: "z", count: 40 << 10))
        try write("Templates/partials/capabilities.md.mustache", "## Capabilities\n{{>partials/big.md}}\n")
        var input = try siteInput(copies: 300)
        input.limits = GenerationLimits(documentBytes: 1 << 20, baseBytes: 256 << 10, bytesPerVendor: 16 << 10)
        var handedOver = 0
        XCTAssertThrowsError(try SiteGenerator.generate(input, kinds: .docs) { batch in handedOver += batch.count }) { error in
            XCTAssertEqual(
                (error as? DiagnosticsError)?.diagnostics.map(\.description),
                [
                    "Templates/tutorial.md.mustache:1:1: error: files generated for 304 vendors exceed the run's budget of 5242880 bytes; "
                        + "a template or partial produces far more text than a tutorial needs"
                ])
        }
        XCTAssertEqual(handedOver, 0, "the first batch of 256 vendors already passes the budget")
        // The same run within its budget goes through.
        input.limits = GenerationLimits(documentBytes: 1 << 20, baseBytes: 64 << 20, bytesPerVendor: 16 << 10)
        XCTAssertEqual(try SiteGenerator.generate(input, kinds: .docs).count, 304 + 1 + 1)
    }

    /// The four repository vendors and `copies` more made from LUSID.
    private func siteInput(copies: Int = 0) throws -> SiteInput {
        let library = try TemplateLibrary(directory: root.appendingPathComponent("Templates"), display: "Templates")
        var vendors = VendorLoader.load(directory: Repository.vendors, display: "Vendors").vendors
        let lusid = try XCTUnwrap(vendors.first { $0.id == "lusid" }).descriptor
        for index in 0..<copies {
            var copy = lusid
            copy.id = "copy-\(index)"
            vendors.append(try ResolvedVendor(checking: copy))
        }
        return SiteInput(vendors: vendors, templates: library)
    }
}
