extension VendorSetDiff {
    /// How one vendor differs between two descriptor sets.
    struct Vendor: Hashable, Sendable {
        /// Whether the vendor is new, gone or edited.
        enum Status: String, Hashable, Sendable, CaseIterable {
            case added, removed, changed
        }

        /// The vendor id both sets share.
        var id: String
        /// The display name: the new one, or the old one for a removed vendor.
        var name: String
        /// The status.
        var status: Status
        /// The changes of an edited vendor, by area; empty for added and removed vendors.
        var changes: [Change]
        /// What an added or removed vendor holds, one fact a line: rows, capabilities, extensions.
        var summary: [String]

        /// Creates a vendor entry.
        init(id: String, name: String, status: Status, changes: [Change] = [], summary: [String] = []) {
            self.id = id
            self.name = name
            self.status = status
            self.changes = changes
            self.summary = summary
        }
    }
}

extension VendorSetDiff.Vendor {
    /// The facts a reviewer checks first in a vendor that appears or goes: its tables, what it can do,
    /// its extension schemas and custom fields. Identifiers are code spans; counts are plain.
    static func summary(of vendor: VendorDescriptor) -> [String] {
        func rows(_ count: Int) -> String { count == 1 ? "1 row" : "\(count) rows" }
        var lines = ["User attributes: " + rows(vendor.users.attributes.count)]
        if let groups = vendor.groups { lines.append("Group attributes: " + rows(groups.attributes.count)) }
        let capabilities = vendor.capabilities
        let can = [
            capabilities.createUsers ? "create users" : nil,
            capabilities.updateUsers ? "update users" : nil,
            capabilities.deprovisionUsers == .none ? nil : "deprovision users (\(capabilities.deprovisionUsers.rawValue))",
            capabilities.groups ? "provision groups" : nil,
            capabilities.singleSignOn ? "single sign-on" : nil,
        ].compactMap { $0 }
        lines.append("Capabilities: " + (can.isEmpty ? "none" : can.joined(separator: ", ")))
        if !vendor.extensions.isEmpty {
            let schemas = vendor.extensions.map { schema in
                let count = schema.attributes.count
                return MarkdownInline.code(schema.id, limit: MarkdownInline.identifierLimit)
                    + " (\(count == 1 ? "1 attribute" : "\(count) attributes"))"
            }
            lines.append("Extension schemas: " + schemas.joined(separator: ", "))
        }
        if let custom = vendor.customFieldMappings {
            let count = custom.allowedAttributes.count
            lines.append("Custom field mappings: " + (count == 1 ? "1 attribute" : "\(count) attributes"))
        }
        if let page = vendor.helpPage { lines.append("Help page: " + MarkdownInline.plain(page.title)) }
        return lines
    }
}
