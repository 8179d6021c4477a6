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

        /// Creates a vendor entry.
        init(id: String, name: String, status: Status, changes: [Change] = []) {
            self.id = id
            self.name = name
            self.status = status
            self.changes = changes
        }
    }
}
