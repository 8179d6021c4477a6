import Foundation
import Mustache
import XCTest
@testable import SCIMGenKit

/// Deterministic fuzzing of everything that parses input: the JSON reader, the descriptor loader
/// and validator, and the attribute path parser. A crash fails the whole test run, so surviving is
/// the assertion; each input must also give a value or a located error, never both or neither.
/// The longer libFuzzer run is described in the README.
final class FuzzTests: XCTestCase {
    static let seedCount = 1_500

    func descriptors() throws -> [[UInt8]] {
        try ["lusid", "thousandeyes", "thrive-lxp", "lucid-all-products"].map {
            try Repository.bytes("Vendors/\($0)/vendor.json")
        }
    }

    func testMutatedDescriptorsNeverCrash() throws {
        let corpus = try descriptors()
        var mutator = Mutator(seed: 0x5C1_6E4)
        var rejected = 0
        for round in 0..<Self.seedCount {
            let input = mutator.mutate(corpus[round % corpus.count], donors: corpus)
            let set = VendorLoader.load(sources: [VendorSource(id: "fuzz", file: "Vendors/fuzz/vendor.json", bytes: input)])
            if set.vendors.isEmpty {
                rejected += 1
                XCTAssertTrue(set.hasErrors, "round \(round): rejected without an error")
            }
            for diagnostic in set.diagnostics {
                XCTAssertNotNil(diagnostic.location, "round \(round): \(diagnostic) has no location")
                XCTAssertFalse(diagnostic.message.isEmpty)
            }
        }
        // The mutations must mostly break things, or the fuzzer tests nothing.
        XCTAssertGreaterThan(rejected, Self.seedCount / 2)
    }

    func testMutatedJSONNeverCrashes() throws {
        let corpus = try descriptors() + [Array("[1, {\"a\": [true, null, -1.5e3]}]".utf8)]
        var mutator = Mutator(seed: 42)
        for round in 0..<Self.seedCount {
            let input = mutator.mutate(corpus[round % corpus.count], donors: corpus)
            do {
                _ = try JSONParser.parse(input)
            } catch {
                XCTAssertGreaterThan(error.line, 0, "round \(round)")
                XCTAssertGreaterThan(error.column, 0, "round \(round)")
            }
        }
    }

    func testMutatedAttributePathsNeverCrash() {
        let corpus = [
            "emails[type eq \"work\"].value", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
            "addresses[type eq \"work\" and primary eq true].streetAddress", "name.givenName",
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.CanEdit",
        ].map { Array($0.utf8) }
        var mutator = Mutator(seed: 7)
        for round in 0..<(Self.seedCount * 4) {
            let input = String(decoding: mutator.mutate(corpus[round % corpus.count], donors: corpus), as: UTF8.self)
            if let path = try? AttributePath(parsing: input) {
                _ = SCIMCatalog.resolve(path, resource: .user, extensions: [])
            }
        }
    }

    func testDeepAndHugeInputGetLimitsNotCrashes() {
        for text in [String(repeating: "[", count: 200_000), String(repeating: "{\"a\":", count: 100_000)] {
            let set = VendorLoader.load(sources: [VendorSource(id: "deep", file: "deep.json", bytes: Array(text.utf8))])
            XCTAssertEqual(set.diagnostics.count, 1)
            XCTAssertTrue(set.diagnostics[0].message.contains("nest"), set.diagnostics[0].message)
        }
        let deepPath = String(repeating: "a[", count: 50_000)
        XCTAssertThrowsError(try AttributePath(parsing: deepPath))
    }

    func testMutatedRealTemplatesNeverCrash() throws {
        let library = try TemplateLibrary(directory: Repository.templates, display: "Templates")
        let vendor = try XCTUnwrap(VendorLoader.load(directory: Repository.vendors, display: "Vendors").vendors.first { $0.id == "lusid" })
        let names = library.names
        let corpus = names.compactMap { name in try? Repository.bytes("Templates/\(name).mustache") }
        XCTAssertEqual(corpus.count, names.count)
        var mutator = Mutator(seed: 2026)
        var rendered = 0
        for round in 0..<600 {
            let index = round % names.count
            let source = String(decoding: mutator.mutate(corpus[index], donors: corpus), as: UTF8.self)
            guard let template = try? Template(source: source, name: names[index], file: "Templates/\(names[index]).mustache") else {
                continue
            }
            let mutated = library.overlaying(TemplateLibrary([template]))
            if (try? TutorialOutput.files(for: vendor, templates: mutated)) != nil { rendered += 1 }
        }
        XCTAssertGreaterThan(rendered, 0, "no mutation rendered: the fuzzer only exercises the parser")
    }
}
