/// How `{{name}}` tags escape the text they print; `{{{name}}}` and `{{&name}}` never escape.
///
/// The kind of output decides: HTML needs escaping, Markdown and other plain text do not
/// (use the `cell(...)` and `code(...)` transforms where Markdown needs care, see ``Transform``).
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
    /// Appends `text` to `output`, escaped for this kind of output.
    func append(_ text: String, to output: inout String) {
        switch self {
        case .none:
            output += text
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
            var output = ""
            Escaping.appendHTMLEscaped(text, to: &output)
            return output
        }
    }

    private static func appendHTMLEscaped(_ text: String, to output: inout String) {
        let utf8 = text.utf8
        // Most values need no escaping: one scan, then one append.
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            output += text
            return
        }
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let replacement: String?
            switch utf8[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default: replacement = nil
            }
            let next = utf8.index(after: index)
            if let replacement {
                output += text[start..<index]
                output += replacement
                start = next
            }
            index = next
        }
        output += text[start...]
    }
}
