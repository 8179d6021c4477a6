import Foundation
import XCTest
@testable import SCIMGenKit

/// Shared pieces of the Entra mapping tests: the committed vendors, fixtures and golden files.
enum EntraTestSupport {
    /// `Tests/Fixtures/Entra/`: schemas written after the documented export shape.
    static let fixtures = Repository.fixtures.appendingPathComponent("Entra")
    /// `Tests/Fixtures/Golden/`.
    static let golden = Repository.fixtures.appendingPathComponent("Golden")
    /// The exported-schema fixtures merged in every test, by file name.
    static let schemaFixtures = ["entra-id-enterprise.json", "azure-ad-core-user.json", "entra-id-users-only.json"]

    /// Whether goldens are being re-recorded.
    static var isRecording: Bool { ProcessInfo.processInfo.environment["SCIMGEN_RECORD"] == "1" }

    /// The committed vendors, loaded once; the test fails when any has a diagnostic.
    static let vendors: [ResolvedVendor] = {
        VendorLoader.load(directory: Repository.vendors, display: "Vendors").vendors
    }()

    /// The committed vendor with this id.
    static func vendor(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> ResolvedVendor {
        try XCTUnwrap(vendors.first { $0.id == id }, "no vendor '\(id)'", file: file, line: line)
    }

    /// The bytes of a fixture under `Tests/Fixtures/Entra/`.
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// Compares bytes with a golden file under `Tests/Fixtures/Golden/`, or records it (and fails,
    /// so that a recording run is never green).
    static func assertGolden(
        _ actual: [UInt8], _ relativePath: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let url = golden.appendingPathComponent(relativePath)
        if isRecording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            XCTAssertNoThrow(try Data(actual).write(to: url), file: file, line: line)
            XCTFail("recorded \(relativePath); unset SCIMGEN_RECORD and run again", file: file, line: line)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            XCTFail("no golden file '\(relativePath)'; run with SCIMGEN_RECORD=1 to record it", file: file, line: line)
            return
        }
        guard Array(expected) != actual else { return }
        XCTFail(
            "\(relativePath) differs from the output; first differing lines:\n" + lineDiff(Array(expected), actual),
            file: file, line: line)
    }

    /// The first few differing lines, golden first.
    static func lineDiff(_ expected: [UInt8], _ actual: [UInt8]) -> String {
        let old = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let new = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
        var report: [String] = []
        for index in 0..<max(old.count, new.count) where report.count < 12 {
            let a = index < old.count ? old[index] : "<none>"
            let b = index < new.count ? new[index] : "<none>"
            if a != b { report += ["line \(index + 1): - \(a)", "line \(index + 1): + \(b)"] }
        }
        return report.joined(separator: "\n")
    }

    /// Parses JSON that the test itself knows to be valid.
    static func parse(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        do {
            return try JSONParser.parse(bytes).jsonValue
        } catch {
            XCTFail("invalid JSON: \(error)", file: file, line: line)
            throw error
        }
    }
}
