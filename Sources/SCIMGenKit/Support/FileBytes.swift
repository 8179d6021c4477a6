#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading whole input files with plain system calls, bounded: Foundation's `Data(contentsOf:)` costs
/// several times more per small file, reads a FIFO until it is closed, and reads `/dev/zero` for ever.
///
/// The output folder has its own, stricter reader (`FolderHandle`), which never follows a link.
package enum FileBytes {
    /// What reading a path found.
    package enum Outcome: Equatable {
        case bytes([UInt8])
        case missing
        case directory
        /// A FIFO, device or socket: never read.
        case notRegular
        /// More than the limit: not read.
        case tooLarge(size: Int)
        case unreadable(SystemError)
    }

    /// The default limit, far above any descriptor or template.
    package static let defaultLimit = 64 << 20

    /// The bytes of the regular file at `path` when it holds at most `limit` bytes; with
    /// `followingLinks` false, a link at `path` itself is not a regular file and is never followed.
    package static func read(_ path: String, limit: Int = defaultLimit, followingLinks: Bool = true) -> Outcome {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            let error = SystemError.last
            if error.code == ELOOP && !followingLinks { return .notRegular }
            return error.code == ENOENT || error.code == ENOTDIR ? .missing : .unreadable(error)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable(.last) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .directory
        default: return .notRegular
        }
        let size = Int(info.st_size)
        guard size <= limit else { return .tooLarge(size: size) }
        // One byte more than the size tells whether the file grew since fstat; then it is read on, up to the limit.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var offset = 0
        while true {
            if offset == bytes.count {
                guard bytes.count <= limit else { return .tooLarge(size: bytes.count) }
                bytes += [UInt8](repeating: 0, count: min(64 << 10, limit + 1 - bytes.count))
            }
            let count = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                let error = SystemError.last
                if error.code == EINTR { continue }
                return .unreadable(error)
            }
            if count == 0 { break }
            offset += count
        }
        bytes.removeSubrange(offset...)
        return .bytes(bytes)
    }
}

extension FileBytes.Outcome {
    /// The bytes, or nil and why not, in words that follow a file's name in a message: "is a
    /// folder", "does not exist", "is larger than 67108864 bytes".
    package var bytesOrProblem: (bytes: [UInt8]?, problem: String) {
        switch self {
        case .bytes(let bytes): return (bytes, "")
        case .missing: return (nil, "does not exist")
        case .directory: return (nil, "is a folder, not a file")
        case .notRegular: return (nil, "is not a regular file (a FIFO, device or socket); it is never read")
        case .tooLarge(let size): return (nil, "holds \(size) bytes or more, more than the \(FileBytes.defaultLimit) scimgen reads")
        case .unreadable(let error): return (nil, "cannot be read: \(error)")
        }
    }
}

/// `read(2)`, named apart from the Swift functions called read.
@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
