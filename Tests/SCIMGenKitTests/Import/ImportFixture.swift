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
        let (descriptor, diagnostics) = DescriptorCodec.decode(id: id, file: "Vendors/\(id)/vendor.json", bytes: bytes)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [], file: file, line: line)
        return descriptor
    }

    /// A committed descriptor from `Vendors/`.
    static func committed(_ id: String) throws -> VendorDescriptor? {
        let path = "Vendors/\(id)/vendor.json"
        return DescriptorCodec.decode(id: id, file: path, bytes: try Repository.bytes(path)).0
    }
}
