extension Template {
    /// One piece of a parsed template. Parsing resolves everything that does not depend on data
    /// (standalone lines, names split on dots, indentation) so that rendering only walks nodes.
    ///
    /// Payloads are classes so that a node is one pointer: rendering recurses once per nesting
    /// level, and small frames keep deep templates within a 512 KB thread stack.
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
    final class Text: Sendable {
        let text: String
        let lineStarts: [LineStart]

        init(text: String, lineStarts: [LineStart]) {
            self.text = text
            self.lineStarts = lineStarts
        }
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
    final class Variable: Sendable {
        let name: Name
        let escapes: Bool
        /// Transform names, innermost first.
        let transforms: [String]
        let position: Position

        init(name: Name, escapes: Bool, transforms: [String], position: Position) {
            self.name = name
            self.escapes = escapes
            self.transforms = transforms
            self.position = position
        }
    }

    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    final class Section: Sendable {
        let name: Name
        let isInverted: Bool
        let content: [Node]
        let position: Position

        init(name: Name, isInverted: Bool, content: [Node], position: Position) {
            self.name = name
            self.isInverted = isInverted
            self.content = content
            self.position = position
        }
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
    final class Partial: Sendable {
        let name: PartialName
        /// The whitespace before a standalone tag, prepended to every line of the partial; nil inline.
        let indentation: String?
        let position: Position

        init(name: PartialName, indentation: String?, position: Position) {
            self.name = name
            self.indentation = indentation
            self.position = position
        }
    }

    /// `{{<name}}{{$block}}…{{/block}}{{/name}}`: a partial whose blocks this tag overrides.
    final class Parent: Sendable {
        let name: PartialName
        /// The overriding blocks, in source order (everything else inside a parent is ignored).
        let blocks: [Block]
        let indentation: String?
        let position: Position

        init(name: PartialName, blocks: [Block], indentation: String?, position: Position) {
            self.name = name
            self.blocks = blocks
            self.indentation = indentation
            self.position = position
        }
    }

    /// `{{$name}}default{{/name}}`: a place a parent's caller may fill.
    final class Block: Sendable {
        let name: String
        let content: [Node]
        /// The opening tag stands alone on its line (alone, or paired with its parent's tag or its
        /// own closing tag); only then is the content re-indented where it lands.
        let isStandalone: Bool
        /// The whitespace before a standalone opening tag.
        let indentation: String
        /// The whitespace common to the content's lines, removed where the block is defined and
        /// replaced by the indentation where it is expanded ("Block reindentation" in the spec).
        let margin: String
        let position: Position

        init(name: String, content: [Node], isStandalone: Bool, indentation: String, margin: String, position: Position) {
            self.name = name
            self.content = content
            self.isStandalone = isStandalone
            self.indentation = indentation
            self.margin = margin
            self.position = position
        }
    }
}
