/// One attribute of a SCIM schema with every characteristic of RFC 7643 section 7.
///
/// Characteristics that RFC 7643 section 8.7.1 leaves out of an attribute (for example `caseExact`
/// on a Boolean) take the defaults of section 2.2, which are also this initialiser's defaults.
public struct SCIMAttributeDefinition: Sendable, Hashable {
    /// The attribute's name as the schema spells it; matching is case-insensitive.
    public var name: String
    /// The data type.
    public var type: SCIMAttributeType
    /// Whether the attribute holds a list of values.
    public var multiValued: Bool
    /// A short human-readable description.
    public var description: String
    /// Whether the attribute must be present.
    public var required: Bool
    /// Whether string comparison respects case.
    public var caseExact: Bool
    /// Whether and how clients may change the value.
    public var mutability: SCIMMutability
    /// When the service provider returns the value.
    public var returned: SCIMReturned
    /// How unique the value must be.
    public var uniqueness: SCIMUniqueness
    /// Suggested values, such as `work` and `home` for an email's `type`.
    public var canonicalValues: [String]
    /// For references: the resource types (`User`, `Group`), `external` or `uri` that may be referenced.
    public var referenceTypes: [String]
    /// For complex attributes: the sub-attributes, which are never complex themselves.
    public var subAttributes: [SCIMAttributeDefinition] { didSet { index = NameIndex(subAttributes.map(\.name)) } }
    private var index: NameIndex

    /// Creates a definition; omitted characteristics take the RFC 7643 section 2.2 defaults.
    public init(
        name: String,
        type: SCIMAttributeType = .string,
        multiValued: Bool = false,
        description: String = "",
        required: Bool = false,
        caseExact: Bool = false,
        mutability: SCIMMutability = .readWrite,
        returned: SCIMReturned = .default,
        uniqueness: SCIMUniqueness = .none,
        canonicalValues: [String] = [],
        referenceTypes: [String] = [],
        subAttributes: [SCIMAttributeDefinition] = []
    ) {
        self.name = name
        self.type = type
        self.multiValued = multiValued
        self.description = description
        self.required = required
        self.caseExact = caseExact
        self.mutability = mutability
        self.returned = returned
        self.uniqueness = uniqueness
        self.canonicalValues = canonicalValues
        self.referenceTypes = referenceTypes
        self.subAttributes = subAttributes
        index = NameIndex(subAttributes.map(\.name))
    }

    /// The sub-attribute with this name, ignoring case as RFC 7643 section 2.1 requires.
    public func subAttribute(named name: String) -> SCIMAttributeDefinition? {
        index.position(of: name).map { subAttributes[$0] }
    }
}
