import XCTest
@testable import SCIMGenKit

/// Entra's limits on vendor extension attributes of non-gallery apps: not multi-valued, not complex,
/// not a reference. The descriptor validator warns about each; gallery apps are exempt.
final class EntraExtensionLimitTests: XCTestCase {
    private func vendor(gallery: Bool) -> VendorDescriptor {
        func at(_ line: Int) -> Origin { Origin(SourceLocation(file: "Vendors/acme/vendor.json", line: line, column: 11)) }
        let schema = ExtensionSchema(
            id: "urn:ietf:params:scim:schemas:extension:acme:2.0:User", name: "AcmeUser",
            attributes: [
                ExtensionAttribute(name: "costCode", type: .string, origin: at(10)),
                ExtensionAttribute(name: "tags", type: .string, multiValued: true, origin: at(11)),
                ExtensionAttribute(
                    name: "licence", type: .complex,
                    subAttributes: [ExtensionAttribute(name: "plan", type: .string, origin: at(13))], origin: at(12)),
                ExtensionAttribute(name: "sponsor", type: .reference, referenceTypes: ["User"], origin: at(14)),
            ])
        return VendorDescriptor(
            id: "acme", file: "Vendors/acme/vendor.json", name: "Acme", gallery: gallery,
            credentials: Credentials(steps: [CredentialStep(text: "Copy the token.")]),
            users: AttributeTable(attributes: [AttributeMapping(path: "userName", type: .string, filterable: true, matching: 1)]),
            extensions: [schema])
    }

    func testNonGalleryAppWarnsForEachLimit() {
        let warnings = DescriptorValidator.validate(vendor(gallery: false)).filter { $0.severity == .warning }
        XCTAssertEqual(
            warnings.map(\.description),
            [
                #"Vendors/acme/vendor.json:11:11: warning: extension attribute 'tags' is multi-valued; Entra provisions such vendor extension attributes only from gallery apps, not from a non-gallery SCIM app like this one ("gallery": false)"#,
                #"Vendors/acme/vendor.json:12:11: warning: extension attribute 'licence' is complex; Entra provisions such vendor extension attributes only from gallery apps, not from a non-gallery SCIM app like this one ("gallery": false)"#,
                #"Vendors/acme/vendor.json:14:11: warning: extension attribute 'sponsor' is a reference; Entra provisions such vendor extension attributes only from gallery apps, not from a non-gallery SCIM app like this one ("gallery": false)"#,
            ])
    }

    func testNonGalleryExtensionURNMustNameAUserExtension() {
        XCTAssertTrue(ExtensionValidator.isNonGalleryUserExtension("urn:ietf:params:scim:schemas:extension:acme:2.0:User"))
        for id in [
            "urn:ietf:params:scim:schemas:extension:acme:2.0:Group", "urn:acme:scim:user",
            "urn:ietf:params:scim:schemas:extension::2.0:User", "urn:ietf:params:scim:schemas:extension:a:b:2.0:User",
        ] {
            XCTAssertFalse(ExtensionValidator.isNonGalleryUserExtension(id), id)
        }
        var vendor = vendor(gallery: false)
        vendor.extensions[0].id = "urn:acme:scim:user"
        XCTAssertEqual(
            DescriptorValidator.validate(vendor).filter { $0.message.contains("is not of the form") }.count, 1)
        vendor.gallery = true
        XCTAssertEqual(
            DescriptorValidator.validate(vendor).filter { $0.message.contains("is not of the form") }.count, 0)
    }

    func testGalleryAppIsExempt() {
        XCTAssertEqual(ExtensionValidator.validate(vendor(gallery: true)).map(\.description), [])
    }

    func testLimitedAttributesStillGetDefinitions() throws {
        // The part still defines them (they work in gallery apps); the warning is the descriptor's.
        let part = EntraVendorPart(vendor: try vendor(gallery: false).checked())
        XCTAssertEqual(
            part.user.definitions.map { "\($0.name) \($0.type) \($0.multivalued)" },
            [
                "userName String false",
                "urn:ietf:params:scim:schemas:extension:acme:2.0:User:costCode String false",
                "urn:ietf:params:scim:schemas:extension:acme:2.0:User:tags String true",
                "urn:ietf:params:scim:schemas:extension:acme:2.0:User:licence.plan String false",
                "urn:ietf:params:scim:schemas:extension:acme:2.0:User:sponsor Reference false",
            ])
        XCTAssertEqual(part.user.definitions.last?.references, [.user])
    }
}
