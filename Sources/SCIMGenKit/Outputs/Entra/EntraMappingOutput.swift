/// The Microsoft Entra attribute mapping files of one vendor: `<id>/mappings/entra-mappings.json`
/// and `<id>/mappings/attribute-mappings.csv`.
///
/// ## `entra-mappings.json`
///
/// The vendor's part of a Microsoft Graph `synchronizationSchema`, written as a new non-gallery
/// SCIM app names things. It cannot be pasted into Entra by itself (Entra replaces the whole
/// schema on save); `EntraMerge` merges it into the schema an administrator downloads, reading the
/// tenant's own directory and object names from the download. Its `$comment` says so.
///
/// ```
/// {
///   "$comment": "A fragment, not a whole synchronizationSchema: …",
///   "directories": [ { "name": "customappsso", "objects": [
///     { "attributes": [ <definition>… ], "name": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" },
///     { "attributes": [ <definition>… ], "name": "urn:ietf:params:scim:schemas:core:2.0:Group" } ] } ],
///   "synchronizationRules": [ { "objectMappings": [
///     { "attributeMappings": [ <mapping>… ], "sourceObjectName": "User", "targetObjectName": "urn:…:enterprise:2.0:User" },
///     { "attributeMappings": [ <mapping>… ], "sourceObjectName": "Group", "targetObjectName": "urn:…:core:2.0:Group" } ],
///     "sourceDirectoryName": "Microsoft Entra ID", "targetDirectoryName": "customappsso" } ]
/// }
/// ```
///
/// The group object and mapping are there only when the vendor provisions groups. Keys are in
/// Graph's (alphabetical) order; the JSON is written by `JSONWriter` (two-space indent, final newline).
///
/// - A `<definition>` is a Graph `attributeDefinition` holding only what the vendor states: `name`,
///   `type` (Decimal becomes String), `multivalued`, `required` when the vendor says, `caseExact` and
///   `mutability` for the vendor's own extension attributes, and `referencedObjects` for references.
///   There is one per table row, then one per vendor extension attribute that no row maps.
/// - A `<mapping>` is a Graph `attributeMapping` for every row with a source (the descriptor's, or
///   Entra's default from `EntraDefaultSources`): `defaultValue`, `flowBehavior` and `flowType` when
///   the descriptor gives them, `matchingPriority` (the table's precedences; without any, 1 for
///   `userName` and for the group's `displayName`; 0 for the rest), `source` (Graph's
///   `attributeMappingSource`: `expression`, `name`, `parameters` (a function's parsed parameter
///   tree, keyed as Entra keys them, from `EntraExpressionParser`), `type`) and
///   `targetAttributeName`. Rows with no known source get a definition and no mapping. The file does
///   not say which sources are only Entra's defaults (the CSV's `source from` column does).
///
/// ## `attribute-mappings.csv`
///
/// Described at `EntraMappingCSV`: RFC 4180, CRLF, exactly the definitions of the JSON with their
/// mappings, then the vendor's "on request" attributes, marked.
public enum EntraMappingOutput {
    /// The folder of the files inside the vendor's site folder.
    public static let folder = "mappings"
    /// The name of the schema part.
    public static let jsonName = "entra-mappings.json"
    /// The name of the table.
    public static let csvName = "attribute-mappings.csv"

    /// Both files, keyed by their path relative to the site root, such as `lusid/mappings/entra-mappings.json`.
    public static func files(for vendor: ResolvedVendor) -> [String: [UInt8]] {
        let part = EntraVendorPart(vendor: vendor)
        let base = "\(vendor.id)/\(folder)/"
        return [
            base + jsonName: JSONWriter.writeBytes(part.jsonValue),
            base + csvName: EntraMappingCSV.write(EntraMappingCSV.rows(part, vendor: vendor)),
        ]
    }
}
