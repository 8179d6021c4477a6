/// `nginx.conf`: `location` blocks that serve a vendor's discovery documents as a SCIM service
/// would, meant to be `include`d in a `server` block whose `root` is the vendor's `scim/` folder.
///
/// - Every route of `routes.json` answers GET and HEAD with its file as `application/scim+json`
///   (an empty `types` block, so no extension mapping of the enclosing `http` block applies). A
///   schema's URL answers with its URN in any letter case too: a regular expression location
///   beside the exact one rewrites it to the exact one.
/// - A `filter` query parameter on a route answers 403 (RFC 7644 section 4: "the service provider
///   SHOULD respond with HTTP status code 403"), however the request spells the name: any letter
///   case, any letter percent-encoded (`%66ilter`), after `&`, `;` or at the start of the query.
///   Every other parameter (`attributes`, `excludedAttributes`, `sortBy`, `sortOrder`,
///   `startIndex`, `count`, anything else) is ignored, as section 4 says they "SHALL be ignored":
///   the whole document answers.
/// - `POST <base>/Schemas/.search` and `POST <base>/ResourceTypes/.search` (a query in the body,
///   RFC 7644 section 3.4.3) answer 403 like a filter, another method there 405 with `Allow: POST`.
/// - Any other method on a route answers 405 with `Allow: GET, HEAD`.
/// - Any other path under the base answers 404, and so do paths with a segment starting with `.`
///   (except `/.well-known/`, which certificate renewal needs, and a last segment `.search`, which
///   the live service behind the same server answers on its own endpoints), `/nginx.conf` and
///   `/routes.json`.
///
/// Every error carries a SCIM Error body (RFC 7644 section 3.12). Exact locations (`location =`)
/// win over any prefix or pattern of the enclosing server, and the prefix location for the base is
/// the longest one there unless the server routes deeper paths (such as `/scim/v2/Users`) to the
/// live service, which is the point; a schema URL in another letter case reaches its pattern
/// unless a pattern of the enclosing server written before the `include` matches it first. The
/// paths and file names come from validated descriptors (`SCIMBaseURL`, `SCIMFileName`), whose
/// characters need no quoting in nginx; they are quoted all the same.
public enum SCIMNginxConfig {
    /// The file name beside the documents.
    public static let fileName = "nginx.conf"

    /// The configuration for `routes` of vendor `id` under `base`.
    public static func text(id: String, base: SCIMBaseURL, routes: [SCIMRoute]) -> String {
        let list = routes.filter { !$0.path.dropFirst(base.path.count + 1).contains("/") }.map(\.path)
        let notFound = errorBody(
            404, "No SCIM discovery document at this path; this service publishes " + list.joined(separator: ", "))
        var lines: [String] = [
            "# SCIM discovery documents of '\(safe(id))', written by scimgen from its descriptor: regenerate instead of editing.",
            "#",
            "# Include this file in a server block whose root is the folder it is in:",
            "#",
            "#     server {",
            "#         listen 443 ssl;",
            "#         root /srv/\(safe(id))/scim;",
            "#         include /srv/\(safe(id))/scim/\(fileName);",
            "#     }",
            "#",
            "# Each route of \(SCIMRoutes.fileName) answers GET and HEAD with its file as \(SCIMRoutes.contentType),",
            "# a schema's URL with its URN in any letter case too; a 'filter' query parameter, in any spelling,",
            "# answers 403 (RFC 7644 section 4) and other parameters are ignored; another method answers 405,",
            "# and any other path under '\(base.path.isEmpty ? "/" : base.path)' 404, each with a SCIM Error body",
            "# (RFC 7644 section 3.12).",
            "",
        ]
        for route in routes {
            lines += ["location = \(quoted(route.path)) {"] + routeBody(route) + ["}", ""]
            if let suffix = route.caseInsensitiveSuffix, route.path.hasSuffix(suffix) {
                // `\z`, not `$`: PCRE's `$` also matches before a final line feed, so `…:User%0A` would answer the schema.
                let pattern = "^" + regexLiteral(String(route.path.dropLast(suffix.count))) + "(?i:" + regexLiteral(suffix) + ")\\z"
                // Another letter case is taken to the exact location (the query goes along).
                lines += ["location ~ \(quoted(pattern)) {", "    rewrite ^ \(quoted(route.path)) last;", "}", ""]
            }
        }
        for collection in ["/Schemas", "/ResourceTypes"] where routes.contains(where: { $0.path == base.path + collection }) {
            lines += [
                "location = \(quoted(base.path + collection + "/.search")) {",
                "    types { }",
                "    default_type \(SCIMRoutes.contentType);",
                "    if ($request_method != POST) {",
                "        add_header Allow \"POST\" always;",
                "        return 405 \(errorBody(405, "A search answers POST only (RFC 7644 section 3.4.3)"));",
                "    }",
                "    return 403 \(errorBody(403, "Searching is not supported on discovery endpoints (RFC 7644 section 4); GET \(base.path + collection) lists them all"));",
                "}",
                "",
            ]
        }
        var missing = [quoted(base.path + "/")]
        if !base.path.isEmpty { missing.append("= " + quoted(base.path)) }
        missing.append("~ \"/\\.(?!well-known/|search\\z)\"")
        for file in [SCIMRoutes.fileName, fileName] where !base.path.isEmpty {
            missing.append("= " + quoted("/" + file))
        }
        for location in missing {
            lines += [
                "location \(location) {",
                "    types { }",
                "    default_type \(SCIMRoutes.contentType);",
                "    return 404 \(notFound);",
                "}",
                "",
            ]
        }
        lines.removeLast()
        return lines.joined(separator: "\n") + "\n"
    }
}

// MARK: - Private

private extension SCIMNginxConfig {
    /// The inside of a route's location: GET and HEAD answer the file, a filter 403, any other
    /// method 405.
    static func routeBody(_ route: SCIMRoute) -> [String] {
        [
            "    types { }",
            "    default_type \(route.contentType);",
            "    if ($request_method !~ \"^(?:GET|HEAD)$\") {",
            "        add_header Allow \"GET, HEAD\" always;",
            "        return 405 \(errorBody(405, "Discovery endpoints answer GET and HEAD only"));",
            "    }",
            "    if ($args ~* \(quoted(filterParameter))) {",
            "        return 403 \(errorBody(403, "Filtering is not supported on discovery endpoints (RFC 7644 section 4)"));",
            "    }",
            "    try_files \(quoted("/" + route.file)) =404;",
        ]
    }

    /// A query parameter named `filter` in the raw query string (`$args`), matched without regard
    /// to case: each letter as itself or percent-encoded in either case (`%66` or `%46` for `f`),
    /// since a server decodes the name before it looks at it; after the start, `&` or `;` (which
    /// some servers also split on), and followed by `=`, a separator or the end.
    static let filterParameter: String = {
        let letters = "filter".unicodeScalars.map { scalar -> String in
            let lower = String(scalar.value, radix: 16)
            let upper = String(scalar.value - 0x20, radix: 16)
            return "(?:\(Character(scalar))|%\(lower)|%\(upper))"
        }
        return "(?:^|[&;])" + letters.joined() + "(?:=|[&;]|$)"
    }()

    /// `text` as a PCRE pattern that matches it literally: letters, digits and `/:_-~` as they are,
    /// `.` as `[.]` (no backslash for `quoted` to double), and any other ASCII character, which
    /// validated input never has, behind a backslash.
    static func regexLiteral(_ text: String) -> String {
        var pattern = ""
        for scalar in text.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "/:_-~".unicodeScalars.contains(scalar) || !scalar.isASCII
            {
                pattern.unicodeScalars.append(scalar)
            } else if scalar == "." {
                pattern += "[.]"
            } else {
                pattern += "\\"
                pattern.unicodeScalars.append(scalar)
            }
        }
        return pattern
    }

    /// A SCIM Error (RFC 7644 section 3.12) on one line, in single quotes for nginx; `status` is a
    /// JSON string, as the RFC says.
    static func errorBody(_ status: Int, _ detail: String) -> String {
        "'{\"schemas\":[\"\(SCIMURN.error)\"],\"status\":\"\(status)\",\"detail\":\"\(safe(detail))\"}'"
    }

    /// `text` in double quotes, with `"` and `\` escaped for nginx.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `text` without the characters that would end a comment, a quoted string or a JSON string,
    /// or start an nginx variable. Validated input never has them.
    static func safe(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !"'\"\\$".unicodeScalars.contains($0) }.map(Character.init))
    }
}
