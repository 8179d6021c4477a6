/// Why `generate` or `check` stopped at one path of the output folder.
///
/// Nothing is written when it is thrown before the first file; after that, every file already
/// written is whole and listed in the manifest, so the next run continues from there.
public struct SiteWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path concerned, as messages name it: `Site/lusid/tutorial.md`, `.Site.scimgen-manifest`.
    public var path: String
    /// What is wrong and how to fix it.
    public var reason: Reason

    /// Creates the error.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// `Site/index.md: error: is a link; …`
    public var description: String { "\(path): error: \(reason)" }

    /// What is wrong; `description` is the message.
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        /// A link, folder, FIFO, device or socket where scimgen writes or reads a file.
        case notAFile(kind: String)
        /// Something other than a folder where scimgen needs a folder.
        case notAFolder(kind: String)
        /// The output folder itself is a link.
        case outputIsLink
        /// The output folder is `/`, which has no folder beside it for the manifest.
        case outputIsFileSystemRoot
        /// A regular file at a generated path that the manifest does not list and whose bytes differ.
        case notWrittenByScimgen
        /// A generated path that could leave the output folder.
        case unsafePath(problem: String)
        /// A file larger than scimgen ever reads.
        case tooLarge(size: Int, limit: Int)
        /// Another run holds the output folder's lock.
        case locked(seconds: Double)
        /// A system call failed.
        case system(action: String, error: SystemError)
    }
}

extension SiteWriteError {
    /// A failed system call at `path`: `cannot <action>: <strerror> (<ERRNO>)`.
    static func system(_ path: String, _ action: String, _ error: SystemError) -> SiteWriteError {
        SiteWriteError(path: path, reason: .system(action: action, error: error))
    }
}

extension SiteWriteError.Reason {
    public var description: String {
        switch self {
        case .notAFile(let kind):
            return "is \(kind) where scimgen keeps a generated file; scimgen never follows links and reads or replaces "
                + "only regular files in the output folder; remove it and run 'scimgen generate' again"
        case .notAFolder(let kind):
            return "is \(kind) where scimgen needs a folder; scimgen never follows links in the output folder; "
                + "remove it and run 'scimgen generate' again"
        case .outputIsLink:
            return "the output folder is a link; scimgen writes only into a real folder; pass the folder it leads to as --out"
        case .outputIsFileSystemRoot:
            return "scimgen keeps its manifest beside the output folder, so the output folder cannot be '/'; choose another --out"
        case .notWrittenByScimgen:
            return "exists and was not written by scimgen; move it away or delete it, then generate again"
        case .unsafePath(let problem):
            return "refusing to write a path that \(problem)"
        case .tooLarge(let size, let limit):
            return "is \(size) bytes, more than the \(limit) scimgen reads; remove it and run 'scimgen generate' again"
        case .locked(let seconds):
            let waited = seconds == seconds.rounded() ? "\(Int(seconds))" : "\(seconds)"
            return "another scimgen run holds this folder (waited \(waited) s); run again when it has finished"
        case .system(let action, let error):
            return "cannot \(action): \(error)"
        }
    }
}

/// Something `generate` or `check` left alone in the output folder, and why.
public struct SiteWarning: Hashable, Sendable, CustomStringConvertible {
    /// The path concerned, as messages name it.
    public var path: String
    /// The line of the manifest, for a problem with one of its lines.
    public var line: Int?
    /// What was left alone and why.
    public var message: String

    /// Creates a warning.
    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `Site/lusid: warning: …`, or `.Site.scimgen-manifest:12: warning: …`.
    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): warning: \(message)"
    }
}

extension SiteWarning {
    /// A manifest line that is not `<sha-256>  <path>`.
    static func malformedLine(_ manifest: String, line: Int) -> SiteWarning {
        SiteWarning(
            path: manifest, line: line,
            message: "is not '<sha-256>  <path>'; the line is ignored, so scimgen will neither replace nor remove the file it names")
    }

    /// A manifest line naming a path that leaves the folder.
    static func unsafeEntry(_ manifest: String, line: Int, path: String, problem: String) -> SiteWarning {
        SiteWarning(path: manifest, line: line, message: "lists '\(path.withVisibleControls)', which \(problem); the line is ignored")
    }

    /// More malformed lines than are worth printing one by one.
    static func moreMalformedLines(_ manifest: String, count: Int) -> SiteWarning {
        SiteWarning(path: manifest, message: "\(count) more lines are ignored for the same reasons")
    }

    /// A listed entry that is no longer generated and is not a regular file.
    static func notAFileToRemove(_ path: String, kind: String) -> SiteWarning {
        SiteWarning(
            path: path,
            message: "is listed in the manifest but is \(kind), not a file scimgen wrote; left in place and no longer listed")
    }

    /// A listed entry that differs from a generated path only by letter case or Unicode normalization.
    static func sameAsAGeneratedFile(_ path: String) -> SiteWarning {
        SiteWarning(
            path: path.withVisibleControls,
            message: "is listed in the manifest and differs from a generated file only by letter case or Unicode normalization, "
                + "so on macOS and Windows it is that file; left in place and no longer listed")
    }

    /// A listed entry that is no longer generated and whose bytes are not what scimgen wrote.
    static func changedSinceWritten(_ path: String) -> SiteWarning {
        SiteWarning(
            path: path,
            message: "is no longer generated, but its bytes are not what scimgen wrote; left in place and no longer listed; delete it if nobody needs it")
    }
}

extension String {
    /// The text with every control character a terminal would act on shown as its symbol (ESC as
    /// `␛`, a lone carriage return as `␍`, C1 controls and the bidirectional controls as `�`), so that
    /// printing bytes read from the output folder cannot move the cursor, retitle the terminal, set its
    /// clipboard or reorder the line as shown. Tabs, line feeds and the carriage return of a CRLF line end stay.
    var withVisibleControls: String {
        guard unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || SiteWriter.isBidiControl($0) })
        else { return self }
        var result = String.UnicodeScalarView()
        let scalars = Array(unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x09, 0x0A:
                result.append(scalar)
            case 0x0D where index + 1 < scalars.count && scalars[index + 1] == "\n":
                result.append(scalar)
            case 0x00..<0x20:
                result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F:
                result.append("\u{2421}")
            case 0x80...0x9F:
                result.append("\u{FFFD}")
            case _ where SiteWriter.isBidiControl(scalar):
                result.append("\u{FFFD}")
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}
