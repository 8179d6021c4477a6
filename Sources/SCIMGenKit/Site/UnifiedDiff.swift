/// A line diff in unified format, short enough for a terminal or a CI log.
public enum UnifiedDiff {
    /// The diff of two texts with three lines of context, cut after `maxLines` lines of hunks.
    public static func make(old: String, new: String, oldName: String, newName: String, maxLines: Int = .max) -> String {
        let a = lines(old)
        let b = lines(new)
        let script = editScript(a, b)
        // A carriage return is shown only when the two sides disagree on line ends; otherwise both
        // sides' lines read as they do in an editor.
        let showsReturns = a.contains { $0.hasSuffix("\r") } != b.contains { $0.hasSuffix("\r") }
        let shown = { (line: String) in
            guard line.hasSuffix("\r") else { return line }
            return showsReturns ? String(line.dropLast()) + "␍" : String(line.dropLast())
        }
        var out = ["--- \(oldName)", "+++ \(newName)"]
        var hunkLines = 0
        var truncated = false
        for hunk in hunks(script, context: 3) {
            if hunkLines >= maxLines {
                truncated = true
                break
            }
            let oldStart = hunk.first { $0.oldIndex != nil }?.oldIndex ?? 0
            let newStart = hunk.first { $0.newIndex != nil }?.newIndex ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out.append("@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@")
            for edit in hunk {
                if hunkLines >= maxLines {
                    truncated = true
                    break
                }
                switch edit.kind {
                case .keep: out.append(" " + shown(a[edit.oldIndex!]))
                case .delete: out.append("-" + shown(a[edit.oldIndex!]))
                case .insert: out.append("+" + shown(b[edit.newIndex!]))
                }
                hunkLines += 1
            }
        }
        if truncated { out.append("... diff cut after \(maxLines) lines") }
        return out.joined(separator: "\n") + "\n"
    }

    struct Edit {
        enum Kind { case keep, delete, insert }
        var kind: Kind
        var oldIndex: Int?
        var newIndex: Int?
    }

    /// The lines of a text, each with the carriage return of a CRLF line end kept.
    ///
    /// Split on the scalar `\n`, not the character: Swift reads `\r\n` as one character, so splitting
    /// on characters would leave a CRLF file (the mapping CSV) as one long line.
    static func lines(_ text: String) -> [String] {
        var result = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
        if result.last == "" { result.removeLast() }
        return result
    }

    /// An edit script by Myers' O(ND) algorithm, with common prefix and suffix trimmed first.
    static func editScript(_ a: [String], _ b: [String]) -> [Edit] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let x = Array(a[prefix..<(a.count - suffix)])
        let y = Array(b[prefix..<(b.count - suffix)])
        var edits: [Edit] = (0..<prefix).map { Edit(kind: .keep, oldIndex: $0, newIndex: $0) }
        edits += myers(x, y).map { edit in
            Edit(kind: edit.kind, oldIndex: edit.oldIndex.map { $0 + prefix }, newIndex: edit.newIndex.map { $0 + prefix })
        }
        edits += (0..<suffix).map {
            Edit(kind: .keep, oldIndex: a.count - suffix + $0, newIndex: b.count - suffix + $0)
        }
        return edits
    }

    /// The largest edit distance worked out line by line. Myers keeps one row of furthest reaches per
    /// step, so memory grows with the square of the distance; past this bound (a planted file of
    /// thousands of lines that share nothing with the generated one) the changed middle is shown as
    /// deleted, then inserted, which costs no more than reading it.
    static let maximumEditDistance = 2_000

    private static func myers(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count
        let m = b.count
        let replaced = { (0..<n).map { Edit(kind: .delete, oldIndex: $0, newIndex: nil) } + (0..<m).map { Edit(kind: .insert, oldIndex: nil, newIndex: $0) } }
        if n == 0 || m == 0 { return replaced() }
        // Very different large files, or more edits than the bound (at least the difference in length):
        // a plain delete-then-insert keeps the cost bounded.
        if n * m > 4_000_000 || abs(n - m) > maximumEditDistance { return replaced() }
        let max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        // Row d keeps only the diagonals -d...d that step d can reach: d² entries in all, not d·(n+m).
        var trace: [[Int]] = []
        var reached = false
        outer: for d in 0...Swift.min(max, maximumEditDistance) {
            trace.append(Array(v[(max - d)...(max + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) {
                    x = v[max + k + 1]
                } else {
                    x = v[max + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[max + k] = x
                if x >= n && y >= m {
                    reached = true
                    break outer
                }
            }
        }
        guard reached else { return replaced() }
        var edits: [Edit] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let row = trace[d]
            let v = { (k: Int) in row[k + d] }
            let k = x - y
            let previousK = (k == -d || (k != d && v(k - 1) < v(k + 1))) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v(previousK)
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
                edits.append(Edit(kind: .keep, oldIndex: x, newIndex: y))
            }
            if d > 0 {
                if x == previousX {
                    y -= 1
                    edits.append(Edit(kind: .insert, oldIndex: nil, newIndex: y))
                } else {
                    x -= 1
                    edits.append(Edit(kind: .delete, oldIndex: x, newIndex: nil))
                }
            }
        }
        return edits.reversed()
    }

    /// Groups changes with `context` unchanged lines around them.
    static func hunks(_ script: [Edit], context: Int) -> [[Edit]] {
        let changed = script.indices.filter { script[$0].kind != .keep }
        guard !changed.isEmpty else { return [] }
        var ranges: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(script.count - 1, index + context)
            if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        return ranges.map { Array(script[$0]) }
    }
}
