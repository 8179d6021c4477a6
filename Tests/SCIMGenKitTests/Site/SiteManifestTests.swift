import XCTest

@testable import SCIMGenKit

/// The manifest read as a stranger's data, line by line, and the hash it records.
final class SiteManifestTests: XCTestCase {
    let a = String(repeating: "a", count: 64)
    let b = String(repeating: "b", count: 64)

    func testSHA256MatchesTheStandardsVectors() {
        // FIPS 180-4 examples, and one million 'a' fed in uneven pieces.
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var hasher = SHA256()
        let million = [UInt8](repeating: 0x61, count: 1_000_000)
        let pieces = [1, 63, 64, 65, 777, 4096]
        var offset = 0
        var count = 0
        while offset < million.count {
            let end = min(million.count, offset + pieces[count % pieces.count])
            million[offset..<end].withUnsafeBytes { hasher.update($0) }
            offset = end
            count += 1
        }
        XCTAssertEqual(SHA256.hexadecimal(hasher.finish()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testLinesAreReadAsTheySay() {
        // (manifest text, listed paths with their hashes, warnings)
        let cases: [(String, [String: [String]], [String])] = [
            ("\(a)  index.md\n", ["index.md": [a]], []),
            ("\(a)  with space.md\n", ["with space.md": [a]], []),
            ("\(a)  index.md\r\n", ["index.md": [a]], []),
            ("# comment\n\n\(a)  x/y.md\n", ["x/y.md": [a]], []),
            ("\(a)  x.md\n\(b)  x.md\n", ["x.md": [a, b]], []),
            ("\(a)  whole.md\n\(b)  half", ["whole.md": [a]], []),
            ("\(a.uppercased())  x.md\n", [:], ["m:1: warning: is not '<sha-256>  <path>'; the line is ignored, so scimgen will neither replace nor remove the file it names"]),
            ("\(a) x.md\n", [:], ["m:1: warning: is not '<sha-256>  <path>'; the line is ignored, so scimgen will neither replace nor remove the file it names"]),
            ("\(a)\tx.md\n", [:], ["m:1: warning: is not '<sha-256>  <path>'; the line is ignored, so scimgen will neither replace nor remove the file it names"]),
            ("\(a)  \n", [:], ["m:1: warning: is not '<sha-256>  <path>'; the line is ignored, so scimgen will neither replace nor remove the file it names"]),
            ("\(a)  ../x.md\n", [:], ["m:1: warning: lists '../x.md', which leaves the output folder with '..'; the line is ignored"]),
            ("\(a)  /etc/passwd\n", [:], ["m:1: warning: lists '/etc/passwd', which is absolute; the line is ignored"]),
            ("\(a)  a//b\n", [:], ["m:1: warning: lists 'a//b', which has an empty or '.' segment; the line is ignored"]),
            ("\(a)  a\u{1B}[2Jb\n", [:], ["m:1: warning: lists 'a␛[2Jb', which contains a control character; the line is ignored"]),
            // C1 controls (U+009B is CSI on a terminal that reads 8-bit controls) and bidirectional overrides.
            ("\(a)  a\u{9B}31mb\n", [:], ["m:1: warning: lists 'a�31mb', which contains a control character; the line is ignored"]),
            ("\(a)  gpj.\u{202E}exe.md\n", [:], ["m:1: warning: lists 'gpj.�exe.md', which contains a control character; the line is ignored"]),
            ("\(a)  a\u{2066}b\n", [:], ["m:1: warning: lists 'a�b', which contains a control character; the line is ignored"]),
        ]
        for (text, expected, warnings) in cases {
            let manifest = SiteManifest(Array(text.utf8), display: "m")
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: manifest.paths.map { ($0, manifest.allHashes($0)) }), expected, text)
            XCTAssertEqual(manifest.warnings.map(\.description), warnings, text)
        }
        let notUTF8 = SiteManifest(Array("\(a)  x".utf8) + [0xFF] + Array(".md\n".utf8), display: "m")
        XCTAssertEqual(Array(notUTF8.paths), [])
        XCTAssertEqual(notUTF8.warnings.map(\.line), [1])
    }

    func testUnfinishedRunsAndTheLastLine() {
        let manifest = SiteManifest(
            Array("# unfinished run 0123456789abcdef\n# unfinished run NOTATOKEN\n# unfinished run fedcba9876543210\n\(a)  x.md".utf8),
            display: "m")
        XCTAssertEqual(manifest.unfinishedRuns.map(\.description), ["0123456789abcdef", "fedcba9876543210"])
        XCTAssertFalse(manifest.endsWithNewline)
        XCTAssertEqual(Array(manifest.paths), [])
    }

    func testManyMalformedLinesAreSummed() {
        let manifest = SiteManifest(Array(String(repeating: "junk\n", count: 25).utf8), display: "m")
        XCTAssertEqual(manifest.warnings.count, 21)
        XCTAssertEqual(manifest.warnings.last?.description, "m: warning: 5 more lines are ignored for the same reasons")
    }

    func testAWrittenManifestReadsBack() {
        let text = SiteManifest.text([("b/x.md", b), ("a.md", a), ("b/x.md", a)])
        XCTAssertEqual(String(decoding: text, as: UTF8.self), String(decoding: SiteManifest.header, as: UTF8.self) + "\(a)  a.md\n\(a)  b/x.md\n\(b)  b/x.md\n")
        let manifest = SiteManifest(text, display: "m")
        XCTAssertEqual(manifest.allHashes("b/x.md"), [a, b])
        XCTAssertEqual(manifest.warnings, [])
    }
}
