import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output folder of one run, opened safely: the folder that holds it (where the manifest lives),
/// the folder itself, and a lock on it.
///
/// The folders of the path given as `--out` are the user's own choice and may be links; the output
/// folder itself may not be one, and nothing inside it is ever followed (see `FolderHandle`).
final class OutputFolder {
    /// The folder that holds the output folder and its manifest; nil when it does not exist and the run only reads.
    let parent: FolderHandle?
    /// The output folder; nil when it does not exist and the run only reads.
    let root: FolderHandle?
    /// Whether this run created the output folder, so that nothing in it needs looking at.
    let isNew: Bool
    /// The manifest's name in `parent`.
    let manifestName: String
    /// The manifest as messages name it, such as `.Site.scimgen-manifest`.
    let manifestDisplay: String

    /// What the run does to the folder.
    enum Access {
        /// `generate`: creates the folder when needed and takes the lock alone.
        case write
        /// `check`: creates nothing and shares the lock with other readers.
        case read
    }

    /// The manifest of an output folder named `folderName`, kept beside it: `.Site.scimgen-manifest`.
    static func manifestName(for folderName: String) -> String { "." + folderName + ".scimgen-manifest" }

    /// Opens the output folder at `url` (named `display` in messages), waiting up to `lockWait` seconds for the lock.
    init(_ url: URL, display: String, access: Access, lockWait: Double) throws {
        let (parentPath, name) = Self.split(url.standardizedFileURL.path)
        guard !name.isEmpty else { throw SiteWriteError(path: display, reason: .outputIsFileSystemRoot) }
        let parentDisplay = Self.parentDisplay(of: display)
        manifestName = Self.manifestName(for: name)
        manifestDisplay = Self.join(parentDisplay, manifestName)

        var parentDescriptor = open(parentPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        var error = parentDescriptor < 0 ? SystemError.last : nil
        if error?.code == ENOENT && access == .write {
            try Self.makeFolders(parentPath, display: parentDisplay)
            parentDescriptor = open(parentPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            error = parentDescriptor < 0 ? SystemError.last : nil
        }
        if let error {
            guard error.code == ENOENT, access == .read else {
                throw SiteWriteError.system(parentDisplay.isEmpty ? "." : parentDisplay, "open the folder", error)
            }
            parent = nil
            root = nil
            isNew = false
            return
        }
        let parent = FolderHandle(descriptor: parentDescriptor, display: parentDisplay)
        self.parent = parent

        var created = false
        var root: FolderHandle?
        do {
            root = try parent.folder(name, display: display)
            if root == nil && access == .write {
                if mkdirat(parent.descriptor, name, 0o777) == 0 {
                    created = true
                } else {
                    let error = SystemError.last
                    if error.code != EEXIST { throw SiteWriteError.system(display, "create the output folder", error) }
                }
                root = try parent.folder(name, display: display)
            }
        } catch let error as SiteWriteError {
            if case .notAFolder(let kind) = error.reason {
                throw SiteWriteError(path: display, reason: kind == "a link" ? .outputIsLink : .notAFolder(kind: kind))
            }
            throw SiteWriteError(path: display, reason: error.reason)
        }
        self.root = root
        isNew = created
        if let root = self.root { try Self.lock(root, exclusive: access == .write, wait: lockWait) }
    }

    /// The manifest, or an empty one when there is none.
    func readManifest() throws -> SiteManifest {
        guard let parent, let bytes = try parent.readFile(manifestName, limit: SiteManifest.sizeLimit) else {
            return SiteManifest(display: manifestDisplay)
        }
        return SiteManifest(bytes, display: manifestDisplay)
    }

    // MARK: - Lock

    /// Takes the folder's `flock`, polling until `wait` seconds have passed.
    ///
    /// The lock is on the folder itself, so no lock file is left behind to clutter the folder or to be
    /// planted as a link; it is released when the process closes the folder or exits.
    private static func lock(_ folder: FolderHandle, exclusive: Bool, wait: Double) throws {
        let deadline = Date().addingTimeInterval(wait)
        while flock(folder.descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            let error = SystemError.last
            if error.code == EINTR { continue }
            guard error.code == EWOULDBLOCK || error.code == EAGAIN else {
                throw SiteWriteError.system(folder.display, "lock the folder", error)
            }
            guard Date() < deadline else {
                throw SiteWriteError(path: folder.display, reason: .locked(seconds: wait))
            }
            usleep(50_000)
        }
    }

    // MARK: - Names

    /// How messages name the folder that holds `display`: `build` for `build/scim`, empty for `Site`.
    static func parentDisplay(of display: String) -> String {
        let (parent, last) = split(display)
        if last.isEmpty || last == "." || last == ".." { return join(display.isEmpty ? "." : display, "..") }
        return parent
    }

    /// A path's folder and last name: `("build", "scim")`, `("", "Site")`, `("/", "out")`, `("", "")` for `/`.
    ///
    /// By hand: Foundation's `NSString.deletingLastPathComponent` traps on a one-letter path on Linux.
    static func split(_ path: String) -> (folder: String, name: String) {
        var path = Substring(path)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if path == "/" { return ("/", "") }
        guard let slash = path.lastIndex(of: "/") else { return ("", String(path)) }
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        return (folder, String(path[path.index(after: slash)...]))
    }

    static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// `mkdir -p` for the folders of the user's own `--out` path.
    private static func makeFolders(_ path: String, display: String) throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o777) != 0 {
                let error = SystemError.last
                if error.code != EEXIST { throw SiteWriteError.system(display, "create the folder", error) }
            }
        }
    }
}
