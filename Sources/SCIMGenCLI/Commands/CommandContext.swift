import Foundation
import SCIMGenKit

/// What a running command needs: where to print, where it runs, and what was asked.
struct CommandContext {
    let console: any Console
    let directory: URL
    let command: ParsedCommand
    /// The project around the working directory.
    let project: Project

    /// Creates the context of one run, finding the project around `directory`.
    init(console: any Console, directory: URL, command: ParsedCommand) {
        self.console = console
        self.directory = directory
        self.command = command
        self.project = Project(directory: directory)
    }

    /// A path given on the command line, resolved against the working directory.
    func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
    }

    /// An option's value, or its default; a project folder left at its default (`Vendors`) is the
    /// project root's, as a path from the working directory (`../Vendors` from `Site/`).
    func option(_ name: String) -> String {
        let value = command.option(name) ?? ""
        guard !command.isGiven(name), let folder = Project.defaultFolders[name], value == folder,
            let path = project.path(ofRootFolder: folder)
        else { return value }
        return path
    }

    /// Why the command cannot run here: it needs the project and none is around the working directory.
    var missingProject: String? {
        guard project.root == nil else { return nil }
        return """
            error: no scimgen project in '\(project.directory.path)' or any folder above it: none holds \
            'Vendors/' and 'Templates/'; run scimgen inside a project, or name the folders with '--vendors'
            """
    }

    /// The formatter for diagnostics on standard error.
    var formatter: DiagnosticFormatter {
        DiagnosticFormatter(
            format: DiagnosticFormatter.Format(rawValue: command.option("format") ?? "text") ?? .text,
            style: console.style(for: .standardError))
    }

    /// Prints each diagnostic on standard error.
    func report(_ diagnostics: [Diagnostic]) {
        let formatter = formatter
        for diagnostic in diagnostics { console.err(formatter.line(for: diagnostic)) }
    }

    /// Prints a diagnostic without a location.
    /// The bytes of an input file named on the command line (bounded; never a FIFO or device),
    /// or nil after an error that says which file and why: `cannot read template 'x': does not exist`.
    func read(_ path: String, what: String) -> [UInt8]? {
        let (bytes, problem) = FileBytes.read(url(path).path).bytesOrProblem
        if bytes == nil { error("cannot read \(what) '\(path)': \(problem)") }
        return bytes
    }

    func error(_ message: String) {
        console.err(formatter.line(severity: .error, message: message))
    }

    /// `found 2 errors and 1 warning`, or nil when there is nothing.
    static func tally(_ diagnostics: [Diagnostic]) -> String? {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var parts: [String] = []
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }

    /// The kinds named by `--only`, or everything.
    var kinds: OutputKinds {
        let names = command.options("only")
        guard !names.isEmpty else { return .all }
        return names.reduce(into: OutputKinds()) { $0.formUnion(OutputKinds(name: $1) ?? []) }
    }

    /// Loads descriptors and (for documents) templates from the `--vendors` and `--templates` options.
    func loadSite(kinds: OutputKinds, only: [String] = []) -> SiteLoader.Result {
        let vendors = option("vendors")
        let templates = option("templates")
        return SiteLoader.load(
            vendors: url(vendors), vendorsDisplay: Self.display(vendors),
            templates: url(templates), templatesDisplay: Self.display(templates),
            only: only, kinds: kinds)
    }

    /// A folder as messages name it: as typed, without a trailing slash.
    static func display(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
