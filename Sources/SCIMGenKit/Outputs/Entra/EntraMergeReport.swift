/// What a merge did and what it left for the administrator: the matching attributes on both
/// sides, every conflict and which side won, what was added, the tenant's definitions left as they
/// are although the vendor states them otherwise, and the steps still to take.
public struct EntraMergeReport: Hashable, Sendable {
    /// Which side wins where the tenant and the vendor disagree.
    public enum Side: String, Hashable, Sendable, CaseIterable {
        /// The tenant's schema (the default).
        case tenant
        /// The vendor's part (`entra-mappings.json`).
        case vendor
    }

    /// One attribute used for matching.
    public struct MatchingAttribute: Hashable, Sendable {
        /// The target attribute.
        public var target: String
        /// Its matching precedence, 1 first.
        public var precedence: Int
        /// Where its value comes from (the expression as Graph writes it), nil when it has no source.
        public var source: String?
    }

    /// The matching of one object mapping.
    public struct Matching: Hashable, Sendable {
        /// What the tenant's schema matches on, by precedence.
        public var tenant: [MatchingAttribute]
        /// What the vendor's descriptor asks for, by precedence.
        public var vendor: [MatchingAttribute]
        /// Whose matching the merged schema has.
        public var kept: Side
        /// Why, when not by `--matching`: the tenant had no matching attribute.
        public var tenantHadNone: Bool
        /// Precedences the merge changed: target, before (nil for a new mapping), after.
        public var changes: [PrecedenceChange]
    }

    /// A matching precedence the merge changed.
    public struct PrecedenceChange: Hashable, Sendable {
        /// The target attribute.
        public var target: String
        /// The precedence before, nil for a mapping the merge added.
        public var before: Int?
        /// The precedence after.
        public var after: Int
    }

    /// A setting of one attribute mapping on which the tenant and the vendor disagree.
    public struct Conflict: Hashable, Sendable {
        /// The target attribute.
        public var target: String
        /// `source`, `flowType`, `flowBehavior` or `defaultValue`.
        public var setting: String
        /// The tenant's value, as text (`none` for no source).
        public var tenant: String
        /// The vendor's value, as text.
        public var vendor: String
        /// Whether the vendor's source is only Entra's default for the attribute (its descriptor names none).
        public var vendorIsEntraDefault: Bool
        /// Which side the merged schema has.
        public var kept: Side
    }

    /// A setting of an attribute definition on which the tenant and the vendor disagree.
    public struct DefinitionDifference: Hashable, Sendable {
        /// The attribute.
        public var attribute: String
        /// `required`, `type`, `multivalued`, `mutability` or `caseExact`.
        public var setting: String
        /// The tenant's value.
        public var tenant: String
        /// The vendor's value.
        public var vendor: String
        /// Whether the attribute is the vendor's own (its extension schema), so `--prefer vendor` changes it.
        public var owned: Bool
        /// Which side the merged schema has.
        public var kept: Side
    }

    /// What happened to one object type (users or groups).
    public struct ObjectReport: Hashable, Sendable {
        /// `User` or `Group`.
        public var object: String
        /// The tenant's object mapping, by name.
        public var objectMapping: String
        /// The target directory, as the tenant names it.
        public var targetDirectory: String
        /// The target object, as the tenant names it.
        public var targetObject: String
        /// Whether the object mapping is enabled.
        public var enabled: Bool
        /// The matching on both sides.
        public var matching: Matching
        /// Target attribute definitions the merge added.
        public var addedAttributes: [String]
        /// Attribute mappings the merge added.
        public var addedMappings: [String]
        /// Every disagreement on a mapping, with the side kept.
        public var conflicts: [Conflict]
        /// Every disagreement on a definition, with the side kept.
        public var definitions: [DefinitionDifference]
        /// Target attributes of the vendor that have no mapping in the merged schema.
        public var unmapped: [String]
        /// The source object the mappings read, as the tenant names it.
        public var sourceObject: String
        /// The source directory, as the tenant names it.
        public var sourceDirectory: String
        /// Entra attributes the merge added to the source object's list, because mappings read them.
        public var addedSourceAttributes: [String]
    }

    /// The vendor's display name.
    public var vendor: String
    /// The schema file as the user named it.
    public var schema: String
    /// Whether the merged schema differs from the download.
    public var changed: Bool
    /// Users first, then groups when they were merged.
    public var objects: [ObjectReport]
    /// What the administrator still has to do, in order.
    public var toDo: [String]
    /// Problems found in the download that did not stop the merge.
    public var warnings: [Diagnostic]
}
