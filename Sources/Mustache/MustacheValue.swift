import Foundation

/// A value a template renders: the JSON data model, which is all Mustache needs.
///
/// Truthiness follows the Mustache spec (as its Ruby reference reads `!!data`): `false`, `null`
/// and the empty list are falsy; everything else, including `""`, `0` and `{}`, is truthy.
public enum MustacheValue: Sendable, Hashable {
    /// JSON `null`: falsy, renders as the empty string.
    case null
    /// A boolean: `false` is falsy; renders as `true` or `false`.
    case bool(Bool)
    /// Text, rendered as is (then escaped, if the render escapes).
    case string(String)
    /// A number; integral values render without decimals (`85`), others in shortest form (`1.5`).
    case number(Double)
    /// A list: a section renders once per element; the empty list is falsy.
    case array([MustacheValue])
    /// A hash whose keys names resolve against.
    case object([String: MustacheValue])

    /// Converts the output of `JSONSerialization` (or plain Swift collections of the same shapes).
    ///
    /// `NSNumber`s that JSON booleans produce become `.bool`; any value `JSONSerialization` never
    /// produces becomes `.null`.
    public init(jsonObject: Any) {
        switch jsonObject {
        case let value as MustacheValue:
            self = value
        case is NSNull:
            self = .null
        case let string as String:
            self = .string(string)
        case let number as NSNumber:
            // Booleans bridge to NSNumber; their Objective-C type code is 'c' (char) on every platform.
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        case let array as [Any]:
            self = .array(array.map(MustacheValue.init(jsonObject:)))
        case let object as [String: Any]:
            self = .object(object.mapValues(MustacheValue.init(jsonObject:)))
        default:
            self = .null
        }
    }

    /// Parses JSON text (any top-level value) into a value.
    public init(jsonData: Data) throws {
        self.init(jsonObject: try JSONSerialization.jsonObject(with: jsonData, options: [.fragmentsAllowed]))
    }

    /// Whether a section renders its content for this value.
    public var isTruthy: Bool {
        switch self {
        case .null, .bool(false): return false
        case .array(let elements): return !elements.isEmpty
        default: return true
        }
    }

    /// The text an interpolation tag prints (`85` for 85.0); nil for lists and objects, which have none.
    public var interpolationText: String? {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .string(let value): return value
        case .number(let value): return MustacheValue.format(value)
        case .array, .object: return nil
        }
    }

    /// Spec rendering of numbers: `85` not `85.0`, `1.21` stays `1.21`.
    static func format(_ number: Double) -> String {
        // Beyond 2^53 a Double no longer holds every integer, so leave such values to Swift's printer.
        if number.isFinite, number == number.rounded(), abs(number) < 9.007_199_254_740_992e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }
}

// MARK: - Literals

extension MustacheValue: ExpressibleByNilLiteral {
    /// Creates `.null`.
    public init(nilLiteral: ()) { self = .null }
}

extension MustacheValue: ExpressibleByBooleanLiteral {
    /// Creates `.bool`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension MustacheValue: ExpressibleByStringLiteral {
    /// Creates `.string`.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension MustacheValue: ExpressibleByIntegerLiteral {
    /// Creates `.number`.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

extension MustacheValue: ExpressibleByFloatLiteral {
    /// Creates `.number`.
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension MustacheValue: ExpressibleByArrayLiteral {
    /// Creates `.array`.
    public init(arrayLiteral elements: MustacheValue...) { self = .array(elements) }
}

extension MustacheValue: ExpressibleByDictionaryLiteral {
    /// Creates `.object`; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
