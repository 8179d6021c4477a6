import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `generate` did to the output folder.
public struct WriteSummary: Hashable, Sendable {
    /// Files whose bytes changed or that are new, sorted.
    public var written: [String] = []
    /// Files already holding the right bytes.
    public var unchanged: Int = 0
    /// Files generated before and no longer produced, now removed, sorted.
    public var removed: [String] = []

    /// `wrote 3 files, 42 unchanged, removed 1`.
    public var line: String {
        "wrote \(plural(written.count, "file")), \(unchanged) unchanged, removed \(removed.count)"
    }
}

/// Why the writer refused to touch the output folder. Nothing is written when it throws
/// before the first file; see the message for the one path concerned.
public struct SiteWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path concerned, relative to the output folder where there is one.
    public var path: String
    /// What is wrong and how to fix it.
    public var reason: String

    public var description: String { "error: \(path): \(reason)" }
}

/// Writes generated files into an output folder safely: only changed files, each atomically,
/// never outside the folder, never over a file scimgen did not write, and removing the files
/// it wrote before that are no longer produced. A manifest in the folder remembers them.
public struct SiteWriter: Sendable {
    /// The manifest's name inside the output folder.
    public static let manifestName = ".scimgen-manifest"
    /// The suffix of temporary files; a file is renamed over its target once complete.
    static let temporarySuffix = ".scimgen-tmp"

    /// The output folder.
    public var root: URL

    /// Creates a writer for `root`, which need not exist yet.
    public init(root: URL) { self.root = root }

    /// The paths scimgen wrote last time, from the manifest; empty when there is none.
    public func manifest() throws -> Set<String> {
        let url = root.appendingPathComponent(Self.manifestName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SiteWriteError(path: Self.manifestName, reason: "manifest is not UTF-8 text; delete it and regenerate")
        }
        var paths: Set<String> = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A run killed while appending may leave half a line; only whole lines count.
        if !text.hasSuffix("\n"), !lines.isEmpty { lines.removeLast() }
        for line in lines where !line.hasPrefix("#") && !line.isEmpty {
            let path = String(line)
            if let problem = Self.pathProblem(path) {
                throw SiteWriteError(path: Self.manifestName, reason: "manifest lists '\(path)', which \(problem); delete the manifest and regenerate")
            }
            paths.insert(path)
        }
        return paths
    }

    /// Writes `files` (relative path to bytes) and removes what the last run wrote and this one does not.
    ///
    /// - Parameter scope: which previously generated paths this run is responsible for; a run that
    ///   generates one vendor or one kind of document removes stale files only within that scope.
    public func write(_ files: [String: [UInt8]], scope: (String) -> Bool = { _ in true }) throws -> WriteSummary {
        try stream(scope: scope) { write in try write(files) }
    }

    /// Writes files batch by batch as `produce` hands them over, then removes stale files.
    ///
    /// Memory stays bounded by one batch however large the site. Every batch is checked before any
    /// of its files is written; a batch that fails leaves the earlier ones written, each file whole
    /// and listed in the manifest, so the next run continues from a consistent state.
    public func stream(
        scope: (String) -> Bool = { _ in true },
        _ produce: (_ write: ([String: [UInt8]]) throws -> Void) throws -> Void
    ) throws -> WriteSummary {
        try ensureRootIsSafe()
        let previous = try manifest()
        if try manifestIsIncomplete() { sweepTemporaryFiles() }
        var state = StreamState(previous: previous)
        try produce { files in try writeBatch(files, state: &state) }
        let stale = previous.filter(scope).subtracting(state.produced).sorted()
        for path in stale { try checkContainment(path, safeFolders: &state.safeFolders) }
        if !stale.isEmpty { try startJournal(&state) }
        let fm = FileManager.default
        for path in stale {
            let url = root.appendingPathComponent(path)
            if (try? fm.attributesOfItem(atPath: url.path)) != nil {
                try? fm.removeItem(at: url)
                state.summary.removed.append(path)
                removeEmptyParents(of: path)
            }
        }
        let final = previous.subtracting(stale).union(state.produced)
        if state.journalStarted || final != previous { try writeManifest(final) }
        return state.summary
    }

    /// What a streaming run has done so far.
    struct StreamState {
        let previous: Set<String>
        var produced: Set<String> = []
        var safeFolders: Set<String> = []
        var journalStarted = false
        var summary = WriteSummary()
    }

    /// Checks, compares and writes one batch.
    private func writeBatch(_ files: [String: [UInt8]], state: inout StreamState) throws {
        // Refuse every unsafe path of the batch before touching anything.
        let ordered = files.sorted(by: { $0.key < $1.key })
        for (path, _) in ordered {
            if let problem = Self.pathProblem(path) {
                throw SiteWriteError(path: path, reason: "refusing to write a path that \(problem)")
            }
            if path == Self.manifestName { throw SiteWriteError(path: path, reason: "the manifest's name is reserved") }
            try checkContainment(path, safeFolders: &state.safeFolders)
        }

        // Reading and comparing thousands of files is the bulk of a no-change run: do it on every core.
        let existing = Slots<Result<[UInt8]?, SiteWriteError>>(count: ordered.count)
        let root = root
        DispatchQueue.concurrentPerform(iterations: ordered.count) { index in
            let path = ordered[index].key
            do {
                existing[index] = .success(try Self.existingFile(root.appendingPathComponent(path), path: path))
            } catch let error as SiteWriteError {
                existing[index] = .failure(error)
            } catch {
                existing[index] = .failure(SiteWriteError(path: path, reason: "cannot be read"))
            }
        }
        var plan: [(String, [UInt8])] = []
        for (index, (path, bytes)) in ordered.enumerated() {
            guard let result = existing[index] else { continue }
            let old = try result.get()
            if let old, old == bytes {
                state.summary.unchanged += 1
                continue
            }
            if old != nil && !state.previous.contains(path) {
                throw SiteWriteError(
                    path: path,
                    reason: "exists and was not written by scimgen; move it away or delete it, then generate again")
            }
            plan.append((path, bytes))
        }
        state.produced.formUnion(files.keys)

        // The manifest lists every new file before it is written, so an interrupted run never
        // leaves a generated file that the next run would take for someone else's.
        let added = files.keys.filter { !state.previous.contains($0) }.sorted()
        if !plan.isEmpty || !added.isEmpty {
            try startJournal(&state)
            if !added.isEmpty { try appendToManifest(added) }
        }
        let folders = Set(plan.map { ($0.0 as NSString).deletingLastPathComponent }).sorted()
        for folder in folders where !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            } catch {
                throw SiteWriteError(path: folder, reason: "cannot create the folder: \(error.localizedDescription)")
            }
        }
        let failures = Slots<SiteWriteError>(count: plan.count)
        let work = plan
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            do {
                try atomicWrite(work[index].1, to: work[index].0)
            } catch let error as SiteWriteError {
                failures[index] = error
            } catch {
                failures[index] = SiteWriteError(path: work[index].0, reason: "cannot be written")
            }
        }
        if let failure = failures.values.compactMap({ $0 }).first { throw failure }
        state.summary.written += plan.map(\.0)
    }

    /// Marks the manifest incomplete (keeping what it lists) before the first change of a run.
    private func startJournal(_ state: inout StreamState) throws {
        guard !state.journalStarted else { return }
        try writeManifest(state.previous, incomplete: true)
        state.journalStarted = true
    }

    /// Appends paths to the incomplete manifest, each on a whole line.
    private func appendToManifest(_ paths: [String]) throws {
        let url = root.appendingPathComponent(Self.manifestName)
        let text = paths.map { $0 + "\n" }.joined()
        guard let handle = FileHandle(forWritingAtPath: url.path) else {
            throw SiteWriteError(path: Self.manifestName, reason: "cannot be opened for writing")
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw SiteWriteError(path: Self.manifestName, reason: "cannot be written: \(error.localizedDescription)")
        }
    }

    // MARK: - Path safety

    /// Why a relative output path is unsafe, or nil.
    static func pathProblem(_ path: String) -> String? {
        if path.isEmpty { return "is empty" }
        if path.hasPrefix("/") { return "is absolute" }
        if path.contains("\\") { return "contains a backslash" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "contains a control character"
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains("..") { return "leaves the output folder with '..'" }
        if segments.contains("") || segments.contains(".") { return "has an empty or '.' segment" }
        return nil
    }

    private func ensureRootIsSafe() throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: root.path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue {
                throw SiteWriteError(path: root.path, reason: "the output folder is a file; choose another --out")
            }
        } else {
            do {
                try fm.createDirectory(at: root, withIntermediateDirectories: true)
            } catch {
                throw SiteWriteError(path: root.path, reason: "cannot create the output folder: \(error.localizedDescription)")
            }
        }
    }

    /// Refuses a path whose existing folders are links leading out of the output folder.
    ///
    /// Only folders matter: renaming onto a file that is a link replaces the link, never its target.
    /// Folders already found safe are remembered, so a tree of thousands of files costs one check
    /// per folder.
    private func checkContainment(_ path: String, safeFolders: inout Set<String>) throws {
        let fm = FileManager.default
        var prefix = ""
        for segment in path.split(separator: "/").dropLast() {
            prefix = prefix.isEmpty ? String(segment) : prefix + "/" + segment
            if safeFolders.contains(prefix) { continue }
            let current = root.appendingPathComponent(prefix)
            guard let attributes = try? fm.attributesOfItem(atPath: current.path) else { return }
            if (attributes[.type] as? FileAttributeType) == .typeSymbolicLink {
                // Resolving is slow; only a link needs it.
                let realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
                let target = current.resolvingSymlinksInPath().standardizedFileURL.path
                if !(target == realRoot || target.hasPrefix(realRoot + "/")) {
                    throw SiteWriteError(
                        path: path,
                        reason: "refusing to write through '\(prefix)', a link that leads outside the output folder")
                }
            }
            safeFolders.insert(prefix)
        }
    }

    private static func existingFile(_ url: URL, path: String) throws -> [UInt8]? {
        switch FileBytes.read(url.path) {
        case .bytes(let bytes): return bytes
        case .missing: return nil
        case .directory: throw SiteWriteError(path: path, reason: "is a folder where scimgen writes a file; move it away")
        case .unreadable: throw SiteWriteError(path: path, reason: "cannot be read; check its permissions")
        }
    }

    // MARK: - Writing

    private func atomicWrite(_ bytes: [UInt8], to path: String) throws {
        let url = root.appendingPathComponent(path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent("." + url.lastPathComponent + Self.temporarySuffix)
        let written = bytes.withUnsafeBufferPointer { buffer -> Bool in
            let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        guard written, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw SiteWriteError(path: path, reason: "cannot be written: \(String(cString: strerror(errno)))")
        }
    }

    /// The first line of a manifest written while a run is under way; a run that finds it knows the
    /// last one was interrupted and sweeps its temporary files.
    static let incompleteMarker = "# incomplete: a run was interrupted; the next one finishes it"

    private func manifestIsIncomplete() throws -> Bool {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(Self.manifestName).path) else {
            return false
        }
        return data.starts(with: Array(Self.incompleteMarker.utf8))
    }

    /// Removes the temporary files an interrupted run left behind.
    private func sweepTemporaryFiles() {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return }
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(Self.temporarySuffix), (path as NSString).lastPathComponent.hasPrefix(".") {
                try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
            }
        }
    }

    private func writeManifest(_ paths: Set<String>, incomplete: Bool = false) throws {
        var text = incomplete ? Self.incompleteMarker + "\n" : ""
        text += "# Files written by 'scimgen generate'; it removes them when they are no longer produced.\n"
        for path in paths.sorted() { text += path + "\n" }
        try atomicWrite(Array(text.utf8), to: Self.manifestName)
    }

    private func removeEmptyParents(of path: String) {
        var segments = path.split(separator: "/").dropLast()
        let fm = FileManager.default
        while !segments.isEmpty {
            let url = root.appendingPathComponent(segments.joined(separator: "/"))
            guard let items = try? fm.contentsOfDirectory(atPath: url.path), items.isEmpty else { return }
            try? fm.removeItem(at: url)
            segments = segments.dropLast()
        }
    }

    private func relative(_ url: URL) -> String {
        let base = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}

/// `write(2)`, named apart from the Swift methods called write.
@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafePointer<UInt8>, _ count: Int) -> Int {
    write(fd, buffer, count)
}

/// "1 file", "3 files".
func plural(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }
