extension VendorSetDiff {
    /// A summary for a pull-request comment: a heading per vendor, a list per area, one line per fact.
    public func markdown() -> String {
        guard !isEmpty else { return "No changes.\n" }
        var text = "## scimgen diff: \(vendors.count == 1 ? "1 vendor" : "\(vendors.count) vendors") changed\n"
        for vendor in vendors {
            text += "\n### \(Self.inline(vendor.name)) (`\(vendor.id)`): \(vendor.status.rawValue)\n"
            guard vendor.status == .changed else { continue }
            for area in Area.allCases {
                let changes = vendor.changes.filter { $0.area == area }
                guard !changes.isEmpty else { continue }
                text += "\n**\(area.title)**\n\n"
                var handled = Set<String>()
                for change in changes {
                    switch change.kind {
                    case .added:
                        text += "- added \(Self.quote(change.item))\(change.new.map { ": \(Self.inline($0, limit: 100))" } ?? "")\n"
                    case .removed:
                        text += "- removed \(Self.quote(change.item))\(change.old.map { ": \(Self.inline($0, limit: 100))" } ?? "")\n"
                    case .changed:
                        guard handled.insert(change.item).inserted else { continue }
                        let fields = changes.filter { $0.kind == .changed && $0.item == change.item }.map { field in
                            "\(field.field ?? "value") \(Self.quote(field.old ?? "")) → \(Self.quote(field.new ?? ""))"
                        }
                        text += "- changed \(Self.quote(change.item)): \(fields.joined(separator: "; "))\n"
                    }
                }
            }
        }
        return text
    }

    /// The same facts for tools; the shape is in the type's documentation.
    public func json() -> JSONValue {
        .object([
            .init("changed", .bool(!isEmpty)),
            .init(
                "vendors",
                .array(
                    vendors.map { vendor in
                        .object([
                            .init("id", .string(vendor.id)),
                            .init("name", .string(vendor.name)),
                            .init("status", .string(vendor.status.rawValue)),
                            .init(
                                "changes",
                                .array(
                                    vendor.changes.map { change in
                                        var members: [JSONValue.Member] = [
                                            .init("area", .string(change.area.rawValue)),
                                            .init("kind", .string(change.kind.rawValue)),
                                            .init("item", .string(change.item)),
                                        ]
                                        if let field = change.field { members.append(.init("field", .string(field))) }
                                        if let old = change.old { members.append(.init("old", .string(old))) }
                                        if let new = change.new { members.append(.init("new", .string(new))) }
                                        return .object(members)
                                    })),
                        ])
                    })),
        ])
    }

    /// One line, shortened: a bullet must not break.
    static func inline(_ text: String, limit: Int = 80) -> String {
        var line = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "⏎")
            .replacingOccurrences(of: "\r", with: "⏎")
        line = String(String.UnicodeScalarView(line.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        if line.count > limit { line = String(line.prefix(limit - 1)) + "…" }
        return line
    }

    /// A value as inline code, with a fence longer than any backtick run inside it.
    static func quote(_ text: String) -> String {
        let line = inline(text, limit: 160)
        if line.isEmpty { return "''" }
        let fence = String(repeating: "`", count: MarkdownText.longestBacktickRun(line) + 1)
        let pad = line.hasPrefix("`") || line.hasSuffix("`") ? " " : ""
        return fence + pad + line + pad + fence
    }
}
