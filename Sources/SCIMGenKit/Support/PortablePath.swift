import Foundation

/// Whether relative paths can be checked out and created alike on Windows, macOS and Linux.
///
/// A segment (file or folder name) is portable when it is not empty, `.` or `..`; holds none of
/// `< > : " / \ | ? *` nor a control character; does not end with `.` or a space (Windows drops
/// them); is at most 255 bytes; and is not a device name Windows reserves (`CON`, `PRN`, `AUX`,
/// `NUL`, `COM0` to `COM9`, `LPT0` to `LPT9`, with `¹ ² ³` too, `CONIN$`, `CONOUT$`), in any
/// case and with any extension (`nul.json`, `Com1.tar.gz`). A set of paths is portable when no two
/// of them, nor two of their folders, differ only by case or Unicode normalization, which the
/// default file systems of Windows and macOS do not tell apart.
public enum PortablePath {
    /// Why `segment` cannot be a file or folder name on every system, or nil when it can.
    public static func problem(segment: String) -> String? {
        if segment.isEmpty { return "is empty" }
        if segment == "." || segment == ".." { return "is '\(segment)'" }
        if let bad = segment.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F || forbidden.contains($0) }) {
            return bad.value < 0x20 || bad.value == 0x7F ? "holds a control character" : "holds '\(bad)'"
        }
        if segment.hasSuffix(".") || segment.hasSuffix(" ") { return "ends with '\(segment.last!)'" }
        if segment.utf8.count > 255 { return "is longer than 255 bytes" }
        var stem = Substring(segment.prefix { $0 != "." })
        while stem.hasSuffix(" ") { stem.removeLast() }
        if reserved.contains(stem.uppercased()) { return "is '\(stem)', a device name Windows reserves" }
        return nil
    }

    /// Why the relative, `/`-separated `path` cannot be created on every system, or nil.
    public static func problem(_ path: String) -> String? {
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if let problem = problem(segment: String(segment)) { return "'\(segment)' \(problem)" }
        }
        return nil
    }

    /// Every pair of `paths` (or of their folders) that differ only by case or normalization,
    /// each as (first seen, clashing), in the order the clashes are found.
    public static func caseClashes(_ paths: some Sequence<String>) -> [(String, String)] {
        var seen: [String: String] = [:]
        var clashes: [(String, String)] = []
        var reported: Set<String> = []
        for path in paths {
            var prefix = ""
            for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
                prefix += prefix.isEmpty ? String(segment) : "/" + segment
                let key = foldKey(prefix)
                if let first = seen[key] {
                    // Bytes, not String's ==, which already treats the two normalizations as equal.
                    if !first.utf8.elementsEqual(prefix.utf8) && reported.insert(prefix).inserted {
                        clashes.append((first, prefix))
                    }
                } else {
                    seen[key] = prefix
                }
            }
        }
        return clashes
    }

    /// The name as a case-insensitive, normalization-insensitive file system compares it.
    public static func foldKey(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }
}

// MARK: - Private

private extension PortablePath {
    static let forbidden = Set("<>:\"/\\|?*".unicodeScalars)

    static let reserved: Set<String> = {
        var names: Set<String> = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
        for digit in ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"] {
            names.insert("COM" + digit)
            names.insert("LPT" + digit)
        }
        return names
    }()
}
