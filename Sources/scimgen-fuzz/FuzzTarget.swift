import Foundation
import Mustache
import SCIMGenKit

/// Runs one input through every parser: the first byte picks the parser, the rest is the input.
///
/// Each parser must return a value or a located error; a crash, a hang or a trap is a finding.
func fuzzOne(_ bytes: [UInt8]) {
    guard let selector = bytes.first else { return }
    let input = Array(bytes.dropFirst())
    switch selector % 6 {
    case 0:
        _ = try? JSONParser.parse(input)
    case 1:
        let set = VendorLoader.load(sources: [VendorSource(id: "fuzz", file: "fuzz.json", bytes: input)])
        if let vendor = set.vendors.first {
            _ = SCIMDocuments.files(for: vendor)
            _ = EntraMappingOutput.files(for: vendor)
        }
    case 2:
        if let path = try? AttributePath(parsing: String(decoding: input, as: UTF8.self)) {
            _ = SCIMCatalog.resolve(path, resource: .user, extensions: [])
        }
    case 4:
        OutputTreeFuzz.manifest(input)
    case 5:
        OutputTreeFuzz.tree(input)
    default:
        let source = String(decoding: input, as: UTF8.self)
        if let template = try? Template(source: source, name: "fuzz") {
            let library = TemplateLibrary([template])
            _ = try? template.render(
                .object(["name": .string("x"), "rows": .array([.object(["a": .string("|")])])]),
                escaping: .none, library: library, options: .strict, transforms: TemplateTransforms.all)
        }
    }
}

#if FUZZING
/// libFuzzer's driver, from the fuzzer runtime that `-sanitize=fuzzer` links.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// With libFuzzer: SwiftPM gives every executable its own `main`, so libFuzzer's is not used;
/// this one hands the command line to libFuzzer's driver instead.
@main
struct FuzzDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(
            runFuzzerDriver(&argc, &argv) { data, size in
                guard let data else { return 0 }
                fuzzOne(Array(UnsafeBufferPointer(start: data, count: size)))
                return 0
            })
    }
}
#else
/// Without libFuzzer: `scimgen-fuzz [COUNT] [SEED] [SELECTORS]` mutates the repository's descriptors,
/// templates, manifest and output-tree recipes COUNT times (default 100,000) and prints how many inputs
/// ran; SELECTORS (such as `4,5`) keeps only those parsers. `scimgen-fuzz FILE...` replays saved inputs.
@main
struct FuzzMain {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, Int(first) == nil {
            for path in arguments {
                guard let data = FileManager.default.contents(atPath: path) else {
                    print("cannot read \(path)")
                    exit(1)
                }
                fuzzOne([UInt8](data))
            }
            print("replayed \(arguments.count) inputs without a crash")
            return
        }
        let count = arguments.first.flatMap { Int($0) } ?? 100_000
        var random = Random(seed: arguments.dropFirst().first.flatMap { UInt64($0) } ?? 1)
        let selectors = arguments.dropFirst(2).first.map { Set($0.split(separator: ",").compactMap { UInt8($0) }) }
        let corpus = Corpus.load().filter { selectors?.contains($0.0) ?? true }
        guard !corpus.isEmpty else {
            print("no corpus: run from the repository root (Vendors/ and Templates/)")
            exit(1)
        }
        let start = Date()
        for round in 0..<count {
            let (selector, seed) = corpus[round % corpus.count]
            var input = seed
            for _ in 0..<(1 + Int(random.next() % 4)) { input = mutate(input, &random, donors: corpus) }
            fuzzOne([selector] + input)
        }
        let seconds = Date().timeIntervalSince(start)
        print("\(count) inputs, 0 crashes, \(String(format: "%.1f", seconds)) s")
    }
}
#endif

/// The seed inputs: descriptors (JSON and descriptor parsers), templates, attribute paths.
enum Corpus {
    static func load() -> [(UInt8, [UInt8])] {
        var result: [(UInt8, [UInt8])] = []
        let fm = FileManager.default
        for id in ((try? fm.contentsOfDirectory(atPath: "Vendors")) ?? []).sorted() {
            if let data = fm.contents(atPath: "Vendors/\(id)/vendor.json") {
                result.append((0, [UInt8](data)))
                result.append((1, [UInt8](data)))
            }
        }
        if let enumerator = fm.enumerator(atPath: "Templates") {
            while let path = enumerator.nextObject() as? String {
                if path.hasSuffix(".mustache"), let data = fm.contents(atPath: "Templates/\(path)") {
                    result.append((3, [UInt8](data)))
                }
            }
        }
        for path in ["emails[type eq \"work\"].value", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"] {
            result.append((2, Array(path.utf8)))
        }
        if let manifest = fm.contents(atPath: ".Site.scimgen-manifest") { result.append((4, [UInt8](manifest))) }
        // Recipes of hostile output trees: a link, a FIFO, a folder, manifest lines, three bytes each.
        for recipe: [UInt8] in [[2, 0, 0, 6, 1, 4, 6, 9, 4], [5, 2, 0, 3, 5, 0, 7, 0, 0, 0, 10, 1], [1, 0, 0, 4, 6, 0, 9, 1, 1], [6, 10, 3, 0, 10, 3, 6, 11, 4]] {
            result.append((5, recipe))
        }
        return result
    }
}

struct Random {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
}

let tokens: [[UInt8]] = ["{", "}", "[", "]", "\"", "\\", "{{", "}}", "{{#a}}", "{{/a}}", "{{>x}}", "|", "\n", "null", "..", "😀"]
    .map { Array($0.utf8) }

func mutate(_ input: [UInt8], _ random: inout Random, donors: [(UInt8, [UInt8])]) -> [UInt8] {
    var bytes = input
    let at = random.below(bytes.count + 1)
    switch random.below(5) {
    case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << random.below(8))
    case 1 where !bytes.isEmpty: bytes.removeSubrange(min(at, bytes.count)..<min(bytes.count, at + 1 + random.below(64)))
    case 2:
        let donor = donors[random.below(donors.count)].1
        let start = random.below(donor.count)
        bytes.insert(contentsOf: donor[start..<min(donor.count, start + random.below(300))], at: at)
    case 3: bytes.insert(contentsOf: Array(repeating: tokens[random.below(tokens.count)], count: 1 + random.below(100)).joined(), at: at)
    default: bytes.insert(contentsOf: tokens[random.below(tokens.count)], at: at)
    }
    return bytes
}
