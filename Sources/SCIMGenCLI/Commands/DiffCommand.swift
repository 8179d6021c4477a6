import Foundation
import SCIMGenKit

/// `scimgen diff OLD NEW` and `scimgen diff --base REV`: what a change means, vendor by vendor.
///
/// Both sides are loaded and rendered in full, so that whatever changes the output shows: a
/// descriptor, a shared template or a vendor's override. The report is the semantic summary of the
/// descriptors, the templates that changed, then every generated file that changes, with its diff.
enum DiffCommand: Command {
    static let spec = CommandSpec(
        name: "diff",
        abstract: "Summarize what a change does, vendor by vendor: descriptors, templates and generated files.",
        discussion: """
            Compares the descriptors and templates at a git revision with the working tree \
            ('--base main'), or two descriptor files, vendor folders or folders of vendors (OLD NEW, \
            rendered with the project's templates). Renders both sides and reports what changed in \
            the descriptors, then which templates changed, then every generated file that changes, \
            with a short diff of its text. Prints Markdown for a pull-request comment, or JSON for tools.
            """,
        arguments: [
            .positional("paths", help: "OLD and NEW: descriptor files or folders.", isOptional: true, isRepeating: true),
            .option("base", valueName: "rev", help: "Compare the descriptors and templates at this git revision with the working tree."),
            .vendors, .templates,
            .option("format", help: "Markdown for people, JSON for tools.", defaultValue: "markdown", allowedValues: ["markdown", "json"]),
            .flag("exit-code", help: "Exit 1 when the descriptors, the templates or the generated files differ."),
            .flag("quiet", short: "q", help: "Show no progress line."),
        ])

    /// Comparing two named paths needs no project; comparing with a revision compares the project's folders.
    static func needsProject(_ parsed: ParsedCommand) -> Bool {
        parsed.positionals("paths").isEmpty && !parsed.isGiven("vendors")
    }

    static func run(_ context: CommandContext) -> Int32 {
        let paths = context.command.positionals("paths")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("scimgen-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let old: Side
        let new: Side
        switch (context.command.option("base"), paths.count) {
        case (let revision?, 0):
            let vendors = CommandContext.display(context.option("vendors"))
            let templates = CommandContext.display(context.option("templates"))
            let folders: [GitRevision.Folder]
            do {
                // Descriptors are read from memory; only templates (shared and overrides) are written out.
                folders = try GitRevision(revision: revision, directory: context.directory)
                    .read([context.url(vendors), context.url(templates)], into: scratch) { path in
                        !path.hasSuffix("/" + VendorLoader.descriptorName)
                    }
            } catch {
                context.error(error.message)
                return SCIMGen.ExitCode.failure
            }
            // Without templates at the revision, it had no documents: they all show as added.
            old = Side.load(
                revision: revision, vendors: folders[0], templates: folders[1],
                kinds: folders[1].exists ? .all : [.scim, .mappings], keyedAs: (vendors, templates))
            new = Side.load(
                vendors: context.url(vendors), vendorsName: vendors, templates: context.url(templates), templatesName: templates,
                kinds: .all, keyedAs: (vendors, templates))
        case (nil, 2):
            let templates = CommandContext.display(context.option("templates"))
            old = Side.load(path: paths[0], templates: templates, context: context)
            new = Side.load(path: paths[1], templates: templates, context: context)
        default:
            context.console.err(
                "error: give two descriptor files or folders (OLD NEW), or '--base REV' alone\nUsage: scimgen diff <old> <new> | scimgen diff --base <rev>")
            return SCIMGen.ExitCode.usage
        }
        // A side that does not load cannot be compared fairly; say which, with every problem.
        let problems = (old.diagnostics + new.diagnostics).filter { $0.severity == .error }
        if !problems.isEmpty {
            context.report(problems)
            context.console.err("cannot compare descriptors with errors; fix them first")
            return SCIMGen.ExitCode.failure
        }
        let descriptors = VendorSetDiff.compare(old: old.vendors, new: new.vendors)
        var templates = OutputDiff()
        templates.add(old: old.templateFiles, new: new.templateFiles)
        let outputs: OutputDiff
        do {
            outputs = try render(
                old: old, new: new, only: Self.affected(old: old, new: new, descriptors: descriptors, templates: templates),
                progress: Progress(context: context))
        } catch {
            context.report(error.diagnostics)
            context.console.err("cannot render both sides; fix the templates first")
            return SCIMGen.ExitCode.failure
        }
        var names: [String: String] = [:]
        for vendor in old.vendors + new.vendors { names[vendor.id] = vendor.name }
        let report = ChangeReport(descriptors: descriptors, templates: templates, outputs: outputs, names: names)
        if context.option("format") == "json" {
            context.console.out(JSONWriter.write(report.json()), terminator: "")
        } else {
            context.console.out(report.markdown(), terminator: "")
        }
        return context.command.flag("exit-code") && !report.isEmpty ? SCIMGen.ExitCode.failure : SCIMGen.ExitCode.success
    }

    /// The vendors whose output can differ: all of them when a shared template changed, else those
    /// whose descriptor or overrides changed. A vendor's files are a function of its descriptor and
    /// its templates alone, so the others render the same on both sides and are not rendered.
    static func affected(old: Side, new: Side, descriptors: VendorSetDiff, templates: OutputDiff) -> Set<String> {
        let ids = Set(old.vendors.map(\.id)).union(new.vendors.map(\.id))
        let overrides = Dictionary(grouping: templates.files.compactMap { old.overrideOwner($0.path) ?? new.overrideOwner($0.path) }) { $0 }
        guard templates.files.count == overrides.values.reduce(0, { $0 + $1.count }) else { return ids }
        return ids.filter { descriptors.changedIDs.contains($0) || overrides[$0] != nil }
    }

    /// Both sides rendered a batch of vendors at a time and compared, then the index.
    static func render(old: Side, new: Side, only ids: Set<String>, progress: Progress) throws(DiagnosticsError) -> OutputDiff {
        defer { progress.finish() }
        var diff = OutputDiff()
        let ids = ids.sorted()
        var done = 0
        var start = 0
        while start < ids.count {
            let batch = Set(ids[start..<min(ids.count, start + SiteGenerator.batchSize)])
            start += SiteGenerator.batchSize
            let before = try old.render(batch)
            let after = try new.render(batch)
            diff.add(old: before, new: after)
            done += batch.count
            progress.update("rendered \(done) of \(ids.count) vendors, both sides")
        }
        diff.add(old: try old.renderIndex(), new: try new.renderIndex())
        return diff
    }
}
