/// `nginx.conf`: `location` blocks that serve a vendor's discovery documents as a SCIM service
/// would, meant to be `include`d in a `server` block whose `root` is the vendor's `scim/` folder.
///
/// - Every route of `routes.json` answers GET and HEAD with its file as `application/scim+json`
///   (an empty `types` block, so no extension mapping of the enclosing `http` block applies).
/// - A `filter` query on a route answers 403 (RFC 7644 section 4: "the service provider SHOULD
///   respond with HTTP status code 403"), any other method 405 with `Allow: GET, HEAD`.
/// - Any other path under the base answers 404, and so do paths with a segment starting with `.`
///   (except `/.well-known/`, which certificate renewal needs), `/nginx.conf` and `/routes.json`.
///
/// Every error carries a SCIM Error body (RFC 7644 section 3.12). Exact locations (`location =`)
/// win over any prefix or pattern of the enclosing server, and the prefix location for the base is
/// the longest one there unless the server routes deeper paths (such as `/scim/v2/Users`) to the
/// live service, which is the point. The paths and file names come from validated descriptors
/// (`SCIMBaseURL`, `SCIMFileName`), whose characters need no quoting in nginx; they are quoted
/// all the same.
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
            "# Each route of \(SCIMRoutes.fileName) answers GET and HEAD with its file as \(SCIMRoutes.contentType);",
            "# a 'filter' query answers 403 (RFC 7644 section 4), another method 405, and any other path under",
            "# '\(base.path.isEmpty ? "/" : base.path)' 404, each with a SCIM Error body (RFC 7644 section 3.12).",
            "",
        ]
        for route in routes {
            lines += [
                "location = \(quoted(route.path)) {",
                "    types { }",
                "    default_type \(route.contentType);",
                "    if ($request_method !~ \"^(?:GET|HEAD)$\") {",
                "        add_header Allow \"GET, HEAD\" always;",
                "        return 405 \(errorBody(405, "Discovery endpoints answer GET and HEAD only"));",
                "    }",
                "    if ($args ~* \"(?:^|&)filter(?:=|&|$)\") {",
                "        return 403 \(errorBody(403, "Filtering is not supported on discovery endpoints (RFC 7644 section 4)"));",
                "    }",
                "    try_files \(quoted("/" + route.file)) =404;",
                "}",
                "",
            ]
        }
        var missing = [quoted(base.path + "/")]
        if !base.path.isEmpty { missing.append("= " + quoted(base.path)) }
        missing.append("~ \"/\\.(?!well-known/)\"")
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
