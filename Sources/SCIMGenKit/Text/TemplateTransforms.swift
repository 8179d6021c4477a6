import Mustache

/// The transforms scimgen's templates may name, such as `{{cell(path)}}`: the template engine knows
/// no output format, so each kind of escaping is passed to it from its one home here.
///
/// | transform | for | does |
/// | --- | --- | --- |
/// | `cell(x)` | a Markdown table cell | trims surrounding whitespace and line breaks, escapes `\|` as `\\|`, turns each line break into `<br>` |
/// | `code(x)` | inline code in Markdown | wraps in a backtick fence longer than any backtick run inside, padding with spaces where CommonMark would otherwise eat a backtick or a space; line breaks become spaces; empty text stays empty |
/// | `yaml(x)` | a YAML front-matter value | one scalar on one line, plain where that is unambiguous, else single-quoted (`'O''Reilly: Learning'`) |
/// | `yamlInQuotes(x)` | text inside a single-quoted YAML scalar the template writes | one line, `'` doubled |
/// | `json(x)` | JSON output | the value as compact JSON (strings quoted and escaped, objects with sorted keys, a missing name as `null` unless variables are strict); must be innermost |
public enum TemplateTransforms {
    /// Every transform, by the name templates call it.
    public static let all: [String: Transform] = [
        "cell": .text(appending: MarkdownText.appendTableCell),
        "code": .text(appending: MarkdownText.appendCodeSpan),
        "yaml": .text(YAMLScalar.scalar),
        "yamlInQuotes": .text(YAMLScalar.inQuotes),
        "json": .value { JSONWriter.compact(JSONValue(mustache: $0)) },
    ]
}
