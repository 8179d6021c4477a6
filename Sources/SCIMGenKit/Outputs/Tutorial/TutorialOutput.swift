import Mustache

/// The Microsoft Learn tutorial and, when the descriptor asks for one, the vendor's own
/// "SCIM Provisioning" help page, rendered from `Templates/` with the vendor's overrides on top.
public enum TutorialOutput {
    /// The template of `<id>/tutorial.md`.
    public static let tutorialTemplate = "tutorial.md"
    /// The template of `<id>/scim-provisioning.md`.
    public static let helpPageTemplate = "scim-provisioning.md"

    /// `<id>/tutorial.md` and, for a vendor with a help page, `<id>/scim-provisioning.md`.
    ///
    /// - Parameter maximumBytes: the largest document a render may produce.
    /// - Throws: `TemplateError`, located in the template, when a template is missing or wrong.
    public static func files(
        for vendor: ResolvedVendor, templates: TemplateLibrary, maximumBytes: Int = GenerationLimits().documentBytes
    ) throws -> [String: [UInt8]] {
        let context = TutorialContext.make(vendor)
        var files: [String: [UInt8]] = [:]
        files["\(vendor.id)/tutorial.md"] = try render(tutorialTemplate, context: context, templates: templates, maximumBytes: maximumBytes)
        if vendor.helpPage != nil {
            files["\(vendor.id)/scim-provisioning.md"] = try render(
                helpPageTemplate, context: context, templates: templates, maximumBytes: maximumBytes)
        }
        return files
    }

    /// Renders Markdown (no HTML escaping) and tidies what logic-less templates leave behind:
    /// trailing spaces, runs of blank lines, and the file's end, which gets exactly one newline.
    static func render(_ name: String, context: MustacheValue, templates: TemplateLibrary, maximumBytes: Int) throws -> [UInt8] {
        let options = RenderOptions(maximumOutputBytes: maximumBytes)
        let text = try templates.render(name, context: context, escaping: .none, options: options, transforms: TemplateTransforms.all)
        return tidy(Array(text.utf8))
    }

    /// Works on bytes: a tutorial is rendered for every vendor on every run.
    static func tidy(_ text: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var blank = 0
        var inFence = false
        var start = 0
        let count = text.count
        while start <= count {
            var end = start
            while end < count && text[end] != 0x0A { end += 1 }
            var lineEnd = end
            while lineEnd > start, text[lineEnd - 1] == 0x20 || text[lineEnd - 1] == 0x09 || text[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd - start >= 3 && text[start] == 0x60 && text[start + 1] == 0x60 && text[start + 2] == 0x60 { inFence.toggle() }
            if lineEnd == start && !inFence {
                blank += 1
                if !(blank > 1 || output.isEmpty) { output.append(0x0A) }
            } else {
                blank = 0
                output.append(contentsOf: text[start..<lineEnd])
                output.append(0x0A)
            }
            start = end + 1
        }
        while output.count >= 2 && output[output.count - 1] == 0x0A && output[output.count - 2] == 0x0A { output.removeLast() }
        if output.isEmpty || output[output.count - 1] != 0x0A { output.append(0x0A) }
        return output
    }
}

/// `index.md`: every vendor with links to its documents and a capability matrix.
public enum SiteIndex {
    /// The template of `index.md`.
    public static let template = "index.md"

    /// `["index.md": …]` for all `vendors`.
    public static func files(
        for vendors: [ResolvedVendor], templates: TemplateLibrary,
        maximumBytes: Int = GenerationLimits().indexBytes(vendors: 0)
    ) throws -> [String: [UInt8]] {
        let context = context(for: vendors)
        return [SiteGenerator.indexPath: try TutorialOutput.render(template, context: context, templates: templates, maximumBytes: maximumBytes)]
    }

    /// The data the index template sees: `vendors` (one row each) and `count`.
    static func context(for vendors: [ResolvedVendor]) -> MustacheValue {
        let rows: [MustacheValue] = vendors.sorted { $0.id < $1.id }.map { vendor in
            var row: [String: MustacheValue] = [
                "id": .string(vendor.id),
                "app": .string(MarkdownText.inline(vendor.name)),
                "capabilities": .object([
                    "createUsers": .bool(vendor.capabilities.createUsers),
                    "updateUsers": .bool(vendor.capabilities.updateUsers),
                    "groups": .bool(vendor.capabilities.groups),
                    "singleSignOn": .bool(vendor.capabilities.singleSignOn),
                ]),
                "deprovision": .string(vendor.capabilities.deprovisionUsers.rawValue),
                "patch": .bool(vendor.service.patch),
                "bulk": .bool(vendor.service.bulk.supported),
                "filter": .bool(vendor.service.filter.supported),
                "hasExtensions": .bool(!vendor.extensions.isEmpty),
            ]
            if let page = vendor.helpPage { row["helpPage"] = .object(["title": .string(MarkdownText.inline(page.title))]) }
            return .object(row)
        }
        return .object(["vendors": .array(rows), "count": .number(Double(vendors.count))])
    }
}
