extension Template {
    /// One piece of a parsed template. Parsing resolves everything that does not depend on data
    /// (standalone lines, names split on dots, indentation) so that rendering only walks nodes.
    enum Node: Sendable {
        case text(Text)
        case variable(Variable)
        case section(Section)
        case partial(Partial)
        case parent(Parent)
        case block(Block)
    }

    /// A 1-based line and column (in Unicode scalars) of a tag's opening delimiter.
    struct Position: Sendable, Hashable {
        var line: Int
        var column: Int
    }

    /// Literal text, with the starts of the template lines it contains.
    ///
    /// Indentation (of a standalone partial, or of a block moved elsewhere) applies to template
    /// lines, not to the text values print, so each line start is recorded at parse time.
    struct Text: Sendable {
        var text: String
        var lineStarts: [LineStart]
    }

    /// Where a template line starts inside a ``Text``.
    struct LineStart: Sendable {
        /// UTF-8 offset into the text.
        var offset: Int
        /// How many bytes of spaces and tabs begin the line; a block's dedent strips from these.
        var whitespace: Int
        /// A line with nothing but whitespace gets no indentation, so that no trailing spaces appear.
        var isBlank: Bool
    }

    /// A name as written, split on dots; no components means `.`, the top of the context stack.
    struct Name: Sendable, Hashable {
        var components: [String]
        var text: String
    }

    /// `{{name}}`, `{{{name}}}`, `{{&name}}`, optionally through transforms: `{{cell(name)}}`.
    struct Variable: Sendable {
        var name: Name
        var escapes: Bool
        /// Innermost first.
        var transforms: [Transform]
        var position: Position
    }

    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    struct Section: Sendable {
        var name: Name
        var isInverted: Bool
        var content: [Node]
        var position: Position
    }

    /// The name in a partial or parent tag: fixed, or `*name` looked up in the context.
    enum PartialName: Sendable, Hashable {
        case fixed(String)
        case dynamic(Name)

        var text: String {
            switch self {
            case .fixed(let name): return name
            case .dynamic(let name): return "*" + name.text
            }
        }
    }

    /// `{{>name}}`.
    struct Partial: Sendable {
        var name: PartialName
        /// The whitespace before a standalone tag, prepended to every line of the partial; nil inline.
        var indentation: String?
        var position: Position
    }

    /// `{{<name}}{{$block}}…{{/block}}{{/name}}`: a partial whose blocks this tag overrides.
    struct Parent: Sendable {
        var name: PartialName
        /// The overriding blocks, in source order (everything else inside a parent is ignored).
        var blocks: [Block]
        var indentation: String?
        var position: Position
    }

    /// `{{$name}}default{{/name}}`: a place a parent's caller may fill.
    struct Block: Sendable {
        var name: String
        var content: [Node]
        /// The opening tag stands alone on its line (alone, or paired with its parent's tag or its
        /// own closing tag); only then is the content re-indented where it lands.
        var isStandalone: Bool
        /// The whitespace before a standalone opening tag.
        var indentation: String
        /// The whitespace common to the content's lines, removed where the block is defined and
        /// replaced by the indentation where it is expanded ("Block reindentation" in the spec).
        var margin: String
        var position: Position
    }
}
