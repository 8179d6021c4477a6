/// A named function an interpolation tag applies to its value: `{{cell(attribute.description)}}`.
///
/// The engine knows no output format and so no transform: the caller passes the transforms its
/// templates may use, by name, to each render (as hummingbird-project/swift-mustache leaves
/// transforms to the values' own `MustacheTransformable` conformance). A template that names a
/// transform the render was not given fails with an error located at the tag;
/// ``TemplateLibrary/transformProblems(_:)`` finds every such tag before anything renders.
///
/// The syntax follows swift-mustache: `name(argument)`, where the argument is a name or another
/// call, so `{{cell(code(path))}}` applies `code`, then `cell`. Spec tag names never contain
/// parentheses, so transforms cannot change what a spec template means.
///
/// Order of work for `{{f(g(name))}}`: the value becomes text (a ``value(_:)`` transform converts
/// it, otherwise as `{{name}}` would print it), the text is escaped for the render's ``Escaping``
/// (not in `{{{…}}}` or `{{&…}}`), then the ``text(_:)`` transforms apply from the innermost out,
/// so the markup they add is never escaped. Transforms are allowed in interpolation tags only.
public struct Transform: Sendable {
    enum Body: Sendable {
        case text(@Sendable (String, inout [UInt8]) -> Void)
        case value(@Sendable (MustacheValue) -> String)
    }

    let body: Body

    /// A transform of text: it receives what the tag would print (already escaped) and returns
    /// what to print instead.
    public static func text(_ transform: @escaping @Sendable (String) -> String) -> Transform {
        Transform(body: .text { text, output in output.append(contentsOf: transform(text).utf8) })
    }

    /// A transform of text that appends what to print to the output's UTF-8 bytes itself: the
    /// same as ``text(_:)``, without an intermediate string, for transforms on every row of a table.
    public static func text(appending transform: @escaping @Sendable (String, inout [UInt8]) -> Void) -> Transform {
        Transform(body: .text(transform))
    }

    /// A transform of a whole value, lists and objects included, such as an encoder to JSON;
    /// it must apply to a name directly (`json(name)`), since other transforms produce text.
    public static func value(_ convert: @escaping @Sendable (MustacheValue) -> String) -> Transform {
        Transform(body: .value(convert))
    }

    /// Whether this transform takes the whole value rather than its text.
    var takesValue: Bool {
        if case .value = body { return true }
        return false
    }
}

extension Template {
    /// The problem with the transforms a tag names, given those a render offers; nil when there is none.
    static func transformProblem(_ names: [String], offered transforms: [String: Transform]) -> String? {
        for (index, name) in names.enumerated() {
            guard let transform = transforms[name] else {
                let known = transforms.keys.sorted().map { "'\($0)'" }
                let list = known.isEmpty ? "this render offers none" : "known transforms are \(known.joined(separator: ", "))"
                return "unknown transform '\(name)'; \(list)"
            }
            if index > 0 && transform.takesValue {
                return "transform '\(name)' must apply to a name directly, as in '\(name)(name)'"
            }
        }
        return nil
    }
}
