import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension TemplateLibrary {
    /// How much a folder of templates may hold. Templates are prose and tags: a real tutorial
    /// template is about 10 KB, so these bounds stop a planted multi-megabyte partial (or a link to
    /// a device) long before it could fill memory or, rendered for every vendor, the disk.
    public struct LoadLimits: Sendable, Hashable {
        /// The largest template file, in bytes.
        public var maximumFileBytes: Int
        /// The most all templates of the folder may hold together, in bytes.
        public var maximumTotalBytes: Int

        /// Creates limits; the defaults are 256 KiB a file and 4 MiB a folder.
        public init(maximumFileBytes: Int = 256 << 10, maximumTotalBytes: Int = 4 << 20) {
            self.maximumFileBytes = maximumFileBytes
            self.maximumTotalBytes = maximumTotalBytes
        }
    }

    /// Loads every `*.mustache` file under `directory`, recursively, skipping hidden entries.
    ///
    /// A template's name is its path relative to `directory` without the `.mustache` suffix
    /// (`tutorial.md`, `partials/prerequisites.md`), which is how partial tags name it. Errors
    /// print the file as `directory.relativePath` joined with that path, so a relative URL
    /// (`URL(fileURLWithPath: "Templates")`) gives `Templates/tutorial.md.mustache:12:5: …`.
    /// Every unreadable or unparsable file is reported, not just the first. Only regular files are
    /// read (a FIFO or a device named `*.mustache` is an error, never a hang), and reading stops at
    /// the limits: a larger file or folder is an error naming the file.
    ///
    /// - Parameters:
    ///   - display: how messages name the folder; defaults to the URL's relative path.
    ///   - limits: how large a template and the whole folder may be.
    public init(directory: URL, display: String? = nil, limits: LoadLimits = LoadLimits()) throws(TemplateLoadError) {
        let displayRoot = display ?? directory.relativePath
        var errors: [TemplateError] = []
        var templates: [Template] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateLoadError([TemplateError(file: displayRoot, line: 0, column: 0, message: "no such directory")])
        }
        var total = 0
        for relativePath in Self.templatePaths(under: directory, errors: &errors, displayRoot: displayRoot) {
            let file = displayRoot.isEmpty ? relativePath : (displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/") + relativePath
            let name = String(relativePath.dropLast(".mustache".count))
            let url = directory.appendingPathComponent(relativePath)
            let bytes: [UInt8]
            switch Self.readRegularFile(url.path, limit: limits.maximumFileBytes) {
            case .success(let read):
                bytes = read
            case .failure(let problem):
                errors.append(TemplateError(file: file, line: 0, column: 0, message: problem.message(limit: limits.maximumFileBytes)))
                continue
            }
            total += bytes.count
            guard total <= limits.maximumTotalBytes else {
                errors.append(
                    TemplateError(
                        file: file, line: 0, column: 0,
                        message: "the templates of '\(displayRoot)' exceed \(Self.describe(limits.maximumTotalBytes)) together with this one; "
                            + "keep templates to prose and tags"))
                break
            }
            guard let source = String(bytes: bytes, encoding: .utf8) else {
                errors.append(TemplateError(file: file, line: 0, column: 0, message: "file is not valid UTF-8"))
                continue
            }
            do {
                templates.append(try Template(source: source, name: name, file: file))
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw TemplateLoadError(errors.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }) }
        self.init(templates)
        bytesRead = total
    }

    /// Why a template file could not be read.
    enum ReadProblem: Error {
        case unreadable(errno: Int32)
        case notRegular
        case tooLarge(size: Int)

        func message(limit: Int) -> String {
            switch self {
            case .unreadable(let code):
                return "cannot read file: \(String(cString: strerror(code))) (errno \(code))"
            case .notRegular:
                return "is not a regular file; a template must be a plain file"
            case .tooLarge(let size):
                return "template is \(size) bytes, over the limit of \(TemplateLibrary.describe(limit)); keep templates to prose and tags"
            }
        }
    }

    /// The bytes of a regular file, at most `limit` of them: opened without blocking (a FIFO
    /// would otherwise wait for a writer for ever), checked with `fstat`, then read up to one
    /// byte past the limit, whatever size the file claims.
    static func readRegularFile(_ path: String, limit: Int) -> Result<[UInt8], ReadProblem> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(errno: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(errno: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular) }
        if Int(info.st_size) > limit { return .failure(.tooLarge(size: Int(info.st_size))) }
        // Room for the size fstat gave plus one byte, to notice a file that grew; more only if it did.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while count <= limit {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(limit + 1, 2 * bytes.count) - bytes.count)) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(errno: errno))
            }
            if read == 0 { break }
            count += read
        }
        // A file that grew after fstat is measured by what was read.
        guard count <= limit else { return .failure(.tooLarge(size: max(count, Int(info.st_size)))) }
        bytes.removeLast(bytes.count - count)
        return .success(bytes)
    }

    /// `262144 bytes (256 KiB)`.
    static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0
            ? "\(bytes) bytes (\(bytes >> 20) MiB)"
            : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? "\(bytes) bytes (\(bytes >> 10) KiB)" : "\(bytes) bytes"
    }

    /// Relative paths (with `/`) of the `.mustache` files under `directory`, sorted.
    private static func templatePaths(under directory: URL, errors: inout [TemplateError], displayRoot: String) -> [String] {
        var paths: [String] = []
        var pending = [""]
        let manager = FileManager.default
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? directory : directory.appendingPathComponent(relative)
            guard let entries = try? manager.contentsOfDirectory(atPath: folder.path) else {
                errors.append(TemplateError(file: relative.isEmpty ? displayRoot : displayRoot + "/" + relative, line: 0, column: 0, message: "cannot read directory"))
                continue
            }
            for entry in entries where !entry.hasPrefix(".") {
                let path = relative.isEmpty ? entry : relative + "/" + entry
                let full = directory.appendingPathComponent(path).path
                // The entry's own type: symbolic links to folders are not followed, so no cycle can form.
                let type = (try? manager.attributesOfItem(atPath: full))?[.type] as? FileAttributeType
                if type == .typeDirectory {
                    pending.append(path)
                    continue
                }
                if type == .typeSymbolicLink, entry.hasSuffix(".mustache") {
                    // A link may point anywhere; a template must stay inside the templates folder.
                    let root = directory.resolvingSymlinksInPath().standardizedFileURL.path
                    let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().standardizedFileURL.path
                    guard target.hasPrefix(root + "/") else {
                        let file = displayRoot.isEmpty ? path : (displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/") + path
                        errors.append(
                            TemplateError(
                                file: file, line: 0, column: 0,
                                message: "is a link that leads outside '\(displayRoot)'; replace it with the template itself"))
                        continue
                    }
                }
                var isDirectory: ObjCBool = false
                guard entry.hasSuffix(".mustache"), entry.count > ".mustache".count,
                    manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue
                else { continue }
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}

/// `read(2)`, named apart from the Swift functions called read.
@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
