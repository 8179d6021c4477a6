import Foundation

/// Paths inside the repository, found from this file so that tests run from any directory.
enum Repository {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `Vendors/`.
    static let vendors = root.appendingPathComponent("Vendors")
    /// `Templates/`.
    static let templates = root.appendingPathComponent("Templates")
    /// `Site/`.
    static let site = root.appendingPathComponent("Site")
    /// `Tests/Fixtures/`.
    static let fixtures = root.appendingPathComponent("Tests/Fixtures")

    /// The bytes of a file under the repository root.
    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }
}
