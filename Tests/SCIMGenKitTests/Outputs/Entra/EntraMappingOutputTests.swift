import XCTest
@testable import SCIMGenKit

/// The published mapping files: sources, matching and flow settings as the descriptor states them
/// (goldens are `GoldenSiteTests`', from fixture vendors).
final class EntraMappingOutputTests: XCTestCase {
    func testOutputIsDeterministic() throws {
        let vendor = try EntraTestSupport.vendor("thrive-lxp")
        XCTAssertEqual(EntraMappingOutput.files(for: vendor), EntraMappingOutput.files(for: vendor))
    }

    func testDescriptorSourceOverridesTheDefault() throws {
        var vendor = try EntraTestSupport.vendor("lusid").descriptor
        vendor.users.attributes[1].source = .expression("Not([IsSoftDeleted])")
        vendor.users.attributes[5].source = .constant(#"say "hi", ok"#)
        vendor.users.attributes[5].flowType = .objectAddOnly
        vendor.users.attributes[5].flowBehavior = .flowAlways
        vendor.users.attributes[5].defaultValue = "none"
        let part = EntraVendorPart(vendor: try vendor.checked())
        XCTAssertEqual(
            part.user.mappings.map { "\($0.target) <- \(EntraSource($0.source).expression)" },
            [
                "userName <- [userPrincipalName]", "active <- Not([IsSoftDeleted])", #"emails[type eq "work"].value <- [mail]"#,
                "name.givenName <- [givenName]", "name.familyName <- [surname]", #"externalId <- "say \"hi\", ok""#,
            ])
        let json = JSONWriter.write(EntraVendorPart.jsonValue(part.user.mappings[5], target: "externalId"))
        XCTAssertEqual(
            json,
            """
            {
              "defaultValue": "none",
              "flowBehavior": "FlowAlways",
              "flowType": "ObjectAddOnly",
              "matchingPriority": 0,
              "source": {
                "expression": "\\"say \\\\\\"hi\\\\\\", ok\\"",
                "name": "say \\"hi\\", ok",
                "parameters": [],
                "type": "Constant"
              },
              "targetAttributeName": "externalId"
            }

            """)
    }

    func testMatchingDefaultsOnlyWhenTheTableStatesNone() throws {
        var vendor = try EntraTestSupport.vendor("thousandeyes").descriptor
        for index in vendor.users.attributes.indices { vendor.users.attributes[index].matching = nil }
        XCTAssertEqual(EntraVendorPart(vendor: try vendor.checked()).user.mappings.filter { $0.matchingPriority > 0 }.map(\.target), ["userName"])
        vendor.users.attributes[0].matching = 2
        XCTAssertEqual(
            EntraVendorPart(vendor: try vendor.checked()).user.mappings.map { "\($0.target)=\($0.matchingPriority)" },
            [
                "externalId=2", "userName=0", "active=0", "displayName=0", #"emails[type eq "work"].value=0"#,
                "name.formatted=0",
            ])
    }

    func testDefaultSourcesCoverTheDocumentedTable() throws {
        XCTAssertEqual(EntraDefaultSources.user.count, 23)
        XCTAssertEqual(EntraDefaultSources.source(for: "USERNAME", in: .user), .attribute("userPrincipalName"))
        XCTAssertEqual(
            EntraDefaultSources.source(for: "active", in: .user),
            .expression(#"Switch([IsSoftDeleted], , "False", "True", "True", "False")"#))
        XCTAssertEqual(EntraDefaultSources.source(for: "externalId", in: .group), .attribute("objectId"))
        XCTAssertNil(EntraDefaultSources.source(for: "timezone", in: .user))
        // Every default target is a real attribute path that resolves in the catalog.
        for (resource, entries) in [(SCIMResource.user, EntraDefaultSources.user), (.group, EntraDefaultSources.group)] {
            for entry in entries {
                let resolved = try SCIMCatalog.resolve(try AttributePath(parsing: entry.target), resource: resource).get()
                XCTAssertEqual(EntraVendorPart.entraName(resolved, resource: resource), entry.target)
            }
        }
    }
}
