/// The semantic difference between two sets of vendor descriptors, for pull-request reviewers.
///
/// Vendors are matched by `id`; within a vendor, the encoded descriptors (`DescriptorCodec`) are
/// walked key by key (see `VendorComparison`): attribute rows matched by path, extension schemas by
/// URN, attributes and authentication schemes by name, prose by its text, credential steps by
/// aligning the two sequences. Source locations and comments are never compared: moving a row or
/// reformatting the file is not a change, but reordering attribute rows is (the tutorial's tables
/// follow that order).
///
/// `markdown()` renders a PR comment; `json()` renders the same facts for tools, in this shape
/// (`ChangeReport` adds the templates and generated files to it):
///
/// ```
/// {
///   "changed": Bool,
///   "vendors": [                       // sorted by id; unchanged vendors are omitted
///     {
///       "id": String, "name": String,
///       "status": "added" | "removed" | "changed",
///       "changes": [                   // empty for added and removed vendors
///         {
///           "area": "userAttributes" | "groupAttributes" | "capabilities" | "scimFeatures"
///                 | "prerequisites" | "credentialSteps" | "notes" | "assignmentTips"
///                 | "provisioningScreenshots" | "extensionSchemas" | "customFieldMappings" | "metadata",
///           "kind": "added" | "removed" | "changed",
///           "item": String,            // attribute path, schema URN, field name, text or label
///           "field": String | null,    // the changed field of the item, such as "type"
///           "old": String | null,      // full old value (removed: a short description)
///           "new": String | null       // full new value (added: a short description)
///         }
///       ],
///       "summary": [String]            // added and removed vendors: rows, capabilities, extensions
///     }
///   ]
/// }
/// ```
///
/// Booleans are written `yes` / `no`; a value that is not set is `null` (`none` in Markdown).
public struct VendorSetDiff: Sendable {
    /// The vendors that differ, sorted by id.
    var vendors: [Vendor]

    /// Creates a diff from vendor entries, which it sorts by id.
    init(vendors: [Vendor]) {
        self.vendors = vendors.sorted { $0.id < $1.id }
    }

    /// Compares two sets of checked vendors; when an id occurs more than once in a set, its first counts.
    public static func compare(old: [ResolvedVendor], new: [ResolvedVendor]) -> VendorSetDiff {
        compare(old: old.map(\.descriptor), new: new.map(\.descriptor))
    }

    /// Compares two descriptor sets; when an id occurs more than once in a set, its first descriptor counts.
    static func compare(old: [VendorDescriptor], new: [VendorDescriptor]) -> VendorSetDiff {
        let oldByID = firstByID(old)
        let newByID = firstByID(new)
        var result: [Vendor] = []
        for id in Set(oldByID.keys).union(newByID.keys) {
            switch (oldByID[id], newByID[id]) {
            case (nil, let added?):
                result.append(Vendor(id: id, name: added.name, status: .added, summary: Vendor.summary(of: added)))
            case (let removed?, nil):
                result.append(Vendor(id: id, name: removed.name, status: .removed, summary: Vendor.summary(of: removed)))
            case (let before?, let after?):
                let changes = VendorComparison.changes(old: before, new: after)
                if !changes.isEmpty {
                    result.append(Vendor(id: id, name: after.name, status: .changed, changes: changes))
                }
            case (nil, nil):
                break
            }
        }
        return VendorSetDiff(vendors: result)
    }

    /// Whether the two sets describe the same vendors in the same way.
    public var isEmpty: Bool { vendors.isEmpty }

    /// The ids of the vendors that were added, removed or changed.
    public var changedIDs: Set<String> { Set(vendors.map(\.id)) }

    private static func firstByID(_ vendors: [VendorDescriptor]) -> [String: VendorDescriptor] {
        var byID: [String: VendorDescriptor] = [:]
        for vendor in vendors where byID[vendor.id] == nil {
            byID[vendor.id] = vendor
        }
        return byID
    }
}
