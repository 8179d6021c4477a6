// Text helpers kept in step with swift-argument-parser's `StringExtensions.swift`, so that our
// help wraps and our suggestions pick exactly as theirs do.

extension StringProtocol where SubSequence == Substring {
    /// Wraps at spaces so that lines stay shorter than `columns`, indenting every line.
    ///
    /// A chunk of `columns - wrappingIndent` characters breaks at its last space or newline;
    /// a word longer than that stays whole.
    func wrapped(to columns: Int, wrappingIndent: Int = 0) -> String {
        let columns = columns - wrappingIndent
        guard columns > 0 else { return String(self) }
        var result: [Substring] = []
        var currentIndex = startIndex
        while true {
            let nextChunk = self[currentIndex...].prefix(columns)
            if let lastLineBreak = nextChunk.lastIndex(of: "\n") {
                result.append(
                    contentsOf: self[currentIndex..<lastLineBreak].split(separator: "\n", omittingEmptySubsequences: false))
                currentIndex = index(after: lastLineBreak)
            } else if nextChunk.endIndex == endIndex {
                result.append(self[currentIndex...])
                break
            } else if let lastSpace = nextChunk.lastIndex(of: " ") {
                result.append(self[currentIndex..<lastSpace])
                currentIndex = index(after: lastSpace)
            } else if let nextSpace = self[currentIndex...].firstIndex(of: " ") {
                result.append(self[currentIndex..<nextSpace])
                currentIndex = index(after: nextSpace)
            } else {
                result.append(self[currentIndex...])
                break
            }
        }
        let indent = String(repeating: " ", count: wrappingIndent)
        return result.map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
    }
}

extension String {
    /// The Levenshtein distance, in characters.
    func editDistance(to target: String) -> Int {
        let source = Array(self)
        let target = Array(target)
        guard !source.isEmpty, !target.isEmpty else { return Swift.max(source.count, target.count) }
        var previous = Array(0...target.count)
        var current = previous
        for i in 1...source.count {
            current[0] = i
            for j in 1...target.count {
                current[j] = source[i - 1] == target[j - 1]
                    ? previous[j - 1]
                    : Swift.min(previous[j], current[j - 1], previous[j - 1]) + 1
            }
            swap(&previous, &current)
        }
        return previous[target.count]
    }
}
