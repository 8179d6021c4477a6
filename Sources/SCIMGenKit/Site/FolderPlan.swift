/// The files of one batch as a tree of folders, so that each folder is opened once and the tree is
/// worked on one top-level folder (one vendor) per core.
final class FolderPlan: @unchecked Sendable {
    /// The folder's name in its parent; empty for the output folder.
    let name: String
    /// The files directly in this folder: their names and indices into the batch.
    private(set) var files: [(name: String, index: Int)] = []
    /// The sub-folders, in the order their first file came.
    private(set) var children: [FolderPlan] = []
    private var childIndex: [String: Int] = [:]

    /// Set by the first pass: whether the folder exists already.
    var exists = false
    /// Set by the first pass: whether anything in this folder or below is to be written.
    var hasWrites = false

    init(name: String) { self.name = name }

    /// The tree of `paths` (relative, already checked), with each file's index in `paths`.
    static func tree(_ paths: [String]) -> FolderPlan {
        let root = FolderPlan(name: "")
        for (index, path) in paths.enumerated() {
            var folder = root
            var segments = path.split(separator: "/")
            let name = String(segments.removeLast())
            for segment in segments { folder = folder.child(String(segment)) }
            folder.files.append((name, index))
        }
        return root
    }

    /// Every file index in this folder and below.
    var allIndices: [Int] { files.map(\.index) + children.flatMap(\.allIndices) }

    /// Walks this folder, the sub-folder `relative` of `parent`, and everything below it, opening each
    /// folder once: `visit` gets each folder with its handle (nil when it is missing); `refused` gets a
    /// folder that is a link or a file, and nothing below it is visited.
    func walk(
        at relative: String, of parent: FolderHandle?,
        refused: (_ plan: FolderPlan, _ relative: String, _ error: SiteWriteError) -> Void,
        visit: (_ plan: FolderPlan, _ folder: FolderHandle?) -> Void
    ) {
        var folder: FolderHandle?
        if let parent {
            do throws(SiteWriteError) {
                folder = try parent.folder(name)
            } catch {
                refused(self, relative, error)
                return
            }
        }
        visit(self, folder)
        for child in children { child.walk(at: relative + "/" + child.name, of: folder, refused: refused, visit: visit) }
    }

    private func child(_ name: String) -> FolderPlan {
        if let index = childIndex[name] { return children[index] }
        let plan = FolderPlan(name: name)
        childIndex[name] = children.count
        children.append(plan)
        return plan
    }
}

/// One batch of generated files, checked and laid out as a tree of folders.
struct Batch {
    /// The relative paths, sorted.
    let paths: [String]
    /// The bytes of each path.
    let contents: [[UInt8]]
    /// The folders, from the output folder down.
    let tree: FolderPlan

    /// Sorts and checks `files`; a path that could leave the output folder (named in `display`) is an error.
    init(_ files: [String: [UInt8]], display: String) throws(SiteWriteError) {
        let ordered = files.sorted(by: { $0.key < $1.key })
        for (path, _) in ordered {
            if let problem = SiteWriter.pathProblem(path) {
                throw SiteWriteError(path: OutputFolder.join(display, path), reason: .unsafePath(problem: problem))
            }
        }
        paths = ordered.map(\.key)
        contents = ordered.map(\.value)
        tree = FolderPlan.tree(paths)
    }

    /// How the work is split across cores: the files directly in the output folder first, then each
    /// top-level folder (one vendor) with everything below it.
    var units: [FolderPlan] { [tree] + tree.children }
}

/// Opens the folders of paths taken in sorted order, keeping the chain of the last one open, so that
/// paths in the same folder cost no second lookup.
struct FolderWalker {
    let root: FolderHandle
    private var chain: [(name: String, handle: FolderHandle)] = []

    init(root: FolderHandle) { self.root = root }

    /// The folder `segments` (below the root), or nil when part of it is missing; a link or a file
    /// where a folder belongs is an error.
    mutating func folder(_ segments: [Substring]) throws(SiteWriteError) -> FolderHandle? {
        var depth = 0
        while depth < chain.count, depth < segments.count, chain[depth].name == segments[depth] { depth += 1 }
        chain.removeSubrange(depth...)
        var current = chain.last?.handle ?? root
        for segment in segments[depth...] {
            guard let next = try current.folder(String(segment)) else { return nil }
            chain.append((String(segment), next))
            current = next
        }
        return current
    }

    /// Removes the folder `segments` when it is empty; false when it is not or cannot be removed.
    mutating func removeFolderIfEmpty(_ segments: [Substring]) -> Bool {
        guard let name = segments.last else { return false }
        guard let parent = try? folder(Array(segments.dropLast())) else { return false }
        return parent.removeFolderIfEmpty(String(name))
    }
}
