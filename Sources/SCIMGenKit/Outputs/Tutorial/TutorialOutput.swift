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
    /// - Throws: `TemplateError`, located in the template, when a template is missing or wrong.
    public static func files(for vendor: VendorDescriptor, templates: TemplateLibrary) throws -> [String: [UInt8]] {
        let context = TutorialContext.make(vendor)
        var files: [String: [UInt8]] = [:]
        files["\(vendor.id)/tutorial.md"] = try render(tutorialTemplate, context: context, templates: templates)
        if vendor.helpPage != nil {
            files["\(vendor.id)/scim-provisioning.md"] = try render(helpPageTemplate, context: context, templates: templates)
        }
        return files
    }

    /// Renders Markdown (no HTML escaping) and tidies what logic-less templates leave behind:
    /// trailing spaces, runs of blank lines, and the file's end, which gets exactly one newline.
    static func render(_ name: String, context: MustacheValue, templates: TemplateLibrary) throws -> [UInt8] {
        let text = try templates.render(name, context: context, escaping: .none)
        return Array(tidy(text).utf8)
    }

    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blank = 0
        var inFence = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            if line.hasPrefix("```") { inFence.toggle() }
            if line.isEmpty && !inFence {
                blank += 1
                if blank > 1 || lines.isEmpty { continue }
            } else {
                blank = 0
            }
            lines.append(line)
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `index.md`: every vendor with links to its documents and a capability matrix.
public enum SiteIndex {
    /// The template of `index.md`.
    public static let template = "index.md"

    /// `["index.md": …]` for all `vendors`.
    public static func files(for vendors: [VendorDescriptor], templates: TemplateLibrary) throws -> [String: [UInt8]] {
        let rows: [MustacheValue] = vendors.sorted { $0.id < $1.id }.map { vendor in
            var row = TutorialContext.make(vendor)
            if case .object(var object) = row {
                object["deprovision"] = .string(vendor.capabilities.deprovisionUsers.rawValue)
                object["patch"] = .bool(vendor.service.patch)
                object["bulk"] = .bool(vendor.service.bulk.supported)
                object["filter"] = .bool(vendor.service.filter.supported)
                object["hasExtensions"] = .bool(!vendor.extensions.isEmpty)
                row = .object(object)
            }
            return row
        }
        let context = MustacheValue.object(["vendors": .array(rows), "count": .number(Double(vendors.count))])
        return [SiteGenerator.indexPath: try TutorialOutput.render(template, context: context, templates: templates)]
    }
}
