/// A parsed SCIM filter (RFC 7644 section 3.4.2.2), as found between the brackets of a value path.
///
/// `and` and `or` hold two or more operands each, flattened so that `a and (b and c)` and
/// `a and b and c` are the same value; the tree's depth therefore grows only with parentheses and
/// `not`, which the parser bounds.
public indirect enum SCIMFilter: Sendable, Hashable, CustomStringConvertible {
    /// `attrPath pr`: the attribute has a non-empty value.
    case present(AttributePath)
    /// `attrPath op value`: a comparison.
    case compare(AttributePath, ComparisonOperator, ComparisonValue)
    /// Two or more filters that must all match.
    case and([SCIMFilter])
    /// Two or more filters of which one must match.
    case or([SCIMFilter])
    /// `not (filter)`.
    case not(SCIMFilter)

    /// A comparison operator of RFC 7644 section 3.4.2.2; matched case-insensitively, printed lowercase.
    public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
        /// Equal.
        case eq
        /// Not equal.
        case ne
        /// Contains.
        case co
        /// Starts with.
        case sw
        /// Ends with.
        case ew
        /// Greater than.
        case gt
        /// Less than.
        case lt
        /// Greater than or equal to.
        case ge
        /// Less than or equal to.
        case le
    }

    /// A `compValue`: a JSON string, number, Boolean or null.
    public enum ComparisonValue: Sendable, Hashable, CustomStringConvertible {
        /// A JSON string, unescaped.
        case string(String)
        /// A JSON number, kept as its exact text so that nothing is lost to rounding.
        case number(String)
        /// `true` or `false`.
        case boolean(Bool)
        /// `null`.
        case null

        /// The value as JSON: strings quoted and escaped, literals lowercase.
        public var description: String {
            switch self {
            case .string(let text): JSONWriter.quoted(text)
            case .number(let text): text
            case .boolean(let value): value ? "true" : "false"
            case .null: "null"
            }
        }
    }

    /// The canonical text: single spaces, lowercase operators and keywords, parentheses only where needed.
    public var description: String {
        switch self {
        case .present(let path):
            return "\(path) pr"
        case .compare(let path, let op, let value):
            return "\(path) \(op.rawValue) \(value)"
        case .and(let operands):
            // `and` binds tighter than `or`, so only `or` operands need parentheses.
            return operands.map { operand in
                if case .or = operand { return "(\(operand))" }
                return operand.description
            }.joined(separator: " and ")
        case .or(let operands):
            return operands.map(\.description).joined(separator: " or ")
        case .not(let inner):
            return "not (\(inner))"
        }
    }

    /// Every attribute path the filter compares, left to right.
    public var attributePaths: [AttributePath] {
        switch self {
        case .present(let path), .compare(let path, _, _): [path]
        case .and(let operands), .or(let operands): operands.flatMap(\.attributePaths)
        case .not(let inner): inner.attributePaths
        }
    }
}
