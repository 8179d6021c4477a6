import Foundation
import SCIMGenKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `scimgen entra-merge --vendor ID --schema DOWNLOADED.json [--out FILE] [--prefer tenant|vendor]
/// [--matching tenant|vendor] [--format text|github|json]`: the vendor's mappings merged into a
/// tenant's synchronization schema, ready to paste or PUT, with a report of what changed and what
/// the administrator still has to do.
///
/// The merged schema goes to `--out`, or to standard output; the report goes to standard output
/// when the schema is written to a file, to standard error otherwise. `--format json` prints the
/// report (or the refusal) as JSON on standard output and needs `--out`.
enum EntraMergeCommand {
    static func run(_ context: CommandContext) -> Int32 {
        let id = context.option("vendor")
        let schemaPath = context.option("schema")
        let out = context.command.option("out")
        let json = context.option("format") == "json"
        if json && out == nil {
            context.console.err(
                "error: '--format json' prints the report on standard output; give '--out FILE' for the merged schema\nUsage: scimgen entra-merge --vendor <id> --schema <file> --out <file> --format json")
            return SCIMGen.ExitCode.usage
        }
        let vendors = CommandContext.display(context.option("vendors"))
        let set = VendorLoader.load(directory: context.url(vendors), display: vendors, only: [id])
        guard !set.hasErrors, let vendor = set.vendors.first else {
            refuse(set.diagnostics, context: context, json: json, vendor: id, schema: schemaPath)
            // A vendor that is not there needs no second line; one whose descriptor has errors does.
            if !json && set.diagnostics.contains(where: { $0.location != nil }) {
                context.console.err("cannot merge: vendor '\(id)' has errors; nothing written")
            }
            return SCIMGen.ExitCode.failure
        }
        context.report(set.diagnostics)

        let bytes: [UInt8]
        let identity: FileIdentity
        switch SchemaFile.read(context.url(schemaPath).path) {
        case .success(let file): (bytes, identity) = file
        case .failure(let problem):
            refuse([Diagnostic(.error, "cannot read schema file '\(schemaPath)': \(problem.reason)")], context: context, json: json, vendor: id, schema: schemaPath)
            return SCIMGen.ExitCode.failure
        }
        // The merged schema is the tenant's: it never belongs among the descriptors and their overrides.
        let vendorsFolder = CommandContext.display(context.option("vendors"))
        if let out, Project.contains(context.url(vendorsFolder), context.url(out)) {
            context.console.err(
                "error: '\(out)' is inside the vendors folder '\(vendorsFolder)', where it could replace a descriptor; write the merged schema elsewhere\nUsage: scimgen entra-merge --vendor <id> --schema <file> --out <file>")
            return SCIMGen.ExitCode.usage
        }
        if let out, let target = SchemaFile.identity(context.url(out).path), target == identity {
            context.console.err(
                "error: '\(out)' is the schema file '\(schemaPath)' (or a link to it); write the merged schema to another file so that you can compare the two\nUsage: scimgen entra-merge --vendor <id> --schema <file> --out <other file>")
            return SCIMGen.ExitCode.usage
        }

        let options = EntraMerge.Options(
            prefer: EntraMergeReport.Side(rawValue: context.option("prefer")) ?? .tenant,
            matching: EntraMergeReport.Side(rawValue: context.option("matching")) ?? .tenant)
        let result: EntraMerge.Result
        do {
            result = try EntraMerge.merge(schema: bytes, file: schemaPath, vendor: vendor, options: options)
        } catch {
            refuse(error.diagnostics, context: context, json: json, vendor: id, schema: schemaPath)
            if !json { context.console.err("cannot merge into '\(schemaPath)'; nothing written") }
            return SCIMGen.ExitCode.failure
        }

        guard let out else {
            context.console.out(String(decoding: result.schema, as: UTF8.self), terminator: "")
            context.console.err(result.report.text, terminator: "")
            return SCIMGen.ExitCode.success
        }
        do {
            try Data(result.schema).write(to: context.url(out), options: .atomic)
        } catch {
            let message = "cannot write '\(out)': \(error.localizedDescription)"
            refuse([Diagnostic(.error, message)], context: context, json: json, vendor: id, schema: schemaPath)
            return SCIMGen.ExitCode.failure
        }
        if json {
            var report = result.report.json
            if case .object(var members) = report {
                members.append(.init("out", .string(out)))
                report = .object(members)
            }
            context.console.out(JSONWriter.write(report), terminator: "")
        } else {
            context.console.out("wrote \(out)")
            context.console.out(result.report.text, terminator: "")
        }
        return SCIMGen.ExitCode.success
    }

    /// Problems as diagnostics on standard error, or as a JSON refusal on standard output.
    private static func refuse(_ problems: [Diagnostic], context: CommandContext, json: Bool, vendor: String, schema: String) {
        if json {
            context.console.out(JSONWriter.write(EntraMergeReport.refusal(vendor: vendor, schema: schema, problems: problems)), terminator: "")
        } else {
            context.report(problems)
        }
    }
}

/// A file's device and inode: two paths with the same identity are one file, whatever links lead to it.
private struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
}

/// Reading the downloaded schema: a regular file, read whole, opened without waiting on a FIFO.
private enum SchemaFile {
    struct Problem: Error {
        var reason: String
    }

    /// The most a schema may hold; Graph's whole schemas are a few hundred kilobytes.
    static let maximumBytes = 16 << 20

    static func read(_ path: String) -> Result<([UInt8], FileIdentity), Problem> {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            return .failure(Problem(reason: code == ENOENT ? "no such file; download it from the app's schema editor or Graph first" : String(cString: strerror(code))))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Problem(reason: String(cString: strerror(errno)))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(Problem(reason: "not a regular file")) }
        guard Int(info.st_size) <= maximumBytes else {
            return .failure(Problem(reason: "\(info.st_size) bytes, more than the limit of \(maximumBytes)"))
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                #if canImport(Glibc)
                    Glibc.read(fd, buffer.baseAddress!, buffer.count)
                #else
                    Darwin.read(fd, buffer.baseAddress!, buffer.count)
                #endif
            }
            if count < 0 { return .failure(Problem(reason: String(cString: strerror(errno)))) }
            if count == 0 { break }
            bytes += chunk[..<count]
            if bytes.count > maximumBytes { return .failure(Problem(reason: "more than the limit of \(maximumBytes) bytes")) }
        }
        return .success((bytes, FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))))
    }

    /// The identity of the file a path leads to, following links; nil when there is none.
    static func identity(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
