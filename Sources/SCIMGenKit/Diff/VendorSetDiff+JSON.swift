extension VendorSetDiff {
    /// The diff as JSON for tools, in the shape the type's documentation shows; write it with `JSONWriter`.
    public func json() -> JSONValue {
        .object([
            .init("changed", .bool(!isEmpty)),
            .init("vendors", .array(vendors.map(Self.json))),
        ])
    }
}

private extension VendorSetDiff {
    static func json(_ vendor: Vendor) -> JSONValue {
        .object([
            .init("id", .string(vendor.id)),
            .init("name", .string(vendor.name)),
            .init("status", .string(vendor.status.rawValue)),
            .init("changes", .array(vendor.changes.map(json))),
            .init("summary", .array(vendor.summary.map(JSONValue.string))),
        ])
    }

    static func json(_ change: Change) -> JSONValue {
        .object([
            .init("area", .string(change.area.rawValue)),
            .init("kind", .string(change.kind.rawValue)),
            .init("item", .string(change.item)),
            .init("field", change.field.map(JSONValue.string) ?? .null),
            .init("old", change.old.map(JSONValue.string) ?? .null),
            .init("new", change.new.map(JSONValue.string) ?? .null),
        ])
    }
}
