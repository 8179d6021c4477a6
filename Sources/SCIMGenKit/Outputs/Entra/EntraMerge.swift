/// Merges a vendor's attribute definitions and mappings into a synchronization schema that an
/// administrator downloaded from Microsoft Entra, returning the whole schema to paste back or PUT.
///
/// Entra replaces the whole schema on save (admin center) and on `PUT …/jobs/{jobId}/schema`
/// (Graph), so the merge returns everything: the tenant's `id`, `version`, directory ids, rule and
/// object names, source directory, every attribute and mapping the vendor does not name, unknown
/// keys and metadata, all in their order. Saving restarts provisioning with an initial cycle.
///
/// What it does, with the vendor's part as `entra-mappings.json` shows it (`EntraMappingOutput`):
///
/// 1. Finds the rule whose `sourceDirectoryName` is `Microsoft Entra ID` or `Azure Active Directory`
///    and its object mapping from `User` to `urn:…:enterprise:2.0:User`, `urn:…:core:2.0:User` or
///    `User`; when the vendor provisions groups, also the one from `Group` to `urn:…:core:2.0:Group`
///    or `Group`. Directory and object names are the tenant's from then on.
/// 2. Target attribute definitions, matched by name ignoring case: a new one is appended to the
///    target object, completed with Graph's defaults (`anchor` false, `mutability` ReadWrite…); an
///    existing one gets the keys the vendor states (`type`, `multivalued`, `required`…) in place,
///    and keeps the rest, its `referencedObjects` included.
/// 3. Attribute mappings, matched by target name ignoring case: a new one is appended to the object
///    mapping, completed with Graph's defaults (`flowType` Always, `flowBehavior` FlowWhenChanged,
///    `exportMissingReferences` false…); an existing one gets `matchingPriority`, `source` and the
///    flow settings and default value the vendor states, in place. The tenant's source stays when
///    the descriptor names none (Entra's default only fills mappings the tenant lacks; an admin's
///    customised source wins) and when it has the same type and expression (it keeps the
///    parameters Entra filled in). Mappings the vendor does not name stay.
///
/// It refuses, with every problem located in the schema file: a file that is not JSON or not a
/// synchronization schema; a rule or object mapping whose directory or object names the schema does
/// not define; a mapping whose target attribute is not defined; a target mapped twice in one object
/// mapping; a source attribute (`[name]` in an expression) that the source object does not define;
/// an object with other than one anchor attribute; and an ambiguous or missing user (or, for a
/// vendor with groups, group) object mapping.
public enum EntraMerge {
    /// The merged schema as UTF-8 JSON (two-space indent, final newline).
    ///
    /// - Parameters:
    ///   - schema: the downloaded schema's bytes (UTF-8; a byte order mark is accepted).
    ///   - file: the schema's path as the user gave it, for messages.
    ///   - vendor: the vendor whose part is merged.
    /// - Throws: every problem found, each located in `file`.
    public static func merge(schema: [UInt8], file: String, vendor: ResolvedVendor) throws(DiagnosticsError) -> [UInt8] {
        let root = try parse(schema, file: file)
        let (read, problems) = EntraSchemaDocument.read(root, file: file)
        guard let document = read, problems.isEmpty else { throw DiagnosticsError(problems.sorted(by: diagnosticOrder)) }
        var plan = EntraMergePlan(document: document, part: EntraVendorPart(vendor: vendor), vendor: vendor, file: file)
        plan.check()
        guard plan.diagnostics.isEmpty else { throw DiagnosticsError(plan.diagnostics.sorted(by: diagnosticOrder)) }
        return JSONWriter.writeBytes(plan.apply(to: root.jsonValue))
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
