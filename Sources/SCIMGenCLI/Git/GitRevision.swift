import Foundation

/// Folders of the working tree as they were at a git revision, read with git itself into a scratch folder.
///
/// Only regular files are read (`git ls-tree`, then every blob at once with `git cat-file --batch`);
/// links and submodules at the revision are left out, so nothing read can lead outside the scratch
/// folder. Paths keep their place under the repository's top, so `Vendors/lusid/vendor.json` at the
/// revision lands at `<scratch>/Vendors/lusid/vendor.json`.
struct GitRevision {
    /// What went wrong, worded for the user.
    struct Failure: Error, Equatable {
        var message: String
    }

    /// The most a revision's folders may hold: a descriptor repository is a few megabytes.
    static let byteLimit = 256 << 20

    /// The revision as the user typed it.
    let revision: String
    /// The working directory git runs in.
    let directory: URL

    /// One folder as read: where it landed, its path from the repository's top (`Vendors`) to name it
    /// in messages, and whether the revision has it at all.
    struct Folder {
        var url: URL
        var path: String
        var exists: Bool
        /// Every regular file of the folder at the revision, by its path inside the folder.
        var files: [String: [UInt8]]
    }

    /// Reads `folders` (inside the working tree) at the revision, writing into `scratch` the files
    /// `writing` asks for (by their path from the repository's top): creating thousands of files
    /// costs more than everything else, so what can be used from memory is not written.
    func read(_ folders: [URL], into scratch: URL, writing: (String) -> Bool = { _ in true }) throws(Failure) -> [Folder] {
        guard !revision.hasPrefix("-"), !revision.isEmpty else {
            throw Failure(message: "'\(revision)' is not a revision; name a branch, tag or commit, such as 'main'")
        }
        guard let topText = try? git(["rev-parse", "--show-toplevel"]) else {
            throw Failure(
                message: "'\(directory.path)' is not inside a git repository; '--base' compares with a revision of one")
        }
        guard (try? git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"])) != nil else {
            throw Failure(
                message: "cannot read revision '\(revision)': git knows no commit by that name; name a branch, tag or commit, such as 'main'")
        }
        let top = Project.resolved(URL(fileURLWithPath: String(decoding: topText, as: UTF8.self).trimmingCharacters(in: .newlines)))
        var paths: [String] = []
        for folder in folders {
            let resolved = Project.resolved(folder)
            guard resolved.hasPrefix(top + "/") else {
                throw Failure(message: "'\(folder.path)' is outside the git repository at '\(top)'; '--base' reads folders inside it")
            }
            paths.append(String(resolved.dropFirst(top.count + 1)))
        }
        let topFolder = URL(fileURLWithPath: top)
        let listing = try git(["ls-tree", "-r", "-l", "-z", "--full-tree", revision, "--"] + paths, in: topFolder)
        var blobs: [(object: String, path: String)] = []
        var total = 0
        for entry in listing.split(separator: 0) {
            // "<mode> <type> <object> <size>\t<path>"
            guard let tab = entry.firstIndex(of: 0x09) else { continue }
            let fields = String(decoding: entry[..<tab], as: UTF8.self).split(separator: " ", omittingEmptySubsequences: true)
            let path = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard fields.count == 4, fields[1] == "blob", fields[0] == "100644" || fields[0] == "100755" else { continue }
            guard path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy({ $0 != ".." && $0 != "." && !$0.isEmpty })
            else { continue }
            total += Int(fields[3]) ?? 0
            blobs.append((String(fields[2]), path))
        }
        guard total <= Self.byteLimit else {
            throw Failure(message: "'\(revision)' holds \(total >> 20) MiB in \(paths.joined(separator: " and ")); more than '--base' reads (\(Self.byteLimit >> 20) MiB)")
        }
        let contents = try catFiles(blobs.map(\.object), in: topFolder)
        guard contents.count == blobs.count else {
            throw Failure(message: "git returned \(contents.count) of the \(blobs.count) files of '\(revision)'")
        }
        do {
            for (blob, bytes) in zip(blobs, contents) where writing(blob.path) {
                let url = scratch.appendingPathComponent(blob.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Self.write(bytes, to: url.path)
            }
            for path in paths {
                try FileManager.default.createDirectory(at: scratch.appendingPathComponent(path), withIntermediateDirectories: true)
            }
        } catch {
            throw Failure(message: "cannot write the files of '\(revision)' to '\(scratch.path)': \(error)")
        }
        return paths.map { path in
            var files: [String: [UInt8]] = [:]
            for (blob, bytes) in zip(blobs, contents) where blob.path.hasPrefix(path + "/") {
                files[String(blob.path.dropFirst(path.count + 1))] = bytes
            }
            return Folder(url: scratch.appendingPathComponent(path), path: path, exists: !files.isEmpty, files: files)
        }
    }
}

// MARK: - Scratch files

private extension GitRevision {
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    /// A new file with `bytes`, without the `fsync` that `Data.write` does: scratch files are read
    /// once and deleted, and syncing thousands of them took longer than the rest of the read.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(description: "\(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw WriteError(description: "\(path): \(String(cString: strerror(errno)))") }
            offset += written
        }
    }
}

// MARK: - Running git

private extension GitRevision {
    /// Every blob's bytes, in order, from one `git cat-file --batch`.
    func catFiles(_ objects: [String], in folder: URL) throws(Failure) -> [[UInt8]] {
        guard !objects.isEmpty else { return [] }
        let output = try git(["cat-file", "--batch"], in: folder, input: objects.map { $0 + "\n" }.joined())
        var result: [[UInt8]] = []
        var index = 0
        while index < output.count {
            // "<object> blob <size>\n<bytes>\n"
            guard let newline = output[index...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: output[index..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]), newline + 1 + size <= output.count else {
                throw Failure(message: "git cat-file answered '\(header.joined(separator: " "))' for a file of '\(revision)'")
            }
            result.append(Array(output[(newline + 1)..<(newline + 1 + size)]))
            index = newline + 1 + size + 1
        }
        return result
    }

    /// Runs git; its own complaint becomes the failure.
    func git(_ arguments: [String], in folder: URL? = nil, input: String? = nil) throws(Failure) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder ?? directory
        let output = Pipe()
        let errors = Pipe()
        let feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        do { try process.run() } catch {
            throw Failure(message: "cannot run git: \(error.localizedDescription)")
        }
        // Feed and drain on their own threads: a full pipe must never stop the other side.
        let group = DispatchGroup()
        if let input {
            DispatchQueue.global().async(group: group) {
                feed.fileHandleForWriting.write(Data(input.utf8))
                try? feed.fileHandleForWriting.close()
            }
        }
        nonisolated(unsafe) var message = Data()
        DispatchQueue.global().async(group: group) { message = errors.fileHandleForReading.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(message: "git \(arguments.prefix(2).joined(separator: " ")) failed: \(text)")
        }
        return [UInt8](data)
    }
}
