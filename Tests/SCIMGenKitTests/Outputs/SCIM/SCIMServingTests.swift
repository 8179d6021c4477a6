import Foundation
import XCTest
@testable import SCIMGenKit

/// How the discovery documents are served: the base URL, `meta.location`, `routes.json` and
/// `nginx.conf`. nginx itself, scim2-client and scim2-tester run against them in `Tests/Tools/judges`.
final class SCIMServingTests: XCTestCase {
    static let vendors = VendorLoader.load(directory: Repository.vendors, display: "Vendors").vendors

    func vendor(_ id: String) throws -> ResolvedVendor {
        try XCTUnwrap(Self.vendors.first { $0.id == id })
    }

    func json(_ files: [String: [UInt8]], _ path: String) throws -> JSONValue {
        try JSONParser.parse(try XCTUnwrap(files[path], "no \(path)")).jsonValue
    }

    /// The routes of `files` as (path, file, contentType).
    func routes(_ files: [String: [UInt8]], id: String) throws -> [(String, String, String)] {
        let document = try json(files, "\(id)/scim/routes.json")
        guard case .array(let routes)? = document["routes"] else { throw XCTSkip("routes.json has no routes array") }
        return routes.map { route in
            guard case .string(let path)? = route["path"], case .string(let file)? = route["file"],
                case .string(let type)? = route["contentType"]
            else { return ("", "", "") }
            return (path, file, type)
        }
    }

    // MARK: - Base URL

    func testBaseURLReading() {
        let cases: [(String, String?, String?)] = [
            ("https://scim.example.com/scim/v2", "https://scim.example.com", "/scim/v2"),
            ("https://scim.example.com/scim/v2/", "https://scim.example.com", "/scim/v2"),
            ("https://scim.example.com", "https://scim.example.com", ""),
            ("https://scim.example.com/", "https://scim.example.com", ""),
            ("https://host-1.example.com:8443/api/scim_2.0/~x", "https://host-1.example.com:8443", "/api/scim_2.0/~x"),
            ("https://localhost:1/a", "https://localhost:1", "/a"),
        ]
        for (text, origin, path) in cases {
            guard case .success(let base) = SCIMBaseURL.parse(text) else { return XCTFail("refused '\(text)'") }
            XCTAssertEqual(base.origin, origin, text)
            XCTAssertEqual(base.path, path, text)
        }
        let refused: [(String, SCIMBaseURL.Problem)] = [
            ("http://scim.example.com/scim/v2", .notHTTPS),
            ("HTTPS://scim.example.com", .notHTTPS),
            ("scim.example.com/scim", .notHTTPS),
            ("https://scim.example.com/scim?x=1", .queryOrFragment),
            ("https://scim.example.com/scim#v2", .queryOrFragment),
            ("https://", .badHost),
            ("https:///scim", .badHost),
            ("https://user@scim.example.com/scim", .badHost),
            ("https://scim.example.com:0/scim", .badHost),
            ("https://scim.example.com:65536/scim", .badHost),
            ("https://scim.example.com:+80/scim", .badHost),
            ("https://scim.example.com:/scim", .badHost),
            ("https://-bad.example.com/scim", .badHost),
            ("https://scim..example.com/scim", .badHost),
            ("https://[::1]/scim", .badHost),
            ("https://scim.example.com/scim//v2", .badPath),
            ("https://scim.example.com/scim/../v2", .badPath),
            ("https://scim.example.com/.well-known/scim", .badPath),
            ("https://scim.example.com/scim v2", .badPath),
            ("https://scim.example.com/scim;return", .badPath),
            ("https://scim.example.com/scim/{x}", .badPath),
            ("https://scim.example.com/scim/$host", .badPath),
            ("https://scim.example.com/scim/%2e%2e", .badPath),
            ("https://scim.example.com/scim/\"v2\"", .badPath),
            ("https://scim.example.com/scím", .badPath),
        ]
        for (text, problem) in refused {
            XCTAssertEqual(SCIMBaseURL.parse(text), .failure(problem), text)
        }
    }

    func testBaseURLMessagesAreLocatedAndSayHowToFixIt() throws {
        var descriptor = try vendor("lusid").descriptor
        let cases = [
            ("http://scim.example.com/scim/v2", "'scim.baseURL' must be an https URL such as 'https://scim.example.com/scim/v2', not 'http://scim.example.com/scim/v2'"),
            ("https://scim.example.com/scim?v=2", "'scim.baseURL' must not have a query or a fragment, as in 'https://scim.example.com/scim?v=2'; remove the part from '?' or '#'"),
            ("https://me@scim.example.com", "'scim.baseURL' needs a host written 'https://host' or 'https://host:port', without a user name, not 'https://me@scim.example.com'"),
            ("https://scim.example.com/a b", "'scim.baseURL' path may hold only letters, digits, '-', '.', '_', '~' and single '/' between segments that do not start with '.', not 'https://scim.example.com/a b'"),
        ]
        for (url, message) in cases {
            descriptor.service.baseURL = url
            let (checked, diagnostics) = DescriptorValidator.check(descriptor)
            XCTAssertNil(checked, url)
            XCTAssertEqual(diagnostics.map(\.message), [message])
        }
    }

    func testBaseURLDecodedFromTheDescriptorAndLocated() throws {
        var text = String(decoding: try Repository.bytes("Vendors/lusid/vendor.json"), as: UTF8.self)
        let scim = try XCTUnwrap(text.range(of: "\"scim\": {"))
        text.replaceSubrange(scim, with: "\"scim\": {\n    \"baseURL\": \"http://lusid.example.com/scim\",")
        let set = VendorLoader.load(sources: [VendorSource(id: "lusid", file: "Vendors/lusid/vendor.json", bytes: Array(text.utf8))])
        let line = text[..<scim.lowerBound].filter { $0 == "\n" }.count + 2
        XCTAssertEqual(
            set.diagnostics.map(\.description),
            ["Vendors/lusid/vendor.json:\(line):16: error: 'scim.baseURL' must be an https URL such as 'https://scim.example.com/scim/v2', not 'http://lusid.example.com/scim'"])
    }

    // MARK: - Locations and routes

    func testEveryDocumentIsARouteAndNamesTheURLItIsServedAt() throws {
        var bases: [(ResolvedVendor, String)] = Self.vendors.map { ($0, "") }
        var lucid = try vendor("lucid-all-products").descriptor
        lucid.service.baseURL = "https://scim.lucid.example:8443/api/scim/"
        bases.append((try lucid.checked(), "https://scim.lucid.example:8443"))
        for (vendor, origin) in bases {
            let files = SCIMDocuments.files(for: vendor)
            let routes = try routes(files, id: vendor.id)
            let prefix = "\(vendor.id)/scim/"
            let documents = Set(files.keys.filter { $0.hasSuffix(".json") && !$0.hasSuffix("/routes.json") })
            XCTAssertEqual(Set(routes.map { prefix + $0.1 }), documents, vendor.id)
            XCTAssertEqual(routes.count, documents.count, "\(vendor.id): one route per document")
            let base = origin.isEmpty ? "/scim/v2" : "/api/scim"
            XCTAssertEqual(routes.first?.0, base + "/ServiceProviderConfig")
            var served: [String: JSONValue] = [:]
            for (path, file, type) in routes {
                XCTAssertEqual(type, "application/scim+json")
                XCTAssertTrue(path.hasPrefix(base + "/"), path)
                let document = try json(files, prefix + file)
                served[origin + path] = document
                if case .array(let resources)? = document["Resources"] {
                    XCTAssertEqual(document["totalResults"], .int(resources.count))
                } else {
                    XCTAssertEqual(document["meta"]?["location"], .string(origin + path), "\(vendor.id): \(file)")
                }
            }
            // A list's resources are the documents served at their locations.
            for (path, document) in served {
                guard case .array(let resources)? = document["Resources"] else { continue }
                for resource in resources {
                    guard case .string(let location)? = resource["meta"]?["location"] else { return XCTFail("\(path): no location") }
                    XCTAssertEqual(served[location], resource, "\(vendor.id): \(location) in \(path)")
                }
            }
        }
    }

    func testRoutesJSONShape() throws {
        let files = SCIMDocuments.files(for: try vendor("thousandeyes"))
        XCTAssertEqual(
            String(decoding: try XCTUnwrap(files["thousandeyes/scim/routes.json"]), as: UTF8.self),
            """
            {
              "routes": [
                {
                  "path": "/scim/v2/ServiceProviderConfig",
                  "file": "ServiceProviderConfig.json",
                  "contentType": "application/scim+json"
                },
                {
                  "path": "/scim/v2/Schemas",
                  "file": "Schemas.json",
                  "contentType": "application/scim+json"
                },
                {
                  "path": "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User",
                  "file": "Schemas/urn_ietf_params_scim_schemas_core_2.0_User.json",
                  "contentType": "application/scim+json",
                  "caseInsensitiveSuffix": "urn:ietf:params:scim:schemas:core:2.0:User"
                },
                {
                  "path": "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
                  "file": "Schemas/urn_ietf_params_scim_schemas_core_2.0_ServiceProviderConfig.json",
                  "contentType": "application/scim+json",
                  "caseInsensitiveSuffix": "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
                },
                {
                  "path": "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:ResourceType",
                  "file": "Schemas/urn_ietf_params_scim_schemas_core_2.0_ResourceType.json",
                  "contentType": "application/scim+json",
                  "caseInsensitiveSuffix": "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
                },
                {
                  "path": "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Schema",
                  "file": "Schemas/urn_ietf_params_scim_schemas_core_2.0_Schema.json",
                  "contentType": "application/scim+json",
                  "caseInsensitiveSuffix": "urn:ietf:params:scim:schemas:core:2.0:Schema"
                },
                {
                  "path": "/scim/v2/ResourceTypes",
                  "file": "ResourceTypes.json",
                  "contentType": "application/scim+json"
                },
                {
                  "path": "/scim/v2/ResourceTypes/User",
                  "file": "ResourceTypes/User.json",
                  "contentType": "application/scim+json"
                }
              ]
            }

            """)
    }

    func testARouteMatchesItsPathAndASchemaRouteItsURNInAnyCase() {
        let urn = "urn:ietf:params:scim:schemas:core:2.0:User"
        let schema = SCIMRoute(path: "/scim/v2/Schemas/" + urn, file: "x.json", caseInsensitiveSuffix: urn)
        let exact = SCIMRoute(path: "/scim/v2/ResourceTypes/User", file: "y.json")
        let cases: [(SCIMRoute, String, Bool)] = [
            (schema, "/scim/v2/Schemas/" + urn, true),
            (schema, "/scim/v2/Schemas/URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER", true),
            (schema, "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:user", true),
            (schema, "/scim/v2/SCHEMAS/" + urn, false),
            (schema, "/SCIM/v2/Schemas/" + urn, false),
            (schema, "/scim/v2/Schemas/" + urn + "x", false),
            (schema, "/scim/v2/Schemas/" + urn + "/", false),
            (schema, "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Use", false),
            (schema, "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group", false),
            (schema, "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:UŞER", false),
            (exact, "/scim/v2/ResourceTypes/User", true),
            (exact, "/scim/v2/ResourceTypes/user", false),
            (exact, "/scim/v2/ResourceTypes/User/", false),
        ]
        for (route, path, expected) in cases {
            XCTAssertEqual(route.matches(path), expected, path)
        }
    }

    // MARK: - File names

    func testSchemaFileNames() {
        let cases = [
            ("urn:ietf:params:scim:schemas:core:2.0:User", "urn_ietf_params_scim_schemas_core_2.0_User.json"),
            ("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn_ietf_params_scim_schemas_extension_enterprise_2.0_User.json"),
            ("urn:acme:scim:v1-beta", "urn_acme_scim_v1-beta.json"),
            ("urn:x/y\\z*?\"<>|", "urn_x_y_z______.json"),
            ("urn:ünï:x", "urn__n__x.json"),
        ]
        for (id, name) in cases {
            XCTAssertEqual(SCIMFileName.schema(id), name)
            XCTAssertNil(PortablePath.problem(segment: SCIMFileName.schema(id)), id)
        }
    }

    func testAnExtensionCannotBeADiscoverySchema() throws {
        var descriptor = try vendor("lucid-all-products").descriptor
        var copy = try XCTUnwrap(descriptor.extensions.first)
        copy.id = "urn:ietf:params:scim:schemas:core:2.0:schema"
        descriptor.extensions.append(copy)
        let (checked, diagnostics) = DescriptorValidator.check(descriptor)
        XCTAssertNil(checked)
        XCTAssertEqual(
            diagnostics.filter { $0.severity == .error }.map(\.message),
            ["extension id 'urn:ietf:params:scim:schemas:core:2.0:schema' is a standard RFC 7643 schema; scimgen knows it already, so remove the declaration"])
    }

    func testExtensionsPublishedUnderOneFileNameAreRefused() throws {
        var descriptor = try vendor("lucid-all-products").descriptor
        var twin = try XCTUnwrap(descriptor.extensions.first)
        let id = twin.id
        twin.id = id.replacingOccurrences(of: "lucid:2.0", with: "lucid_2.0")
        descriptor.extensions.append(twin)
        let (checked, diagnostics) = DescriptorValidator.check(descriptor)
        XCTAssertNil(checked)
        XCTAssertEqual(
            diagnostics.filter { $0.severity == .error }.map(\.message),
            [
                "extension '\(twin.id)' would be published as 'Schemas/urn_ietf_params_scim_schemas_extension_lucid_2.0_User.json' like '\(id)'; rename one of them"
            ])
    }

    func testAnExtensionWhoseFileNameWouldBeTooLongIsRefused() throws {
        // validate passed a 240-character URN; generate then refused to write its file, with no location.
        var descriptor = try vendor("lucid-all-products").descriptor
        var long = try XCTUnwrap(descriptor.extensions.first)
        long.id = "urn:x:" + String(repeating: "a", count: 117)
        descriptor.extensions.append(long)
        XCTAssertNotNil(DescriptorValidator.check(descriptor).0, "a file name of 128 bytes is accepted")
        descriptor.extensions[descriptor.extensions.count - 1].id += "b"
        let (checked, diagnostics) = DescriptorValidator.check(descriptor)
        XCTAssertNil(checked)
        XCTAssertEqual(
            diagnostics.filter { $0.severity == .error }.map(\.message),
            [
                "extension id 'urn:x:\(String(repeating: "a", count: 117))b' is too long: its file 'Schemas/urn_x_\(String(repeating: "a", count: 117))b.json' "
                    + "would have 129 bytes, over 128, and such paths cannot be checked out on Windows; shorten the URN to 123 characters"
            ])
        XCTAssertEqual(diagnostics.first { $0.severity == .error }?.location, long.origin.location)
    }

    // MARK: - nginx.conf

    func testNginxConfigAnswersEveryRouteAndRefusesTheRest() throws {
        let files = SCIMDocuments.files(for: try vendor("thousandeyes"))
        let text = String(decoding: try XCTUnwrap(files["thousandeyes/scim/nginx.conf"]), as: UTF8.self)
        let notFound =
            #"'{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404","detail":"No SCIM discovery document at this path; this service publishes /scim/v2/ServiceProviderConfig, /scim/v2/Schemas, /scim/v2/ResourceTypes"}'"#
        let route = """
            location = "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User" {
                types { }
                default_type application/scim+json;
                if ($request_method !~ "^(?:GET|HEAD)$") {
                    add_header Allow "GET, HEAD" always;
                    return 405 '{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"405","detail":"Discovery endpoints answer GET and HEAD only"}';
                }
                if ($args ~* "(?:^|[&;])(?:f|%66|%46)(?:i|%69|%49)(?:l|%6c|%4c)(?:t|%74|%54)(?:e|%65|%45)(?:r|%72|%52)(?:=|[&;]|$)") {
                    return 403 '{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"403","detail":"Filtering is not supported on discovery endpoints (RFC 7644 section 4)"}';
                }
                try_files "/Schemas/urn_ietf_params_scim_schemas_core_2.0_User.json" =404;
            }
            """
        XCTAssertTrue(text.contains(route), text)
        for location in [#""/scim/v2/""#, #"= "/scim/v2""#, #"~ "/\.(?!well-known/|search\z)""#, #"= "/routes.json""#, #"= "/nginx.conf""#] {
            XCTAssertTrue(
                text.contains("location \(location) {\n    types { }\n    default_type application/scim+json;\n    return 404 \(notFound);\n}"),
                location)
        }
        for (path, file, _) in try routes(files, id: "thousandeyes") {
            XCTAssertTrue(text.contains("location = \"\(path)\" {"), path)
            XCTAssertTrue(text.contains("    try_files \"/\(file)\" =404;"), file)
        }
        // A schema's URN in another letter case is taken to the exact location, its query along.
        XCTAssertTrue(
            text.contains(
                """
                location ~ "^/scim/v2/Schemas/(?i:urn:ietf:params:scim:schemas:core:2[.]0:User)\\\\z" {
                    rewrite ^ "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User" last;
                }
                """), text)
        XCTAssertTrue(
            text.contains(
                """
                location = "/scim/v2/Schemas/.search" {
                    types { }
                    default_type application/scim+json;
                    if ($request_method != POST) {
                        add_header Allow "POST" always;
                        return 405 '{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"405","detail":"A search answers POST only (RFC 7644 section 3.4.3)"}';
                    }
                    return 403 '{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"403","detail":"Searching is not supported on discovery endpoints (RFC 7644 section 4); GET /scim/v2/Schemas lists them all"}';
                }
                """), text)
        XCTAssertTrue(text.contains("location = \"/scim/v2/ResourceTypes/.search\" {"))
        // 8 routes, 4 of them schemas with a pattern, 2 searches, 5 refusals.
        XCTAssertEqual(text.components(separatedBy: "location ").count - 1, 8 + 4 + 2 + 5)
        XCTAssertTrue(text.hasSuffix("}\n"))
    }

    /// The `filter` rule of `nginx.conf`, read with ICU's regular expressions (nginx's PCRE runs in
    /// `Tests/Tools/judges`): every spelling a server decodes to `filter`, and nothing else.
    func testNginxFilterRuleMatchesEverySpellingOfFilterOnly() throws {
        let files = SCIMDocuments.files(for: try vendor("thousandeyes"))
        let text = String(decoding: try XCTUnwrap(files["thousandeyes/scim/nginx.conf"]), as: UTF8.self)
        let rules = Set(text.components(separatedBy: "\n").filter { $0.hasPrefix("    if ($args ~* \"") })
        XCTAssertEqual(rules.count, 1, "one rule, the same in every route")
        let line = try XCTUnwrap(rules.first)
        let pattern = String(line.dropFirst("    if ($args ~* \"".count).dropLast("\") {".count))
        let rule = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        let refused = [
            "filter=x", "FILTER=x", "Filter", "filter", "filter=", "count=1&filter=x", "a=1;filter=x", "filter&a=1",
            "%66ilter=x", "%46ILTER=x", "fil%74er=x", "%66%69%6C%74%65%72=x", "%66%69%6c%74%65%72", "F%69LTER=x",
        ]
        let ignored = [
            "", "attributes=id", "excludedAttributes=meta", "sortBy=name&sortOrder=descending", "startIndex=2&count=1",
            "filterx=1", "xfilter=1", "filter_=1", "a=filter", "a=%26filter%3Dx", "%2566ilter=x", "filte=x", "fi%6C=x",
        ]
        for query in refused {
            XCTAssertNotNil(rule.firstMatch(in: query, range: NSRange(query.startIndex..., in: query)), query)
        }
        for query in ignored {
            XCTAssertNil(rule.firstMatch(in: query, range: NSRange(query.startIndex..., in: query)), query)
        }
    }

    /// Each schema's pattern location matches its URN in any letter case under the exact
    /// `/Schemas/` of the base, and nothing else.
    func testNginxSchemaPatternsMatchTheirURNInAnyCaseOnly() throws {
        let files = SCIMDocuments.files(for: try vendor("lucid-all-products"))
        let text = String(decoding: try XCTUnwrap(files["lucid-all-products/scim/nginx.conf"]), as: UTF8.self)
        let prefix = "location ~ \"^"
        let patterns = try text.components(separatedBy: "\n").filter { $0.hasPrefix(prefix) }.map { line in
            // nginx reads `\\` in a quoted string as one backslash.
            try NSRegularExpression(
                pattern: "^" + String(line.dropFirst(prefix.count).dropLast("\" {".count)).replacingOccurrences(of: "\\\\", with: "\\"))
        }
        XCTAssertEqual(patterns.count, 6)
        func matching(_ path: String) -> Int {
            patterns.filter { $0.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil }.count
        }
        let lucid = "urn:ietf:params:scim:schemas:extension:lucid:2.0:User"
        for (path, count) in [
            ("/scim/v2/Schemas/" + lucid, 1), ("/scim/v2/Schemas/" + lucid.uppercased(), 1),
            ("/scim/v2/Schemas/urn:IETF:params:scim:schemas:core:2.0:schema", 1),
            ("/scim/v2/Schemas/" + lucid + "x", 0), ("/scim/v2/SCHEMAS/" + lucid, 0), ("/x/scim/v2/Schemas/" + lucid, 0),
            ("/scim/v2/Schemas/urn:ietf:params:scim:schemas:extension:lucid:2x0:User", 0),
            // `$` would match before a final line feed too (`…:User%0A`), as PCRE and ICU read it.
            ("/scim/v2/Schemas/" + lucid + "\n", 0), ("/scim/v2/Schemas/" + lucid.uppercased() + "\n", 0),
        ] {
            XCTAssertEqual(matching(path), count, path)
        }
    }

    func testNginxConfigAtTheHostRoot() throws {
        var descriptor = try vendor("thousandeyes").descriptor
        descriptor.service.baseURL = "https://scim.thousandeyes.example"
        let files = SCIMDocuments.files(for: try descriptor.checked())
        let text = String(decoding: try XCTUnwrap(files["thousandeyes/scim/nginx.conf"]), as: UTF8.self)
        XCTAssertTrue(text.contains("location = \"/ServiceProviderConfig\" {"))
        XCTAssertTrue(text.contains("location \"/\" {"))
        XCTAssertFalse(text.contains("location = \"\""), "no exact location for an empty base")
        XCTAssertFalse(text.contains("location = \"/routes.json\""), "the base's 404 already covers it")
        let spc = try json(files, "thousandeyes/scim/ServiceProviderConfig.json")
        XCTAssertEqual(spc["meta"]?["location"], .string("https://scim.thousandeyes.example/ServiceProviderConfig"))
    }

    func testNginxConfigKeepsHostileTextOutOfItsSyntax() {
        let base = SCIMBaseURL(origin: "", path: "/scim")
        let routes = [
            SCIMRoute(path: "/scim/a\"b\\c", file: "x.json"),
            SCIMRoute(path: "/scim/Schemas/u(r\"n).*", file: "y.json", caseInsensitiveSuffix: "u(r\"n).*"),
        ]
        let text = SCIMNginxConfig.text(id: "x'\n}\"$y", base: base, routes: routes)
        XCTAssertTrue(text.hasPrefix("# SCIM discovery documents of 'x}y', written by scimgen"), text)
        XCTAssertTrue(text.contains(#"location = "/scim/a\"b\\c" {"#), text)
        XCTAssertFalse(text.contains("\n}\"$y"))
        // Every character of the URN is literal in the pattern, and quoted for nginx.
        XCTAssertTrue(text.contains(#"location ~ "^/scim/Schemas/(?i:u\\(r\\\"n\\)[.]\\*)\\z" {"#), text)
    }
}
