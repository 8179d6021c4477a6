/// An attribute path as attribute tables and PATCH operations write it (RFC 7644 section 3.10).
///
/// Examples: `userName`, `name.givenName`, `emails[type eq "work"].value`, `members` and
/// `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager`. Names keep the spelling
/// they were written with; comparing them with a schema ignores case, as RFC 7643 section 2.1 says.
public struct AttributePath: Sendable, Hashable, CustomStringConvertible {
    /// The schema URN that qualifies the attribute, or nil for a name relative to the core schema.
    public var schema: String?
    /// The top-level attribute's name.
    public var attribute: String
    /// The value filter between brackets, which selects values of a multi-valued attribute.
    public var filter: SCIMFilter?
    /// The sub-attribute after the dot, if any.
    public var subAttribute: String?

    /// Where each part starts in the parsed text, for pointing diagnostics at the right column.
    /// Not part of the value: two paths with the same parts are equal however they were spaced.
    var offsets: Offsets

    /// 0-based Unicode scalar offsets of a path's parts in the text it was parsed from.
    struct Offsets: Sendable {
        var schema: Int
        var attribute: Int
        var filter: Int
        var subAttribute: Int
    }

    /// Creates a path from its parts.
    public init(schema: String? = nil, attribute: String, filter: SCIMFilter? = nil, subAttribute: String? = nil) {
        self.schema = schema
        self.attribute = attribute
        self.filter = filter
        self.subAttribute = subAttribute
        // Offsets as they would be in the canonical text.
        let attributeStart = schema.map { $0.unicodeScalars.count + 1 } ?? 0
        let filterStart = attributeStart + attribute.unicodeScalars.count
        let subStart = filterStart + (filter.map { $0.description.unicodeScalars.count + 2 } ?? 0) + 1
        offsets = Offsets(schema: 0, attribute: attributeStart, filter: filterStart, subAttribute: subStart)
    }

    /// Parses a path; the error says what is wrong and at which 0-based Unicode scalar offset.
    ///
    /// Any input yields a path or an error: there is no input that traps.
    public init(parsing text: String) throws(AttributePathError) {
        var parser = AttributePathParser(text)
        self = try parser.parsePath()
    }

    /// The canonical text, such as `emails[type eq "work"].value`.
    public var description: String {
        var text = schema.map { $0 + ":" } ?? ""
        text += attribute
        if let filter { text += "[\(filter)]" }
        if let subAttribute { text += ".\(subAttribute)" }
        return text
    }

    public static func == (lhs: AttributePath, rhs: AttributePath) -> Bool {
        lhs.schema == rhs.schema && lhs.attribute == rhs.attribute
            && lhs.filter == rhs.filter && lhs.subAttribute == rhs.subAttribute
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(schema)
        hasher.combine(attribute)
        hasher.combine(filter)
        hasher.combine(subAttribute)
    }
}
