/// `attribute-mappings.csv`: the rows of `entra-mappings.json` for reviewers and spreadsheets, in
/// the words of the Microsoft Entra admin center, plus the vendor's "on request" attributes.
///
/// Format: RFC 4180 with CRLF line breaks (the RFC's, and what spreadsheet programs and Python's
/// `csv` module write), a header row, UTF-8 without a byte order mark, fields quoted only when they
/// hold a comma, a double quote, CR or LF, double quotes doubled. A field that would begin with
/// `=`, `+`, `-`, `@`, tab, CR or LF begins with `'` instead, so that a spreadsheet shows it as
/// text rather than run it as a formula (OWASP's "CSV Injection" remedy); a program reading the
/// file drops a leading `'` that comes before one of those characters. Inside a field, `=`, `+`,
/// `-` or `@` after a `;`, a tab, CR or LF gets a `'` before it too: a spreadsheet opens a CSV with its
/// locale's list separator (`;` in much of Europe; LibreOffice also splits on tabs) and a quote in
/// the middle of a field is no quote to it, so `x;=1+2` would be two cells there, the second a
/// formula, and a line break inside a quoted field starts a row.
///
/// One row per target attribute definition of `entra-mappings.json`, in its order (users, then
/// groups), then one row per custom field mapping the vendor sets up only on request, marked so
/// in `status`. Columns (the README maps each to the admin center):
///
/// - `object`: `User` or `Group`.
/// - `target attribute`: the target attribute as Entra names it.
/// - `mapping type`: `Direct`, `Expression` or `Constant`; empty when the file has no mapping for it.
/// - `source`: the source attribute, the expression as Graph writes it, or the constant.
/// - `source from`: `vendor` when the descriptor names the source, `entra` for Entra's default.
/// - `default value`: the mapping's `defaultValue`.
/// - `matching precedence`: the mapping's `matchingPriority`; empty when it is not used for matching.
/// - `flowType`, `flowBehavior`: the mapping's, Graph's defaults (`Always`, `FlowWhenChanged`) filled in.
/// - `type`: the definition's Entra type.
/// - `required`: the definition's `required`; empty when the vendor does not say.
/// - `filterable`: whether the vendor filters on it; empty for attributes outside the tables.
/// - `field ref`: the vendor's own field, such as a Thrive custom field ref.
/// - `status`: `mapped`, `unmapped` (defined, but no source is known: map it by hand) or
///   `on request (not in entra-mappings.json)`.
enum EntraMappingCSV {
    /// The header row.
    static let header = [
        "object", "target attribute", "mapping type", "source", "source from", "default value", "matching precedence",
        "flowType", "flowBehavior", "type", "required", "filterable", "field ref", "status",
    ]

    /// The `status` of a row the JSON does not hold.
    static let onRequest = "on request (not in entra-mappings.json)"

    /// The rows under the header.
    static func rows(_ part: EntraVendorPart, vendor: ResolvedVendor) -> [[String]] {
        var fieldRefs: [String: String] = [:]
        var onRequestRows: [[String]] = []
        var userTargets = Set(part.user.definitions.map { $0.name.lowercased() })
        for field in vendor.customFields {
            let allowed = field.allowed
            let name = EntraVendorPart.entraName(field.attribute, resource: .user)
            let type = EntraVendorPart.entraType(AttributeTableValidator.tableTypeName(field.attribute))
            if let ref = allowed.fieldRef, fieldRefs[name.lowercased()] == nil { fieldRefs[name.lowercased()] = ref }
            guard userTargets.insert(name.lowercased()).inserted else { continue }
            onRequestRows.append(["User", name, "", "", "", "", "", "", "", type, "", "", allowed.fieldRef ?? "", onRequest])
        }
        var rows: [[String]] = []
        for object in part.objects {
            for definition in object.definitions {
                let key = definition.name.lowercased()
                let mapping = object.mappings.first { $0.target.lowercased() == key }
                let row = object.targets.first { $0.name.lowercased() == key }?.row
                let fieldRef = row?.fieldRef ?? (object.resource == .user ? fieldRefs[key] : nil)
                var fields = [object.resource.rawValue, definition.name]
                if let mapping {
                    let source = EntraSource(mapping.source)
                    fields += [
                        source.mappingType.rawValue, source.text, mapping.sourceIsDefault ? "entra" : "vendor",
                        mapping.defaultValue ?? "", mapping.matchingPriority > 0 ? String(mapping.matchingPriority) : "",
                        (mapping.flowType ?? .always).rawValue, (mapping.flowBehavior ?? .flowWhenChanged).rawValue,
                    ]
                } else {
                    fields += ["", "", "", "", "", "", ""]
                }
                fields += [
                    definition.type, definition.required.map { $0 ? "true" : "false" } ?? "",
                    row.map { $0.filterable ? "true" : "false" } ?? "", fieldRef ?? "", mapping == nil ? "unmapped" : "mapped",
                ]
                rows.append(fields)
            }
            if object.resource == .user { rows += onRequestRows }
        }
        return rows
    }

    /// The document: header and rows, CRLF after every record.
    static func write(_ rows: [[String]]) -> [UInt8] {
        var output: [UInt8] = []
        for row in [header] + rows {
            for (index, field) in row.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                appendField(field, to: &output)
            }
            output.append(contentsOf: [0x0D, 0x0A])
        }
        return output
    }

    /// The field as a spreadsheet will show it: with `'` before a leading formula character, and
    /// before `=`, `+`, `-` or `@` where a program that splits on `;`, tabs or lines would start a cell.
    static func neutralized(_ field: String) -> String {
        let scalars = field.unicodeScalars
        guard let first = scalars.first else { return field }
        let needsMark = formulaStarts.contains(first)
            || zip(scalars, scalars.dropFirst()).contains { cellBreaks.contains($0) && formulaStartsAfterABreak.contains($1) }
        guard needsMark else { return field }
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in scalars {
            let marks = previous.map { cellBreaks.contains($0) && formulaStartsAfterABreak.contains(scalar) } ?? formulaStarts.contains(scalar)
            if marks { result.append("'") }
            result.append(scalar)
            previous = scalar
        }
        return String(result)
    }

    /// The characters OWASP's "CSV Injection" page says no cell may begin with.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n"]
    /// Where some program reading the file starts a new cell inside a field.
    static let cellBreaks: Set<Unicode.Scalar> = [";", "\t", "\r", "\n"]
    /// The formula characters marked after a cell break (a line break itself is no formula there).
    static let formulaStartsAfterABreak: Set<Unicode.Scalar> = ["=", "+", "-", "@"]
}

// MARK: - Helpers

private extension EntraMappingCSV {
    static func appendField(_ field: String, to output: inout [UInt8]) {
        let bytes = Array(neutralized(field).utf8)
        let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { return output.append(contentsOf: bytes) }
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { output.append(byte) }
            output.append(byte)
        }
        output.append(UInt8(ascii: "\""))
    }
}
