#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `errno` of one failed system call, as messages show it: `Permission denied (EACCES)`.
///
/// Take it with `SystemError.last` right after the call that failed: any later call, a `close`
/// or an `unlink` while cleaning up, may overwrite `errno`.
public struct SystemError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The error number.
    public var code: Int32

    /// Wraps an error number.
    public init(_ code: Int32) { self.code = code }

    /// The error of the call that just failed.
    static var last: SystemError { SystemError(errno) }

    /// The symbolic name, such as `EACCES`, for the errors a file system gives.
    var name: String? {
        switch code {
        case EPERM: return "EPERM"
        case ENOENT: return "ENOENT"
        case EINTR: return "EINTR"
        case EIO: return "EIO"
        case ENXIO: return "ENXIO"
        case EBADF: return "EBADF"
        case EAGAIN: return "EAGAIN"
        case ENOMEM: return "ENOMEM"
        case EACCES: return "EACCES"
        case EBUSY: return "EBUSY"
        case EEXIST: return "EEXIST"
        case EXDEV: return "EXDEV"
        case ENODEV: return "ENODEV"
        case ENOTDIR: return "ENOTDIR"
        case EISDIR: return "EISDIR"
        case EINVAL: return "EINVAL"
        case ENFILE: return "ENFILE"
        case EMFILE: return "EMFILE"
        case ETXTBSY: return "ETXTBSY"
        case EFBIG: return "EFBIG"
        case ENOSPC: return "ENOSPC"
        case EROFS: return "EROFS"
        case EMLINK: return "EMLINK"
        case ENAMETOOLONG: return "ENAMETOOLONG"
        case ENOLCK: return "ENOLCK"
        case ENOTEMPTY: return "ENOTEMPTY"
        case ELOOP: return "ELOOP"
        case EDQUOT: return "EDQUOT"
        case EOPNOTSUPP: return "EOPNOTSUPP"
        case ESTALE: return "ESTALE"
        default: return nil
        }
    }

    /// `Permission denied (EACCES)`; `errno 1234` for a number the system does not know.
    public var description: String {
        let text = strerror(code).map { String(cString: $0) } ?? ""
        let label = name ?? "errno \(code)"
        return text.isEmpty ? label : "\(text) (\(label))"
    }
}
