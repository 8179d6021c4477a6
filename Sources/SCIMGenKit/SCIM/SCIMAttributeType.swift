/// The data type of a SCIM attribute (RFC 7643 section 2.3).
public enum SCIMAttributeType: String, Sendable, Hashable, CaseIterable {
    case string
    case boolean
    case decimal
    case integer
    case dateTime
    case binary
    case reference
    case complex

    /// The capitalised name that attribute tables in tutorials use, such as `DateTime`.
    public var displayName: String {
        switch self {
        case .string: "String"
        case .boolean: "Boolean"
        case .decimal: "Decimal"
        case .integer: "Integer"
        case .dateTime: "DateTime"
        case .binary: "Binary"
        case .reference: "Reference"
        case .complex: "Complex"
        }
    }

    /// Reads a table's type name, ignoring case and surrounding whitespace (`string`, `DateTime`, `REFERENCE`).
    public init?(displayName: String) {
        let key = Self.trimmed(displayName).lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == key }) else { return nil }
        self = match
    }
}

// MARK: - Helpers

private extension SCIMAttributeType {
    /// The text without leading and trailing whitespace; private so that it cannot clash with
    /// a Foundation or sibling-module helper of the same name.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
