extension Template {
    /// Turns source text into nodes in four passes over UTF-8 bytes: tokens (set delimiter tags
    /// take effect here), section matching (the nesting errors), standalone lines (which
    /// whitespace disappears), then the tree.
    struct Parser {
        /// Sections, blocks and parents may nest this deep; deeper is surely a mistake, and the
        /// bound keeps rendering's recursion shallow.
        static let maximumNesting = 100

        private let bytes: [UInt8]
        private let file: String
        /// The last position computed, where the next computation continues.
        private var lastLocated = (offset: 0, position: Template.Position(line: 1, column: 1))
        private var tokens: [Token] = []
        /// For each closing tag, the index of the tag it closes.
        private var openers: [Int] = []
        private var isStandalone: [Bool] = []
        /// The whitespace before each standalone tag.
        private var indentation: [String?] = []
        /// Each text token's bytes once standalone lines are cut out.
        private var textStart: [Int] = []
        private var textEnd: [Int] = []
        /// The text's end was cut because a standalone tag follows: its last line start is no line.
        private var endTrimmed: [Bool] = []

        init(source: String, file: String) {
            self.bytes = Array(source.utf8)
            self.file = file
        }

        mutating func parse() throws(TemplateError) -> [Node] {
            try tokenize()
            try matchSections()
            findStandaloneTags()
            return try buildTree()
        }
    }
}

// MARK: - Tokens

extension Template.Parser {
    struct Token {
        enum Kind: Equatable {
            case text, variable, unescapedVariable, section, invertedSection, close
            case comment, partial, parent, block, setDelimiters

            /// Kinds the spec lets stand alone on a line, which then vanishes from the output.
            var canStandAlone: Bool {
                switch self {
                case .text, .variable, .unescapedVariable: return false
                default: return true
                }
            }

            var opensSection: Bool {
                self == .section || self == .invertedSection || self == .parent || self == .block
            }

            /// The word messages use for what this tag opens.
            var noun: String {
                switch self {
                case .parent: return "parent"
                case .block: return "block"
                default: return "section"
                }
            }
        }

        var kind: Kind
        /// Byte range, delimiters included.
        var start: Int
        var end: Int
        /// Where the tag starts; tags only (text needs none).
        var position = Template.Position(line: 0, column: 0)
        /// The tag's content without surrounding whitespace (`*` then the name for dynamic names).
        var content = ""
        var name: Template.Name?
        /// Transform names, innermost first.
        var transforms: [String] = []
        var partialName: Template.PartialName?
    }

    private mutating func tokenize() throws(TemplateError) {
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var position = 0
        while position < bytes.count {
            guard let tagStart = find(open, from: position, stopAtNewline: false) else {
                tokens.append(Token(kind: .text, start: position, end: bytes.count))
                break
            }
            if tagStart > position {
                tokens.append(Token(kind: .text, start: position, end: tagStart))
            }
            var contentStart = tagStart + open.count
            var kind = Token.Kind.variable
            var closing = close
            if contentStart < bytes.count {
                switch bytes[contentStart] {
                case UInt8(ascii: "{"): kind = .unescapedVariable; closing = [UInt8(ascii: "}")] + close
                case UInt8(ascii: "&"): kind = .unescapedVariable
                case UInt8(ascii: "#"): kind = .section
                case UInt8(ascii: "^"): kind = .invertedSection
                case UInt8(ascii: "/"): kind = .close
                case UInt8(ascii: "!"): kind = .comment
                case UInt8(ascii: ">"): kind = .partial
                case UInt8(ascii: "<"): kind = .parent
                case UInt8(ascii: "$"): kind = .block
                case UInt8(ascii: "="): kind = .setDelimiters; closing = [UInt8(ascii: "=")] + close
                default: break
                }
                if kind != .variable { contentStart += 1 }
            }
            let closingText = String(decoding: closing, as: UTF8.self)
            // Only comments may span lines: a stray '{{' then reports where it is, not pages later.
            guard let contentEnd = find(closing, from: contentStart, stopAtNewline: kind != .comment) else {
                if kind == .comment {
                    throw error(at: tagStart, "comment is never closed; expected '\(closingText)'")
                }
                throw error(at: tagStart, "tag is never closed; expected '\(closingText)' on the same line")
            }
            let end = contentEnd + closing.count
            var token = Token(kind: kind, start: tagStart, end: end)
            token.position = locate(tagStart)
            token.content = normalized(String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self))
            switch kind {
            case .variable, .unescapedVariable:
                (token.name, token.transforms) = try expression(token.content, at: tagStart)
            case .section, .invertedSection:
                token.name = try name(token.content, at: tagStart, tag: "section tag")
            case .partial, .parent:
                token.partialName = try partialName(token.content, at: tagStart, tag: kind == .partial ? "partial tag" : "parent tag")
            case .block:
                try checkWord(token.content, at: tagStart, tag: "block tag")
            case .close:
                try checkWord(token.content, at: tagStart, tag: "closing tag")
            case .setDelimiters:
                (open, close) = try delimiters(token.content, at: tagStart, tag: sourceText(of: token))
            case .comment, .text:
                break
            }
            tokens.append(token)
            position = end
        }
    }

    /// Tag content without surrounding whitespace; `* name` becomes `*name` so closing tags match.
    private func normalized(_ content: String) -> String {
        let trimmed = content.trimmingWhitespace()
        guard trimmed.hasPrefix("*") else { return trimmed }
        return "*" + String(trimmed.dropFirst()).trimmingWhitespace()
    }

    /// `name`, or transform calls around it: `cell(code(name))`. Transform names are checked
    /// against those a render offers, when it renders or by `TemplateLibrary.transformProblems`.
    private func expression(_ content: String, at offset: Int) throws(TemplateError) -> (Template.Name, [String]) {
        var rest = Substring(content)
        var transforms: [String] = []
        // A loop, not recursion: thousands of nested parentheses must not exhaust the stack.
        while let parenthesis = rest.firstIndex(of: "(") {
            let function = rest[..<parenthesis].trimmingWhitespace()
            guard rest.hasSuffix(")"), !function.isEmpty, !function.contains(")") else {
                throw error(at: offset, "malformed transform call '\(content)'; expected 'transform(name)'")
            }
            transforms.append(String(function))
            rest = Substring(rest[rest.index(after: parenthesis)..<rest.index(before: rest.endIndex)].trimmingWhitespace())
        }
        transforms.reverse()
        return (try name(String(rest), at: offset, tag: "tag"), transforms)
    }

    /// A dotted name, or `.`.
    private func name(_ text: String, at offset: Int, tag: String) throws(TemplateError) -> Template.Name {
        try checkWord(text, at: offset, tag: tag)
        if text == "." {
            return Template.Name(components: [], text: text)
        }
        if text.contains("(") || text.contains(")") {
            throw error(at: offset, "invalid name '\(text)'; transforms work only in variable tags")
        }
        let components = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if components.contains(where: \.isEmpty) {
            throw error(at: offset, "invalid name '\(text)'; dotted names need a name between dots")
        }
        return Template.Name(components: components, text: text)
    }

    private func partialName(_ text: String, at offset: Int, tag: String) throws(TemplateError) -> Template.PartialName {
        if text.hasPrefix("*") {
            let dynamic = String(text.dropFirst())
            return .dynamic(try name(dynamic, at: offset, tag: "dynamic \(tag)"))
        }
        try checkWord(text, at: offset, tag: tag)
        return .fixed(text)
    }

    private func checkWord(_ text: String, at offset: Int, tag: String) throws(TemplateError) {
        if text.isEmpty {
            throw error(at: offset, "\(tag) has no name")
        }
        if text.utf8.contains(where: { $0 == .space || $0 == .tab || $0 == .newline || $0 == .carriageReturn }) {
            throw error(at: offset, "invalid name '\(text)'; names cannot contain whitespace")
        }
    }

    private func delimiters(_ content: String, at offset: Int, tag: String) throws(TemplateError) -> ([UInt8], [UInt8]) {
        let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error(
                at: offset,
                "invalid set delimiter tag '\(tag)'; expected two delimiters without '=' separated by whitespace, as in '{{=<% %>=}}'"
            )
        }
        return (Array(parts[0].utf8), Array(parts[1].utf8))
    }

    /// The first occurrence of `needle` at or after `start`; with `stopAtNewline`, only before the
    /// next line break (delimiters never contain one).
    private func find(_ needle: [UInt8], from start: Int, stopAtNewline: Bool) -> Int? {
        guard !needle.isEmpty else { return nil }
        // Knuth-Morris-Pratt: delimiters are the template's own choice and may be long, and a
        // naive search would then take time proportional to their length at every byte.
        var fallback = [0]
        fallback.reserveCapacity(needle.count)
        var matched = 0
        for byte in needle.dropFirst() {
            while matched > 0 && needle[matched] != byte { matched = fallback[matched - 1] }
            if needle[matched] == byte { matched += 1 }
            fallback.append(matched)
        }
        matched = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if stopAtNewline && byte == .newline { return nil }
            while matched > 0 && needle[matched] != byte { matched = fallback[matched - 1] }
            if needle[matched] == byte { matched += 1 }
            if matched == needle.count { return index - needle.count + 1 }
            index += 1
        }
        return nil
    }
}

// MARK: - Sections

extension Template.Parser {
    /// Pairs closing tags with what they close; this is where nesting mistakes are reported.
    private mutating func matchSections() throws(TemplateError) {
        openers = Array(repeating: -1, count: tokens.count)
        var open: [Int] = []
        for index in tokens.indices {
            let token = tokens[index]
            if token.kind.opensSection {
                if open.count >= Self.maximumNesting {
                    throw error(at: token.start, "sections nest deeper than \(Self.maximumNesting) levels")
                }
                open.append(index)
            } else if token.kind == .close {
                guard let opener = open.popLast() else {
                    throw error(at: token.start, "closing tag '\(token.content)' has no open section")
                }
                let opening = tokens[opener]
                guard opening.content == token.content else {
                    throw error(
                        at: token.start,
                        "closing tag '\(token.content)' does not match open \(opening.kind.noun) '\(opening.content)'"
                    )
                }
                openers[index] = opener
            }
        }
        // The innermost unclosed tag is the likeliest culprit.
        if let last = open.last {
            let token = tokens[last]
            throw error(at: token.start, "\(token.kind.noun) '\(token.content)' is never closed")
        }
    }
}

// MARK: - Standalone lines

extension Template.Parser {
    /// Marks tags that stand alone on their line: the line's whitespace and line break vanish.
    ///
    /// Besides single tags, the inheritance spec pairs tags that stand alone together:
    /// `{{<parent}}{{$block}}`, `{{/block}}{{/parent}}`, `{{<parent}}{{/parent}}` and
    /// `{{$block}}{{/block}}` (which keeps its line break: "Standalone block" in the spec).
    private mutating func findStandaloneTags() {
        let count = tokens.count
        isStandalone = Array(repeating: false, count: count)
        indentation = Array(repeating: nil, count: count)
        textStart = tokens.map(\.start)
        textEnd = tokens.map(\.end)
        endTrimmed = Array(repeating: false, count: count)

        for index in tokens.indices where tokens[index].kind.canStandAlone {
            if let lineStart = lineStart(before: index), let lineEnd = lineEnd(after: index) {
                markStandalone(index, lineStart: lineStart)
                cut(after: index, to: lineEnd.end)
            }
        }
        for index in 0..<max(0, count - 1) {
            let first = tokens[index].kind
            let second = tokens[index + 1].kind
            guard first != .text, second != .text, !isStandalone[index], !isStandalone[index + 1] else { continue }
            let closesFirst = openers[index + 1] == index
            let pairs =
                (first == .parent && second == .block)
                || (first == .parent && second == .close && closesFirst)
                || (first == .block && second == .close && closesFirst)
                || (first == .close && second == .close && openers[index] >= 0 && openers[index + 1] >= 0
                    && tokens[openers[index]].kind == .block && tokens[openers[index + 1]].kind == .parent)
            guard pairs, let lineStart = lineStart(before: index), let lineEnd = lineEnd(after: index + 1) else { continue }
            markStandalone(index, lineStart: lineStart)
            if first == .block {
                // Keep the line break; the spec's "Standalone block" expects it.
                cut(after: index + 1, to: lineEnd.end - lineEnd.lineBreak)
            } else {
                isStandalone[index + 1] = true
                indentation[index + 1] = indentation[index]
                cut(after: index + 1, to: lineEnd.end)
            }
        }
    }

    private mutating func markStandalone(_ index: Int, lineStart: Int) {
        isStandalone[index] = true
        indentation[index] = String(decoding: bytes[lineStart..<tokens[index].start], as: UTF8.self)
        if index > 0, tokens[index - 1].kind == .text {
            textEnd[index - 1] = lineStart
            endTrimmed[index - 1] = true
        }
    }

    private mutating func cut(after index: Int, to end: Int) {
        if index + 1 < tokens.count, tokens[index + 1].kind == .text {
            textStart[index + 1] = end
        }
    }

    /// Where the line of the tag at `index` starts, if only spaces and tabs precede the tag.
    private func lineStart(before index: Int) -> Int? {
        guard index > 0 else { return tokens[index].start }
        let previous = tokens[index - 1]
        guard previous.kind == .text else { return nil }
        var position = previous.end
        while position > previous.start, bytes[position - 1].isBlank { position -= 1 }
        if position == 0 { return 0 }
        return bytes[position - 1] == .newline ? position : nil
    }

    /// Where the line of the tag at `index` ends (after its line break), if only spaces and tabs follow.
    private func lineEnd(after index: Int) -> (end: Int, lineBreak: Int)? {
        guard index + 1 < tokens.count else { return (bytes.count, 0) }
        let next = tokens[index + 1]
        guard next.kind == .text else { return nil }
        var position = next.start
        while position < next.end, bytes[position].isBlank { position += 1 }
        if position == bytes.count { return (position, 0) }
        if position == next.end { return nil }
        if bytes[position] == .newline { return (position + 1, 1) }
        if bytes[position] == .carriageReturn, position + 1 < next.end, bytes[position + 1] == .newline {
            return (position + 2, 2)
        }
        return nil
    }
}

// MARK: - Tree

extension Template.Parser {
    private struct OpenSection {
        /// The opening tag's token index; -1 for the template itself.
        var opener: Int
        var nodes: [Template.Node] = []
        /// A parent's overriding blocks.
        var blocks: [Template.Block] = []
        /// The whitespace common to the starts of the non-blank lines inside; nil before the first.
        var margin: [UInt8]?
    }

    private mutating func buildTree() throws(TemplateError) -> [Template.Node] {
        var stack = [OpenSection(opener: -1)]
        // A first line that opens with a tag still starts a line, which indentation must reach.
        if let first = tokens.first, first.kind != .text, !isStandalone[0] {
            stack[0].nodes.append(.text(Template.Text(text: "", lineStarts: [Template.LineStart(offset: 0, whitespace: 0, isBlank: false)])))
        }
        for index in tokens.indices {
            let token = tokens[index]
            let top = stack.count - 1
            let parentOpener = stack[top].opener >= 0 && tokens[stack[top].opener].kind == .parent ? stack[top].opener : nil
            if isStandalone[index], token.kind != .close, let indentation = indentation[index] {
                noteLineIndentation(Array(indentation.utf8), in: &stack[top])
            }
            if let parentOpener, token.kind != .text, token.kind != .comment, token.kind != .setDelimiters,
                token.kind != .block, token.kind != .close
            {
                throw error(
                    at: token.start,
                    "parent '\(tokens[parentOpener].content)' can contain only blocks; found '\(sourceText(of: token))'"
                )
            }
            switch token.kind {
            case .text:
                let (text, indents) = makeText(index)
                for indent in indents { noteLineIndentation(indent, in: &stack[top]) }
                if parentOpener == nil, let text { stack[top].nodes.append(.text(text)) }
            case .comment, .setDelimiters:
                break
            case .variable, .unescapedVariable:
                guard let name = token.name else { continue }
                let variable = Template.Variable(
                    name: name, escapes: token.kind == .variable, transforms: token.transforms, position: token.position)
                stack[top].nodes.append(.variable(variable))
            case .partial:
                guard let name = token.partialName else { continue }
                let partial = Template.Partial(
                    name: name, indentation: isStandalone[index] ? indentation[index] : nil, position: token.position)
                stack[top].nodes.append(.partial(partial))
            case .section, .invertedSection, .parent, .block:
                stack.append(OpenSection(opener: index))
            case .close:
                // Matching guarantees an open section; the guard only keeps the root in place.
                guard stack.count > 1 else { continue }
                let closed = stack.removeLast()
                let outer = stack.count - 1
                if let margin = closed.margin { noteLineIndentation(margin, in: &stack[outer]) }
                if isStandalone[index], let indentation = indentation[index] {
                    noteLineIndentation(Array(indentation.utf8), in: &stack[outer])
                }
                try close(closed, into: &stack[outer])
            }
        }
        return stack[0].nodes
    }

    /// Turns a finished section into its node in the enclosing one.
    private func close(_ section: OpenSection, into outer: inout OpenSection) throws(TemplateError) {
        let opener = tokens[section.opener]
        let position = opener.position
        switch opener.kind {
        case .section, .invertedSection:
            guard let name = opener.name else { return }
            outer.nodes.append(
                .section(Template.Section(name: name, isInverted: opener.kind == .invertedSection, content: section.nodes, position: position)))
        case .parent:
            guard let name = opener.partialName else { return }
            let indentation = isStandalone[section.opener] ? indentation[section.opener] : nil
            outer.nodes.append(.parent(Template.Parent(name: name, blocks: section.blocks, indentation: indentation, position: position)))
        case .block:
            let standalone = isStandalone[section.opener]
            let block = Template.Block(
                name: opener.content,
                content: section.nodes,
                isStandalone: standalone,
                indentation: indentation[section.opener] ?? "",
                margin: standalone ? String(decoding: section.margin ?? [], as: UTF8.self) : "",
                position: position)
            if outer.opener >= 0, tokens[outer.opener].kind == .parent {
                if outer.blocks.contains(where: { $0.name == block.name }) {
                    throw error(at: opener.start, "block '\(block.name)' appears twice in parent '\(tokens[outer.opener].content)'")
                }
                outer.blocks.append(block)
            } else {
                outer.nodes.append(.block(block))
            }
        default:
            break
        }
    }

    /// The text node for a text token, and the indentation of each non-blank line it starts.
    private func makeText(_ index: Int) -> (Template.Text?, [[UInt8]]) {
        let start = textStart[index]
        let end = textEnd[index]
        guard start <= end else { return (nil, []) }
        var lineStarts: [Template.LineStart] = []
        var indents: [[UInt8]] = []
        func addLine(at position: Int) {
            if position == end {
                // The line opens with the tag that follows, unless a standalone tag took the line away.
                guard !endTrimmed[index], end < bytes.count else { return }
                lineStarts.append(Template.LineStart(offset: position - start, whitespace: 0, isBlank: false))
                indents.append([])
                return
            }
            var cursor = position
            while cursor < end, bytes[cursor].isBlank { cursor += 1 }
            let isBlank: Bool
            if cursor < end {
                isBlank = bytes[cursor] == .newline
                    || (bytes[cursor] == .carriageReturn && cursor + 1 < bytes.count && bytes[cursor + 1] == .newline)
            } else {
                isBlank = cursor == bytes.count
            }
            lineStarts.append(Template.LineStart(offset: position - start, whitespace: cursor - position, isBlank: isBlank))
            if !isBlank { indents.append(Array(bytes[position..<cursor])) }
        }
        if start == 0 || bytes[start - 1] == .newline { addLine(at: start) }
        var position = start
        while position < end {
            if bytes[position] == .newline { addLine(at: position + 1) }
            position += 1
        }
        if start == end && lineStarts.isEmpty { return (nil, indents) }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        return (Template.Text(text: text, lineStarts: lineStarts), indents)
    }

    private func noteLineIndentation(_ indentation: [UInt8], in section: inout OpenSection) {
        guard let margin = section.margin else {
            section.margin = indentation
            return
        }
        var length = 0
        while length < margin.count, length < indentation.count, margin[length] == indentation[length] { length += 1 }
        if length < margin.count { section.margin = Array(margin[..<length]) }
    }
}

// MARK: - Locations

extension Template.Parser {
    /// The position of a byte offset. Tokens ask in increasing order, so each call continues from
    /// the last answer: columns of a long one-line template cost linear time, not quadratic.
    private mutating func locate(_ offset: Int) -> Template.Position {
        if offset < lastLocated.offset {
            lastLocated = (0, Template.Position(line: 1, column: 1))
        }
        var (cursor, position) = lastLocated
        while cursor < offset {
            if bytes[cursor] == .newline {
                position.line += 1
                position.column = 1
            } else if bytes[cursor] & 0xC0 != 0x80 {
                // Count Unicode scalars: UTF-8 continuation bytes are not new columns.
                position.column += 1
            }
            cursor += 1
        }
        lastLocated = (offset, position)
        return position
    }

    /// An error at a byte offset; errors are rare, so this one counts from the start.
    private func error(at offset: Int, _ message: String) -> TemplateError {
        var locator = self
        locator.lastLocated = (0, Template.Position(line: 1, column: 1))
        let position = locator.locate(offset)
        return TemplateError(file: file, line: position.line, column: position.column, message: message)
    }

    private func sourceText(of token: Token) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }
}

// MARK: - Helpers

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// Spaces and tabs: the whitespace that may surround a standalone tag.
    var isBlank: Bool { self == .space || self == .tab }
}

extension StringProtocol {
    /// Without surrounding spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        let isWhitespace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isWhitespace($0) }), let last = lastIndex(where: { !isWhitespace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
