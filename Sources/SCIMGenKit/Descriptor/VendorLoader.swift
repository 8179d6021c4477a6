import Foundation

/// The bytes of one descriptor file, before parsing.
public struct VendorSource: Hashable, Sendable {
    /// The vendor id: its folder name.
    public var id: String
    /// The path for messages, such as `Vendors/lusid/vendor.json`.
    public var file: String
    /// The file's bytes.
    public var bytes: [UInt8]

    /// Creates a source.
    public init(id: String, file: String, bytes: [UInt8]) {
        self.id = id
        self.file = file
        self.bytes = bytes
    }
}

/// Every descriptor read from a folder, and every problem found on the way.
public struct VendorSet: Sendable {
    /// The vendors that passed validation, sorted by id.
    public var vendors: [ResolvedVendor]
    /// Every diagnostic, sorted by file and position.
    public var diagnostics: [Diagnostic]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Creates a set.
    public init(vendors: [ResolvedVendor], diagnostics: [Diagnostic]) {
        self.vendors = vendors
        self.diagnostics = diagnostics
    }
}

/// Finds and reads `Vendors/<id>/vendor.json` files.
public enum VendorLoader {
    /// The name of a descriptor inside its vendor folder.
    public static let descriptorName = "vendor.json"
    /// Descriptors larger than this are refused before parsing.
    public static let maxDescriptorBytes = 4 << 20

    /// Whether `id` is a safe vendor id: a lowercase slug such as `lucid-all-products`.
    public static func isValidID(_ id: String) -> Bool {
        guard (1...64).contains(id.utf8.count), !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else {
            return false
        }
        return id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
            && !isReservedName(id)
    }

    /// Whether `id` is a device name Windows reserves (`con`, `nul`, `com1`…): its folder could
    /// not be checked out there.
    static func isReservedName(_ id: String) -> Bool {
        PortablePath.problem(segment: id) != nil
    }

    /// Reads every vendor folder under `directory` (or only `ids`), checks ids and parses each descriptor.
    ///
    /// - Parameter display: how the folder is named in messages, such as `Vendors`.
    public static func load(directory: URL, display: String, only ids: [String] = []) -> VendorSet {
        var diagnostics: [Diagnostic] = []
        var entries: [(id: String, file: String, url: URL)] = []
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return VendorSet(
                vendors: [],
                diagnostics: [Diagnostic(.error, "vendors folder '\(display)' does not exist; pass --vendors DIR")])
        }
        let root = directory.resolvingSymlinksInPath().standardizedFileURL.path
        let names = ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        for name in names where !name.hasPrefix(".") {
            let folder = directory.appendingPathComponent(name)
            // One lstat per folder: only a link needs resolving, which is slow for thousands of vendors.
            let folderType = (try? fm.attributesOfItem(atPath: folder.path))?[.type] as? FileAttributeType
            var linked = false
            if folderType == .typeSymbolicLink {
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
                linked = true
            } else if folderType != .typeDirectory {
                continue
            }
            if !ids.isEmpty && !ids.contains(name) { continue }
            let file = "\(display)/\(name)/\(descriptorName)"
            guard isValidID(name) else {
                let message =
                    isReservedName(name) && isValidID(name + "-app")
                    ? "vendor id '\(name)' is a device name Windows reserves, so the folder cannot be checked out there; rename it, such as '\(name)-app'"
                    : "vendor id '\(name)' is not a lowercase slug; rename the folder to letters a-z, digits and single hyphens, such as '\(slug(name))'"
                diagnostics.append(Diagnostic(.error, message, at: SourceLocation(file: file, line: 1, column: 1)))
                continue
            }
            guard !linked || folder.resolvingSymlinksInPath().standardizedFileURL.path.hasPrefix(root + "/") else {
                diagnostics.append(
                    Diagnostic(
                        .error, "vendor folder '\(display)/\(name)' is a link that leads outside '\(display)'; replace it with a folder",
                        at: SourceLocation(file: file, line: 1, column: 1)))
                continue
            }
            entries.append((name, file, folder.appendingPathComponent(descriptorName)))
        }
        for id in ids where !names.contains(id) {
            let known = names.filter { !$0.hasPrefix(".") && isValidID($0) }
            diagnostics.append(Diagnostic(.error, "no vendor '\(id)' in '\(display)'" + Suggestion.didYouMean(id, in: known)))
        }
        // Files are read inside the workers, so only the descriptors being decoded are in memory as bytes.
        let found = entries
        var set = load(count: found.count) { index in
            let entry = found[index]
            let at = SourceLocation(file: entry.file, line: 1, column: 1)
            // One open and one fstat: no link followed (a descriptor that is a link could show another
            // file's text in messages), no FIFO waited on, nothing over the limit read.
            switch FileBytes.read(entry.url.path, limit: maxDescriptorBytes, followingLinks: false) {
            case .bytes(let bytes):
                return .success(VendorSource(id: entry.id, file: entry.file, bytes: bytes))
            case .missing:
                return .failure(
                    Diagnostic(
                        .error,
                        "vendor folder '\(display)/\(entry.id)' has no \(descriptorName); add one or run 'scimgen new \(entry.id) --name \"Display Name\"'",
                        at: at))
            case .directory, .notRegular:
                return .failure(Diagnostic(.error, "'\(entry.file)' is not a regular file; make it one (links are not followed)", at: at))
            case .tooLarge(let size):
                return .failure(
                    Diagnostic(.error, "descriptor is \(size) bytes or more, more than the limit of \(maxDescriptorBytes); split or trim it", at: at))
            case .unreadable(let error):
                return .failure(Diagnostic(.error, "cannot read '\(entry.file)': \(error)", at: at))
            }
        }
        set.diagnostics = (diagnostics + set.diagnostics).sorted(by: diagnosticOrder)
        return set
    }

    /// Parses and validates descriptors from bytes: the pure core of `load(directory:)`.
    public static func load(sources: [VendorSource]) -> VendorSet {
        let ordered = sources.sorted(by: { $0.id < $1.id })
        return load(count: ordered.count) { .success(ordered[$0]) }
    }

    /// Decodes and validates descriptors on every core, each into its own slot, then gathers them
    /// in order so the result never depends on scheduling. `source` must yield sources in id order.
    static func load(count: Int, source next: @Sendable (Int) -> Result<VendorSource, Diagnostic>) -> VendorSet {
        let slots = Slots<(ResolvedVendor?, [Diagnostic])>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let source: VendorSource
            switch next(index) {
            case .success(let value): source = value
            case .failure(let problem):
                slots[index] = (nil, [problem])
                return
            }
            // One parse: the decoder's JSON is what the text checks read too.
            let (decoded, document, found) = DescriptorCodec.decodeDocument(id: source.id, file: source.file, bytes: source.bytes)
            guard let descriptor = decoded, let document else {
                slots[index] = (nil, found)
                return
            }
            // Semantic checks run on whatever decoded, so one run reports every problem; only a
            // descriptor without any error becomes a checked vendor.
            let (vendor, semantic) = DescriptorValidator.check(descriptor, document: document)
            let placeholders = VendorSkeleton.placeholderWarnings(document, bytes: source.bytes, file: source.file)
            let decodedCleanly = !found.contains { $0.severity == .error }
            slots[index] = (decodedCleanly ? vendor : nil, found + semantic + placeholders)
        }
        var vendors: [ResolvedVendor] = []
        vendors.reserveCapacity(count)
        var diagnostics: [Diagnostic] = []
        for slot in slots.values {
            guard let (descriptor, found) = slot else { continue }
            diagnostics += found
            if let descriptor { vendors.append(descriptor) }
        }
        return VendorSet(vendors: vendors, diagnostics: diagnostics.sorted(by: diagnosticOrder))
    }

    /// A slug suggestion for a name or a bad id: lowercase letters, digits and single hyphens.
    public static func slug(_ name: String) -> String {
        var result = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-") && !result.isEmpty {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        if result.isEmpty { return "vendor" }
        result = String(result.prefix(64))
        return isReservedName(result) ? result + "-app" : result
    }
}

/// Diagnostics in file order, then position, then text: the same order on every machine.
func diagnosticOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    let la = a.location ?? SourceLocation(file: "", line: 0, column: 0)
    let lb = b.location ?? SourceLocation(file: "", line: 0, column: 0)
    if la != lb { return la < lb }
    return a.message < b.message
}
