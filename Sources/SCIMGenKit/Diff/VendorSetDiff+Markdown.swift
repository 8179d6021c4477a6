extension VendorSetDiff {
    /// The most bullets one area shows in Markdown; the JSON lists them all.
    static let bulletsPerArea = 12

    /// A pull-request comment: a title, then each differing vendor by id with its changes grouped by area.
    ///
    /// `No changes.` alone when the sets agree. Values are quoted in code spans, cut at 80 characters
    /// and kept on one line; an item's changed fields share one bullet. Ends with a newline.
    public func markdown() -> String {
        guard !isEmpty else { return "No changes.\n" }
        var blocks = ["## scimgen diff: \(vendors.count) \(vendors.count == 1 ? "vendor" : "vendors") changed"]
        for vendor in vendors {
            blocks.append("### \(MarkdownInline.plain(vendor.name)) (\(MarkdownInline.code(vendor.id)))")
            switch vendor.status {
            case .added: blocks.append((["Vendor added."] + vendor.summary.map { "- " + $0 }).joined(separator: "\n"))
            case .removed: blocks.append((["Vendor removed."] + vendor.summary.map { "- " + $0 }).joined(separator: "\n"))
            case .changed: blocks += Self.areaBlocks(vendor.changes)
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }
}

// MARK: - Bullets

private extension VendorSetDiff {
    static func areaBlocks(_ changes: [Change]) -> [String] {
        Change.Area.allCases.compactMap { area in
            var bullets = self.bullets(changes.filter { $0.area == area })
            guard !bullets.isEmpty else { return nil }
            if bullets.count > bulletsPerArea {
                let hidden = bullets.count - bulletsPerArea + 1
                bullets = bullets.prefix(bulletsPerArea - 1) + ["- … and \(hidden) more (see the JSON output)"]
            }
            return (["**\(area.title)**", ""] + bullets).joined(separator: "\n")
        }
    }

    /// One bullet per added or removed item, and one per changed item with all its changed fields.
    static func bullets(_ changes: [Change]) -> [String] {
        var bullets: [String] = []
        var index = 0
        while index < changes.count {
            let change = changes[index]
            switch change.kind {
            case .added:
                bullets.append("- added " + describe(change, detail: change.new))
                index += 1
            case .removed:
                bullets.append("- removed " + describe(change, detail: change.old))
                index += 1
            case .changed:
                var group = [change]
                index += 1
                while index < changes.count, changes[index].kind == .changed, changes[index].item == change.item {
                    group.append(changes[index])
                    index += 1
                }
                bullets.append(changed(group))
            }
        }
        return bullets
    }

    /// `` `userName` (String) `` for a value item, `step 4: Click **Save**.` for a labelled one.
    static func describe(_ change: Change, detail: String?) -> String {
        guard change.isLabel else {
            return item(change) + (detail.map { " (\(MarkdownInline.plain($0)))" } ?? "")
        }
        let isProse = change.area == .credentialSteps && change.item.hasPrefix("step ")
        return change.item + (detail.map { ": " + (isProse ? prose($0) : MarkdownInline.code($0)) } ?? "")
    }

    static func changed(_ group: [Change]) -> String {
        let first = group[0]
        // Edited prose is named by its edit: the new text again before it would say everything twice.
        if isProse(first.area), let edit = group.first(where: { $0.field == "text" }) {
            let rest = group.filter { $0.field != "text" && ($0.old != nil || $0.new != nil) }
                .map { ($0.field.map { "\($0): " } ?? "") + values($0.old, $0.new) }
            return "- edited: " + ([values(edit.old, edit.new)] + rest).joined(separator: "; ")
        }
        let head = first.isLabel ? first.item : item(first)
        let parts = group.compactMap { change -> String? in
            guard change.old != nil || change.new != nil else { return nil }
            return (change.field.map { "\($0): " } ?? "") + values(change.old, change.new)
        }
        return parts.isEmpty ? "- \(head) changed" : "- \(head): " + parts.joined(separator: "; ")
    }

    static func isProse(_ area: Change.Area) -> Bool {
        area == .prerequisites || area == .notes || area == .assignmentTips
    }

    /// Prose items (a prerequisite, a note, a tip) are Markdown and shown as Markdown; identifiers are code.
    static func item(_ change: Change) -> String {
        switch change.area {
        case .prerequisites, .notes, .assignmentTips: prose(change.item)
        default: MarkdownInline.code(change.item, limit: MarkdownInline.identifierLimit)
        }
    }

    /// `` `old` → `new` ``; when either is long, the words that changed with a few around them, so that
    /// two long values never read the same because both were cut at one length.
    static func values(_ old: String?, _ new: String?) -> String {
        guard let old, let new, max(old.count, new.count) > wordDiffLength else { return value(old) + " → " + value(new) }
        return MarkdownInline.code(WordDiff(old: old, new: new).text, limit: 4 * MarkdownInline.limit)
    }

    /// Values longer than this (which a code span would cut) show as a word diff.
    static let wordDiffLength = MarkdownInline.limit

    static func value(_ text: String?) -> String { text.map { MarkdownInline.code($0) } ?? "none" }

    /// Markdown text on one line of a bullet: line breaks become spaces, other control characters go.
    static func prose(_ text: String) -> String {
        var out = ""
        for character in text {
            if character.isNewline {
                out += " "
            } else if !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                out.append(character)
            }
        }
        return out.isEmpty ? "(empty)" : out
    }
}
