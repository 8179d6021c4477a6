import Foundation
import TestSupport
import XCTest
@testable import SCIMGenKit

/// One codec for the descriptor: every committed descriptor is its own encoding, decoding an
/// encoding gives the same value, and the committed JSON Schema is the one the codec generates.
final class DescriptorCodecTests: XCTestCase {
    /// Every descriptor that must be canonical: the vendors and the decodable fixtures.
    static func committedDescriptors() throws -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for folder in ["Vendors", "Tests/Fixtures/Vendors", "Tests/Fixtures/Diff/Vendors", "Tests/Fixtures/SCIM/Vendors"] {
            let url = Repository.root.appendingPathComponent(folder)
            for name in try fm.contentsOfDirectory(atPath: url.path).sorted()
            where fm.fileExists(atPath: url.appendingPathComponent("\(name)/vendor.json").path) {
                files.append("\(folder)/\(name)/vendor.json")
            }
        }
        return files
    }

    func testEncodingACommittedDescriptorGivesItsBytes() throws {
        let files = try Self.committedDescriptors()
        XCTAssertGreaterThanOrEqual(files.count, 6)
        for file in files {
            let bytes = try Repository.bytes(file)
            let (descriptor, diagnostics) = DescriptorCodec.decode(id: "x", file: file, bytes: bytes)
            XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [], file)
            let encoded = DescriptorCodec.encode(try XCTUnwrap(descriptor, file))
            XCTAssertEqual(String(decoding: encoded, as: UTF8.self), String(decoding: bytes, as: UTF8.self), file)
        }
    }

    func testDecodingAnEncodingGivesTheSameValue() throws {
        for file in try Self.committedDescriptors() {
            let descriptor = try XCTUnwrap(DescriptorCodec.decode(id: "x", file: file, bytes: try Repository.bytes(file)).0)
            let again = DescriptorCodec.decode(id: "x", file: file, bytes: DescriptorCodec.encode(descriptor))
            XCTAssertEqual(again.1, [], file)
            XCTAssertEqual(again.0, descriptor, file)
        }
        // Every field the seeds leave out, set to something other than its default.
        let full = Self.everyField()
        let encoded = DescriptorCodec.encode(full)
        let (decoded, diagnostics) = DescriptorCodec.decode(id: full.id, file: full.file, bytes: encoded)
        XCTAssertEqual(diagnostics.map(\.description), [])
        XCTAssertEqual(decoded, full)
        XCTAssertEqual(decoded.map(DescriptorCodec.encode), encoded)
        XCTAssertEqual(decoded?.comments["users.attributes[1]"], ["Two", "lines"])
    }

    func testDefaultsAreLeftOutAndRequiredKeysWritten() throws {
        var descriptor = Self.everyField()
        descriptor.gallery = true
        descriptor.service.bulk = ServiceFeatures.Bulk(supported: false)
        descriptor.users.attributes[0].filterable = false
        let text = String(decoding: DescriptorCodec.encode(descriptor), as: UTF8.self)
        XCTAssertFalse(text.contains("\"gallery\":"), text)
        XCTAssertTrue(text.contains(#""bulk": { "supported": false }"#), text)
        XCTAssertTrue(text.contains(#"{ "path": "userName", "type": "String", "required": true, "matching": 1 }"#), text)
        XCTAssertTrue(text.contains(#""createUsers": false"#))
    }

    /// The generated-files validity test: `Vendors/vendor.schema.json` is what the codec generates.
    /// `SCIMGEN_RECORD=1 swift test --filter DescriptorCodecTests` rewrites it after a format change.
    func testCommittedSchemaIsTheGeneratedOne() throws {
        Golden.assert(DescriptorCodec.jsonSchema(), matches: Repository.vendors.appendingPathComponent("vendor.schema.json"))
        // No object of the schema repeats a key: JSON Schema tools would silently keep one of them.
        func check(_ node: JSONNode) {
            switch node.value {
            case .object(let members):
                XCTAssertEqual(Set(members.map(\.key)).count, members.count, "duplicate keys at line \(node.line)")
                members.forEach { check($0.value) }
            case .array(let items): items.forEach(check)
            default: break
            }
        }
        check(try JSONParser.parse(DescriptorCodec.jsonSchema()))
    }

    func testEveryKeyOfTheSchemaIsReadByTheDecoder() throws {
        // A key the decoder does not read is refused as unknown; one it reads but the schema lacks
        // would be refused by editors. Walk the schema and put every property into a descriptor.
        let schema = try JSONParser.parse(DescriptorCodec.jsonSchema()).jsonValue
        let definitions = try XCTUnwrap(schema["$defs"])
        var keys: [String] = []
        var followed: Set<String> = []
        func walk(_ node: JSONValue, _ path: String) {
            var node = node
            if case .string(let reference)? = node["$ref"] {
                // A definition is walked once: extension attributes contain themselves.
                guard followed.insert(reference).inserted else { return }
                node = definitions[String(reference.dropFirst("#/$defs/".count))] ?? node
            }
            if case .object(let properties)? = node["properties"] {
                for property in properties where property.key != "$comment" {
                    keys.append(path + property.key)
                    walk(property.value, path + property.key + ".")
                }
            }
            if let items = node["items"] { walk(items, path) }
        }
        walk(schema, "")
        XCTAssertTrue(keys.contains("users.attributes.flowBehavior"), "\(keys)")
        XCTAssertTrue(keys.contains("extensions.attributes.subAttributes"), "\(keys)")
        let encoded = String(decoding: DescriptorCodec.encode(Self.everyField()), as: UTF8.self)
        for key in keys where !key.hasPrefix("$schema") {
            let last = String(key.split(separator: ".").last!)
            XCTAssertTrue(encoded.contains("\"\(last)\":"), "the full descriptor lacks '\(key)'")
        }
    }

    /// A descriptor with every field of the format set.
    static func everyField() -> VendorDescriptor { VendorDescriptor.sample }
}
