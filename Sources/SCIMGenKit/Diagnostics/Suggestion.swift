/// The "did you mean" behind every diagnostic that names something unknown.
///
/// One implementation for the whole project keeps suggestions consistent: the same typo gets the
/// same answer whether it is an attribute name, a schema URN or a command-line option.
public enum Suggestion {
    /// The candidate closest to `name`, or nil when none is close enough to be a likely typo.
    ///
    /// Comparison ignores case (SCIM names and URNs are case-insensitive) and counts insertions,
    /// deletions, substitutions and swaps of two adjacent characters (optimal string alignment).
    /// A candidate qualifies when its distance is at most `max(1, name.count / 3)` (an empty name
    /// has no suggestion); among those
    /// the smallest distance wins and ties go to the candidate listed first, so the answer never
    /// depends on hashing or sort stability.
    public static func closest(to name: String, in candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        guard !target.isEmpty else { return nil }
        let threshold = max(1, target.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            // Length alone bounds the distance from below; skip hopeless candidates cheaply.
            if abs(other.count - target.count) > threshold { continue }
            let distance = Self.distance(target, other)
            if distance <= threshold, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The `; did you mean 'x'?` clause for a message, or an empty string when nothing is close.
    public static func didYouMean(_ name: String, in candidates: [String]) -> String {
        guard let match = closest(to: name, in: candidates) else { return "" }
        return "; did you mean '\(match)'?"
    }

    /// The case-insensitive optimal-string-alignment distance between two strings.
    public static func distance(_ lhs: String, _ rhs: String) -> Int {
        distance(Array(lhs.lowercased()), Array(rhs.lowercased()))
    }
}

// MARK: - Distance

private extension Suggestion {
    /// Optimal string alignment (restricted Damerau–Levenshtein) over three rolling rows.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
