import Foundation
import SCIMGenKit

// scimgen-benchmark [--sizes 100,1000,10000] [--rounds 5] [--strace] [--keep]
//
// Builds a synthetic but realistic set of N vendors from the four real descriptors (varied table
// sizes, extensions, groups or not, credential steps with code), then, for each N:
// - times loading and validating, rendering everything in memory, a no-change generate and `check`,
//   in this process;
// - runs the real `scimgen generate` (the executable beside this one) into a new folder and `cp -r` of
//   the same output tree, paired and interleaved for `--rounds` rounds (which goes first alternates),
//   and prints the median of the pairs' ratios: the machine is shared, so only a ratio of runs made
//   side by side means anything;
// - with `--strace`, counts both commands' system calls with `strace -f -c`.
// Run from the repository root in a release build: `swift run -c release scimgen-benchmark`.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct Options {
    var sizes = [100, 1_000, 10_000]
    var rounds = 5
    var strace = false
    var keep = false

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--sizes":
                sizes = (iterator.next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--rounds":
                rounds = max(1, Int(iterator.next() ?? "") ?? 5)
            case "--strace":
                strace = true
            case "--keep":
                keep = true
            default:
                print("usage: scimgen-benchmark [--sizes 100,1000,10000] [--rounds 5] [--strace] [--keep]")
                exit(64)
            }
        }
    }
}

/// Seconds taken by `body`.
func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

/// Peak resident memory of this process, in megabytes.
func peakMegabytes() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    #if canImport(Darwin)
        return Double(usage.ru_maxrss) / 1_048_576
    #else
        return Double(usage.ru_maxrss) / 1024
    #endif
}

// MARK: - Synthetic vendors

/// Variations of the real descriptors: each vendor takes one as its base and changes name,
/// table size, groups, extensions and credential steps by its index.
enum Synthesizer {
    static func descriptor(index: Int, bases: [JSONValue]) -> JSONValue {
        var value = bases[index % bases.count]
        let name = "Vendor \(index) " + ["HR", "LMS", "CRM", "Analytics", "Payroll", "Wiki"][index % 6]
        value = set(value, "name", .string(name))
        // Vary the user table: drop some optional rows (never userName, never matching rows).
        if case .object(let users)? = value["users"], case .array(var rows)? = value["users"]?["attributes"] {
            let drop = index % 4
            var removed = 0
            rows = rows.filter { row in
                guard removed < drop, row["matching"] == nil, row["path"] != .string("userName"),
                    row["path"] != .string("active")
                else { return true }
                removed += 1
                return false
            }
            value = set(value, "users", .object(users.map { $0.key == "attributes" ? .init("attributes", .array(rows)) : $0 }))
        }
        // Every third vendor loses its groups.
        if index % 3 == 2, value["groups"] != nil {
            value = remove(value, "groups")
            if let capabilities = value["capabilities"] {
                value = set(value, "capabilities", set(capabilities, "groups", .bool(false)))
            }
        }
        // Some vendors get an extra credential step with code.
        if index % 2 == 1, let credentials = value["credentials"], case .array(var steps)? = credentials["steps"] {
            steps.append(
                .object([
                    .init("text", .string("Call the token endpoint of \(name) with your admin key:")),
                    .init(
                        "code",
                        .object([
                            .init("language", .string("bash")),
                            .init("body", .string("curl -X POST https://api.vendor\(index).example/scim/token -H 'X-Key: <key>'")),
                        ])),
                ]))
            value = set(value, "credentials", set(credentials, "steps", .array(steps)))
        }
        return value
    }

    static func set(_ object: JSONValue, _ key: String, _ new: JSONValue) -> JSONValue {
        guard case .object(var members) = object else { return object }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = new
        } else {
            members.append(.init(key, new))
        }
        return .object(members)
    }

    static func remove(_ object: JSONValue, _ key: String) -> JSONValue {
        guard case .object(let members) = object else { return object }
        return .object(members.filter { $0.key != key })
    }
}

// MARK: - Running

/// Seconds of processor time (user and system) used by this process's children that have ended.
func childrenCPUSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    #else
        getrusage(RUSAGE_CHILDREN, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Runs a command to its end and returns the seconds it took, on the clock and of processor time;
/// exits when it fails.
@discardableResult
func run(_ executable: String, _ arguments: [String], in directory: URL) -> (wall: Double, cpu: Double) {
    let cpuBefore = childrenCPUSeconds()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let (_, seconds) = time {
        do { try process.run() } catch {
            print("cannot run \(executable): \(error)")
            exit(1)
        }
        process.waitUntilExit()
    }
    if process.terminationStatus != 0 {
        print("'\(([executable] + arguments).joined(separator: " "))' exited \(process.terminationStatus)")
        exit(1)
    }
    return (seconds, childrenCPUSeconds() - cpuBefore)
}

/// The full path of a command on PATH, or nil.
func which(_ command: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(folder)/\(command)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

/// The middle value (the mean of the two middle ones for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// System calls from `strace -f -c` output: (all, failed, opens, stats).
func straceCounts(_ file: URL) -> (Int, Int, Int, Int) {
    let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    var total = (0, 0, 0, 0)
    for line in text.split(separator: "\n") {
        let columns = line.split(separator: " ")
        guard let name = columns.last, columns.count >= 5, let calls = Int(columns[3]) else { continue }
        let errors = columns.count >= 6 ? Int(columns[4]) ?? 0 : 0
        switch name {
        case "total": total.0 = calls; total.1 = errors
        case "open", "openat", "openat2": total.2 += calls
        case "stat", "lstat", "fstat", "newfstatat", "statx", "fstatat64": total.3 += calls
        default: break
        }
    }
    return total
}

func fileCount(_ root: URL) -> (Int, Int) {
    var count = 0
    var bytes = 0
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
        let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
        if values?.isRegularFile == true {
            count += 1
            bytes += values?.fileSize ?? 0
        }
    }
    return (count, bytes)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let repository = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let bases: [JSONValue] = ["lucid-all-products", "lusid", "thousandeyes", "thrive-lxp"].compactMap { id in
    guard let data = FileManager.default.contents(atPath: repository.appendingPathComponent("Vendors/\(id)/vendor.json").path)
    else { return nil }
    return try? JSONParser.parse([UInt8](data)).jsonValue
}
guard bases.count == 4, FileManager.default.fileExists(atPath: repository.appendingPathComponent("Templates").path) else {
    print("run from the repository root: Vendors/ and Templates/ are read from the current directory")
    exit(1)
}

#if DEBUG
    print("warning: debug build; figures are meaningful only with 'swift run -c release scimgen-benchmark'")
#endif
print("scimgen-benchmark, \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Date())")
print("")
let scimgen = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("scimgen").path
guard FileManager.default.isExecutableFile(atPath: scimgen) else {
    print("no scimgen beside this program at \(scimgen): build it first ('swift build -c release')")
    exit(1)
}
print("| vendors | files | MB | load+validate | render | generate fresh | cp -r | generate / cp -r | CPU, generate / cp -r | no-change generate | check | peak RSS |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")

var failures: [String] = []
var straceRows: [String] = []
for size in options.sizes {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("scimgen-bench-\(size)-\(getpid())")
    try? FileManager.default.removeItem(at: work)
    let vendors = work.appendingPathComponent("Vendors")
    try FileManager.default.createDirectory(at: vendors, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: repository.appendingPathComponent("Templates"), to: work.appendingPathComponent("Templates"))
    for index in 0..<size {
        let folder = vendors.appendingPathComponent(String(format: "vendor-%05d", index))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(JSONWriter.writeBytes(Synthesizer.descriptor(index: index, bases: bases)))
            .write(to: folder.appendingPathComponent("vendor.json"))
    }
    let templates = work.appendingPathComponent("Templates")

    func load() -> SiteLoader.Result {
        SiteLoader.load(vendors: vendors, vendorsDisplay: "Vendors", templates: templates, templatesDisplay: "Templates")
    }
    // Each step loads on its own, as a run of scimgen does, so no two copies of the vendors are alive.
    func loadAndRender() throws -> (Double, Double) {
        let (loaded, loadSeconds) = time(load)
        guard let input = loaded.input else {
            print("synthetic vendors do not validate: \(loaded.diagnostics.prefix(5).map(\.description))")
            exit(1)
        }
        // Rendering in memory: every file is produced and counted, batch by batch, nothing written.
        let (_, renderSeconds) = try time { () -> Int in
            var total = 0
            try SiteGenerator.generate(input) { batch in total += batch.values.reduce(0) { $0 + $1.count } }
            return total
        }
        if ProcessInfo.processInfo.environment["SCIMGEN_BENCH_BREAKDOWN"] != nil {
            for (name, kind) in [("docs", OutputKinds.docs), ("scim", .scim), ("mappings", .mappings)] {
                let (_, seconds) = try time { try SiteGenerator.generate(input, kinds: kind) { _ in } }
                print("  render \(name) at \(size): \(String(format: "%.3f", seconds)) s")
            }
        }
        return (loadSeconds, renderSeconds)
    }
    let (loadSeconds, renderSeconds) = try loadAndRender()

    // Paired and interleaved: each round runs both, alternating which goes first, into new folders.
    // Between rounds the outputs are removed and the machine is left alone for a few seconds: ext4
    // searches past recently deleted inodes when it allocates new ones, which would slow the next run.
    let reference = work.appendingPathComponent("Site")
    run(scimgen, ["generate", "--out", "Site", "--quiet"], in: work)
    var generateTimes: [Double] = []
    var copyTimes: [Double] = []
    var ratios: [Double] = []
    var cpuRatios: [Double] = []
    for round in 0..<options.rounds {
        let generated = "fresh-\(round)"
        let copied = work.appendingPathComponent("copy-\(round)").path
        let generate = { run(scimgen, ["generate", "--out", generated, "--quiet"], in: work) }
        let copy = { run("/bin/cp", ["-r", reference.path, copied], in: work) }
        sync()
        let first = round % 2 == 0 ? generate() : copy()
        sync()
        let second = round % 2 == 0 ? copy() : generate()
        let (generateRun, copyRun) = round % 2 == 0 ? (first, second) : (second, first)
        generateTimes.append(generateRun.wall)
        copyTimes.append(copyRun.wall)
        ratios.append(generateRun.wall / copyRun.wall)
        cpuRatios.append(generateRun.cpu / copyRun.cpu)
        for path in [generated, "copy-\(round)", ".\(generated).scimgen-manifest"] {
            try? FileManager.default.removeItem(at: work.appendingPathComponent(path))
        }
        sync()
        sleep(6)
    }

    func generate(into folder: URL) throws -> WriteSummary {
        guard let input = load().input else { throw CocoaError(.fileReadCorruptFile) }
        return try SiteWriter(root: folder).stream { write in try SiteGenerator.generate(input, each: write) }
    }
    let (noChange, noChangeSeconds) = try time { try generate(into: reference) }
    if !noChange.written.isEmpty || !noChange.removed.isEmpty {
        failures.append("no-change generate at \(size) wrote \(noChange.written.count) and removed \(noChange.removed.count) files")
    }
    let (check, checkSeconds) = try time { () -> SiteCheck in
        let input = load().input!
        return try SiteCheck(root: reference, display: "Site") { compare in try SiteGenerator.generate(input, each: compare) }
    }
    if !check.isCurrent { failures.append("check at \(size) found \(check.findings.count) differences") }
    let (count, bytes) = fileCount(reference)
    let copySeconds = median(copyTimes)
    func cell(_ seconds: Double) -> String { String(format: "%.3f s (%.1fx)", seconds, seconds / copySeconds) }
    print(
        "| \(size) | \(count) | \(String(format: "%.1f", Double(bytes) / 1e6)) | \(cell(loadSeconds)) | \(cell(renderSeconds)) | "
            + "\(String(format: "%.3f s", median(generateTimes))) | \(String(format: "%.3f s", copySeconds)) | "
            + "\(String(format: "%.2fx (%.2f to %.2f)", median(ratios), ratios.min()!, ratios.max()!)) | "
            + "\(String(format: "%.2fx", median(cpuRatios))) | "
            + "\(cell(noChangeSeconds)) | \(cell(checkSeconds)) | \(String(format: "%.0f MB", peakMegabytes())) |")

    if options.strace, let strace = which("strace") {
        let counts = work.appendingPathComponent("strace.txt")
        run(strace, ["-f", "-c", "-o", counts.path, scimgen, "generate", "--out", "strace-generate", "--quiet"], in: work)
        let generateCounts = straceCounts(counts)
        run(strace, ["-f", "-c", "-o", counts.path, "/bin/cp", "-r", reference.path, "strace-copy"], in: work)
        let copyCounts = straceCounts(counts)
        for (name, c) in [("scimgen generate", generateCounts), ("cp -r", copyCounts)] {
            straceRows.append(
                "| \(size) | \(name) | \(c.0) (\(c.1) failed) | \(String(format: "%.1f", Double(c.0) / Double(count))) | \(c.2) | \(c.3) |")
        }
    } else if options.strace {
        failures.append("--strace: no strace on PATH")
    }
    if !options.keep { try? FileManager.default.removeItem(at: work) }
}
print("")
print("'generate fresh' is the scimgen command into a new folder (load, validate, render, write), 'cp -r' copies the same")
print("tree; both are medians of \(options.rounds) paired, interleaved rounds, and 'generate / cp -r' is the median of the pairs'")
print("ratios (lowest to highest in brackets); 'CPU' is the median ratio of processor time (user and system). The other")
print("ratios are to the median 'cp -r'. 'no-change generate' and 'check'")
print("run in this process and also load and render; peak RSS is the largest this process reached up to that row.")
if !straceRows.isEmpty {
    print("")
    print("| vendors | command | system calls | per file | opens | stats |")
    print("|---:|---|---:|---:|---:|---:|")
    for row in straceRows { print(row) }
}
if !failures.isEmpty {
    for failure in failures { print("FAILED: \(failure)") }
    exit(1)
}
