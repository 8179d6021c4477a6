/// Named templates that render one another through partial and parent tags.
///
/// A library is a value: ``overlaying(_:)`` makes a new one cheaply, for instance a vendor's own
/// versions of a few partials or of a layout over the shared set, without parsing anything again.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template]
    /// How many bytes of template files `init(directory:)` read; zero for a library built in memory.
    public internal(set) var bytesRead = 0

    /// Creates a library holding `templates` under their names; a repeated name keeps the last.
    public init(_ templates: [Template] = []) {
        self.templates = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The template with this name, as partial tags name it.
    public subscript(name: String) -> Template? {
        templates[name]
    }

    /// Every template name, sorted.
    public var names: [String] {
        templates.keys.sorted()
    }

    /// Adds `template` under its name, replacing any template of that name.
    public mutating func add(_ template: Template) {
        templates[template.name] = template
    }

    /// This library with the templates of `overrides` added, replacing same-named ones.
    public func overlaying(_ overrides: TemplateLibrary) -> TemplateLibrary {
        var result = self
        result.templates.merge(overrides.templates, uniquingKeysWith: { _, override in override })
        return result
    }

    /// Renders the template `name` against `context`, its partials taken from this library.
    public func render(
        _ name: String,
        context: MustacheValue,
        escaping: Escaping,
        options: RenderOptions = .strict,
        transforms: [String: Transform] = [:]
    ) throws(TemplateError) -> String {
        guard let template = templates[name] else {
            throw TemplateError(file: name, line: 0, column: 0, message: "template '\(name)' not found")
        }
        return try template.render(context, escaping: escaping, library: self, options: options, transforms: transforms)
    }

    /// Every partial and parent tag with a fixed name that names no template here, located at the
    /// tag: the check to run before rendering in strict mode, because it reports them all at once.
    ///
    /// Dynamic names (`{{>*name}}`) depend on data and are not checked.
    public func missingPartials() -> [TemplateError] {
        var errors: [TemplateError] = []
        for name in names {
            guard let template = templates[name] else { continue }
            template.forEachFixedInclusion { kind, included, position in
                if templates[included] == nil {
                    errors.append(
                        TemplateError(
                            file: template.file, line: position.line, column: position.column,
                            message: "\(kind) '\(included)' not found"))
                }
            }
        }
        return errors.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }
}

extension TemplateLibrary {
    /// Every tag that names a transform `transforms` lacks, or applies a value transform to text,
    /// located at the tag: like ``missingPartials()``, the check to run before rendering.
    public func transformProblems(_ transforms: [String: Transform]) -> [TemplateError] {
        var errors: [TemplateError] = []
        for name in names {
            guard let template = templates[name] else { continue }
            template.forEachVariable { variable in
                guard !variable.transforms.isEmpty,
                    let problem = Template.transformProblem(variable.transforms, offered: transforms)
                else { return }
                errors.append(
                    TemplateError(file: template.file, line: variable.position.line, column: variable.position.column, message: problem))
            }
        }
        return errors.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }
}

extension Template {
    /// Calls `body` with every node in source order, descending into sections, parents and blocks.
    func forEachNode(_ body: (Node) -> Void) {
        func visit(_ nodes: [Node]) {
            for node in nodes {
                body(node)
                switch node {
                case .text, .variable, .partial: break
                case .section(let section): visit(section.content)
                case .parent(let parent): for block in parent.blocks { visit(block.content) }
                case .block(let block): visit(block.content)
                }
            }
        }
        visit(nodes)
    }

    /// Calls `body` with each variable tag, in source order.
    func forEachVariable(_ body: (Variable) -> Void) {
        forEachNode { node in
            if case .variable(let variable) = node { body(variable) }
        }
    }

    /// Calls `body` with each partial or parent tag that has a fixed name, in source order.
    func forEachFixedInclusion(_ body: (_ kind: String, _ name: String, _ position: Position) -> Void) {
        forEachNode { node in
            switch node {
            case .partial(let partial):
                if case .fixed(let name) = partial.name { body("partial", name, partial.position) }
            case .parent(let parent):
                if case .fixed(let name) = parent.name { body("parent", name, parent.position) }
            default:
                break
            }
        }
    }
}
