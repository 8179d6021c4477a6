/// One block of a tutorial's Markdown: a heading, a paragraph, a list item, an image, a table,
/// a code block, an alert, a checklist or an include, with the line it starts on.
///
/// Only the subset Microsoft Learn tutorials use is recognised; anything else reads as a paragraph,
/// so that it is reported rather than lost.
struct MarkdownBlock: Hashable, Sendable {
    /// What the block is.
    enum Kind: Hashable, Sendable {
        /// `#` to `######`; the text is the heading's text.
        case heading(level: Int)
        /// Lines of prose joined by spaces.
        case paragraph
        /// A bullet (`*`, `-`, `+`) or numbered (`1.`, `1)`) item; the text is the item's first paragraph.
        case listItem(ordered: Bool)
        /// An image alone on its line.
        case image(alt: String, path: String)
        /// A pipe table, every line with its number (header, separator and rows).
        case table([SourceLine])
        /// A fenced code block; the text is its body without the final newline.
        case code(language: String)
        /// `> [!NOTE]` and its kin; the associated value is the kind in lowercase (`note`, `tip`, …).
        case alert(String)
        /// `> [!div class="checklist"]` followed by `> * item` lines.
        case checklist([SourceLine])
        /// A plain block quote, read like a paragraph.
        case quote
        /// An HTML anchor or comment: structure, never a fact.
        case html
        /// `[!INCLUDE [name](path)]`: a shared section Microsoft Learn inserts from another file.
        case include(name: String, path: String)
    }

    /// What the block is.
    var kind: Kind
    /// Its text, as described for each kind.
    var text: String
    /// The 1-based line it starts on.
    var line: Int
    /// Its indentation in columns (a tab counts to the next multiple of four).
    var indent: Int
}

/// A line of the source with its 1-based number.
struct SourceLine: Hashable, Sendable {
    /// The text, without the line break.
    var text: String
    /// The 1-based line number.
    var line: Int
}
