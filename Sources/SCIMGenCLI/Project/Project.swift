import Foundation

/// The project a command works on, found from the working directory as git finds `.git`.
///
/// The root is the nearest folder, from the working directory up, that holds `Vendors/` and
/// `Templates/` (or, in a project of descriptors alone, `Vendors/`). Folders named on the command
/// line are relative to the working directory, as a shell user expects; folders left at their
/// default (`Vendors`, `Templates`, `Site`) are the root's, named in messages relative to the
/// working directory (`../Vendors` from `Site/`), so that every path printed can be typed back.
struct Project: Sendable {
    /// The working directory, as the process was started in it.
    let directory: URL
    /// The project root, nil outside any project.
    let root: URL?

    /// The default folder of each option that names a project folder.
    static let defaultFolders = ["vendors": "Vendors", "templates": "Templates", "out": "Site"]

    /// Finds the project around `directory`.
    init(directory: URL) {
        self.directory = directory.standardizedFileURL
        self.root = Self.findRoot(from: self.directory)
    }

    /// The nearest folder holding both `Vendors/` and `Templates/`, else the nearest holding `Vendors/`.
    static func findRoot(from directory: URL) -> URL? {
        var candidates: [URL] = []
        var folder = directory
        while true {
            candidates.append(folder)
            let parent = folder.deletingLastPathComponent().standardizedFileURL
            if parent.path == folder.path { break }
            folder = parent
        }
        return candidates.first { isFolder($0, "Vendors") && isFolder($0, "Templates") }
            ?? candidates.first { isFolder($0, "Vendors") }
    }

    /// `folder` (a path under the root, such as `Vendors`) as a path from the working directory.
    func path(ofRootFolder folder: String) -> String? {
        guard let root else { return nil }
        let from = directory.pathComponents
        let to = root.pathComponents
        var shared = 0
        while shared < from.count, shared < to.count, from[shared] == to[shared] { shared += 1 }
        let components = Array(repeating: "..", count: from.count - shared) + to[shared...] + [folder]
        return components.joined(separator: "/")
    }

    private static func isFolder(_ parent: URL, _ name: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: parent.appendingPathComponent(name).path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }
}

// MARK: - Where the output may go

extension Project {
    /// A path with `.`, `..` and every link resolved, as far as it exists; the rest appended as written.
    ///
    /// `..` is applied after the links before it, as the system does, so `Site/link/..` is the parent
    /// of wherever `link` leads.
    static func resolved(_ url: URL) -> String {
        var current = "/"
        for component in url.path.split(separator: "/").map(String.init) {
            switch component {
            case ".", "":
                continue
            case "..":
                // By hand: NSString's path methods trap on some short paths on Linux.
                let slash = current.lastIndex(of: "/") ?? current.startIndex
                current = slash == current.startIndex ? "/" : String(current[..<slash])
            default:
                current = current == "/" ? "/" + component : current + "/" + component
                if let real = realpath(current, nil) {
                    current = String(cString: real)
                    free(real)
                }
            }
        }
        return current
    }

    /// Whether `inner` is `outer` or lies inside it, both resolved.
    static func contains(_ outer: URL, _ inner: URL) -> Bool {
        let outer = resolved(outer)
        let inner = resolved(inner)
        return inner == outer || inner.hasPrefix(outer == "/" ? "/" : outer + "/")
    }
}
