/// How `{{name}}` tags escape the text they print; `{{{name}}}` and `{{&name}}` never escape.
///
/// The kind of output decides: HTML needs escaping, Markdown and other plain text do not
/// (the caller passes ``Transform``s for whatever care its format needs).
public enum Escaping: Sendable, Hashable {
    /// Replace `&`, `<`, `>`, `"` and `'` by character references, as the Mustache spec requires.
    case html
    /// Print text as is.
    case none

    /// The escaping for a template by its name: `.html` for `.html`, `.htm`, `.xhtml`, `.xml`
    /// and `.svg` templates (`page.html`, `page.html.mustache`), `.none` for everything else.
    public init(forTemplateNamed name: String) {
        var base = Substring(name)
        if base.hasSuffix(".mustache") { base = base.dropLast(".mustache".count) }
        let markup = [".html", ".htm", ".xhtml", ".xml", ".svg"]
        self = markup.contains(where: { base.lowercased().hasSuffix($0) }) ? .html : .none
    }
}

extension Escaping {
    /// Appends `text` to `output` as UTF-8, escaped for this kind of output.
    func append(_ text: String, to output: inout [UInt8]) {
        switch self {
        case .none:
            output.append(contentsOf: text.utf8)
        case .html:
            Escaping.appendHTMLEscaped(text, to: &output)
        }
    }

    /// `text` escaped for this kind of output.
    func escape(_ text: String) -> String {
        switch self {
        case .none:
            return text
        case .html:
            var output: [UInt8] = []
            Escaping.appendHTMLEscaped(text, to: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func appendHTMLEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // Most values need no escaping: one scan, then one copy.
            var start = 0
            for index in bytes.indices {
                let replacement: StaticString
                switch bytes[index] {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}
