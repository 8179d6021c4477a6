import Foundation
import SCIMGenKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fuzzing the output folder: a manifest of any bytes (selector 4), or a tree built from a recipe of
/// links, FIFOs, folders, files and manifest lines where generated files belong (selector 5); then
/// `check` and `generate` run on it.
///
/// Whatever the input, nothing outside the folder may change, and a `generate` that succeeds must
/// leave every generated file regular and whole and a folder that `check` finds current. A violation
/// traps, which libFuzzer reports as a crash.
enum OutputTreeFuzz {
    /// The generated files every run writes.
    static let generated: [String: [UInt8]] = [
        "index.md": Array("i\n".utf8), "a/t.md": Array("a\n".utf8), "a/scim/S.json": Array("{}\n".utf8), "b/t.md": Array("b\n".utf8),
    ]
    /// Where the recipe plants things: generated paths, their folders, temporary names, others.
    static let places = [
        "index.md", "a", "a/t.md", "a/scim", "a/scim/S.json", "b", "b/t.md", "a/.t.md.scimgen-tmp",
        ".a.0123456789abcdef.scimgen-tmp", "a/.t.md.0123456789abcdef.scimgen-tmp", "c/d/e.md", "notes.md",
    ]
    /// What manifest lines may name, beyond the places.
    static let listed = places + ["../outside/canary", "/etc/passwd", "a/../../outside/canary", "", "a//t.md"]
    static let contents = ["i\n", "a\n", "{}\n", "b\n", "hand-written\n", ""]
    static let canary = Array("canary\n".utf8)

    /// Reads `manifest` as a manifest, then runs `check` and `generate` with it as the output folder's.
    static func manifest(_ manifest: [UInt8]) {
        let parsed = SiteManifest(manifest, display: "m")
        for path in parsed.paths {
            guard !path.hasPrefix("/"), !path.split(separator: "/", omittingEmptySubsequences: false).contains("..") else {
                fatalError("the manifest reader kept '\(path)'")
            }
            guard parsed.allHashes(path).allSatisfy({ $0.utf8.count == 64 }) else { fatalError("a hash that is not 64 digits") }
        }
        withScratch { scratch, out in
            try? Data(manifest).write(to: scratch.appendingPathComponent(".out.scimgen-manifest"))
            exercise(scratch, out)
        }
    }

    /// Builds a hostile tree from `recipe` (three bytes an operation), then runs `check` and `generate`.
    static func tree(_ recipe: [UInt8]) {
        withScratch { scratch, out in
            let outside = scratch.appendingPathComponent("outside")
            var manifest = ""
            var steps = recipe[...]
            while steps.count >= 3 {
                let (operation, a, b) = (steps[steps.startIndex], Int(steps[steps.startIndex + 1]), Int(steps[steps.startIndex + 2]))
                steps = steps.dropFirst(3)
                let place = out.appendingPathComponent(places[a % places.count])
                try? FileManager.default.createDirectory(at: place.deletingLastPathComponent(), withIntermediateDirectories: true)
                // What the recipe planted before is replaced, never written through.
                if operation % 10 < 6 { try? FileManager.default.removeItem(at: place) }
                switch operation % 10 {
                case 0: try? Data(contents[b % contents.count].utf8).write(to: place)
                case 1: try? FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
                case 2: try? FileManager.default.createSymbolicLink(at: place, withDestinationURL: outside.appendingPathComponent("canary"))
                case 3: try? FileManager.default.createSymbolicLink(at: place, withDestinationURL: outside)
                case 4: try? FileManager.default.createSymbolicLink(atPath: place.path, withDestinationPath: "/dev/zero")
                case 5: _ = mkfifo(place.path, 0o644)
                case 6:
                    let content = Array(contents[b % contents.count].utf8)
                    manifest += hexSHA256(content) + "  " + listed[a % listed.count] + "\n"
                case 7: manifest += "# unfinished run 0123456789abcdef\n"
                case 8: manifest += String(decoding: [UInt8(b)], as: UTF8.self) + "\n"
                default:
                    // The manifest itself as a link or a FIFO.
                    let path = scratch.appendingPathComponent(".out.scimgen-manifest").path
                    if b % 2 == 0 {
                        _ = mkfifo(path, 0o644)
                    } else {
                        try? FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: outside.appendingPathComponent("canary").path)
                    }
                }
            }
            let path = scratch.appendingPathComponent(".out.scimgen-manifest")
            if !manifest.isEmpty, (try? FileManager.default.attributesOfItem(atPath: path.path)) == nil {
                try? Data(manifest.utf8).write(to: path)
            }
            exercise(scratch, out)
        }
    }

    // MARK: - Running and checking

    private static func exercise(_ scratch: URL, _ out: URL) {
        // The recipe itself may have written through its own links; from here on nothing outside may change.
        let before = snapshot(scratch.appendingPathComponent("outside"))
        _ = try? SiteCheck(files: generated, root: out, display: "out", lockWait: 0)
        guard snapshot(scratch.appendingPathComponent("outside")) == before else { fatalError("check changed something outside") }
        let written = (try? SiteWriter(root: out, display: "out", lockWait: 0).write(generated)) != nil
        guard snapshot(scratch.appendingPathComponent("outside")) == before else { fatalError("generate changed something outside") }
        guard written else { return }
        for (path, bytes) in generated {
            let url = out.appendingPathComponent(path)
            let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            guard type == .typeRegular, FileManager.default.contents(atPath: url.path).map(Array.init) == bytes else {
                fatalError("generate succeeded but '\(path)' is not its generated bytes")
            }
        }
        guard let check = try? SiteCheck(files: generated, root: out, display: "out", lockWait: 0), check.isCurrent else {
            fatalError("generate succeeded but check does not find the folder current")
        }
    }

    /// Everything below `folder`, links not followed: each path with its kind and, for a file, its bytes.
    private static func snapshot(_ folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
        while let path = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            switch type {
            case .typeRegular?: result[path] = "file " + (FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) } ?? "")
            case .typeSymbolicLink?: result[path] = "link " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "")
            default: result[path] = "\(String(describing: type))"
            }
        }
        return result
    }

    private static func withScratch(_ body: (_ scratch: URL, _ out: URL) -> Void) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("scimgen-fuzz-\(getpid())-\(UUID().uuidString)")
        let outside = scratch.appendingPathComponent("outside")
        try? FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try? Data(canary).write(to: outside.appendingPathComponent("canary"))
        body(scratch, scratch.appendingPathComponent("out"))
        try? FileManager.default.removeItem(at: scratch)
    }

    private static func hexSHA256(_ bytes: [UInt8]) -> String { SHA256.hex(bytes) }
}
