/// The functions of Microsoft Entra's expression language and the names of their parameters, as
/// Microsoft Graph keys them in a parsed `attributeMappingSource` (`"parameters": [{"key": "source", …}]`).
///
/// Where the names come from, in order of authority:
///
/// 1. Graph's own list (`GET …/synchronization/jobs/{jobId}/schema/functions`, the example response
///    in Graph's "synchronizationSchema: functions" page): Append, AppRoleAssignments, DefaultDomain,
///    IsNothing, Join, Prepend, Mid, Not, Replace, SingleAppRoleAssignment, Split, StripSpaces and
///    Switch. Its names differ from the prose reference where it matters: Replace's parameters are
///    `Find`, `RegularExpression`, `RegularExpressionGroupName`, `Replacement`,
///    `ReplacementPropertyName` and `Template`, which Graph's `parseExpression` example and the
///    Salesforce template schema confirm (`{"key": "Find", …}`, `{"key": "Replacement", …}`).
/// 2. Entra's "Reference for writing expressions for attribute mappings" for every other function,
///    spelled as its parameter tables spell them (`Expression`, `NumChars`, `valueIfTrue`).
///    FormatDateTime follows the reference's current four parameters (`dateTimeStyles` second),
///    not Graph's older three.
/// 3. Inferred, because neither names them: `source` for AppRoleAssignmentsComplex,
///    AssertiveAppRoleAssignmentsComplex and Redact (as for SingleAppRoleAssignment), and for every
///    argument of Coalesce (as for Join's repeated sources).
///
/// An argument left empty is not written; a repeated parameter (`Join`'s sources, `Switch`'s keys
/// and values) keys every argument from its position on with the same name.
enum EntraFunctions {
    /// One function's signature.
    struct Signature: Sendable, Hashable {
        /// The parameter names, in order.
        var parameters: [String]
        /// Whether the last parameter repeats.
        var repeatsLast: Bool
        /// The fewest arguments a call needs, empty ones included.
        var minimum: Int

        /// The most arguments a call takes, nil when the last parameter repeats.
        var maximum: Int? { repeatsLast ? nil : parameters.count }

        /// The key of the argument at `index`.
        func key(at index: Int) -> String {
            index < parameters.count ? parameters[index] : parameters[parameters.count - 1]
        }

        /// `source, start, length` or `separator, source, …`, for messages.
        var list: String {
            parameters.joined(separator: ", ") + (repeatsLast ? ", …" : "")
        }
    }

    /// Every function, by its case-sensitive name.
    static let all: [String: Signature] = {
        var table: [String: Signature] = [:]
        func add(_ name: String, _ parameters: [String], minimum: Int? = nil, repeating: Bool = false) {
            table[name] = Signature(parameters: parameters, repeatsLast: repeating, minimum: minimum ?? parameters.count)
        }
        // From Graph's functions list.
        add("Append", ["source", "suffix"])
        add("AppRoleAssignments", ["source"])
        add("DefaultDomain", [])
        add("IsNothing", ["source"])
        add("Join", ["separator", "source"], repeating: true)
        add("Prepend", ["prefix", "source"])
        add("Mid", ["source", "start", "length"])
        add("Not", ["source"])
        add(
            "Replace",
            ["source", "Find", "RegularExpression", "RegularExpressionGroupName", "Replacement", "ReplacementPropertyName", "Template"],
            minimum: 1)
        add("SingleAppRoleAssignment", ["source"])
        add("Split", ["source", "delimiter"])
        add("StripSpaces", ["source"])
        add("Switch", ["source", "defaultValue", "switchValue"], minimum: 4, repeating: true)
        // From the expression reference.
        add("BitAnd", ["value1", "value2"])
        add("CBool", ["Expression"])
        add("CDate", ["Expression"])
        add("ConvertToBase64", ["source"])
        add("ConvertToUTF8Hex", ["source"])
        add("Count", ["attribute"])
        add("CStr", ["value"])
        add("DateAdd", ["interval", "value", "dateTime"])
        add("DateDiff", ["interval", "date1", "date2"])
        add("DateFromNum", ["value"])
        add("FormatDateTime", ["source", "dateTimeStyles", "inputFormat", "outputFormat"])
        add("Guid", [])
        add("IgnoreFlowIfNullOrEmpty", ["Expression"])
        add("IIF", ["condition", "valueIfTrue", "valueIfFalse"])
        add("InStr", ["value1", "value2", "start", "compareType"], minimum: 2)
        add("IsNull", ["Expression"])
        add("IsNullOrEmpty", ["Expression"])
        add("IsPresent", ["Expression"])
        add("IsString", ["Expression"])
        add("Item", ["attribute", "index"])
        add("Left", ["String", "NumChars"])
        add("NormalizeDiacritics", ["source"])
        add("Now", [])
        add("NumFromDate", ["value"])
        add("PCase", ["source", "wordSeparators"], minimum: 1)
        add(
            "RandomString",
            ["Length", "MinimumNumbers", "MinimumSpecialCharacters", "MinimumCapital", "MinimumLowerCase", "CharactersToAvoid"],
            minimum: 5)
        add("RemoveDuplicates", ["attribute"])
        add("SelectUniqueValue", ["uniqueValueRule"], minimum: 2, repeating: true)
        add("ToLower", ["source", "culture"], minimum: 1)
        add("ToUpper", ["source", "culture"], minimum: 1)
        add("Word", ["String", "WordNumber", "delimiters"])
        // Inferred names.
        add("AppRoleAssignmentsComplex", ["source"])
        add("AssertiveAppRoleAssignmentsComplex", ["source"])
        add("Coalesce", ["source"], minimum: 1, repeating: true)
        add("Redact", ["source"])
        return table
    }()

    /// The function names, sorted, for suggestions.
    static let names: [String] = all.keys.sorted()
}
