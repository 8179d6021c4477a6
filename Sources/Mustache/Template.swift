/// A parsed Mustache template: parse once, render many times, from any thread.
///
/// The engine follows the Mustache spec (interpolation, sections, inverted sections, comments,
/// partials, set delimiters, standalone lines, dotted names, the implicit iterator `{{.}}`) with
/// the optional inheritance (`{{<parent}}`, `{{$block}}`) and dynamic names (`{{>*name}}`) modules;
/// lambdas are not supported. On top of the spec it offers ``Transform``s (`{{cell(name)}}`) that
/// the caller names, ``Escaping`` chosen per render, strict ``RenderOptions`` and located
/// ``TemplateError``s. It knows no output format beyond the spec's HTML escaping.
///
/// Errors beyond the spec's silence: a non-comment tag must close on the line it opens, names may
/// not contain whitespace or empty dotted parts, sections nest at most 100 deep, and a parent tag
/// may contain only blocks (and text, which the spec says to ignore).
public struct Template: Sendable {
    /// The name partial tags and ``TemplateLibrary`` use, e.g. `partials/prerequisites.md`.
    public let name: String
    /// The path errors print, e.g. `Templates/partials/prerequisites.md.mustache`.
    public let file: String
    /// The parsed content.
    let nodes: [Node]

    /// Parses `source`; `file` (the name when nil) is what error messages print.
    public init(source: String, name: String, file: String? = nil) throws(TemplateError) {
        self.name = name
        self.file = file ?? name
        var parser = Parser(source: source, file: file ?? name)
        self.nodes = try parser.parse()
    }

    /// Renders the template against `context`, finding partials in `library` and the transforms
    /// tags name in `transforms`.
    public func render(
        _ context: MustacheValue,
        escaping: Escaping = .html,
        library: TemplateLibrary = TemplateLibrary(),
        options: RenderOptions = .strict,
        transforms: [String: Transform] = [:]
    ) throws(TemplateError) -> String {
        var renderer = Renderer(
            context: context, library: library, escaping: escaping, options: options, transforms: transforms, root: name)
        try renderer.render(nodes, frame: .identity, file: file)
        return String(decoding: renderer.output, as: UTF8.self)
    }
}
