import Foundation
import XCTest

@testable import SCIMGenKit

/// The importer's test tutorials and expected outputs, all under `Tests/Fixtures/`.
enum ImportFixture {
    /// `Tests/Fixtures/Import/`: tutorials in the layouts the importer must read.
    static let folder = "Tests/Fixtures/Import"
    /// `Tests/Fixtures/Import/Expected/`: the goldens.
    static let expected = "Tests/Fixtures/Import/Expected"

    /// Imports a tutorial of the repository, named by its path from the root as diagnostics show it.
    static func importing(_ path: String) throws -> TutorialImport {
        let text = String(decoding: try Repository.bytes(path), as: UTF8.self)
        return TutorialImporter.importTutorial(markdown: text, file: path)
    }

    /// The `.md` files directly in `Tests/Fixtures/Import/`, sorted.
    static func tutorials() throws -> [String] {
        let url = Repository.root.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "\(folder)/\($0)" }
    }

    /// The descriptor an import wrote, read back as scimgen reads `Vendors/<id>/vendor.json`;
    /// fails the test on any decoding error.
    static func decoded(_ result: TutorialImport, file: StaticString = #filePath, line: UInt = #line) -> VendorDescriptor? {
        guard let bytes = result.bytes, let id = result.id else {
            XCTFail("the import made no descriptor", file: file, line: line)
            return nil
        }
        let (descriptor, diagnostics) = VendorDescriptor.decode(id: id, file: "Vendors/\(id)/vendor.json", bytes: bytes)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [], file: file, line: line)
        return descriptor
    }

    /// A committed descriptor from `Vendors/`.
    static func committed(_ id: String) throws -> VendorDescriptor? {
        let path = "Vendors/\(id)/vendor.json"
        return VendorDescriptor.decode(id: id, file: path, bytes: try Repository.bytes(path)).0
    }
}

/// Byte-for-byte comparison with a committed golden file; `SCIMGEN_RECORD=1` rewrites the golden
/// and fails the test, so that recording is never silently green.
enum ImportGolden {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["SCIMGEN_RECORD"] == "1" }

    static func assertMatches(
        _ actual: [UInt8], golden path: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let url = Repository.root.appendingPathComponent(path)
        if isRecording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual).write(to: url)
            XCTFail("recorded '\(path)'; run the tests again without SCIMGEN_RECORD", file: file, line: line)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            XCTFail("no golden '\(path)'; record it with SCIMGEN_RECORD=1", file: file, line: line)
            return
        }
        guard [UInt8](expected) != actual else { return }
        XCTFail(
            "'\(path)' differs from the output:\n" + lineDiff(String(decoding: expected, as: UTF8.self), String(decoding: actual, as: UTF8.self)),
            file: file, line: line)
    }

    /// The lines that differ, golden first, with their numbers; enough to see what changed.
    static func lineDiff(_ expected: String, _ actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? old[index] : nil
            let b = index < new.count ? new[index] : nil
            guard a != b else { continue }
            if let a { out.append("\(index + 1)- \(a)") }
            if let b { out.append("\(index + 1)+ \(b)") }
            if out.count >= 40 { break }
        }
        return out.joined(separator: "\n")
    }
}
