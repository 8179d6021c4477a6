/// The record of what `generate` wrote in an output folder: each file with the SHA-256 of its bytes.
///
/// It is kept beside the output folder (`Site/` has `.Site.scimgen-manifest`), so deploying the
/// folder never publishes it, and it is committed with the folder, so a fresh clone knows which files
/// scimgen owns. One line per file, as `sha256sum` writes them: `<64 hex digits>  <path>`. Lines
/// starting with `#` are comments, except `# unfinished run <token>`, which a run appends before it
/// changes anything and which the rewrite at its end drops.
///
/// A manifest comes from a checkout, so it is read as a stranger's data: a line that is not an
/// entry, or that names a path leaving the folder, is ignored with a warning; an entry never makes
/// scimgen remove a file whose bytes do not match its hash.
package struct SiteManifest {
    /// The largest manifest read: about 600,000 entries.
    static let sizeLimit = 64 << 20
    /// The first line of every manifest.
    static let header = Array(
        """
        # Written by 'scimgen generate': the files it wrote in the folder beside this file, each with the SHA-256 \
        of its bytes. It replaces and removes only these, and removes a file only while its bytes still match. \
        Commit this file with that folder.\n
        """.utf8)
    /// The comment a run appends before its first change.
    static let runMarker = "# unfinished run "
    /// How many malformed lines are reported one by one.
    static let reportedLines = 20

    /// How messages name the manifest.
    let display: String
    /// Whether a manifest was found.
    private(set) var exists = false
    /// The bytes read, to tell whether the manifest needs rewriting at all.
    private(set) var bytes: [UInt8] = []
    /// Whether the last line was whole; an append after a half-written line starts a new one.
    private(set) var endsWithNewline = true
    /// The hash of each listed path.
    private(set) var hashes: [String: String] = [:]
    /// Further hashes of a path, which an unfinished run appends for a file it meant to change.
    private(set) var otherHashes: [String: Set<String>] = [:]
    /// Runs that started changing the folder and did not finish.
    private(set) var unfinishedRuns: [RunToken] = []
    /// Lines that were ignored, and why.
    package private(set) var warnings: [SiteWarning] = []

    /// An empty manifest: no output folder yet, or none written.
    init(display: String) { self.display = display }

    /// Reads a manifest's bytes.
    package init(_ bytes: [UInt8], display: String) {
        self.display = display
        self.bytes = bytes
        exists = true
        endsWithNewline = bytes.last == nil || bytes.last == 0x0A
        var malformed = 0
        var lineNumber = 0
        var start = 0
        let marker = Array(Self.runMarker.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            while let end = buffer[start...].firstIndex(of: 0x0A) {
                lineNumber += 1
                var line = buffer[start..<end]
                start = end + 1
                if line.last == 0x0D { line = line.dropLast() }  // a checkout that turned LF into CRLF
                if line.isEmpty { continue }
                if line.first == 0x23 {
                    if line.starts(with: marker) {
                        let rest = String(decoding: line.dropFirst(marker.count), as: UTF8.self)
                        if let token = RunToken(Substring(rest)), !unfinishedRuns.contains(token) { unfinishedRuns.append(token) }
                    }
                    continue
                }
                guard let (hash, path) = Self.entry(line) else {
                    malformed += 1
                    if malformed <= Self.reportedLines { warnings.append(.malformedLine(display, line: lineNumber)) }
                    continue
                }
                if let problem = SiteWriter.pathProblem(path) {
                    malformed += 1
                    if malformed <= Self.reportedLines {
                        warnings.append(.unsafeEntry(display, line: lineNumber, path: path, problem: problem))
                    }
                    continue
                }
                add(path, hash)
            }
        }
        if malformed > Self.reportedLines { warnings.append(.moreMalformedLines(display, count: malformed - Self.reportedLines)) }
    }

    /// Whether `path` is listed.
    func lists(_ path: String) -> Bool { hashes[path] != nil }

    /// Whether `hash` is one of those listed for `path`.
    func matches(_ path: String, _ hash: String) -> Bool {
        hashes[path] == hash || otherHashes[path]?.contains(hash) == true
    }

    /// Every listed path.
    package var paths: Dictionary<String, String>.Keys { hashes.keys }

    /// Every hash listed for `path`, sorted.
    package func allHashes(_ path: String) -> [String] {
        guard let first = hashes[path] else { return [] }
        return ([first] + (otherHashes[path] ?? [])).sorted()
    }

    // MARK: - Writing

    /// The lines for `entries` (path, hash), sorted, without the header.
    static func lines(_ entries: [(path: String, hash: String)]) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(entries.count * 120)
        for (path, hash) in entries.sorted(by: { ($0.path, $0.hash) < ($1.path, $1.hash) }) {
            text += hash.utf8
            text += [0x20, 0x20]
            text += path.utf8
            text.append(0x0A)
        }
        return text
    }

    /// A whole manifest listing `entries`.
    static func text(_ entries: [(path: String, hash: String)]) -> [UInt8] { header + lines(entries) }

    // MARK: - Reading

    private mutating func add(_ path: String, _ hash: String) {
        guard let first = hashes[path] else {
            hashes[path] = hash
            return
        }
        if first != hash { otherHashes[path, default: []].insert(hash) }
    }

    /// `<64 lowercase hex digits>  <path>`, or nil.
    private static func entry(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> (String, String)? {
        guard line.count > 66 else { return nil }
        let hash = line.prefix(64)
        guard hash.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        let separator = line.index(line.startIndex, offsetBy: 64)
        guard line[separator] == 0x20, line[separator + 1] == 0x20 else { return nil }
        guard let path = String(validating: line[(separator + 2)...], as: UTF8.self) else { return nil }
        return (String(decoding: hash, as: UTF8.self), path)
    }
}
