import Foundation
import Mustache

/// Reads everything generation needs from disk: descriptors, shared templates and per-vendor overrides.
///
/// Loading never stops at the first problem: every descriptor, template and override is read and every
/// problem is returned, so one run of `validate` or `generate` shows them all.
public enum SiteLoader {
    /// The folder inside a vendor folder that holds its template overrides.
    public static let overridesFolder = "templates"
    /// The most all vendors' template overrides may hold together, in bytes (16 MiB).
    public static let maximumOverrideBytes = 16 << 20

    /// What loading found: the input when nothing is wrong, and every diagnostic.
    public struct Result: Sendable {
        /// The input, nil when there is any error.
        public var input: SiteInput?
        /// The vendors that passed validation, even when others did not.
        public var vendors: [ResolvedVendor]
        /// Errors and warnings in file and position order.
        public var diagnostics: [Diagnostic]
        /// Whether any diagnostic is an error.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Loads descriptors from `vendors` and, when `kinds` includes documents, templates from `templates`.
    ///
    /// - Parameters:
    ///   - vendorsDisplay: how the vendors folder is named in messages, such as `Vendors`.
    ///   - templatesDisplay: how the templates folder is named in messages, such as `Templates`.
    ///   - only: vendor ids to load; empty loads all.
    public static func load(
        vendors: URL, vendorsDisplay: String,
        templates: URL, templatesDisplay: String,
        only: [String] = [], kinds: OutputKinds = .all
    ) -> Result {
        let set = VendorLoader.load(directory: vendors, display: vendorsDisplay, only: only)
        var diagnostics = set.diagnostics
        var shared = TemplateLibrary()
        var overrides: [String: TemplateLibrary] = [:]
        if kinds.contains(.docs) {
            var sharedLoaded = true
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: templates.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
                diagnostics.append(
                    Diagnostic(.error, "templates folder '\(templatesDisplay)' does not exist; pass --templates DIR"))
                sharedLoaded = false
            } else {
                do {
                    shared = try TemplateLibrary(directory: templates, display: templatesDisplay)
                } catch {
                    diagnostics += error.errors.map(Diagnostic.init(templateError:))
                    sharedLoaded = false
                }
            }
            // Each folder is bounded when read; together they are bounded here, so that overrides
            // planted in every vendor's folder cannot fill memory either.
            var overrideBytes = 0
            for vendor in set.vendors where overrideBytes <= maximumOverrideBytes {
                let folder = vendors.appendingPathComponent(vendor.id).appendingPathComponent(overridesFolder)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { continue }
                let display = "\(vendorsDisplay)/\(vendor.id)/\(overridesFolder)"
                guard isDirectory.boolValue else {
                    diagnostics.append(
                        Diagnostic(.error, "'\(display)' must be a folder of .mustache templates", at: SourceLocation(file: display, line: 1, column: 1)))
                    continue
                }
                if let problem = linkProblem(folder, inside: vendors.appendingPathComponent(vendor.id), display: display) {
                    diagnostics.append(problem)
                    continue
                }
                do {
                    let library = try TemplateLibrary(directory: folder, display: display)
                    for name in library.names where sharedLoaded && shared[name] == nil {
                        guard let template = library[name] else { continue }
                        diagnostics.append(
                            Diagnostic(
                                .warning,
                                "override '\(name)' replaces no shared template; it is used only if another template of this vendor includes it",
                                at: SourceLocation(file: template.file, line: 1, column: 1)))
                    }
                    overrides[vendor.id] = library
                    overrideBytes += library.bytesRead
                    if overrideBytes > maximumOverrideBytes {
                        diagnostics.append(
                            Diagnostic(
                                .error,
                                "vendors' template overrides exceed \(maximumOverrideBytes) bytes together with '\(display)'; "
                                    + "an override should hold only the partials a vendor changes",
                                at: SourceLocation(file: display, line: 1, column: 1)))
                    }
                } catch {
                    diagnostics += error.errors.map(Diagnostic.init(templateError:))
                }
            }
            var reported = Set<TemplateError>()
            var libraries = [shared]
            for id in overrides.keys.sorted() { libraries.append(shared.overlaying(overrides[id]!)) }
            for library in libraries {
                for missing in library.missingPartials() + library.transformProblems(TemplateTransforms.all)
                where reported.insert(missing).inserted {
                    diagnostics.append(Diagnostic(templateError: missing))
                }
            }
            // Names the data never has, in every vendor's templates: found here, not halfway through generating.
            if sharedLoaded {
                diagnostics += TemplateNames.problems(shared: shared, overrides: overrides, vendors: set.vendors)
            }
        }
        diagnostics.sort(by: diagnosticOrder)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        let input = hasErrors ? nil : SiteInput(vendors: set.vendors, templates: shared, overrides: overrides)
        return Result(input: input, vendors: set.vendors, diagnostics: diagnostics)
    }

    /// An error when `folder` resolves outside `container`, as a symbolic link can make it.
    static func linkProblem(_ folder: URL, inside container: URL, display: String) -> Diagnostic? {
        let root = container.resolvingSymlinksInPath().standardizedFileURL.path
        let resolved = folder.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved != root, !resolved.hasPrefix(root + "/") else { return nil }
        return Diagnostic(
            .error, "'\(display)' is a link that leads outside its vendor folder; replace it with a folder",
            at: SourceLocation(file: display, line: 1, column: 1))
    }
}

extension Diagnostic {
    /// A template engine error as a diagnostic; errors about a whole file (line 0) point at its start.
    public init(templateError error: TemplateError) {
        self.init(
            .error, error.message,
            at: SourceLocation(file: error.file, line: max(error.line, 1), column: max(error.column, 1)))
    }
}
