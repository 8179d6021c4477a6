import Mustache

/// Everything generation reads: the descriptors and the templates, already loaded.
public struct SiteInput: Sendable {
    /// The checked vendors, sorted by id.
    public var vendors: [ResolvedVendor]
    /// The shared templates from `Templates/`.
    public var templates: TemplateLibrary
    /// Per-vendor template overrides from `Vendors/<id>/templates/`, by vendor id.
    public var overrides: [String: TemplateLibrary]
    /// How much one generation may render.
    public var limits = GenerationLimits()

    /// Creates an input; vendors are sorted by id so that output never depends on read order.
    public init(vendors: [ResolvedVendor], templates: TemplateLibrary, overrides: [String: TemplateLibrary] = [:]) {
        self.vendors = vendors.sorted { $0.id < $1.id }
        self.templates = templates
        self.overrides = overrides
    }

    /// The templates one vendor renders with: the shared ones with its overrides on top.
    public func templates(for vendorID: String) -> TemplateLibrary {
        guard let override = overrides[vendorID] else { return templates }
        return templates.overlaying(override)
    }
}

/// Which families of documents to generate.
public struct OutputKinds: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Tutorials, help pages and the index.
    public static let docs = OutputKinds(rawValue: 1)
    /// SCIM discovery documents under `<id>/scim/`.
    public static let scim = OutputKinds(rawValue: 2)
    /// Entra mapping files under `<id>/mappings/`.
    public static let mappings = OutputKinds(rawValue: 4)
    /// Everything.
    public static let all: OutputKinds = [.docs, .scim, .mappings]

    /// Parses `docs`, `scim` or `mappings`.
    public init?(name: String) {
        switch name {
        case "docs": self = .docs
        case "scim": self = .scim
        case "mappings": self = .mappings
        case "all": self = .all
        default: return nil
        }
    }
}

extension OutputKinds {
    /// The kind of a generated path: `<id>/scim/…` is SCIM, `<id>/mappings/…` mappings, the rest documents.
    public static func of(path: String) -> OutputKinds {
        let segments = path.split(separator: "/")
        guard segments.count > 2 else { return .docs }
        switch segments[1] {
        case "scim": return .scim
        case "mappings": return .mappings
        default: return .docs
        }
    }

    /// Whether a previously generated `path` belongs to a run of these kinds for `vendors` (all when nil).
    public func covers(path: String, vendors: Set<String>?) -> Bool {
        guard contains(Self.of(path: path)) else { return false }
        guard let vendors else { return true }
        guard let slash = path.firstIndex(of: "/") else { return false }
        return vendors.contains(String(path[..<slash]))
    }
}
