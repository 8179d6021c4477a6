import Foundation
import XCTest
@testable import SCIMGenKit

/// One codec for the descriptor: every committed descriptor is its own encoding, decoding an
/// encoding gives the same value, and the committed JSON Schema is the one the codec generates.
final class DescriptorCodecTests: XCTestCase {
    /// Every descriptor that must be canonical: the vendors and the decodable fixtures.
    static func committedDescriptors() throws -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for folder in ["Vendors", "Tests/Fixtures/Diff/Vendors"] {
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
        XCTAssertFalse(text.contains("\"gallery\""))
        XCTAssertTrue(text.contains(#""bulk": { "supported": false }"#), text)
        XCTAssertTrue(text.contains(#"{ "path": "userName", "type": "String", "required": true, "matching": 1 }"#), text)
        XCTAssertTrue(text.contains(#""createUsers": false"#))
    }

    /// The generated-files validity test: `Vendors/vendor.schema.json` is what the codec generates.
    /// `SCIMGEN_RECORD=1 swift test --filter DescriptorCodecTests` rewrites it after a format change.
    func testCommittedSchemaIsTheGeneratedOne() throws {
        Golden.assert(
            String(decoding: DescriptorCodec.jsonSchema(), as: UTF8.self),
            matches: Repository.vendors.appendingPathComponent("vendor.schema.json"))
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
    static func everyField() -> VendorDescriptor {
        var d = VendorDescriptor(id: "acme", file: "Vendors/acme/vendor.json", name: "Acme")
        d.jsonSchema = "../vendor.schema.json"
        d.comments = Comments(["": ["Top."], "users.attributes[1]": ["Two", "lines"]])
        d.website = "https://acme.example"
        d.singleSignOnTutorial = "acme-tutorial.md"
        d.gallery = false
        d.learn = LearnMetadata(
            title: "T", description: "D", author: "a", writer: "w", manager: "m", date: "01/02/2025", msAuthor: "ma",
            assetId: "1b4993b3-7fb1-4128-a399-3bad8e26559f", customerIntent: "C")
        d.capabilities = Capabilities(createUsers: false, updateUsers: false, deprovisionUsers: .none, groups: true, singleSignOn: true)
        d.service = ServiceFeatures(
            baseURL: "https://acme.example/scim/v2", patch: false,
            bulk: .init(supported: true, maxOperations: 10, maxPayloadSize: 1000), filter: .init(supported: true, maxResults: 50),
            changePassword: true, sort: true, etag: true,
            authenticationSchemes: [
                AuthenticationScheme(type: .httpbasic, name: "Basic", description: "B", specUri: "https://x", documentationUri: "https://y", primary: true)
            ])
        d.prerequisites = [Prerequisite(kind: .plan, text: "P")]
        d.notes = [Note(kind: .tip, section: .scope, text: "N")]
        d.assignmentTips = ["A"]
        d.credentials = Credentials(
            steps: [
                CredentialStep(
                    text: "S", code: CodeBlock(language: "bash", body: "echo"), screenshot: Screenshot(path: "media/a.png", alt: "A"))
            ],
            responseFields: .init(tenantURL: "baseUrl", secretToken: "apiToken"), tenantURL: "https://<t>.acme.example/scim",
            secretTokenName: "Bearer Token", issuer: "support", testConnectionHint: "try again")
        for step in ProvisioningStep.allCases {
            d.provisioningScreenshots[step] = Screenshot(path: "media/\(step.rawValue).png", alt: step.rawValue)
        }
        d.users = AttributeTable(
            mappingName: "M", optional: true,
            attributes: [
                AttributeMapping(path: "userName", type: .string, filterable: true, required: true, matching: 1),
                AttributeMapping(
                    path: "title", type: .string, required: false, source: .expression("Trim([jobTitle])"), fieldRef: "t",
                    flowType: .objectAddOnly, flowBehavior: .flowAlways, defaultValue: "none"),
                AttributeMapping(path: "nickName", type: .string, source: .constant("")),
                AttributeMapping(path: "displayName", type: .string, source: .attribute("displayName")),
            ])
        d.groups = AttributeTable(attributes: [AttributeMapping(path: "displayName", type: .string, filterable: true, matching: 1)])
        d.extensions = [
            ExtensionSchema(
                id: "urn:ietf:params:scim:schemas:extension:acme:2.0:User", name: "AcmeUser", description: "E", required: true,
                attributes: [
                    ExtensionAttribute(
                        name: "licence", type: .complex, multiValued: true, required: true, caseExact: true, mutability: .immutable,
                        description: "L", canonicalValues: ["a"], referenceTypes: ["User"],
                        subAttributes: [ExtensionAttribute(name: "plan", type: .string)])
                ])
        ]
        d.customFieldMappings = CustomFieldMappings(
            allowedAttributes: [.init(path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", fieldRef: "dept")],
            fieldRefRule: "R", newFieldsLocation: "L", requestChannel: "C", otherIdentityProviders: ["Okta"])
        d.helpPage = HelpPage(title: "H", productName: "Acme", sources: "your HR system")
        return d
    }
}
