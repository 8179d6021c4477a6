/// A name in a template that the data can never resolve, found before any rendering.
public struct UnknownName: Sendable, Hashable {
    /// The template's file, as errors print it.
    public var file: String
    /// The 1-based line of the tag.
    public var line: Int
    /// The 1-based column of the tag.
    public var column: Int
    /// The name as written, such as `learn.titel`.
    public var name: String
    /// The part of it that resolves to nothing, such as `titel`.
    public var part: String
    /// The names that part could have been: every key visible where it is looked up.
    public var candidates: [String]
}

extension TemplateLibrary {
    /// Every variable, section and dynamic partial name reachable from the template `root` that
    /// no data of the shape `shape` can resolve, with the names it could have meant.
    ///
    /// `shape` is a sample of the data with every key the data can have: arrays stand for their
    /// elements (their objects' keys merged), so one element holding every key is enough. Names
    /// are resolved as rendering resolves them, through the context stack that sections push,
    /// into partials, and into blocks where their parents place them. Each tag is reported once.
    public func unknownNames(in root: String, shape: MustacheValue) -> [UnknownName] {
        guard let template = self[root] else { return [] }
        var checker = NameChecker(library: self)
        checker.walk(template.nodes, file: template.file, stack: [shape], overrides: [:], depth: 0)
        return checker.found.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }
}

/// Walks templates the way rendering would, with shapes instead of values.
private struct NameChecker {
    let library: TemplateLibrary
    var found: [UnknownName] = []
    private var reported: Set<String> = []

    init(library: TemplateLibrary) { self.library = library }

    /// How deep partials and parents are followed; rendering stops runaway recursion on its own.
    static let maximumDepth = 32

    typealias Override = (block: Template.Block, file: String)

    mutating func walk(
        _ nodes: [Template.Node], file: String, stack: [MustacheValue], overrides: [String: Override], depth: Int
    ) {
        for node in nodes {
            switch node {
            case .text:
                break
            case .variable(let variable):
                _ = resolve(variable.name, file: file, at: variable.position, stack: stack)
            case .section(let section):
                guard let value = resolve(section.name, file: file, at: section.position, stack: stack) else { continue }
                // An inverted section renders with the stack as it is; a section pushes its value,
                // a list each element (whose keys `element` merges).
                let pushed = section.isInverted ? stack : stack + [Self.element(of: value)]
                walk(section.content, file: file, stack: pushed, overrides: overrides, depth: depth)
            case .partial(let partial):
                guard let template = include(partial.name, file: file, at: partial.position, stack: stack),
                    depth < Self.maximumDepth
                else { continue }
                walk(template.nodes, file: template.file, stack: stack, overrides: [:], depth: depth + 1)
            case .parent(let parent):
                var inner = overrides
                for block in parent.blocks where inner[block.name] == nil { inner[block.name] = (block, file) }
                guard let template = include(parent.name, file: file, at: parent.position, stack: stack),
                    depth < Self.maximumDepth
                else {
                    // The parent is missing (reported elsewhere): still check the blocks' own names.
                    for block in parent.blocks { walk(block.content, file: file, stack: stack, overrides: overrides, depth: depth) }
                    continue
                }
                walk(template.nodes, file: template.file, stack: stack, overrides: inner, depth: depth + 1)
            case .block(let block):
                if let override = overrides[block.name] {
                    walk(override.block.content, file: override.file, stack: stack, overrides: overrides, depth: depth)
                } else {
                    walk(block.content, file: file, stack: stack, overrides: overrides, depth: depth)
                }
            }
        }
    }

    /// The template a partial or parent tag names, its dynamic name checked first.
    mutating func include(_ name: Template.PartialName, file: String, at position: Template.Position, stack: [MustacheValue])
        -> Template?
    {
        switch name {
        case .fixed(let text):
            return library[text]
        case .dynamic(let name):
            _ = resolve(name, file: file, at: position, stack: stack)
            return nil
        }
    }

    /// The shape a name resolves to, or nil (reported) when no data can resolve it.
    mutating func resolve(_ name: Template.Name, file: String, at position: Template.Position, stack: [MustacheValue])
        -> MustacheValue?
    {
        guard let first = name.components.first else { return stack.last }
        var value: MustacheValue?
        for frame in stack.reversed() {
            if case .object(let keys) = frame, let found = keys[first] {
                value = found
                break
            }
        }
        guard var current = value else {
            let visible = stack.flatMap { frame -> [String] in
                guard case .object(let keys) = frame else { return [] }
                return Array(keys.keys)
            }
            report(name, part: first, candidates: visible, file: file, at: position)
            return nil
        }
        for part in name.components.dropFirst() {
            guard case .object(let keys) = current, let next = keys[part] else {
                var candidates: [String] = []
                if case .object(let keys) = current { candidates = Array(keys.keys) }
                report(name, part: part, candidates: candidates, file: file, at: position)
                return nil
            }
            current = next
        }
        return current
    }

    mutating func report(_ name: Template.Name, part: String, candidates: [String], file: String, at position: Template.Position) {
        guard reported.insert("\(file):\(position.line):\(position.column)").inserted else { return }
        found.append(
            UnknownName(
                file: file, line: position.line, column: position.column, name: name.text, part: part,
                candidates: Array(Set(candidates)).sorted()))
    }

    /// What a section pushes for `value`: a list's elements merged into one shape, else the value.
    static func element(of value: MustacheValue) -> MustacheValue {
        guard case .array(let elements) = value else { return value }
        return elements.reduce(MustacheValue.object([:]), merged)
    }

    /// Two shapes as one: objects with the keys of both (merged where both have one).
    static func merged(_ a: MustacheValue, _ b: MustacheValue) -> MustacheValue {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            return .object(x.merging(y) { merged($0, $1) })
        case (.array(let x), .array(let y)):
            return .array([element(of: .array(x + y))])
        case (.object(let x), _) where x.isEmpty:
            return b
        default:
            return a
        }
    }
}

extension MustacheValue {
    /// One shape for several samples of data: objects with every key any of them has, lists
    /// standing for all their elements. What `TemplateLibrary.unknownNames(in:shape:)` takes.
    public static func shape(of samples: [MustacheValue]) -> MustacheValue {
        samples.reduce(.object([:]), NameChecker.merged)
    }
}
