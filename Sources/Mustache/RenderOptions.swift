/// How forgiving a render is: the Mustache spec forgives everything, our own templates should not.
public struct RenderOptions: Sendable, Hashable {
    /// Throw a located error naming a partial or parent that the library lacks, instead of
    /// rendering nothing as the spec asks.
    public var strictPartials: Bool
    /// Throw a located error when an interpolation (`{{name}}`, `{{cell(name)}}`, `{{>*name}}`)
    /// names nothing in the context, or names a list or an object, which have no text.
    ///
    /// Sections stay lenient: `{{#name}}` on a missing name is simply falsy, which is how
    /// templates test for optional data.
    public var strictVariables: Bool
    /// How deeply partials and parents may include one another before the render gives up
    /// with an error naming the chain; this is what stops a partial that includes itself.
    public var maximumPartialDepth: Int
    /// How many section iterations, partial inclusions and block expansions one render may make.
    ///
    /// Nested sections over a list that each level finds again up the context stack
    /// (`{{#a}}{{#a}}{{#a}}…` with `a: [1, 2]`) multiply without end; this bound turns such a
    /// hang into an error. Ten million is far beyond any document.
    public var maximumExpansions: Int
    /// How many bytes of output one render may produce, for the same reason.
    public var maximumOutputBytes: Int

    /// Creates options; the defaults are ``strict``.
    public init(
        strictPartials: Bool = true,
        strictVariables: Bool = true,
        maximumPartialDepth: Int = 64,
        maximumExpansions: Int = 10_000_000,
        maximumOutputBytes: Int = 256 << 20
    ) {
        self.strictPartials = strictPartials
        self.strictVariables = strictVariables
        self.maximumPartialDepth = maximumPartialDepth
        self.maximumExpansions = maximumExpansions
        self.maximumOutputBytes = maximumOutputBytes
    }

    /// Exactly the Mustache spec: missing partials and names render as the empty string.
    public static let spec = RenderOptions(strictPartials: false, strictVariables: false)

    /// Missing partials and unresolved names are errors: the default for generated documentation.
    public static let strict = RenderOptions()
}
