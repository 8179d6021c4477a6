/// Which link and image targets descriptor text may use, decided the way OWASP's XSS prevention
/// guidance asks: canonicalize the target as a browser would read it, then allow a short list.
///
/// Links: `https:` and `mailto:` URLs, relative paths (`../app-provisioning/x.md`, `#anchor`) and
/// Microsoft Learn's `~/` paths. Every other scheme (`javascript:`, `data:`, `vbscript:`, `file:`,
/// `http:`…) is refused, as is a target with no scheme that still leaves the site (`//host/x`).
/// Images: relative paths (the vendor's own media) or `https:` on ``imageHosts`` only, so that a
/// descriptor cannot plant a tracking pixel.
///
/// Canonical form: Markdown backslash escapes and character references decoded (`&#106;`,
/// `&#x6A`, `&colon;`, `&Tab;`), then every control character, white space and invisible format
/// character removed (browsers drop tabs and line breaks inside a URL, and trim the rest), then
/// lowercased. `jav&#x09;ascript:`, `JAVA\nSCRIPT:` and `\u{1}javascript:` all read `javascript:`.
enum URLSafety {
    /// The hosts images may come from.
    static let imageHosts: Set<String> = ["learn.microsoft.com"]
    /// The schemes links may use.
    static let linkSchemes: Set<String> = ["https", "mailto"]

    /// Why `target` may not be a link, or nil when it may.
    static func linkProblem(_ target: String) -> String? {
        let canonical = canonicalize(target)
        if let scheme = scheme(of: canonical) {
            return linkSchemes.contains(scheme) ? nil : "has the scheme '\(scheme):'; links may be https: or mailto: URLs, relative paths or ~/ paths"
        }
        if leavesTheSite(canonical) { return "leaves the site without a scheme; write the full https:// URL" }
        return nil
    }

    /// Why `target` may not be an image, or nil when it may.
    static func imageProblem(_ target: String) -> String? {
        let canonical = canonicalize(target)
        let hosts = imageHosts.sorted().joined(separator: ", ")
        if let scheme = scheme(of: canonical) {
            guard scheme == "https", let host = host(of: canonical), imageHosts.contains(host) else {
                return "is not a relative path or an https: URL on \(hosts); put the image in the vendor's folder and give its relative path"
            }
            return nil
        }
        if leavesTheSite(canonical) {
            return "is not a relative path or an https: URL on \(hosts); put the image in the vendor's folder and give its relative path"
        }
        return nil
    }

    /// Why `target` may not be a page address such as `website`, or nil when it is an absolute
    /// `https:` URL with a host.
    static func pageProblem(_ target: String) -> String? {
        let canonical = canonicalize(target)
        guard scheme(of: canonical) == "https", let host = host(of: canonical), !host.isEmpty else {
            return "must be an https:// URL"
        }
        return nil
    }
}

// MARK: - Canonical form

extension URLSafety {
    /// The target as a browser resolves it, for deciding its scheme and host.
    static func canonicalize(_ target: String) -> String {
        var decoded = String.UnicodeScalarView()
        let scalars = Array(target.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count, isASCIIPunctuation(scalars[index + 1]) {
                decoded.append(scalars[index + 1])
                index += 2
                continue
            }
            if scalar == "&", let (value, length) = characterReference(scalars, at: index) {
                decoded.append(value)
                index += length
                continue
            }
            decoded.append(scalar)
            index += 1
        }
        var result = ""
        for scalar in decoded where !isInvisible(scalar) {
            result.unicodeScalars.append(scalar)
        }
        return result.lowercased()
    }

    /// `javascript` for `javascript:alert(1)`: letters, digits, `+`, `-` and `.` before the first
    /// `:`, starting with a letter, as URL parsers read a scheme; nil for a relative reference.
    static func scheme(of canonical: String) -> String? {
        var scheme = ""
        for scalar in canonical.unicodeScalars {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme }
            let isLetter = ("a"..."z").contains(scalar)
            let allowed = isLetter || (!scheme.isEmpty && (("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar)))
            guard allowed else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// `//host/x` and `\\host\x` name another host though they have no scheme.
    static func leavesTheSite(_ canonical: String) -> Bool {
        let start = canonical.unicodeScalars.prefix(2)
        return start.count == 2 && start.allSatisfy { $0 == "/" || $0 == "\\" }
    }

    /// The host of an absolute URL: after `scheme://`, before the path, query or fragment,
    /// without user information or port, and without a final dot.
    static func host(of canonical: String) -> String? {
        guard let colon = canonical.firstIndex(of: ":") else { return nil }
        var rest = canonical[canonical.index(after: colon)...]
        guard rest.hasPrefix("//") || rest.hasPrefix("\\\\") || rest.hasPrefix("/\\") || rest.hasPrefix("\\/") else { return nil }
        rest = rest.dropFirst(2)
        let authority = rest.prefix { !"/\\?#".contains($0) }
        var host = authority.split(separator: "@", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        if let portColon = host.lastIndex(of: ":"), !host.hasSuffix("]") { host = String(host[..<portColon]) }
        while host.hasSuffix(".") { host.removeLast() }
        return host
    }

    /// Control characters, white space and invisible format characters (zero-width spaces, soft
    /// hyphens, bidirectional controls): a browser drops some, and none belongs in a scheme.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isWhitespace
            || scalar.properties.generalCategory == .format
    }

    private static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(scalar)
    }

    /// Named references that can spell a scheme's letters, its colon or the white space around.
    private static let namedReferences: [String: Unicode.Scalar] = [
        "colon": ":", "tab": "\t", "newline": "\n", "nbsp": "\u{A0}", "plus": "+", "period": ".", "sol": "/",
        "bsol": "\\", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "lpar": "(", "rpar": ")",
        "num": "#", "quest": "?", "commat": "@", "excl": "!", "comma": ",", "semi": ";", "equals": "=",
        "lowbar": "_", "hyphen": "\u{2010}", "dash": "\u{2010}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "shy": "\u{AD}",
    ]

    /// A character reference at `start` (`&#106;`, `&#x6a`, `&colon;`), decoded, with its length.
    /// Numeric references are read without their `;` too, as browsers read them in attributes.
    private static func characterReference(_ scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "#" {
            index += 1
            var radix = 10
            if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" {
                radix = 16
                index += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while index < scalars.count, let digit = Int(String(scalars[index]), radix: radix), scalars[index].isASCII {
                value = min(value &* UInt32(radix) &+ UInt32(digit), 0x110000)
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if index < scalars.count, scalars[index] == ";" { index += 1 }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", index - start)
        }
        var name = ""
        while index < scalars.count, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]), name.count < 32 {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";", let value = namedReferences[name.lowercased()] else { return nil }
        return (value, index + 1 - start)
    }
}
