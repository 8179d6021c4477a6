/// The facts an import has placed so far, in the shape of a descriptor, written out by
/// `ImportedVendor+JSON` in the key order of the committed `Vendors/*/vendor.json` files.
struct ImportedVendor: Sendable {
    /// A screenshot, as the descriptor writes it.
    struct Shot: Hashable, Sendable {
        var path: String
        var alt: String
    }

    /// A credential step.
    struct Step: Hashable, Sendable {
        var text: String
        var code: CodeBlock?
        var shot: Shot?
    }

    /// An attribute table row with the line it came from.
    struct Row: Hashable, Sendable {
        var path: String
        var type: AttributeType
        var filterable: Bool
        var required: Bool?
        var matching: Int?
        var source: MappingSource?
        var fieldRef: String?
        var line: Int
    }

    /// An attribute table.
    struct Table: Hashable, Sendable {
        var mappingName: String?
        var optional = false
        var rows: [Row] = []
        /// Whether a table was found for it (a mapping name alone does not make a table).
        var found = false
        /// Whether the table had a matching column, which then replaces Entra's default matching.
        var statesMatching = false
    }

    var name: String
    var website: String?
    var singleSignOnTutorial: String?
    var learn: [(key: String, value: String)] = []
    var capabilities: Capabilities?
    var prerequisites: [Prerequisite] = []
    var steps: [Step] = []
    var responseFields: Credentials.ResponseFields?
    var tenantURL: String?
    var secretTokenName: String?
    var testConnectionHint: String?
    var notes: [Note] = []
    var assignmentTips: [String] = []
    var provisioningScreenshots: [ProvisioningStep: Shot] = [:]
    var users = Table()
    var groups = Table()
    var extensions: [ExtensionSchema] = []

    init(name: String) { self.name = name }
}
