import Foundation

/// How the output folder differs from what generation would write now.
public struct SiteCheck: Sendable {
    /// One generated file that is not current.
    public struct Finding: Hashable, Sendable {
        /// What is wrong with the file.
        public enum Kind: String, Hashable, Sendable {
            /// The file's bytes differ.
            case stale
            /// The file should exist and does not.
            case missing
            /// scimgen wrote the file before and no longer produces it.
            case extra
        }
        /// What is wrong.
        public var kind: Kind
        /// The path relative to the output folder.
        public var path: String
        /// A short unified diff (stale files only).
        public var diff: String
    }

    /// Every finding, sorted by path.
    public var findings: [Finding]
    /// How many generated files are current.
    public var current: Int

    /// Compares `files` with the output folder `root` and its manifest.
    ///
    /// - Parameter scope: which previously generated paths the comparison covers (see `SiteWriter.write`).
    public init(files: [String: [UInt8]], root: URL, display: String, scope: (String) -> Bool = { _ in true }) throws {
        let writer = SiteWriter(root: root)
        let previous = try writer.manifest()
        var findings: [Finding] = []
        var current = 0
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            let url = root.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                findings.append(Finding(kind: .missing, path: path, diff: ""))
                continue
            }
            let old = [UInt8](data)
            if old == bytes {
                current += 1
            } else {
                let diff = UnifiedDiff.make(
                    old: String(decoding: old, as: UTF8.self), new: String(decoding: bytes, as: UTF8.self),
                    oldName: "\(display)/\(path)", newName: "\(display)/\(path) (generated)", maxLines: 40)
                findings.append(Finding(kind: .stale, path: path, diff: diff))
            }
        }
        for path in previous.filter(scope).subtracting(files.keys).sorted()
        where FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
            findings.append(Finding(kind: .extra, path: path, diff: ""))
        }
        self.findings = findings.sorted { $0.path < $1.path }
        self.current = current
    }

    /// Whether the folder holds exactly what generation writes.
    public var isCurrent: Bool { findings.isEmpty }
}
