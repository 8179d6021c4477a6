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
        try self.init(root: root, display: display, scope: scope) { compare in try compare(files) }
    }

    /// Compares batch by batch as `produce` hands files over, so memory stays bounded by one batch.
    public init(
        root: URL, display: String, scope: (String) -> Bool = { _ in true },
        _ produce: (_ compare: ([String: [UInt8]]) throws -> Void) throws -> Void
    ) throws {
        let previous = try SiteWriter(root: root).manifest()
        var findings: [Finding] = []
        var current = 0
        var produced: Set<String> = []
        try produce { files in
            let (batchFindings, batchCurrent) = Self.compare(files, root: root, display: display)
            findings += batchFindings
            current += batchCurrent
            produced.formUnion(files.keys)
        }
        for path in previous.filter(scope).subtracting(produced).sorted()
        where FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
            findings.append(Finding(kind: .extra, path: path, diff: ""))
        }
        self.findings = findings.sorted { $0.path < $1.path }
        self.current = current
    }

    /// Reading thousands of files dominates: compare on every core, gather in path order.
    static func compare(_ files: [String: [UInt8]], root: URL, display: String) -> ([Finding], Int) {
        let ordered = files.sorted(by: { $0.key < $1.key })
        let results = Slots<Finding?>(count: ordered.count)
        DispatchQueue.concurrentPerform(iterations: ordered.count) { index in
            let (path, bytes) = ordered[index]
            guard case .bytes(let data) = FileBytes.read(root.appendingPathComponent(path).path) else {
                results[index] = .some(Finding(kind: .missing, path: path, diff: ""))
                return
            }
            if data == bytes {
                results[index] = .some(nil)
                return
            }
            let diff = UnifiedDiff.make(
                old: String(decoding: data, as: UTF8.self), new: String(decoding: bytes, as: UTF8.self),
                oldName: "\(display)/\(path)", newName: "\(display)/\(path) (generated)", maxLines: 40)
            results[index] = .some(Finding(kind: .stale, path: path, diff: diff))
        }
        var findings: [Finding] = []
        var current = 0
        for result in results.values {
            if case .some(.some(let finding)) = result { findings.append(finding) } else { current += 1 }
        }
        return (findings, current)
    }

    /// Whether the folder holds exactly what generation writes.
    public var isCurrent: Bool { findings.isEmpty }
}
