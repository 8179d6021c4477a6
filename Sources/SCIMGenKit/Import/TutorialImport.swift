/// The result of importing one Microsoft Learn provisioning tutorial: the descriptor it yields,
/// what could not be placed in it, and the figures an import report shows.
public struct TutorialImport: Hashable, Sendable {
    /// The vendor id, a slug of the app's name (`Lucid (All Products)` is `lucid-all-products`);
    /// nil when the file names no app.
    public var id: String?
    /// The app's display name as the tutorial writes it; nil when the file names no app.
    public var name: String?
    /// The descriptor, as `validate` reads it back; nil when the import failed.
    public var descriptor: VendorDescriptor?
    /// The descriptor written by `DescriptorCodec`, ready for `Vendors/<id>/vendor.json`; nil when the import failed.
    public var bytes: [UInt8]?
    /// Every error, warning and note, located at the tutorial's lines, in line order.
    public var diagnostics: [Diagnostic]
    /// Each fact that found no place in the descriptor, as `line N: text`, in line order.
    public var notImported: [String]
    /// The published defects the import corrected or left out, in line order.
    public var corrections: [ImportCorrection]
    /// The data rows of the tutorial's tables.
    public var rowsFound: Int
    /// The rows placed in the user and group attribute tables.
    public var rowsImported: Int
    /// Of those, the rows whose path or type differs from the tutorial's: corrected, or a type
    /// completed where the tutorial gives none Entra knows.
    public var rowsCorrected: Int
    /// The units of the source that carry text: front matter lines, paragraphs, list and checklist
    /// items, alerts, images, code blocks and table rows.
    public var units: Int
    /// Units whose facts went into the descriptor.
    public var unitsImported: Int
    /// Units recognised as template text, which scimgen's templates write again.
    public var unitsBoilerplate: Int
    /// Units with something the descriptor has no place for; each has a warning.
    public var unitsNotImported: Int

    /// Creates a result; `TutorialImporter.importTutorial` is the usual way to get one.
    public init(
        id: String? = nil, name: String? = nil, descriptor: VendorDescriptor? = nil, bytes: [UInt8]? = nil,
        diagnostics: [Diagnostic] = [], notImported: [String] = [], corrections: [ImportCorrection] = [],
        rowsFound: Int = 0, rowsImported: Int = 0, rowsCorrected: Int = 0, units: Int = 0, unitsImported: Int = 0, unitsBoilerplate: Int = 0, unitsNotImported: Int = 0
    ) {
        self.id = id
        self.name = name
        self.descriptor = descriptor
        self.bytes = bytes
        self.diagnostics = diagnostics
        self.notImported = notImported
        self.corrections = corrections
        self.rowsFound = rowsFound
        self.rowsImported = rowsImported
        self.rowsCorrected = rowsCorrected
        self.units = units
        self.unitsImported = unitsImported
        self.unitsBoilerplate = unitsBoilerplate
        self.unitsNotImported = unitsNotImported
    }

    /// Whether a descriptor was made.
    public var succeeded: Bool { descriptor != nil }

    /// Whether every row of every table went into the descriptor as the tutorial wrote it.
    public var allRowsImported: Bool { rowsImported == rowsFound && rowsCorrected == 0 }

    /// The errors: why the import failed, when it did.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The warnings: each fact not imported and each doubt about one that was.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
