/// A SCIM schema: its URN, names and top-level attributes (RFC 7643 section 7).
public struct SCIMSchemaDefinition: Sendable, Hashable {
    /// The schema URN, such as `urn:ietf:params:scim:schemas:core:2.0:User`.
    public var id: String
    /// The human-readable name, such as `User`.
    public var name: String
    /// The human-readable description.
    public var description: String
    /// The top-level attributes, in the order the schema lists them.
    public var attributes: [SCIMAttributeDefinition] { didSet { index = NameIndex(attributes.map(\.name)) } }
    private var index: NameIndex

    /// Creates a schema definition.
    public init(id: String, name: String, description: String = "", attributes: [SCIMAttributeDefinition]) {
        self.id = id
        self.name = name
        self.description = description
        self.attributes = attributes
        index = NameIndex(attributes.map(\.name))
    }

    /// The top-level attribute with this name, ignoring case as RFC 7643 section 2.1 requires.
    public func attribute(named name: String) -> SCIMAttributeDefinition? {
        index.position(of: name).map { attributes[$0] }
    }
}
