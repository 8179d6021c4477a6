/// How two sets of files differ, file by file, with a compact excerpt of each change.
///
/// `diff` renders both sides of a change (descriptors, shared templates, per-vendor overrides) and
/// compares what generation writes, so that a template edit shows its effect on every tutorial.
/// Files are added in batches, so that thousands of vendors never sit in memory at once.
public struct OutputDiff: Hashable, Sendable {
    /// One file that differs.
    public struct File: Hashable, Sendable {
        /// Whether the file appeared, disappeared or changed.
        public enum Status: String, Hashable, Sendable {
            case added, removed, changed
        }

        /// The path relative to the output folder, such as `lusid/tutorial.md`.
        public var path: String
        /// The status.
        public var status: Status
        /// Lines only the new file has.
        public var linesAdded: Int
        /// Lines only the old file has.
        public var linesRemoved: Int
        /// The change (changed files only): `@@` lines locating each hunk, then `-` and `+` lines,
        /// or `~` lines with a word diff of a long line that changed in a few words.
        public var excerpt: [String]

        /// Creates an entry.
        public init(path: String, status: Status, linesAdded: Int, linesRemoved: Int, excerpt: [String]) {
            self.path = path
            self.status = status
            self.linesAdded = linesAdded
            self.linesRemoved = linesRemoved
            self.excerpt = excerpt
        }

        /// The vendor the file belongs to (its first path segment), or nil for a site-wide file.
        public var vendor: String? {
            guard let slash = path.firstIndex(of: "/") else { return nil }
            return String(path[..<slash])
        }

        /// The excerpt without its locating lines: equal for two files that change the same way.
        var change: [String] { excerpt.filter { !$0.hasPrefix("@@") } }
    }

    /// The files that differ, sorted by path.
    public private(set) var files: [File] = []

    /// Lines a file's excerpt keeps at most.
    public static let excerptLimit = 40
    /// Lines longer than this are shown as a word diff when they changed in a few words, else cut.
    public static let longLine = 100

    /// An empty diff.
    public init() {}

    /// Compares two renderings of the same vendors (or two sets of files) and keeps what differs.
    public mutating func add(old: [String: [UInt8]], new: [String: [UInt8]]) {
        var found: [File] = []
        for path in Set(old.keys).union(new.keys) {
            switch (old[path], new[path]) {
            case (nil, let bytes?):
                found.append(File(path: path, status: .added, linesAdded: Self.lineCount(bytes), linesRemoved: 0, excerpt: []))
            case (let bytes?, nil):
                found.append(File(path: path, status: .removed, linesAdded: 0, linesRemoved: Self.lineCount(bytes), excerpt: []))
            case (let a?, let b?) where a != b:
                found.append(Self.changed(path: path, old: a, new: b))
            default:
                break
            }
        }
        files = (files + found).sorted { $0.path < $1.path }
    }

    /// Whether nothing differs.
    public var isEmpty: Bool { files.isEmpty }
}

// MARK: - Excerpts

extension OutputDiff {
    static func lineCount(_ bytes: [UInt8]) -> Int {
        UnifiedDiff.lines(String(decoding: bytes, as: UTF8.self)).count
    }

    static func changed(path: String, old: [UInt8], new: [UInt8]) -> File {
        let a = UnifiedDiff.lines(String(decoding: old, as: UTF8.self))
        let b = UnifiedDiff.lines(String(decoding: new, as: UTF8.self))
        let script = UnifiedDiff.editScript(a, b)
        var excerpt: [String] = []
        var added = 0
        var removed = 0
        for hunk in UnifiedDiff.hunks(script, context: 0) {
            let removedLines = hunk.filter { $0.kind == .delete }.map { a[$0.oldIndex!] }
            let addedLines = hunk.filter { $0.kind == .insert }.map { b[$0.newIndex!] }
            removed += removedLines.count
            added += addedLines.count
            guard excerpt.count < excerptLimit else { continue }
            let line = hunk.first { $0.newIndex != nil }?.newIndex ?? hunk.first?.oldIndex ?? 0
            let before = (hunk.first?.oldIndex).map { a[..<$0] } ?? a[...]
            let heading = before.last { $0.hasPrefix("#") }.map { " " + Self.trimmed($0) } ?? ""
            excerpt.append("@@ \(path):\(line + 1) @@" + heading)
            for index in 0..<max(removedLines.count, addedLines.count) {
                let old = index < removedLines.count ? removedLines[index] : nil
                let new = index < addedLines.count ? addedLines[index] : nil
                if let old, let new, max(old.count, new.count) > longLine, similar(old, new) {
                    excerpt.append("~" + WordDiff(old: Self.trimmed(old), new: Self.trimmed(new)).text)
                    continue
                }
                if let old { excerpt.append("-" + Self.cut(old)) }
                if let new { excerpt.append("+" + Self.cut(new)) }
            }
        }
        if excerpt.count > excerptLimit {
            excerpt = Array(excerpt.prefix(excerptLimit)) + ["@@ … \(path): more changes @@"]
        }
        return File(path: path, status: .changed, linesAdded: added, linesRemoved: removed, excerpt: excerpt)
    }

    /// Two lines share at least a third of their words, so that a word diff of them reads as an edit.
    static func similar(_ a: String, _ b: String) -> Bool {
        let x = Set(a.split(whereSeparator: \.isWhitespace))
        let y = Set(b.split(whereSeparator: \.isWhitespace))
        let union = x.union(y).count
        return union == 0 || Double(x.intersection(y).count) / Double(union) >= 1.0 / 3
    }

    /// A line without its carriage return.
    static func trimmed(_ line: String) -> String {
        line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    /// A line cut at twice `longLine` characters.
    static func cut(_ line: String) -> String {
        let line = WordDiff.visible(trimmed(line))
        return line.count > 2 * longLine ? String(line.prefix(2 * longLine - 1)) + "…" : line
    }
}
