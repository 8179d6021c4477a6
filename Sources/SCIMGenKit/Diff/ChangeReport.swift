/// Everything a change does to a project, for its reviewer: what changed in the descriptors, which
/// templates changed, and how every generated file changes as a result.
///
/// `markdown()` is a pull-request comment: the semantic summary first (`VendorSetDiff`), then the
/// templates, then the generated files vendor by vendor, each changed file with a compact diff of its
/// rendered text. A change that several files share (a shared template edit reaches every tutorial)
/// is shown once. Past a screenful the rest is counted, not shown. `json()` holds every fact.
public struct ChangeReport: Sendable {
    /// What changed in the descriptors.
    public var descriptors: VendorSetDiff
    /// Template files that changed: shared ones and per-vendor overrides, by their path in the project.
    public var templates: OutputDiff
    /// Generated files that change, by their path in the output folder.
    public var outputs: OutputDiff
    /// Vendor display names by id (the new name, or the old one for a removed vendor).
    public var names: [String: String]

    /// Lines of generated-file excerpts the Markdown shows before it only counts: about a screenful.
    public static let screenful = 50

    /// Creates a report.
    public init(descriptors: VendorSetDiff, templates: OutputDiff, outputs: OutputDiff, names: [String: String]) {
        self.descriptors = descriptors
        self.templates = templates
        self.outputs = outputs
        self.names = names
    }

    /// Whether nothing that reaches the output changed.
    public var isEmpty: Bool { descriptors.isEmpty && templates.isEmpty && outputs.isEmpty }
}

// MARK: - Markdown

extension ChangeReport {
    /// The pull-request comment, ending with a newline; `No changes.` alone when nothing changed.
    public func markdown() -> String {
        guard !isEmpty else { return "No changes.\n" }
        var blocks: [String] = []
        if descriptors.isEmpty {
            blocks.append("## scimgen diff: no descriptor changed")
        } else {
            blocks.append(descriptors.markdown().trimmingTrailingNewlines)
        }
        if !templates.isEmpty {
            let count = templates.files.count
            blocks.append("## Templates: \(count == 1 ? "1 file" : "\(count) files") changed")
            blocks.append(templates.files.map { "- " + Self.fileLine($0, name: $0.path) }.joined(separator: "\n"))
        }
        if !outputs.isEmpty {
            blocks += outputBlocks()
        } else {
            blocks.append("## Generated files: none change")
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func outputBlocks() -> [String] {
        let groups = Dictionary(grouping: outputs.files) { $0.vendor ?? "" }
        let ids = groups.keys.sorted { ($0.isEmpty ? "\u{10FFFF}" : $0) < ($1.isEmpty ? "\u{10FFFF}" : $1) }
        let vendorCount = groups.keys.filter { !$0.isEmpty }.count
        var blocks = [
            "## Generated files: \(Self.count(outputs.files.count, "file")) in \(Self.count(vendorCount, "vendor")) "
                + (outputs.files.count == 1 ? "changes" : "change")
        ]
        // A vendor whose every file changes as an earlier file did (a shared partial edited) gets no
        // section of its own: its files are counted beside the first file that changed that way.
        var first: [[String]: String] = [:]
        var folded: [String: [String]] = [:]
        var foldedVendors = Set<String>()
        for id in ids {
            let files = groups[id]!
            let repeats = files.allSatisfy { $0.status == .changed && first[$0.change] != nil }
            for file in files where file.status == .changed && first[file.change] == nil { first[file.change] = file.path }
            guard repeats, !id.isEmpty else { continue }
            foldedVendors.insert(id)
            for file in files { folded[first[file.change]!, default: []].append(file.path) }
        }
        let byPath = Dictionary(outputs.files.map { ($0.path, $0) }) { a, _ in a }
        var budget = Self.screenful
        var shown = Set<[String]>()
        var hidden: [OutputDiff.File] = []
        var hiddenVendors = 0
        for id in ids where !foldedVendors.contains(id) {
            let files = groups[id]!
            guard budget > 0 else {
                hidden += files + files.flatMap { file in (folded[file.path] ?? []).compactMap { byPath[$0] } }
                hiddenVendors += id.isEmpty ? 0 : 1
                continue
            }
            let title = id.isEmpty
                ? "### Site index"
                : "### \(MarkdownInline.plain(names[id] ?? id)) (\(MarkdownInline.code(id)))"
            var lines: [String] = []
            var excerpt: [String] = []
            // A vendor that appears or goes: its files in one line, not one line each.
            if files.count > Self.sameChangeListed, let status = files.first?.status, status != .changed,
                files.allSatisfy({ $0.status == status })
            {
                let count = files.reduce(0) { $0 + (status == .added ? $1.linesAdded : $1.linesRemoved) }
                let listed = files.prefix(Self.sameChangeListed).map { MarkdownInline.code($0.path, limit: MarkdownInline.identifierLimit) }
                blocks.append(
                    title + "\n\n- \(Self.count(files.count, "file")) \(status.rawValue) (\(Self.count(count, "line"))): "
                        + listed.joined(separator: ", ") + " and \(files.count - listed.count) more")
                budget -= 3
                continue
            }
            for file in files {
                var line = "- " + Self.fileLine(file, name: file.path)
                if file.status == .changed {
                    if let original = first[file.change], original != file.path {
                        line += ", the same change as " + MarkdownInline.code(original, limit: MarkdownInline.identifierLimit)
                    } else if budget > 0, shown.insert(file.change).inserted {
                        let taken = Array(file.excerpt.prefix(budget))
                        budget -= taken.count
                        excerpt += taken
                        if taken.count < file.excerpt.count { excerpt.append("@@ … \(file.path): more changes @@") }
                    }
                }
                if let same = folded[file.path] { line += "; " + Self.sameChange(in: same) }
                lines.append(line)
                budget -= 1
            }
            budget -= 2
            var block = title + "\n\n" + lines.joined(separator: "\n")
            if !excerpt.isEmpty { block += "\n\n" + Self.fenced(excerpt) }
            blocks.append(block)
        }
        if !hidden.isEmpty {
            let added = hidden.reduce(0) { $0 + $1.linesAdded }
            let removed = hidden.reduce(0) { $0 + $1.linesRemoved }
            let whose = hiddenVendors == 0 ? "" : " of \(Self.count(hiddenVendors, "more vendor"))"
            blocks.append(
                "… and \(Self.count(hidden.count, "more file"))\(whose) (+\(added) −\(removed) lines); "
                    + "'scimgen diff --format json' lists every file")
        }
        return blocks
    }

    /// `the same change in 3 more files: `b/tutorial.md`, `c/tutorial.md`, `d/tutorial.md``, the
    /// list cut after a few.
    static func sameChange(in paths: [String]) -> String {
        let listed = paths.prefix(sameChangeListed).map { MarkdownInline.code($0, limit: MarkdownInline.identifierLimit) }
        let rest = paths.count - listed.count
        return "the same change in \(count(paths.count, "more file")): " + listed.joined(separator: ", ")
            + (rest > 0 ? " and \(rest) more" : "")
    }

    /// How many files with the same change are named before the rest are counted.
    static let sameChangeListed = 5

    /// `` `lusid/tutorial.md` (+2 −2) ``, `added (12 lines)` or `removed (12 lines)`.
    static func fileLine(_ file: OutputDiff.File, name: String) -> String {
        let path = MarkdownInline.code(name, limit: MarkdownInline.identifierLimit)
        switch file.status {
        case .added: return "\(path) added (\(count(file.linesAdded, "line")))"
        case .removed: return "\(path) removed (\(count(file.linesRemoved, "line")))"
        case .changed: return "\(path) (+\(file.linesAdded) −\(file.linesRemoved))"
        }
    }

    /// A `diff` code block, its fence longer than any run of backticks inside.
    static func fenced(_ lines: [String]) -> String {
        let text = lines.joined(separator: "\n")
        let fence = MarkdownText.codeFence(for: text)
        return "\(fence)diff\n\(text)\n\(fence)"
    }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}

// MARK: - JSON

extension ChangeReport {
    /// Every fact as JSON for tools: `VendorSetDiff.json()`'s keys, plus `templates` and `outputs`,
    /// each a list of `{path, status, added, removed, excerpt}`; write it with `JSONWriter`.
    public func json() -> JSONValue {
        var members: [JSONValue.Member] = [.init("changed", .bool(!isEmpty))]
        if case .object(let semantic) = descriptors.json() {
            members += semantic.filter { $0.key != "changed" }
        }
        members.append(.init("templates", .array(templates.files.map(Self.json))))
        members.append(.init("outputs", .array(outputs.files.map(Self.json))))
        return .object(members)
    }

    static func json(_ file: OutputDiff.File) -> JSONValue {
        .object([
            .init("path", .string(file.path)),
            .init("status", .string(file.status.rawValue)),
            .init("added", .int(file.linesAdded)),
            .init("removed", .int(file.linesRemoved)),
            .init("excerpt", .array(file.excerpt.map(JSONValue.string))),
        ])
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
