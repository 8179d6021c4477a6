import Foundation
import SCIMGenKit

/// `scimgen diff OLD NEW` and `scimgen diff --base REV`: what a descriptor change means, vendor by vendor.
enum DiffCommand: Command {
    static let spec = CommandSpec(
        name: "diff",
        abstract: "Summarize what changed between two sets of descriptors, vendor by vendor.",
        discussion: """
            Compares two descriptor files, vendor folders or folders of vendors (OLD NEW), or the \
            descriptors and templates at a git revision with the working tree ('--base main'). Prints Markdown \
            for a pull-request comment, or JSON for tools.
            """,
        arguments: [
            .positional("paths", help: "OLD and NEW: descriptor files or folders.", isOptional: true, isRepeating: true),
            .option("base", valueName: "rev", help: "Compare the descriptors at this git revision with the working tree."),
            .vendors,
            .option("format", help: "Markdown for people, JSON for tools.", defaultValue: "markdown", allowedValues: ["markdown", "json"]),
            .flag("exit-code", help: "Exit 1 when there are changes."),
        ])

    /// Comparing two named paths needs no project; comparing with a revision compares the project's folders.
    static func needsProject(_ parsed: ParsedCommand) -> Bool {
        parsed.positionals("paths").isEmpty && !parsed.isGiven("vendors")
    }

    static func run(_ context: CommandContext) -> Int32 {
        let paths = context.command.positionals("paths")
        let base = context.command.option("base")
        let old: VendorSet
        let new: VendorSet
        switch (base, paths.count) {
        case (let revision?, 0):
            let vendors = CommandContext.display(context.option("vendors"))
            guard let sources = GitVendors.sources(revision: revision, vendors: vendors, context: context) else {
                return SCIMGen.ExitCode.failure
            }
            old = VendorLoader.load(sources: sources)
            new = VendorLoader.load(directory: context.url(vendors), display: vendors)
        case (nil, 2):
            old = load(paths[0], context: context)
            new = load(paths[1], context: context)
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
        let diff = VendorSetDiff.compare(old: old.vendors, new: new.vendors)
        if context.option("format") == "json" {
            context.console.out(JSONWriter.write(diff.json()), terminator: "")
        } else {
            context.console.out(diff.markdown(), terminator: diff.markdown().hasSuffix("\n") ? "" : "\n")
        }
        return context.command.flag("exit-code") && !diff.isEmpty ? SCIMGen.ExitCode.failure : SCIMGen.ExitCode.success
    }

    /// Descriptors from a `vendor.json` file, a vendor folder, or a folder of vendor folders.
    static func load(_ path: String, context: CommandContext) -> VendorSet {
        let url = context.url(path)
        let display = CommandContext.display(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return VendorSet(vendors: [], diagnostics: [Diagnostic(.error, "'\(display)' does not exist")])
        }
        let file: URL
        if isDirectory.boolValue {
            let inner = url.appendingPathComponent(VendorLoader.descriptorName)
            guard FileManager.default.fileExists(atPath: inner.path) else {
                return VendorLoader.load(directory: url, display: display)
            }
            file = inner
        } else {
            file = url
        }
        let id = file.deletingLastPathComponent().standardizedFileURL.lastPathComponent
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return VendorSet(vendors: [], diagnostics: [Diagnostic(.error, "cannot read '\(display)'")])
        }
        let name = isDirectory.boolValue ? "\(display)/\(VendorLoader.descriptorName)" : display
        let slug = VendorLoader.isValidID(id) ? id : VendorLoader.slug(id)
        return VendorLoader.load(sources: [VendorSource(id: slug.isEmpty ? "vendor" : slug, file: name, bytes: [UInt8](data))])
    }
}

/// Descriptors as they were at a git revision, read with `git` itself.
enum GitVendors {
    static func sources(revision: String, vendors: String, context: CommandContext) -> [VendorSource]? {
        guard !revision.hasPrefix("-") else {
            context.error("'\(revision)' is not a revision")
            return nil
        }
        guard let prefix = git(["rev-parse", "--show-prefix"], context: context) else { return nil }
        let folder = (String(decoding: prefix, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) + vendors)
        guard let listing = git(["ls-tree", "-r", "--name-only", revision, "--", folder + "/"], context: context) else {
            return nil
        }
        var sources: [VendorSource] = []
        for line in String(decoding: listing, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "/")
            guard parts.count >= 2, parts.last == Substring(VendorLoader.descriptorName) else { continue }
            let relative = String(line.dropFirst(folder.count + 1))
            let segments = relative.split(separator: "/")
            guard segments.count == 2 else { continue }
            let id = String(segments[0])
            guard VendorLoader.isValidID(id), let bytes = git(["show", "\(revision):\(line)"], context: context) else { continue }
            sources.append(VendorSource(id: id, file: "\(revision):\(vendors)/\(id)/\(VendorLoader.descriptorName)", bytes: bytes))
        }
        return sources
    }

    /// Runs git in the working directory; prints its complaint and returns nil when it fails.
    static func git(_ arguments: [String], context: CommandContext) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = context.directory
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            context.error("cannot run git: \(error.localizedDescription)")
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            context.error("git \(arguments.joined(separator: " ")) failed: \(text)")
            return nil
        }
        return [UInt8](data)
    }
}
