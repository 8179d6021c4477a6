#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading whole files with plain system calls: comparing thousands of generated files is most of a
/// no-change run, and Foundation's `Data(contentsOf:)` costs several times more per small file.
enum FileBytes {
    /// What reading a path found.
    enum Outcome: Equatable {
        case bytes([UInt8])
        case missing
        case directory
        case unreadable
    }

    static func read(_ path: String) -> Outcome {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .directory }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress! + offset, size - offset)
            }
            if count < 0 { return .unreadable }
            if count == 0 { break }
            offset += count
        }
        if offset < size { bytes.removeLast(size - offset) }
        // A file that grew since fstat: read the rest too.
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, 4096) }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .bytes(bytes)
    }
}

/// `read(2)`, named apart from the Swift functions called read.
@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
