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
            case .added: blocks.append("Vendor added.")
            case .removed: blocks.append("Vendor removed.")
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

    /// `` `userName` (String) `` for a value item, `` step 4: `Click …` `` for a labelled one.
    static func describe(_ change: Change, detail: String?) -> String {
        guard change.isLabel else {
            return item(change) + (detail.map { " (\(MarkdownInline.plain($0)))" } ?? "")
        }
        return change.item + (detail.map { ": " + MarkdownInline.code($0) } ?? "")
    }

    static func changed(_ group: [Change]) -> String {
        let first = group[0]
        let head = first.isLabel ? first.item : item(first)
        let parts = group.compactMap { change -> String? in
            guard change.old != nil || change.new != nil else { return nil }
            return (change.field.map { "\($0): " } ?? "") + value(change.old) + " → " + value(change.new)
        }
        return parts.isEmpty ? "- \(head) changed" : "- \(head): " + parts.joined(separator: "; ")
    }

    /// Prose items (a prerequisite, a note, a tip) are cut like values; identifiers are kept whole.
    static func item(_ change: Change) -> String {
        switch change.area {
        case .prerequisites, .notes, .assignmentTips: MarkdownInline.code(change.item)
        default: MarkdownInline.code(change.item, limit: MarkdownInline.identifierLimit)
        }
    }

    static func value(_ text: String?) -> String { text.map { MarkdownInline.code($0) } ?? "none" }
}
