/// What descriptor text may contain, read as the Markdown it becomes: no raw HTML beyond a few
/// inline elements, links and images only to the targets `URLSafety` allows, and none of the
/// syntax that would pull other content into a tutorial or end its front matter.
///
/// The rules, each a finding at the character where the problem starts:
/// - raw HTML (`<script>`, `<iframe src=…>`, `<img onerror=…>`, `<!-- -->`, `<?…?>`): refused,
///   except ``allowedElements`` written bare (`<br>`, `<br/>`, `<sup>`, `</sup>`…);
/// - links `[text](target)`, autolinks `<scheme:…>` and bare `http://` URLs: the target must pass
///   `URLSafety.linkProblem`; images `![alt](target)` must pass `URLSafety.imageProblem`;
/// - link reference definitions (`[name]: target`): refused, so every target is checked where it
///   is used (an image could otherwise borrow a link's target);
/// - Microsoft Learn's file and embed extensions (`[!INCLUDE`, `[!code`, `[!VIDEO`, `[!div`, and
///   `:::` directives): refused anywhere;
/// - a line of three or more `-`: refused, since it would end the front matter or draw a rule.
///
/// Text inside code spans is code: HTML and links there are shown, not rendered, so they pass.
/// A backslash escapes the next punctuation character, as in CommonMark.
enum MarkdownSafety {
    /// Inline HTML elements descriptor text may use, without attributes.
    static let allowedElements: [String] = ["br", "kbd", "sub", "sup"]
    /// How many problems one text reports at most: one is enough to fix it, and hostile text with
    /// thousands of them must not take long or bury the other messages.
    static let maximumFindings = 10
    /// Microsoft Learn extensions that pull in files or embed content, after `[!`.
    static let learnExtensions: [String] = ["include", "code", "video", "div"]

    /// One problem in a text: where it starts, in Unicode scalars from the text's start, and why.
    struct Finding: Hashable, Sendable {
        /// The offset of the first scalar of the problem.
        var offset: Int
        /// What is wrong, naming the offending text in single quotes: `link 'javascript:x'`.
        var subject: String
        /// Why, and how to fix it: `has the scheme 'javascript:'; links may be …`.
        var reason: String

        /// `subject reason`, for a text that needs no further naming.
        var message: String { "\(subject) \(reason)" }
    }

    /// Every problem in `text`, in order.
    static func findings(in text: String) -> [Finding] {
        guard mightHaveFindings(text) else { return [] }
        var scanner = Scanner(Array(text.unicodeScalars))
        scanner.scan()
        return Array(scanner.findings.sorted { $0.offset < $1.offset }.prefix(maximumFindings))
    }
}

// MARK: - Fast path

extension MarkdownSafety {
    /// Whether `text` holds anything a rule looks at: `<`, `[`, a run of `---` or `:::`, or
    /// `http:`. Most descriptor text holds none, and one pass over its bytes settles it.
    static func mightHaveFindings(_ text: String) -> Bool {
        var dashes = 0
        var colons = 0
        var last4: UInt32 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: "["):
                return true
            case UInt8(ascii: "-"):
                dashes += 1
                if dashes >= 3 { return true }
            case UInt8(ascii: ":"):
                colons += 1
                // "http" just before, in any case: 0x20 folds ASCII letters to lowercase.
                if colons >= 3 || last4 | 0x2020_2020 == 0x6874_7470 { return true }
            default:
                break
            }
            if byte != UInt8(ascii: "-") { dashes = 0 }
            if byte != UInt8(ascii: ":") { colons = 0 }
            last4 = last4 << 8 | UInt32(byte)
        }
        return false
    }
}

// MARK: - Scanner

extension MarkdownSafety {
    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var findings: [Finding] = []
        /// For each scalar, whether it is inside a code span (fences included).
        var inCode: [Bool]
        /// Open `[` brackets: their offsets and whether a `!` made them an image.
        var brackets: [(offset: Int, isImage: Bool)] = []

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
            self.inCode = Array(repeating: false, count: scalars.count)
        }

        mutating func scan() {
            markCodeSpans()
            checkLines()
            // Learn's extensions are refused in code spans too: a preprocessing step may not know them.
            for index in scalars.indices where scalars[index] == "[" && findings.count < MarkdownSafety.maximumFindings {
                checkExtension(at: index)
            }
            var index = 0
            while index < scalars.count && findings.count < MarkdownSafety.maximumFindings {
                if inCode[index] {
                    index += 1
                    continue
                }
                let scalar = scalars[index]
                switch scalar {
                case "\\" where index + 1 < scalars.count && isPunctuation(scalars[index + 1]) && !inCode[index + 1]:
                    index += 2
                    continue
                case "<":
                    index = angle(at: index)
                    continue
                case "[":
                    brackets.append((index, index > 0 && scalars[index - 1] == "!" && !isEscaped(index - 1)))
                case "]":
                    index = closeBracket(at: index)
                    continue
                case "h", "H":
                    index = checkBareURL(at: index)
                    continue
                default:
                    break
                }
                index += 1
            }
        }

        // MARK: Code spans

        /// CommonMark code spans: a run of n backticks up to the next run of exactly n. Linear: for
        /// each run length, a cursor moves forward through the runs of that length.
        mutating func markCodeSpans() {
            var runs: [(start: Int, length: Int)] = []
            var index = 0
            while index < scalars.count {
                if scalars[index] == "\\" && index + 1 < scalars.count && scalars[index + 1] == "`" {
                    // An escaped backtick opens nothing; the run after it starts one later.
                    index += 2
                    continue
                }
                guard scalars[index] == "`" else {
                    index += 1
                    continue
                }
                let start = index
                while index < scalars.count && scalars[index] == "`" { index += 1 }
                runs.append((start, index - start))
            }
            var byLength: [Int: [Int]] = [:]
            for (position, run) in runs.enumerated() { byLength[run.length, default: []].append(position) }
            var cursor: [Int: Int] = [:]
            var position = 0
            while position < runs.count {
                let opener = runs[position]
                let candidates = byLength[opener.length] ?? []
                var next = cursor[opener.length] ?? 0
                while next < candidates.count && candidates[next] <= position { next += 1 }
                cursor[opener.length] = next
                guard next < candidates.count else {
                    position += 1
                    continue
                }
                let closer = runs[candidates[next]]
                for offset in opener.start..<(closer.start + closer.length) { inCode[offset] = true }
                position = candidates[next] + 1
            }
        }

        // MARK: Lines

        /// `---` lines, `:::` directives and `[name]: target` definitions, by line.
        mutating func checkLines() {
            var start = 0
            while start <= scalars.count && findings.count < MarkdownSafety.maximumFindings {
                var end = start
                while end < scalars.count && scalars[end] != "\n" && scalars[end] != "\r" { end += 1 }
                checkLine(start, end)
                if end < scalars.count && scalars[end] == "\r" && end + 1 < scalars.count && scalars[end + 1] == "\n" { end += 1 }
                start = end + 1
            }
        }

        mutating func checkLine(_ start: Int, _ end: Int) {
            var first = start
            while first < end && (scalars[first] == " " || scalars[first] == "\t") { first += 1 }
            let content = scalars[first..<end]
            let trimmed = content.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            if trimmed.count >= 3 && trimmed.allSatisfy({ $0 == "-" }) {
                findings.append(
                    Finding(
                        offset: first, subject: "line '\(String(String.UnicodeScalarView(trimmed)))'",
                        reason: "would end the front matter or draw a rule; remove it or put it in a code block"))
                return
            }
            // Inside quotes too: `> ::: image` is still a directive.
            var marker = first
            while marker < end && (scalars[marker] == ">" || scalars[marker] == " " || scalars[marker] == "\t") { marker += 1 }
            if end - marker >= 3 && scalars[marker] == ":" && scalars[marker + 1] == ":" && scalars[marker + 2] == ":" && !inCode[marker] {
                findings.append(
                    Finding(offset: marker, subject: "':::'", reason: "would embed content the descriptor does not hold; write the text itself"))
            }
            if marker < end && scalars[marker] == "[" && !inCode[marker] {
                var close = marker + 1
                while close < end && scalars[close] != "]" && scalars[close] != "[" {
                    close += scalars[close] == "\\" ? 2 : 1
                }
                if close + 1 < end && scalars[close] == "]" && scalars[close + 1] == ":" && close > marker + 1 {
                    let label = String(String.UnicodeScalarView(scalars[marker...(close + 1)]))
                    findings.append(
                        Finding(
                            offset: marker, subject: "link reference definition '\(label)'",
                            reason: "is not allowed; write the link inline, as '[text](https://…)'"))
                }
            }
        }

        // MARK: HTML and autolinks

        /// Checks what a `<` starts and returns where scanning goes on.
        mutating func angle(at start: Int) -> Int {
            let next = start + 1
            guard next < scalars.count else { return next }
            // An autolink, `<https://…>` or `<mailto:…>`: a scheme, a colon, no spaces or angles.
            if let close = autolinkEnd(from: next) {
                let target = String(String.UnicodeScalarView(scalars[next..<close]))
                if target.contains(":"), let problem = URLSafety.linkProblem(target) {
                    findings.append(Finding(offset: start, subject: "link '\(target)'", reason: problem))
                }
                return close + 1
            }
            let follower = scalars[next]
            let opensTag = isASCIILetter(follower) || (follower == "/" && next + 1 < scalars.count && isASCIILetter(scalars[next + 1]))
            guard opensTag || follower == "!" || follower == "?" else { return next }
            var end = next
            while end < scalars.count && scalars[end] != ">" && end - start < 200 { end += 1 }
            let tag = String(String.UnicodeScalarView(scalars[start..<min(end + 1, scalars.count)]))
            if !isAllowedElement(tag) {
                findings.append(
                    Finding(
                        offset: start, subject: "raw HTML '\(tag)'",
                        reason: "is not allowed; descriptor text may use only "
                            + MarkdownSafety.allowedElements.map { "<\($0)>" }.joined(separator: ", ")
                            + " without attributes, so write '&lt;' or put the text in backticks"))
            }
            return min(end + 1, scalars.count)
        }

        /// Where a CommonMark autolink that starts after `<` at `start` ends (its `>`), or nil.
        func autolinkEnd(from start: Int) -> Int? {
            var index = start
            guard index < scalars.count, isASCIILetter(scalars[index]) else { return nil }
            var sawColon = false
            var sawAt = false
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == ">" { return sawColon || sawAt ? index : nil }
                if scalar == "<" || scalar.value <= 0x20 { return nil }
                if scalar == ":" { sawColon = true }
                if scalar == "@" { sawAt = true }
                index += 1
            }
            return nil
        }

        func isAllowedElement(_ tag: String) -> Bool {
            let lower = tag.lowercased()
            for name in MarkdownSafety.allowedElements {
                if lower == "<\(name)>" || lower == "</\(name)>" { return true }
                if name == "br" && (lower == "<br/>" || lower == "<br />") { return true }
            }
            return false
        }

        // MARK: Links and images

        /// `[!INCLUDE`, `[!code-csharp`, `[!VIDEO`, `[!div`: refused wherever they are.
        mutating func checkExtension(at start: Int) {
            var index = start + 1
            while index < scalars.count && scalars[index] == " " { index += 1 }
            guard index < scalars.count, scalars[index] == "!" else { return }
            index += 1
            var word = ""
            while index < scalars.count && isASCIILetter(scalars[index]) && word.count < 16 {
                word.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard MarkdownSafety.learnExtensions.contains(word.lowercased()) else { return }
            let written = String(String.UnicodeScalarView(scalars[start..<index]))
            findings.append(Finding(offset: start, subject: "'\(written)'", reason: "would pull other content into the tutorial; write the text itself"))
        }

        /// At a `]`: when `(` follows, the target of the link or image the matching `[` opened.
        /// Returns where scanning goes on: past a `<…>` target, which is not HTML.
        mutating func closeBracket(at index: Int) -> Int {
            guard let opener = brackets.popLast() else { return index + 1 }
            let open = index + 1
            guard open < scalars.count, scalars[open] == "(", !inCode[open] else { return index + 1 }
            guard let (target, offset) = destination(after: open) else { return index + 1 }
            var next = index + 1
            if scalars[offset] == "<" {
                var close = offset + 1
                while close < scalars.count && scalars[close] != ">" && scalars[close] != "\n" { close += 1 }
                // An unclosed `<` is no target; what follows it is read as usual.
                if close < scalars.count && scalars[close] == ">" { next = close + 1 }
            }
            if opener.isImage {
                if let problem = URLSafety.imageProblem(target) {
                    findings.append(Finding(offset: offset, subject: "image '\(quotedTarget(target, at: offset))'", reason: problem))
                }
            } else if let problem = URLSafety.linkProblem(target) {
                findings.append(Finding(offset: offset, subject: "link '\(quotedTarget(target, at: offset))'", reason: problem))
            }
            return next
        }

        /// The start of the link destination after `(` at `open`, as CommonMark reads it (`<…>`,
        /// or text up to white space), and where it starts. Only a prefix is read, up to the first
        /// bracket or parenthesis or 300 characters: that decides the scheme and host, and it keeps
        /// the scan linear when destinations overlap (`[a](x[a](x[a](…`).
        func destination(after open: Int) -> (String, Int)? {
            var index = open + 1
            while index < scalars.count && (scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\n" || scalars[index] == "\r") {
                index += 1
            }
            guard index < scalars.count else { return nil }
            let pointy = scalars[index] == "<"
            if pointy { index += 1 }
            let start = index
            var target = String.UnicodeScalarView()
            while index < scalars.count && index - start < 300 {
                let scalar = scalars[index]
                if pointy ? (scalar == ">" || scalar == "\n" || scalar == "\r") : scalar.value <= 0x20 { break }
                if "[]()".unicodeScalars.contains(scalar) { break }
                if scalar == "\\" && index + 1 < scalars.count {
                    target.append(scalar)
                    index += 1
                }
                target.append(scalars[index])
                index += 1
            }
            return (String(target), pointy ? start - 1 : start)
        }

        /// The link's target as written, for a message: from `offset` up to white space or the
        /// parenthesis that closes the link, at most 80 characters.
        func quotedTarget(_ target: String, at offset: Int) -> String {
            if scalars[offset] == "<" {
                var end = offset + 1
                while end < scalars.count && scalars[end] != ">" && scalars[end] != "\n" && end - offset < 80 { end += 1 }
                let text = String(String.UnicodeScalarView(scalars[offset..<min(end + 1, scalars.count)]))
                return end - offset >= 80 ? text + "…" : text
            }
            var end = offset
            var depth = 0
            while end < scalars.count && scalars[end].value > 0x20 && end - offset < 80 {
                if scalars[end] == "(" { depth += 1 }
                if scalars[end] == ")" {
                    if depth == 0 { break }
                    depth -= 1
                }
                end += 1
            }
            let text = String(String.UnicodeScalarView(scalars[offset..<end]))
            return end - offset >= 80 ? text + "…" : text
        }

        /// A bare `http://…`, which GitHub-flavoured Markdown and Learn turn into a link; returns
        /// where scanning goes on, past the URL.
        mutating func checkBareURL(at start: Int) -> Int {
            let prefix = Array("http://".unicodeScalars)
            guard start + prefix.count <= scalars.count,
                (0..<prefix.count).allSatisfy({ scalars[start + $0].properties.lowercaseMapping == String(prefix[$0]) }),
                start == 0 || !isASCIILetter(scalars[start - 1])
            else { return start + 1 }
            var end = start
            while end < scalars.count && scalars[end].value > 0x20 && !"<>()[]".unicodeScalars.contains(scalars[end]) { end += 1 }
            // Inside a link's target it has been checked already.
            if start >= 2 && scalars[start - 1] == "(" && scalars[start - 2] == "]" { return end }
            let url = String(String.UnicodeScalarView(scalars[start..<min(end, start + 80)])) + (end - start > 80 ? "…" : "")
            findings.append(Finding(offset: start, subject: "link '\(url)'", reason: URLSafety.linkProblem(url) ?? ""))
            return end
        }

        // MARK: Characters

        func isEscaped(_ index: Int) -> Bool {
            var backslashes = 0
            var before = index - 1
            while before >= 0 && scalars[before] == "\\" {
                backslashes += 1
                before -= 1
            }
            return backslashes % 2 == 1
        }

        func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        }

        func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(scalar)
        }
    }
}
