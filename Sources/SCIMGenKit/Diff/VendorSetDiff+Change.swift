extension VendorSetDiff {
    /// One difference between two versions of a vendor descriptor, small enough to show as one fact.
    ///
    /// Several changes with the same area and item (one per changed field) form one Markdown bullet.
    struct Change: Hashable, Sendable {
        /// The part of the descriptor a change belongs to, in the order the Markdown shows them.
        enum Area: String, Hashable, Sendable, CaseIterable {
            case userAttributes, groupAttributes, capabilities, scimFeatures, prerequisites, credentialSteps,
                notes, assignmentTips, provisioningScreenshots, extensionSchemas, customFieldMappings, metadata

            /// The bold heading of the area in Markdown.
            var title: String {
                switch self {
                case .userAttributes: "User attributes"
                case .groupAttributes: "Group attributes"
                case .capabilities: "Capabilities"
                case .scimFeatures: "SCIM features"
                case .prerequisites: "Prerequisites"
                case .credentialSteps: "Credential steps"
                case .notes: "Notes and tips"
                case .assignmentTips: "Assignment tips"
                case .provisioningScreenshots: "Provisioning screenshots"
                case .extensionSchemas: "Extension schemas"
                case .customFieldMappings: "Custom field mappings"
                case .metadata: "Metadata"
                }
            }
        }

        /// Whether something appeared, disappeared or changed.
        enum Kind: String, Hashable, Sendable, CaseIterable {
            case added, removed, changed
        }

        /// The area.
        var area: Area
        /// The kind.
        var kind: Kind
        /// What changed: an attribute path, a schema URN, a field name such as `bulk.supported`,
        /// a prerequisite's text, or a label such as `step 3`.
        var item: String
        /// The field of the item that changed, such as `type`; nil when the item itself is the value.
        var field: String?
        /// The old value in full; for a removed item, a short description such as its type.
        var old: String?
        /// The new value in full; for an added item, a short description such as its type.
        var new: String?
        /// Whether `item` is a label (`step 3`, `group table`) rather than a value to quote.
        var isLabel: Bool

        /// Creates a change.
        init(area: Area, kind: Kind, item: String, field: String?, old: String?, new: String?, isLabel: Bool) {
            self.area = area
            self.kind = kind
            self.item = item
            self.field = field
            self.old = old
            self.new = new
            self.isLabel = isLabel
        }
    }
}
