/// Merges a vendor's attribute definitions and mappings into a synchronization schema that an
/// administrator downloaded from Microsoft Entra, returning the whole schema to paste back or PUT,
/// and a report of what it did and what is left to do.
///
/// Entra replaces the whole schema on save (admin center) and on `PUT …/jobs/{jobId}/schema`
/// (Graph), so the merge returns everything: the tenant's `id`, `version`, directory ids, rule and
/// object names, source directory, every attribute and mapping the vendor does not name, unknown
/// keys and metadata, all in their order. Saving restarts provisioning with an initial cycle.
///
/// What it does, with the vendor's part as `entra-mappings.json` shows it (`EntraMappingOutput`):
///
/// 1. Finds the rule that reads from `Microsoft Entra ID` (or `Azure Active Directory`) and its
///    object mapping from `User` to the SCIM app's user object, and, when the vendor provisions
///    groups, the one from `Group` (in the same rule, or another from Entra to the same directory).
///    A target counts as a SCIM app when its object is named by a SCIM URN
///    (`urn:ietf:params:scim:schemas:core:2.0:User`, `…:extension:enterprise:2.0:User`,
///    `…:core:2.0:Group`), its directory is `customappsso` (Entra's name for a non-gallery SCIM
///    app), or its attributes carry names only SCIM apps use (a SCIM URN, a value filter such as
///    `emails[type eq "work"].value`); anything else (Salesforce's `User` in `salesforce.com`) is
///    refused. Directory and object names are the tenant's from then on.
/// 2. Only adds, by default: a target attribute definition the tenant lacks is appended, completed
///    with Graph's defaults; a definition the tenant has is never changed (required, type,
///    mutability, anchor…), except the vendor's own extension attributes with `prefer: .vendor`.
///    Differences are reported.
/// 3. An attribute mapping the tenant lacks is appended; one the tenant has keeps the tenant's
///    source, flow settings and default value, and every difference is a reported conflict.
///    `prefer: .vendor` takes the vendor's side of each conflict instead.
/// 4. Matching: the tenant's matching precedences stay, and new mappings match on nothing, unless
///    `matching: .vendor` is given or the tenant matches on nothing; then the vendor's precedences
///    replace them all. Either way the result has exactly one attribute at precedence 1 per object
///    mapping, or the merge is refused.
/// 5. Object mappings, rules, directories and objects the merge does not touch are left as they
///    are, whatever they hold.
///
/// It refuses, with every problem located in the schema file: a file that is not JSON or not a
/// synchronization schema; a target that is not a SCIM app; in the parts it touches, names that
/// are not strings, a rule or object mapping whose directory or object is not defined, a mapping
/// whose target attribute is not defined, a target mapped twice, a source attribute (`[name]` in
/// an expression) that the source object does not define, an object with other than one anchor
/// attribute; an ambiguous or missing user (or, for a vendor whose groups are not optional, group)
/// object mapping; and a result without exactly one matching attribute at precedence 1.
public enum EntraMerge {
    /// How conflicts and matching are settled.
    public struct Options: Hashable, Sendable {
        /// Whose side of a conflicting mapping setting (or of the vendor's own definitions) wins.
        public var prefer: EntraMergeReport.Side
        /// Whose matching precedences the merged schema has.
        public var matching: EntraMergeReport.Side

        /// Creates options; the tenant wins everything by default.
        public init(prefer: EntraMergeReport.Side = .tenant, matching: EntraMergeReport.Side = .tenant) {
            self.prefer = prefer
            self.matching = matching
        }
    }

    /// The merged schema and the report.
    public struct Result: Sendable {
        /// The merged schema as UTF-8 JSON (two-space indent, final newline).
        public var schema: [UInt8]
        /// What the merge did and what is left to do.
        public var report: EntraMergeReport
    }

    /// Merges the vendor's part into a downloaded schema.
    ///
    /// - Parameters:
    ///   - schema: the downloaded schema's bytes (UTF-8; a byte order mark is accepted).
    ///   - file: the schema's path as the user gave it, for messages.
    ///   - vendor: the vendor whose part is merged.
    ///   - options: who wins conflicts and matching.
    /// - Throws: every problem found, each located in `file`.
    public static func merge(
        schema: [UInt8], file: String, vendor: ResolvedVendor, options: Options = Options()
    ) throws(DiagnosticsError) -> Result {
        let root = try parse(schema, file: file)
        let (read, problems) = EntraSchemaDocument.read(root, file: file)
        guard let document = read, problems.isEmpty else { throw DiagnosticsError(problems.sorted(by: diagnosticOrder)) }
        var plan = EntraMergePlan(document: document, part: EntraVendorPart(vendor: vendor), vendor: vendor, file: file, options: options)
        plan.check()
        guard plan.diagnostics.isEmpty else { throw DiagnosticsError(plan.diagnostics.sorted(by: diagnosticOrder)) }
        let original = root.jsonValue
        let merged = plan.apply(to: original)
        let report = plan.report(changed: merged != original)
        return Result(schema: JSONWriter.writeBytes(merged), report: report)
    }
}

// MARK: - Reading

private extension EntraMerge {
    static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> JSONNode {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw DiagnosticsError([
                Diagnostic(.error, "'\(file)' is UTF-16 text; save it as UTF-8 and merge again", at: start)
            ])
        }
        // Windows tools like to start UTF-8 with a byte order mark; it carries no data.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        do {
            return try JSONParser.parse(body)
        } catch {
            throw DiagnosticsError([error.diagnostic(in: file)])
        }
    }
}
