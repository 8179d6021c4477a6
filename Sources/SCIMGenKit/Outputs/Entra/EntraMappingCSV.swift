/// `attribute-mappings.csv`: one row per target attribute, for reviewers and spreadsheets.
///
/// Format: RFC 4180 with CRLF line breaks (the RFC's, and what spreadsheet programs and Python's
/// `csv` module write), a header row, UTF-8 without a byte order mark, fields quoted only when they
/// hold a comma, a double quote, CR or LF, double quotes doubled. Rows come in descriptor order:
/// the user table, then custom field mappings the table does not hold, then the group table.
/// Columns:
///
/// - `object`: `User` or `Group`.
/// - `target`: the target attribute as Entra names it.
/// - `type`: the type the descriptor's table gives.
/// - `source type`: `Attribute`, `Function` or `Constant`; empty when there is no source.
/// - `source`: the source attribute, expression or constant value.
/// - `source from`: `vendor` when the descriptor names the source, `entra` for Entra's default.
/// - `matching`: the matching precedence; empty when the attribute is not used for matching.
/// - `required`: `true` or `false`; empty when the vendor does not say.
/// - `filterable`: `true` or `false`; empty for custom field mappings.
/// - `flow type`: Entra's `flowType` of a mapped attribute (`Always` unless the descriptor says otherwise).
/// - `default value`: the mapping's default value.
/// - `field ref`: the vendor's own field, such as a Thrive custom field ref.
/// - `status`: `mapped` (in `entra-mappings.json`), `unmapped` (defined there, but no source is
///   known) or `on request` (a custom field mapping the vendor sets up when asked).
enum EntraMappingCSV {
    /// The header row.
    static let header = [
        "object", "target", "type", "source type", "source", "source from", "matching", "required", "filterable",
        "flow type", "default value", "field ref", "status",
    ]

    /// The rows under the header.
    static func rows(_ part: EntraVendorPart, vendor: ResolvedVendor) -> [[String]] {
        var rows: [[String]] = []
        var customRows: [[String]] = []
        var userTargets = Set(part.user.targets.map { $0.name.lowercased() })
        var fieldRefs: [String: String] = [:]
        for field in vendor.customFields {
            let allowed = field.allowed
            let name = EntraVendorPart.entraName(field.attribute, resource: .user)
            let type = AttributeTableValidator.tableTypeName(field.attribute)
            if let ref = allowed.fieldRef, fieldRefs[name.lowercased()] == nil { fieldRefs[name.lowercased()] = ref }
            guard userTargets.insert(name.lowercased()).inserted else { continue }
            let source = EntraDefaultSources.source(for: name, in: .user)
            customRows.append(
                ["User", name, type] + describe(source) + [source == nil ? "" : "entra", "", "", "", "", "", allowed.fieldRef ?? "", "on request"])
        }
        for object in part.objects {
            for target in object.targets {
                let row = target.row
                let mapped = target.source != nil
                let fieldRef = row.fieldRef ?? (object.resource == .user ? fieldRefs[target.name.lowercased()] : nil)
                rows.append(
                    [object.resource.rawValue, target.name, row.type.rawValue] + describe(target.source) + [
                        mapped ? (target.sourceIsDefault ? "entra" : "vendor") : "",
                        target.matchingPriority > 0 ? String(target.matchingPriority) : "",
                        row.required.map { $0 ? "true" : "false" } ?? "", row.filterable ? "true" : "false",
                        mapped ? (row.flowType ?? .always).rawValue : "", row.defaultValue ?? "", fieldRef ?? "",
                        mapped ? "mapped" : "unmapped",
                    ])
            }
            if object.resource == .user { rows += customRows }
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
}

// MARK: - Helpers

private extension EntraMappingCSV {
    static func describe(_ source: MappingSource?) -> [String] {
        guard let source else { return ["", ""] }
        let (expression, name, type) = EntraExpression.describe(source)
        return [type, type == "Function" ? expression : name]
    }

    static func appendField(_ field: String, to output: inout [UInt8]) {
        let bytes = Array(field.utf8)
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
