import Foundation

/// How the output folder differs from what generation would write now.
///
/// Reading trusts the folder no more than writing does (see `SiteWriter`): nothing is followed, only
/// regular files are opened, and no more is read than the generated file's size, or a bounded amount
/// for the diff of a file whose size differs. A link, FIFO, device or folder where a generated file
/// belongs is a finding, never opened, so nothing outside the folder is ever read or printed.
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
            /// Something that is not a regular file (a link, FIFO, device or folder) where a generated
            /// file or its folder belongs; it is not read.
            case refused
        }
        /// What is wrong.
        public var kind: Kind
        /// The path relative to the output folder; for the manifest, which lives beside the folder, its name.
        public var path: String
        /// The path as messages name it, such as `Site/lusid/tutorial.md` or `.Site.scimgen-manifest`.
        public var file: String
        /// A short unified diff (stale files only, and only when the old file is small enough to read).
        public var diff: String
        /// Why a refused path was not read.
        public var reason: SiteWriteError.Reason?

        /// The message for the finding, after its file name.
        public var message: String {
            switch kind {
            case .stale: return "stale: generated content differs"
            case .missing: return "missing: generated file does not exist"
            case .extra: return "extra: no longer generated"
            case .refused: return reason.map { "\($0)" } ?? "refused"
            }
        }
    }

    /// Every finding, sorted by file.
    public var findings: [Finding]
    /// How many generated files are current.
    public var current: Int
    /// Manifest lines that were ignored, and why.
    public var warnings: [SiteWarning]

    /// The most of an old file read to show a diff when its size differs from the generated file's.
    static let diffReadLimit = 4 << 20

    /// Compares `files` with the output folder `root` and its manifest.
    ///
    /// - Parameter scope: which previously generated paths the comparison covers (see `SiteWriter.write`).
    public init(
        files: [String: [UInt8]], root: URL, display: String, scope: (String) -> Bool = { _ in true }, lockWait: Double = 5
    ) throws {
        try self.init(root: root, display: display, scope: scope, lockWait: lockWait) { compare in try compare(files) }
    }

    /// Compares batch by batch as `produce` hands files over, so memory stays bounded by one batch.
    public init(
        root: URL, display: String, scope: (String) -> Bool = { _ in true }, lockWait: Double = 5,
        _ produce: (_ compare: ([String: [UInt8]]) throws -> Void) throws -> Void
    ) throws {
        let folder = try OutputFolder(root, display: display, access: .read, lockWait: lockWait)
        let manifest = try folder.readManifest()
        var findings: [Finding] = []
        var current = 0
        var produced: [String: String] = [:]
        try produce { files in
            let batch = try Self.compare(files, in: folder.root, display: display)
            findings += batch.findings
            current += batch.current
            produced.merge(batch.hashes) { $1 }
        }
        if let root = folder.root {
            var walker = FolderWalker(root: root)
            for path in manifest.paths.filter({ scope($0) && produced[$0] == nil }).sorted() {
                var segments = path.split(separator: "/")
                let name = String(segments.removeLast())
                let exists: Bool
                do {
                    exists = try walker.folder(segments).map { try $0.entry(name) != .missing } ?? false
                } catch {
                    exists = true
                }
                if exists { findings.append(Finding(kind: .extra, path: path, file: root.display(path), diff: "")) }
            }
        }
        // The manifest is generated too: it must list exactly the files and hashes generation produces.
        var entries: [(path: String, hash: String)] = produced.map { ($0.key, $0.value) }
        for path in manifest.paths where !scope(path) && produced[path] == nil {
            for hash in manifest.allHashes(path) { entries.append((path, hash)) }
        }
        let expected = SiteManifest.text(entries)
        if !manifest.exists {
            findings.append(Finding(kind: .missing, path: folder.manifestName, file: folder.manifestDisplay, diff: ""))
        } else if expected != manifest.bytes {
            let diff = UnifiedDiff.make(
                old: String(decoding: manifest.bytes, as: UTF8.self).withVisibleControls, new: String(decoding: expected, as: UTF8.self),
                oldName: folder.manifestDisplay, newName: "\(folder.manifestDisplay) (generated)", maxLines: 40)
            findings.append(Finding(kind: .stale, path: folder.manifestName, file: folder.manifestDisplay, diff: diff))
        }
        self.findings = findings.sorted { $0.file < $1.file }
        self.current = current
        self.warnings = manifest.warnings
    }

    /// Whether the folder holds exactly what generation writes.
    public var isCurrent: Bool { findings.isEmpty }
}

// MARK: - Comparing

extension SiteCheck {
    /// What comparing one batch found.
    struct BatchResult {
        var findings: [Finding] = []
        var current = 0
        var hashes: [String: String] = [:]
    }

    /// What comparing one file found.
    enum FileResult {
        case current
        case finding(Finding)
        /// Covered by a finding about its folder.
        case covered
    }

    /// Reading thousands of files dominates: compare one top-level folder per core, gather in path order.
    static func compare(_ files: [String: [UInt8]], in root: FolderHandle?, display: String) throws -> BatchResult {
        let batch = try Batch(files, display: display)
        let units = batch.units
        let comparison = Comparison(
            batch: batch, display: display, results: Slots(count: batch.paths.count), hashes: Slots(count: batch.paths.count))
        DispatchQueue.concurrentPerform(iterations: units.count) { unit in
            if unit == 0 {
                comparison.compare(units[0].files, in: root)
            } else {
                comparison.compare(units[unit], at: units[unit].name, of: root)
            }
        }
        var result = BatchResult()
        for index in batch.paths.indices {
            result.hashes[batch.paths[index]] = comparison.hashes[index]!
            switch comparison.results[index]! {
            case .current: result.current += 1
            case .finding(let finding): result.findings.append(finding)
            case .covered: break
            }
        }
        return result
    }

    /// Comparing one batch with the folder.
    struct Comparison: @unchecked Sendable {
        let batch: Batch
        let display: String
        let results: Slots<FileResult>
        let hashes: Slots<String>

        /// Compares the sub-folder `plan` (at `relative`) of `parent` (nil: missing) and everything below it.
        func compare(_ plan: FolderPlan, at relative: String, of parent: FolderHandle?) {
            plan.walk(at: relative, of: parent) { refused, relative, error in
                // One finding for the folder covers every file below it.
                let indices = refused.allIndices
                for index in indices {
                    hashes[index] = SHA256.hex(batch.contents[index])
                    results[index] = .covered
                }
                results[indices.min()!] = .finding(
                    Finding(kind: .refused, path: relative, file: error.path, diff: "", reason: error.reason))
            } visit: { plan, folder in
                compare(plan.files, in: folder)
            }
        }

        /// Compares the files directly in `folder` (nil: it is missing).
        func compare(_ files: [(name: String, index: Int)], in folder: FolderHandle?) {
            for (name, index) in files {
                let path = batch.paths[index]
                let bytes = batch.contents[index]
                hashes[index] = SHA256.hex(bytes)
                let file = OutputFolder.join(display, path)
                guard let folder else {
                    results[index] = .finding(Finding(kind: .missing, path: path, file: file, diff: ""))
                    continue
                }
                do throws(SiteWriteError) {
                    switch try folder.entry(name) {
                    case .missing:
                        results[index] = .finding(Finding(kind: .missing, path: path, file: file, diff: ""))
                    case .file(let size):
                        let old = size == bytes.count || size <= diffReadLimit ? try folder.read(name, limit: size) : nil
                        if old == bytes {
                            results[index] = .current
                            continue
                        }
                        let diff = old.map {
                            UnifiedDiff.make(
                                old: String(decoding: $0, as: UTF8.self).withVisibleControls, new: String(decoding: bytes, as: UTF8.self),
                                oldName: file, newName: "\(file) (generated)", maxLines: 40)
                        }
                        results[index] = .finding(Finding(kind: .stale, path: path, file: file, diff: diff ?? ""))
                    case let other:
                        results[index] = .finding(
                            Finding(kind: .refused, path: path, file: file, diff: "", reason: .notAFile(kind: other.kind)))
                    }
                } catch {
                    results[index] = .finding(Finding(kind: .refused, path: path, file: file, diff: "", reason: error.reason))
                }
            }
        }
    }
}
