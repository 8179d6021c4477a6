/// What changed between two sets of vendor descriptors, fact by fact, for a pull-request reviewer.
///
/// Vendors are matched by id; within a vendor, attributes by path, extension schemas by id and their
/// attributes by name, prerequisites, notes and tips by text, credential steps by position.
///
/// `json()` has this shape, unchanged vendors left out:
/// ```
/// {"changed": Bool, "vendors": [{"id": String, "name": String, "status": "added"|"removed"|"changed",
///   "changes": [{"area": String, "kind": "added"|"removed"|"changed", "item": String,
///                "field": String?, "old": String?, "new": String?}]}]}
/// ```
/// where `area` is one of `metadata`, `capabilities`, `scimFeatures`, `prerequisites`, `credentials`,
/// `notes`, `assignmentTips`, `userAttributes`, `groupAttributes`, `extensions`, `customFieldMappings`.
public struct VendorSetDiff: Sendable, Hashable {
    /// Where in a descriptor a change is.
    public enum Area: String, Sendable, Hashable, CaseIterable {
        case metadata, capabilities, scimFeatures, prerequisites, credentials, notes, assignmentTips
        case userAttributes, groupAttributes, extensions, customFieldMappings

        /// The heading Markdown uses.
        var title: String {
            switch self {
            case .metadata: return "Metadata"
            case .capabilities: return "Capabilities"
            case .scimFeatures: return "SCIM features"
            case .prerequisites: return "Prerequisites"
            case .credentials: return "Credential steps"
            case .notes: return "Notes and tips"
            case .assignmentTips: return "Assignment tips"
            case .userAttributes: return "User attributes"
            case .groupAttributes: return "Group attributes"
            case .extensions: return "Extension schemas"
            case .customFieldMappings: return "Custom field mappings"
            }
        }
    }

    /// Added, removed or changed.
    public enum Kind: String, Sendable, Hashable {
        case added, removed, changed
    }

    /// One fact that changed; a changed item has one `Change` per changed field.
    public struct Change: Sendable, Hashable {
        public var area: Area
        public var kind: Kind
        /// What changed: an attribute path, a step number, a prerequisite's text.
        public var item: String
        /// For a changed item, the field: `type`, `filterable`, `required`.
        public var field: String?
        public var old: String?
        public var new: String?
    }

    /// One vendor's changes.
    public struct VendorChange: Sendable, Hashable {
        public var id: String
        public var name: String
        public var status: Kind
        public var changes: [Change]
    }

    /// The vendors that changed, by id.
    public var vendors: [VendorChange]

    /// Whether nothing changed.
    public var isEmpty: Bool { vendors.isEmpty }

    /// Compares two sets of descriptors.
    public static func compare(old: [VendorDescriptor], new: [VendorDescriptor]) -> VendorSetDiff {
        let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var vendors: [VendorChange] = []
        for id in Set(before.keys).union(after.keys).sorted() {
            switch (before[id], after[id]) {
            case (nil, let vendor?):
                vendors.append(VendorChange(id: id, name: vendor.name, status: .added, changes: []))
            case (let vendor?, nil):
                vendors.append(VendorChange(id: id, name: vendor.name, status: .removed, changes: []))
            case (let old?, let new?):
                let changes = DescriptorComparison(old: old, new: new).changes
                if !changes.isEmpty { vendors.append(VendorChange(id: id, name: new.name, status: .changed, changes: changes)) }
            default:
                break
            }
        }
        return VendorSetDiff(vendors: vendors)
    }
}
