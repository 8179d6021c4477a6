#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One folder of the output tree, open as a file descriptor; every entry is named relative to it.
///
/// This is the only code that touches the output folder. A path is never resolved from the top
/// again: a folder is opened once from its parent with `O_NOFOLLOW`, so a link anywhere in the
/// tree is refused instead of followed, and a name is looked up with `fstatat` before anything
/// opens it, so a FIFO, a device or a folder is never opened where a file is expected.
final class FolderHandle: @unchecked Sendable {
    /// The open descriptor, closed with the handle.
    let descriptor: Int32
    /// The folder as messages name it, such as `Site/lusid/scim`.
    let display: String

    init(descriptor: Int32, display: String) {
        self.descriptor = descriptor
        self.display = display
    }

    deinit { close(descriptor) }

    /// How messages name an entry of this folder.
    func display(_ name: String) -> String { OutputFolder.join(display, name) }

    // MARK: - Looking

    /// What an entry is, without following a link.
    enum Entry: Equatable {
        case missing
        case file(size: Int)
        case folder
        case other(kind: String)

        /// `a link`, `a FIFO`…, as messages say it.
        var kind: String {
            switch self {
            case .missing: return "missing"
            case .file: return "a file"
            case .folder: return "a folder"
            case .other(let kind): return kind
            }
        }
    }

    /// What `name` is; a link is reported as a link, never as what it leads to.
    func entry(_ name: String) throws(SiteWriteError) -> Entry {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            let error = SystemError.last
            if error.code == ENOENT { return .missing }
            throw SiteWriteError.system(display(name), "look at it", error)
        }
        return Self.entry(mode: info.st_mode, size: Int(info.st_size))
    }

    static func entry(mode: mode_t, size: Int) -> Entry {
        switch mode & S_IFMT {
        case S_IFREG: return .file(size: size)
        case S_IFDIR: return .folder
        case S_IFLNK: return .other(kind: "a link")
        case S_IFIFO: return .other(kind: "a FIFO")
        case S_IFCHR, S_IFBLK: return .other(kind: "a device")
        case S_IFSOCK: return .other(kind: "a socket")
        default: return .other(kind: "not a regular file")
        }
    }

    /// The sub-folder `name`, or nil when there is none; a link or a file there is an error.
    ///
    /// - Parameter display: how messages name the sub-folder, when not as this folder's entry.
    func folder(_ name: String, display shown: String? = nil) throws(SiteWriteError) -> FolderHandle? {
        let fd = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let error = SystemError.last
            switch error.code {
            case ENOENT:
                return nil
            case ELOOP, ENOTDIR:
                let found = try entry(name)
                if found == .missing { return nil }
                throw SiteWriteError(path: display(name), reason: .notAFolder(kind: found.kind))
            default:
                throw SiteWriteError.system(display(name), "open the folder", error)
            }
        }
        return FolderHandle(descriptor: fd, display: shown ?? display(name))
    }

    /// The sub-folder `name`, created when there is none.
    func makeFolder(_ name: String) throws(SiteWriteError) -> FolderHandle {
        if mkdirat(descriptor, name, 0o777) != 0 {
            let error = SystemError.last
            guard error.code == EEXIST else { throw SiteWriteError.system(display(name), "create the folder", error) }
        }
        guard let folder = try folder(name) else { throw SiteWriteError.system(display(name), "open the folder", SystemError(ENOENT)) }
        return folder
    }

    /// Creates the sub-folder `name`, which must not exist yet, and opens it.
    func makeNewFolder(_ name: String, display shown: String) throws(SiteWriteError) -> FolderHandle {
        guard mkdirat(descriptor, name, 0o777) == 0 else { throw SiteWriteError.system(shown, "create the folder", .last) }
        let fd = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw SiteWriteError.system(shown, "open the folder", .last) }
        return FolderHandle(descriptor: fd, display: shown)
    }

    /// Renames the entry `name` to `target` in this folder.
    func rename(_ name: String, to target: String) throws(SiteWriteError) {
        guard renameat(descriptor, name, descriptor, target) == 0 else {
            throw SiteWriteError.system(display(target), "rename '\(name)' to it", .last)
        }
    }

    /// Removes the sub-folder `name` with everything in it, never following a link; a tree deeper than
    /// scimgen ever writes is left as it is.
    func removeTree(_ name: String, depth: Int = 0) throws(SiteWriteError) {
        guard depth < 16, let folder = try folder(name) else { return }
        for entry in try folder.names() {
            if try folder.entry(entry) == .folder {
                try folder.removeTree(entry, depth: depth + 1)
            } else {
                try folder.remove(entry)
            }
        }
        guard unlinkat(descriptor, name, AT_REMOVEDIR) == 0 else { throw SiteWriteError.system(display(name), "remove the folder", .last) }
    }

    // MARK: - Reading

    /// At most `limit` bytes of the regular file `name`, opened without following a link or waiting on a FIFO.
    func read(_ name: String, limit: Int) throws(SiteWriteError) -> [UInt8] {
        let fd = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            let error = SystemError.last
            if error.code == ELOOP { throw SiteWriteError(path: display(name), reason: .notAFile(kind: "a link")) }
            throw SiteWriteError.system(display(name), "open it for reading", error)
        }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: limit)
        var offset = 0
        while offset < limit {
            let count = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + offset, limit - offset) }
            if count < 0 {
                let error = SystemError.last
                if error.code == EINTR { continue }
                throw SiteWriteError.system(display(name), "read it", error)
            }
            if count == 0 { break }
            offset += count
        }
        if offset < limit { bytes.removeSubrange(offset...) }
        return bytes
    }

    /// The bytes of the regular file `name` when it is one of at most `limit` bytes.
    func readFile(_ name: String, limit: Int) throws(SiteWriteError) -> [UInt8]? {
        switch try entry(name) {
        case .missing:
            return nil
        case .file(let size):
            guard size <= limit else { throw SiteWriteError(path: display(name), reason: .tooLarge(size: size, limit: limit)) }
            return try read(name, limit: size)
        case let other:
            throw SiteWriteError(path: display(name), reason: .notAFile(kind: other.kind))
        }
    }

    /// Names in this folder, without `.` and `..`.
    func names() throws(SiteWriteError) -> [String] {
        let copy = dup(descriptor)
        guard copy >= 0 else { throw SiteWriteError.system(display, "list the folder", .last) }
        guard let stream = fdopendir(copy) else {
            let error = SystemError.last
            close(copy)
            throw SiteWriteError.system(display, "list the folder", error)
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    // MARK: - Changing

    /// Writes `bytes` to `name` atomically: into a new temporary file of this run, then renamed over it.
    ///
    /// The temporary file is created with `O_EXCL | O_NOFOLLOW` under a name that holds the run's
    /// random token, so nothing planted in the folder beforehand can be written through. The caller
    /// has made sure that `name` is a regular file or nothing.
    func write(_ bytes: [UInt8], to name: String, token: RunToken) throws(SiteWriteError) {
        let temporary = token.temporaryName(for: name)
        let fd = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteWriteError.system(display(name), "create the temporary file '\(temporary)'", .last) }
        var failure: (String, SystemError)?
        if let error = Self.writeAll(fd, bytes) { failure = ("write the temporary file '\(temporary)'", error) }
        if close(fd) != 0, failure == nil { failure = ("write the temporary file '\(temporary)'", .last) }
        if failure == nil, renameat(descriptor, temporary, descriptor, name) != 0 {
            failure = ("rename '\(temporary)' over it", .last)
        }
        if let (action, error) = failure {
            unlinkat(descriptor, temporary, 0)
            throw SiteWriteError.system(display(name), action, error)
        }
    }

    /// Creates the file `name`, which must not exist yet, holding `bytes`; only in a folder this run
    /// created and has not yet made visible.
    func create(_ name: String, _ bytes: [UInt8]) throws(SiteWriteError) {
        let fd = openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteWriteError.system(display(name), "create it", .last) }
        var failure = Self.writeAll(fd, bytes)
        if close(fd) != 0, failure == nil { failure = .last }
        if let failure { throw SiteWriteError.system(display(name), "write it", failure) }
    }

    /// Writes all of `bytes` to `fd`; the error of the call that failed, or nil.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> SystemError? {
        bytes.withUnsafeBytes { buffer -> SystemError? in
            var offset = 0
            while offset < buffer.count {
                let count = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    let error = SystemError.last
                    if error.code == EINTR { continue }
                    return error
                }
                offset += count
            }
            return nil
        }
    }

    /// Removes the file `name`.
    func remove(_ name: String) throws(SiteWriteError) {
        guard unlinkat(descriptor, name, 0) == 0 else { throw SiteWriteError.system(display(name), "remove it", .last) }
    }

    /// Removes the sub-folder `name` when it is empty; false when it is not, or cannot be removed.
    func removeFolderIfEmpty(_ name: String) -> Bool {
        unlinkat(descriptor, name, AT_REMOVEDIR) == 0
    }
}

/// The random token of one run, in the names of its temporary files.
///
/// Nobody can plant a link at a temporary name ahead of a run, and a later run removes only the
/// temporary files whose token a manifest records as an unfinished run: never anyone else's.
struct RunToken: Hashable, Sendable, CustomStringConvertible {
    /// 16 lowercase hexadecimal digits.
    let description: String

    /// The suffix of every temporary file.
    static let temporarySuffix = ".scimgen-tmp"

    /// A new random token.
    init() {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        description = SHA256.hexadecimal((0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) })
    }

    /// A token read back from a manifest: exactly 16 lowercase hexadecimal digits.
    init?(_ text: Substring) {
        guard text.utf8.count == 16, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            return nil
        }
        description = String(text)
    }

    /// `.tutorial.md.<token>.scimgen-tmp`, shortened so that a long name stays a valid one.
    func temporaryName(for name: String) -> String {
        var kept = String.UnicodeScalarView()
        var length = 0
        for scalar in name.unicodeScalars {
            length += String(scalar).utf8.count
            if length > 150 { break }
            kept.append(scalar)
        }
        return "." + String(kept) + "." + description + Self.temporarySuffix
    }

    /// Whether `name` is a temporary file of this run.
    func names(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix("." + description + Self.temporarySuffix)
    }
}

/// `read(2)`, named apart from the Swift functions called read.
@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// `write(2)`, named apart from the Swift methods called write.
@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
