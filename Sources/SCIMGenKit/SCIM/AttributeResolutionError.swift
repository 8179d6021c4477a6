/// Why an attribute path names nothing in the catalog, with a did-you-mean where one is close.
public struct AttributeResolutionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong; suggestions are spelled as the user should write them.
    public enum Reason: Sendable, Hashable {
        /// The schema URN is neither the resource's core schema nor one of its extensions.
        case unknownSchema(String, suggestion: String?)
        /// The path is a whole schema URN with no attribute after it.
        case schemaWithoutAttribute(String)
        /// The schema exists but belongs to another resource type, such as the Enterprise User on a Group.
        case schemaNotApplicable(String, resource: SCIMResource)
        /// No top-level attribute of that name in the schema (or, unqualified, in the common attributes).
        case unknownAttribute(String, schema: String, suggestion: String?)
        /// No sub-attribute of that name in the complex attribute.
        case unknownSubAttribute(String, attribute: String, suggestion: String?)
        /// A sub-attribute was given for an attribute that is not complex.
        case subAttributeOfSimpleAttribute(String, attribute: String, type: SCIMAttributeType)
        /// A value filter was given for a single-valued attribute.
        case filterOnSingleValuedAttribute(String)
        /// A value filter was given for a multi-valued attribute that has no sub-attributes to test.
        case filterWithoutSubAttributes(String)
        /// A name inside the brackets is not a sub-attribute of the filtered attribute.
        case unknownFilterAttribute(String, attribute: String, suggestion: String?)
        /// A path inside the brackets has a schema URN or a sub-attribute of its own.
        case filterAttributeNotSubAttribute(String, attribute: String)
    }

    /// What is wrong.
    public var reason: Reason
    /// The 0-based Unicode scalar offset, in the parsed path, of the part that is wrong.
    public var offset: Int

    /// Creates the error.
    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// Lowercase text with no final period, values in single quotes, URNs shortened with `urn:…:`.
    public var message: String {
        switch reason {
        case .unknownSchema(let urn, let suggestion):
            return "unknown schema '\(SCIMURN.abbreviated(urn))'" + Self.didYouMean(suggestion.map(SCIMURN.abbreviated))
        case .schemaWithoutAttribute(let urn):
            return "'\(SCIMURN.abbreviated(urn))' is a schema, not an attribute; add ':' and an attribute name"
        case .schemaNotApplicable(let urn, let resource):
            return "schema '\(SCIMURN.abbreviated(urn))' does not apply to \(resource.rawValue) resources"
        case .unknownAttribute(let name, let schema, let suggestion):
            return "unknown attribute '\(name)' in schema '\(SCIMURN.abbreviated(schema))'" + Self.didYouMean(suggestion)
        case .unknownSubAttribute(let name, let attribute, let suggestion):
            return "unknown sub-attribute '\(name)' of '\(attribute)'" + Self.didYouMean(suggestion)
        case .subAttributeOfSimpleAttribute(let name, let attribute, let type):
            return "'\(attribute)' is a \(type.rawValue) attribute and has no sub-attribute '\(name)'"
        case .filterOnSingleValuedAttribute(let attribute):
            return "'\(attribute)' is not multi-valued, so it cannot take a value filter"
        case .filterWithoutSubAttributes(let attribute):
            return "'\(attribute)' has no sub-attributes for a value filter to test"
        case .unknownFilterAttribute(let name, let attribute, let suggestion):
            return "unknown attribute '\(name)' in the value filter of '\(attribute)'" + Self.didYouMean(suggestion)
        case .filterAttributeNotSubAttribute(let name, let attribute):
            return "'\(name)' in the value filter of '\(attribute)' must be a sub-attribute name of '\(attribute)'"
        }
    }

    /// The message alone; the caller adds the location.
    public var description: String { message }
}

// MARK: - Helpers

private extension AttributeResolutionError {
    static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
