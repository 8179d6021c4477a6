import Foundation
import Mustache
import SCIMGenKit

/// `scimgen render TEMPLATE --data FILE.json [--partials DIR]`: try a template by hand.
enum RenderCommand: Command {
    static let spec = CommandSpec(
        name: "render",
        abstract: "Render one Mustache template with JSON data and print the result.",
        discussion: """
            Escaping follows the template's kind: none for Markdown ('.md', '.md.mustache'), \
            HTML otherwise; '--escape' overrides it. Missing names render as nothing, as the \
            Mustache specification says; '--strict' makes them errors, as in generation.
            """,
        arguments: [
            .positional("template", help: "The template file."),
            .option("data", valueName: "file", help: "A JSON file with the data to render; '{}' when absent."),
            .option("partials", valueName: "dir", help: "A folder of partials ('NAME.mustache'); the template's own folder when absent."),
            .option("escape", help: "Override the escaping.", allowedValues: ["html", "none"]),
            .flag("strict", help: "Fail on missing names and partials."),
            .format,
        ])

    static func run(_ context: CommandContext) -> Int32 {
        let path = context.command.positional("template") ?? ""
        let url = context.url(path)
        let name = templateName(url.lastPathComponent)
        guard let source = readText(context, url, display: path) else { return SCIMGen.ExitCode.failure }

        var data = MustacheValue.object([:])
        if let dataPath = context.command.option("data") {
            guard let bytes = context.read(dataPath, what: "data file") else { return SCIMGen.ExitCode.failure }
            do {
                data = try JSONParser.parse([UInt8](bytes)).mustacheValue
            } catch {
                context.report([error.diagnostic(in: dataPath)])
                return SCIMGen.ExitCode.failure
            }
        }

        let template: Template
        do {
            template = try Template(source: source, name: name, file: path)
        } catch {
            context.report([Diagnostic(templateError: error)])
            return SCIMGen.ExitCode.failure
        }
        guard var library = partials(context, beside: url) else { return SCIMGen.ExitCode.failure }
        library.add(template)

        let escaping: Escaping
        switch context.command.option("escape") {
        case "html": escaping = .html
        case "none": escaping = .none
        default: escaping = isMarkdown(name) ? .none : .html
        }
        let options: RenderOptions = context.command.flag("strict") ? .strict : .spec
        do {
            let text = try template.render(
                data, escaping: escaping, library: library, options: options, transforms: TemplateTransforms.all)
            context.console.out(text, terminator: "")
            return SCIMGen.ExitCode.success
        } catch {
            context.report([Diagnostic(templateError: error)])
            return SCIMGen.ExitCode.failure
        }
    }

    /// `tutorial.md.mustache` is named `tutorial.md`, as partial tags name it.
    static func templateName(_ fileName: String) -> String {
        fileName.hasSuffix(".mustache") && fileName.count > 9 ? String(fileName.dropLast(9)) : fileName
    }

    static func isMarkdown(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    static func readText(_ context: CommandContext, _ url: URL, display: String) -> String? {
        guard let data = context.read(display, what: "template") else { return nil }
        guard let text = String(validating: data, as: UTF8.self) else {
            context.error("template '\(display)' is not valid UTF-8")
            return nil
        }
        return text
    }

    /// The partials: every template in `--partials`, or the templates beside the rendered one.
    ///
    /// A broken sibling only matters if the template includes it, so siblings that do not parse
    /// are left out; a broken template in a folder named by `--partials` is an error.
    static func partials(_ context: CommandContext, beside url: URL) -> TemplateLibrary? {
        if let folder = context.command.option("partials") {
            do {
                return try TemplateLibrary(directory: context.url(folder), display: CommandContext.display(folder))
            } catch {
                context.report(error.errors.map(Diagnostic.init(templateError:)))
                return nil
            }
        }
        var library = TemplateLibrary()
        let folder = url.deletingLastPathComponent()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for entry in entries.sorted() where entry.hasSuffix(".mustache") && entry != url.lastPathComponent {
            guard case .bytes(let data) = FileBytes.read(folder.appendingPathComponent(entry).path),
                let text = String(validating: data, as: UTF8.self),
                let partial = try? Template(source: text, name: templateName(entry), file: entry)
            else { continue }
            library.add(partial)
        }
        return library
    }
}
