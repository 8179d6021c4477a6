import Foundation
import Mustache
import SCIMGenKit

extension DiffCommand {
    /// One side of a comparison: its vendors, what renders them, and its template files.
    struct Side {
        /// The vendors that loaded.
        var vendors: [ResolvedVendor] = []
        /// What renders them; nil when loading failed.
        var input: SiteInput?
        /// The kinds of output this side can render: documents only when there are templates.
        var kinds: OutputKinds = .all
        /// Whether the side is a whole set of vendors, so that its index means something.
        var includesIndex = true
        /// Template files by a name both sides share, such as `Templates/partials/plan.md.mustache`.
        var templateFiles: [String: [UInt8]] = [:]
        /// Every problem found while loading.
        var diagnostics: [Diagnostic] = []
        /// The name per-vendor override files are listed under (`Vendors`), when the side has any.
        var overridesName: String?

        /// The vendor a template file listed as `Vendors/<id>/templates/…` overrides, or nil for a shared one.
        func overrideOwner(_ name: String) -> String? {
            guard let overridesName, name.hasPrefix(overridesName + "/") else { return nil }
            let rest = name.dropFirst(overridesName.count + 1).split(separator: "/", maxSplits: 2)
            return rest.count == 3 && rest[1] == Substring(SiteLoader.overridesFolder) ? String(rest[0]) : nil
        }

        /// The files of the vendors in `ids` (those this side has).
        func render(_ ids: Set<String>) throws(DiagnosticsError) -> [String: [UInt8]] {
            guard var input else { return [:] }
            input.vendors = input.vendors.filter { ids.contains($0.id) }
            return try Self.catching { try SiteGenerator.generate(input, kinds: kinds, includeIndex: false) }
        }

        /// The site index, when this side has one.
        func renderIndex() throws(DiagnosticsError) -> [String: [UInt8]] {
            guard let input, includesIndex, kinds.contains(.docs) else { return [:] }
            return try Self.catching { try SiteIndex.files(for: input.vendors, templates: input.templates) }
        }

        private static func catching(_ body: () throws -> [String: [UInt8]]) throws(DiagnosticsError) -> [String: [UInt8]] {
            do {
                return try body()
            } catch let error as DiagnosticsError {
                throw error
            } catch let error as TemplateError {
                throw DiagnosticsError([Diagnostic(templateError: error)])
            } catch {
                throw DiagnosticsError([Diagnostic(.error, "\(error)")])
            }
        }
    }
}

// MARK: - Loading

extension DiffCommand.Side {
    /// A project's folders: its vendors with their overrides, and its shared templates.
    ///
    /// - Parameter keyedAs: the names template files are listed under, the same for both sides.
    static func load(
        vendors: URL, vendorsName: String, templates: URL, templatesName: String, kinds: OutputKinds,
        keyedAs: (vendors: String, templates: String)
    ) -> Self {
        let result = SiteLoader.load(
            vendors: vendors, vendorsDisplay: vendorsName, templates: templates, templatesDisplay: templatesName, kinds: kinds)
        var side = Self(
            vendors: result.vendors, input: result.input, kinds: kinds, diagnostics: result.diagnostics,
            overridesName: keyedAs.vendors)
        side.templateFiles = files(under: templates, named: keyedAs.templates)
        for vendor in result.vendors {
            let folder = vendors.appendingPathComponent(vendor.id).appendingPathComponent(SiteLoader.overridesFolder)
            side.templateFiles.merge(files(under: folder, named: "\(keyedAs.vendors)/\(vendor.id)/\(SiteLoader.overridesFolder)")) { a, _ in a }
        }
        return side
    }

    /// A project's folders as read from a git revision: the descriptors from memory, the templates
    /// (shared and overrides) from the scratch folder they were written to.
    static func load(
        revision: String, vendors: GitRevision.Folder, templates: GitRevision.Folder, kinds: OutputKinds,
        keyedAs: (vendors: String, templates: String)
    ) -> Self {
        var sources: [VendorSource] = []
        for (path, bytes) in vendors.files.sorted(by: { $0.key < $1.key }) {
            let parts = path.split(separator: "/")
            guard parts.count == 2, parts[1] == Substring(VendorLoader.descriptorName), VendorLoader.isValidID(String(parts[0]))
            else { continue }
            sources.append(VendorSource(id: String(parts[0]), file: "\(revision):\(vendors.path)/\(path)", bytes: bytes))
        }
        let set = VendorLoader.load(sources: sources)
        var side = Self(vendors: set.vendors, kinds: kinds, diagnostics: set.diagnostics, overridesName: keyedAs.vendors)
        var shared = TemplateLibrary()
        var overrides: [String: TemplateLibrary] = [:]
        if kinds.contains(.docs) {
            do {
                shared = try TemplateLibrary(directory: templates.url, display: "\(revision):\(templates.path)")
            } catch {
                side.diagnostics += error.errors.map(Diagnostic.init(templateError:))
            }
            for vendor in set.vendors {
                let folder = vendors.url.appendingPathComponent(vendor.id).appendingPathComponent(SiteLoader.overridesFolder)
                guard FileManager.default.fileExists(atPath: folder.path) else { continue }
                do {
                    overrides[vendor.id] = try TemplateLibrary(
                        directory: folder, display: "\(revision):\(vendors.path)/\(vendor.id)/\(SiteLoader.overridesFolder)")
                } catch {
                    side.diagnostics += error.errors.map(Diagnostic.init(templateError:))
                }
            }
        }
        if !side.diagnostics.contains(where: { $0.severity == .error }) {
            side.input = SiteInput(vendors: set.vendors, templates: shared, overrides: overrides)
        }
        for (path, bytes) in templates.files { side.templateFiles["\(keyedAs.templates)/\(path)"] = bytes }
        let ids = Set(set.vendors.map(\.id))
        for (path, bytes) in vendors.files {
            let parts = path.split(separator: "/", maxSplits: 2)
            guard parts.count == 3, parts[1] == Substring(SiteLoader.overridesFolder), ids.contains(String(parts[0])) else { continue }
            side.templateFiles["\(keyedAs.vendors)/\(path)"] = bytes
        }
        return side
    }

    /// A descriptor file, a vendor folder or a folder of vendors, rendered with the project's templates
    /// (documents are left out when there are none).
    static func load(path: String, templates: String, context: CommandContext) -> Self {
        let url = context.url(path)
        let display = CommandContext.display(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return Self(diagnostics: [Diagnostic(.error, "'\(display)' does not exist")])
        }
        let templatesURL = context.url(templates)
        var hasTemplates: ObjCBool = false
        let kinds: OutputKinds =
            FileManager.default.fileExists(atPath: templatesURL.path, isDirectory: &hasTemplates) && hasTemplates.boolValue
            ? .all : [.scim, .mappings]
        let inner = url.appendingPathComponent(VendorLoader.descriptorName)
        if isDirectory.boolValue, !FileManager.default.fileExists(atPath: inner.path) {
            let result = SiteLoader.load(
                vendors: url, vendorsDisplay: display, templates: templatesURL, templatesDisplay: templates, kinds: kinds)
            return Self(vendors: result.vendors, input: result.input, kinds: kinds, diagnostics: result.diagnostics)
        }
        let file = isDirectory.boolValue ? inner : url
        let name = isDirectory.boolValue ? "\(display)/\(VendorLoader.descriptorName)" : display
        let (bytes, problem) = FileBytes.read(file.path).bytesOrProblem
        guard let data = bytes else {
            return Self(diagnostics: [Diagnostic(.error, "cannot read '\(name)': \(problem)")])
        }
        let id = file.deletingLastPathComponent().standardizedFileURL.lastPathComponent
        let slug = VendorLoader.isValidID(id) ? id : VendorLoader.slug(id)
        let set = VendorLoader.load(sources: [VendorSource(id: slug.isEmpty ? "vendor" : slug, file: name, bytes: [UInt8](data))])
        var side = Self(vendors: set.vendors, kinds: kinds, includesIndex: false, diagnostics: set.diagnostics)
        var library = TemplateLibrary()
        if kinds.contains(.docs) {
            do {
                library = try TemplateLibrary(directory: templatesURL, display: templates)
            } catch {
                side.diagnostics += error.errors.map(Diagnostic.init(templateError:))
            }
        }
        if !side.diagnostics.contains(where: { $0.severity == .error }) {
            side.input = SiteInput(vendors: set.vendors, templates: library)
        }
        return side
    }

    /// Every regular file under `folder`, by `name/relative path`; links and anything else are skipped.
    static func files(under folder: URL, named name: String) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
        while let relative = enumerator.nextObject() as? String {
            let path = folder.appendingPathComponent(relative).path
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                case .bytes(let data) = FileBytes.read(path, limit: 16 << 20)
            else { continue }
            result["\(name)/\(relative)"] = [UInt8](data)
        }
        return result
    }
}
