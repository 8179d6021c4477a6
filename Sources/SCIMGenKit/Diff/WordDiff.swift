/// A change inside one text, word by word, written as `git diff --word-diff` writes it:
/// `…copy it. [-This value-]{+The token+} is shown once…`.
///
/// Long texts that differ in a few words otherwise read the same when both are cut at one length;
/// here only the changed words and a few words around them are shown.
public struct WordDiff: Hashable, Sendable {
    /// One run of the merged text.
    public enum Segment: Hashable, Sendable {
        /// Text both sides share.
        case same(String)
        /// Text only the old side has.
        case removed(String)
        /// Text only the new side has.
        case added(String)
    }

    /// The merged text, in order.
    public var segments: [Segment]

    /// Words kept on each side of a change; the shared text beyond them is written `…`.
    public static let context = 5

    /// Compares two texts word by word (words, runs of spaces and single punctuation marks).
    public init(old: String, new: String) {
        let a = Self.tokens(old)
        let b = Self.tokens(new)
        var segments: [Segment] = []
        for edit in UnifiedDiff.editScript(a, b) {
            switch edit.kind {
            case .keep: segments.append(.same(a[edit.oldIndex!]))
            case .delete: segments.append(.removed(a[edit.oldIndex!]))
            case .insert: segments.append(.added(b[edit.newIndex!]))
            }
        }
        self.segments = Self.merged(Self.absorbingSpaces(segments))
    }

    /// Whether the texts are the same.
    public var isEmpty: Bool {
        segments.allSatisfy { if case .same = $0 { return true } else { return false } }
    }

    /// The changes with `context` words around each, in git's word-diff notation; line breaks as `\n`.
    public var text: String {
        var out = ""
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .removed(let text): out += "[-" + Self.visible(text) + "-]"
            case .added(let text): out += "{+" + Self.visible(text) + "+}"
            case .same(let text):
                let tokens = Self.tokens(text)
                let keepsStart = index > 0
                let keepsEnd = index < segments.count - 1
                let words = tokens.indices.filter { Self.isWord(tokens[$0]) }
                if words.count <= (keepsStart ? Self.context : 0) + (keepsEnd ? Self.context : 0) + 1 {
                    out += Self.visible(text)
                    continue
                }
                if keepsStart {
                    // Through the last kept word and the punctuation attached to it.
                    var end = words[Self.context - 1]
                    while end + 1 < tokens.count, !tokens[end + 1].first!.isWhitespace, !Self.isWord(tokens[end + 1]) {
                        end += 1
                    }
                    out += Self.visible(tokens[...end].joined())
                }
                out += "…"
                if keepsEnd {
                    var start = words[words.count - Self.context]
                    while start > 0, !tokens[start - 1].first!.isWhitespace, !Self.isWord(tokens[start - 1]) { start -= 1 }
                    out += Self.visible(tokens[start...].joined())
                }
            }
        }
        return out
    }
}

// MARK: - Tokens

extension WordDiff {
    /// Words (letters and digits), runs of white space, and every other character alone.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentKind = 0
        for character in text {
            let kind = character.isLetter || character.isNumber ? 1 : character.isWhitespace ? 2 : 3
            if kind == currentKind && kind != 3 {
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(current) }
                current = String(character)
                currentKind = kind
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// Letters and digits: the words context is counted in (punctuation comes along for free).
    static func isWord(_ token: String) -> Bool { token.first.map { $0.isLetter || $0.isNumber } ?? false }

    /// Line breaks and other control characters made visible, so that the result stays on one line.
    static func visible(_ text: String) -> String { MarkdownInline.oneLine(text, limit: .max) }

    /// A space between two changed words belongs to the change: `[-a b-]` reads better than `[-a-] [-b-]`.
    static func absorbingSpaces(_ segments: [Segment]) -> [Segment] {
        var result = segments
        var index = 1
        while index < result.count - 1 {
            if case .same(let text) = result[index], text.allSatisfy(\.isWhitespace),
                !Self.isSame(result[index - 1]), !Self.isSame(result[index + 1])
            {
                result[index] = .removed(text)
                result.insert(.added(text), at: index + 1)
                index += 2
            } else {
                index += 1
            }
        }
        return result
    }

    /// Neighbouring runs of one kind joined, and within a change the removed text before the added.
    static func merged(_ segments: [Segment]) -> [Segment] {
        var result: [Segment] = []
        var index = 0
        while index < segments.count {
            if case .same(let text) = segments[index] {
                if case .same(let previous)? = result.last {
                    result[result.count - 1] = .same(previous + text)
                } else {
                    result.append(.same(text))
                }
                index += 1
                continue
            }
            var removed = ""
            var added = ""
            while index < segments.count, !isSame(segments[index]) {
                switch segments[index] {
                case .removed(let text): removed += text
                case .added(let text): added += text
                case .same: break
                }
                index += 1
            }
            if !removed.isEmpty { result.append(.removed(removed)) }
            if !added.isEmpty { result.append(.added(added)) }
        }
        return result
    }

    static func isSame(_ segment: Segment) -> Bool {
        if case .same = segment { return true }
        return false
    }
}
