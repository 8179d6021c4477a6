extension Template {
    /// How the lines of the nodes being rendered are indented: prefix each template line with
    /// `prefix` after dropping `strip` bytes of its leading whitespace.
    ///
    /// A standalone partial adds its tag's indentation; a block moved into a parent drops the
    /// margin it had where it was written and takes the indentation of the place it lands.
    struct Frame {
        var prefix: String
        var strip: Int
        /// Most nodes render with no indentation at all; they then skip the line bookkeeping.
        let isIdentity: Bool

        init(prefix: String, strip: Int) {
            self.prefix = prefix
            self.strip = strip
            self.isIdentity = prefix.isEmpty && strip == 0
        }

        static let identity = Frame(prefix: "", strip: 0)

        /// Indentation as the frame renders it, for a tag whose own leading whitespace is `whitespace`.
        func indent(_ whitespace: String) -> String {
            isIdentity ? whitespace : prefix + whitespace.dropFirst(strip)
        }
    }

    /// A block from a parent tag, waiting for the parent template to reach its name.
    struct Override {
        var block: Block
        /// Where the block was written, for errors.
        var file: String
        /// The frame around the parent tag, for a block that is not re-indented.
        var frame: Frame
    }

    /// Renders nodes into one growing byte buffer; one renderer serves a whole render call.
    struct Renderer {
        /// Sections, partials and blocks may nest this deep in one render, whatever the template
        /// count: recursion stays within even a small thread stack.
        static let maximumNesting = 256

        /// UTF-8 bytes: appending bytes is cheaper than appending strings, and the text is
        /// decoded once at the end.
        private(set) var output: [UInt8] = []
        private var contexts: [MustacheValue]
        /// Block overrides in force: the outermost parent tag's blocks win.
        private var overrides: [String: Override] = [:]
        /// The templates (and overriding blocks, as `$name`) being rendered, outermost first.
        private var chain: [String]
        private var nesting = 0
        private var steps = 0
        private let library: TemplateLibrary
        private let escaping: Escaping
        private let options: RenderOptions
        private let transforms: [String: Transform]
        /// The same transforms as a list: a render offers a handful, and comparing a few short
        /// names is cheaper than hashing one, on every transformed tag of every render.
        private let transformList: [(name: String, transform: Transform)]

        init(
            context: MustacheValue, library: TemplateLibrary, escaping: Escaping, options: RenderOptions,
            transforms: [String: Transform], root: String
        ) {
            self.contexts = [context]
            self.contexts.reserveCapacity(16)
            self.library = library
            self.escaping = escaping
            self.options = options
            self.transforms = transforms
            self.transformList = transforms.map { ($0.key, $0.value) }
            self.chain = [root]
            output.reserveCapacity(16 * 1024)
        }

        /// Renders `nodes`, which come from `file`. The per-kind functions are kept out of line so that
        /// this recursive loop's frame stays small (see ``maximumNesting``).
        mutating func render(_ nodes: [Node], frame: Frame, file: String) throws(TemplateError) {
            // Indexing, not a for-in iterator, saves reference counting on every node.
            var index = 0
            while index < nodes.count {
                defer { index += 1 }
                switch nodes[index] {
                case .text(let text):
                    if frame.isIdentity {
                        output.append(contentsOf: text.text.utf8)
                    } else {
                        appendIndented(text, frame: frame)
                    }
                case .variable(let variable):
                    try renderVariable(variable, file: file)
                case .section(let section):
                    try renderSection(section, frame: frame, file: file)
                case .partial(let partial):
                    try renderPartial(partial, frame: frame, file: file)
                case .parent(let parent):
                    try renderParent(parent, frame: frame, file: file)
                case .block(let block):
                    try renderBlock(block, frame: frame, file: file)
                }
            }
        }
    }
}

// MARK: - Text and variables

extension Template.Renderer {
    private mutating func appendIndented(_ text: Template.Text, frame: Template.Frame) {
        let utf8 = text.text.utf8
        var cursor = utf8.startIndex
        for line in text.lineStarts {
            let lineStart = utf8.index(utf8.startIndex, offsetBy: line.offset)
            output.append(contentsOf: utf8[cursor..<lineStart])
            if !line.isBlank { output.append(contentsOf: frame.prefix.utf8) }
            cursor = utf8.index(lineStart, offsetBy: min(frame.strip, line.whitespace))
        }
        output.append(contentsOf: utf8[cursor...])
    }

    @inline(never)
    private mutating func renderVariable(_ variable: Template.Variable, file: String) throws(TemplateError) {
        let value = lookup(variable.name)
        guard !variable.transforms.isEmpty else {
            let text = try interpolationText(of: value, name: variable.name, file: file, position: variable.position)
            if variable.escapes { escaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
            return
        }
        // One lookup a name; the message is worked out only when something is wrong.
        let names = variable.transforms
        var text: String
        var first = 0
        guard let innermost = transform(named: names[0]) else { throw transformError(variable, file: file) }
        if case .value(let convert) = innermost.body {
            if value == nil && options.strictVariables {
                throw error(file, variable.position, "no value for '\(variable.name.text)'")
            }
            text = convert(value ?? .null)
            first = 1
        } else {
            text = try interpolationText(of: value, name: variable.name, file: file, position: variable.position)
        }
        if variable.escapes { text = escaping.escape(text) }
        var index = first
        while index < names.count {
            guard let transform = transform(named: names[index]), case .text(let apply) = transform.body else {
                throw transformError(variable, file: file)
            }
            if index == names.count - 1 {
                // The outermost writes straight into the output.
                apply(text, &output)
                return
            }
            var transformed: [UInt8] = []
            apply(text, &transformed)
            text = String(decoding: transformed, as: UTF8.self)
            index += 1
        }
        output.append(contentsOf: text.utf8)
    }

    private func transform(named name: String) -> Transform? {
        for entry in transformList where entry.name == name { return entry.transform }
        return nil
    }

    @inline(never)
    private func transformError(_ variable: Template.Variable, file: String) -> TemplateError {
        error(file, variable.position, Template.transformProblem(variable.transforms, offered: transforms) ?? "unknown transform")
    }

    private func interpolationText(
        of value: MustacheValue?, name: Template.Name, file: String, position: Template.Position
    ) throws(TemplateError) -> String {
        guard let value else {
            if options.strictVariables { throw error(file, position, "no value for '\(name.text)'") }
            return ""
        }
        if let text = value.interpolationText { return text }
        if options.strictVariables {
            let kind = if case .array = value { "list" } else { "object" }
            throw error(file, position, "'\(name.text)' is a\(kind == "object" ? "n" : "") \(kind), which has no text; use a section")
        }
        return ""
    }

    /// Resolves a name as the spec says: the first part against the context stack from the top,
    /// the remaining parts against the previous result only.
    private func lookup(_ name: Template.Name) -> MustacheValue? {
        let components = name.components
        guard let first = components.first else { return contexts.last }
        var index = contexts.count - 1
        while index >= 0 {
            if case .object(let members) = contexts[index], let found = members[first] {
                guard components.count > 1 else { return found }
                var value = found
                for component in components.dropFirst() {
                    guard case .object(let members) = value, let member = members[component] else { return nil }
                    value = member
                }
                return value
            }
            index -= 1
        }
        return nil
    }
}

// MARK: - Sections

extension Template.Renderer {
    @inline(never)
    private mutating func renderSection(_ section: Template.Section, frame: Template.Frame, file: String) throws(TemplateError) {
        let value = lookup(section.name) ?? .null
        if section.isInverted {
            if !value.isTruthy { try nested(section.content, frame: frame, file: file, position: section.position) }
            return
        }
        switch value {
        case .null, .bool(false):
            return
        case .array(let elements):
            for index in elements.indices {
                contexts.append(elements[index])
                try nested(section.content, frame: frame, file: file, position: section.position)
                contexts.removeLast()
            }
        default:
            contexts.append(value)
            try nested(section.content, frame: frame, file: file, position: section.position)
            contexts.removeLast()
        }
    }

    /// Renders `nodes`, written in `file`, for the tag at `position` in `tagFile` (where a limit
    /// error points), checking the limits before and after: a partial whose text alone passes the
    /// output bound is caught at its own tag, not at whatever tag comes next.
    private mutating func nested(
        _ nodes: [Template.Node], frame: Template.Frame, file: String, tagFile: String? = nil, position: Template.Position
    ) throws(TemplateError) {
        nesting += 1
        steps += 1
        if nesting > Self.maximumNesting || steps > options.maximumExpansions || output.count > options.maximumOutputBytes {
            throw limitError(tagFile ?? file, position)
        }
        try render(nodes, frame: frame, file: file)
        if output.count > options.maximumOutputBytes { throw limitError(tagFile ?? file, position) }
        nesting -= 1
    }
}

// MARK: - Partials, parents and blocks

extension Template.Renderer {
    @inline(never)
    private mutating func renderPartial(_ partial: Template.Partial, frame: Template.Frame, file: String) throws(TemplateError) {
        guard let template = try resolve(partial.name, kind: "partial", file: file, position: partial.position) else { return }
        let inner = partial.indentation.map { Template.Frame(prefix: frame.indent($0), strip: 0) } ?? .identity
        try include(template, frame: inner, file: file, position: partial.position)
    }

    @inline(never)
    private mutating func renderParent(_ parent: Template.Parent, frame: Template.Frame, file: String) throws(TemplateError) {
        guard let template = try resolve(parent.name, kind: "parent", file: file, position: parent.position) else { return }
        let saved = overrides
        // Outer overrides win: the top-level template has the last word ("Multi-level inheritance").
        for block in parent.blocks where overrides[block.name] == nil {
            overrides[block.name] = Template.Override(block: block, file: file, frame: frame)
        }
        let inner = parent.indentation.map { Template.Frame(prefix: frame.indent($0), strip: 0) } ?? .identity
        try include(template, frame: inner, file: file, position: parent.position)
        overrides = saved
    }

    @inline(never)
    private mutating func renderBlock(_ block: Template.Block, frame: Template.Frame, file: String) throws(TemplateError) {
        // Where a standalone block lands, its content takes this indentation: the margin of its
        // default content, or else the indentation of its tag ("Intrinsic indentation" in the spec).
        let landing = block.isStandalone ? frame.indent(block.margin.isEmpty ? block.indentation : block.margin) : nil
        guard let override = overrides[block.name] else {
            let inner = landing.map { Template.Frame(prefix: $0, strip: block.margin.utf8.count) } ?? frame
            try nested(block.content, frame: inner, file: file, position: block.position)
            return
        }
        let written = override.block
        let inner: Template.Frame
        if written.isStandalone {
            inner = Template.Frame(prefix: landing ?? "", strip: written.margin.utf8.count)
        } else if let landing {
            // Inline content starts mid-line, where no line start will add the indentation.
            if !written.content.isEmpty { output.append(contentsOf: landing.utf8) }
            inner = Template.Frame(prefix: landing, strip: 0)
        } else {
            inner = override.frame
        }
        try descend(into: "$" + block.name, file: file, position: block.position)
        try nested(written.content, frame: inner, file: override.file, tagFile: file, position: block.position)
        ascend()
    }

    /// The template a partial or parent tag names, or nil when it renders nothing.
    private func resolve(
        _ name: Template.PartialName, kind: String, file: String, position: Template.Position
    ) throws(TemplateError) -> Template? {
        let resolved: String
        switch name {
        case .fixed(let fixed):
            resolved = fixed
        case .dynamic(let dynamic):
            guard let value = lookup(dynamic), let text = value.interpolationText, !text.isEmpty else {
                if options.strictVariables {
                    throw error(file, position, "no \(kind) name in '\(dynamic.text)'")
                }
                return nil
            }
            resolved = text
        }
        guard let template = library[resolved] else {
            if options.strictPartials { throw error(file, position, "\(kind) '\(resolved)' not found") }
            return nil
        }
        return template
    }

    private mutating func include(_ template: Template, frame: Template.Frame, file: String, position: Template.Position) throws(TemplateError) {
        try descend(into: template.name, file: file, position: position)
        try nested(template.nodes, frame: frame, file: template.file, tagFile: file, position: position)
        ascend()
    }

    private mutating func descend(into name: String, file: String, position: Template.Position) throws(TemplateError) {
        // The chain starts with the root template, which is not an inclusion.
        guard chain.count <= options.maximumPartialDepth else {
            throw error(file, position, "partials nest deeper than \(options.maximumPartialDepth) levels: \(describeChain(plus: name))")
        }
        chain.append(name)
    }

    private mutating func ascend() {
        chain.removeLast()
    }

    /// `'tutorial.md' > 'a' > 'b' > 'a' > …`: the chain up to its first repeated name.
    private func describeChain(plus name: String) -> String {
        var seen: Set<String> = []
        var shown: [String] = []
        for entry in chain + [name] {
            shown.append("'\(entry)'")
            if !seen.insert(entry).inserted {
                shown.append("…")
                break
            }
        }
        return shown.joined(separator: " > ")
    }

    // Errors are built out of line: string interpolation in a recursive function would grow
    // every frame of the recursion.
    @inline(never)
    private func limitError(_ file: String, _ position: Template.Position) -> TemplateError {
        if nesting > Self.maximumNesting {
            return error(file, position, "templates nest deeper than \(Self.maximumNesting) levels")
        }
        if steps > options.maximumExpansions {
            return error(
                file, position,
                "render makes more than \(options.maximumExpansions) expansions; a nested section may be finding an outer list again")
        }
        return error(file, position, "render output exceeds \(options.maximumOutputBytes) bytes")
    }

    @inline(never)
    private func error(_ file: String, _ position: Template.Position, _ message: String) -> TemplateError {
        TemplateError(file: file, line: position.line, column: position.column, message: message)
    }
}
