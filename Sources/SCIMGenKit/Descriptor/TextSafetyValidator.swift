/// Checks that descriptor text is content and nothing more: every string of the descriptor file
/// is read as the Markdown it becomes (`MarkdownSafety`: no raw HTML beyond a few inline elements,
/// links and images only to allowed targets, no includes, no front-matter fences), and the keys
/// that hold a whole address are checked as one (`URLSafety`).
///
/// It walks the file's JSON rather than the decoded descriptor, for two reasons: a key added to the
/// format is checked with nothing to update (only the few keys that hold code, not prose, are
/// listed), and each problem is located at its exact character, through the string's escapes
/// (`JSONNode.location(in:ofCharacter:)`).
enum TextSafetyValidator {
    /// Keys whose strings are code or identifiers, never shown as Markdown prose: attribute paths,
    /// Entra expressions, code blocks, the SCIM base URL, comments no output shows, and the tenant
    /// URL and response field names, which templates show only through `code(…)`
    /// (`https://<your-subdomain>.example.com/scim` is right there).
    static let codeKeys: Set<String> = [
        "$schema", "$comment", "path", "source", "expression", "constant", "defaultValue", "body", "language", "baseURL",
        "tenantURL", "secretToken",
    ]
    /// Keys whose whole value is a link target.
    static let linkKeys: Set<String> = ["singleSignOnTutorial", "specUri", "documentationUri"]
    /// Keys whose whole value is a page of the vendor's own site.
    static let pageKeys: Set<String> = ["website"]

    /// Every problem in a descriptor already parsed, for a caller that holds its JSON.
    static func validate(_ root: JSONNode, file: String) -> [Diagnostic] {
        var walk = Walk(file: file)
        walk.visit(root, key: nil)
        return walk.found
    }

    /// One pass over a descriptor's JSON; the dotted path of a value is spelled only for a message.
    private struct Walk {
        let file: String
        var found: [Diagnostic] = []
        /// Keys and array indexes from the root to the value being visited.
        var path: [Step] = []

        enum Step {
            case key(String)
            case index(Int)
        }

        init(file: String) { self.file = file }

        /// `scim.authenticationSchemes[0].specUri`.
        var dotted: String {
            var text = ""
            for step in path {
                switch step {
                case .key(let key): text += text.isEmpty ? key : "." + key
                case .index(let index): text += "[\(index)]"
                }
            }
            return text
        }

        mutating func visit(_ node: JSONNode, key: String?) {
            switch node.value {
            case .object(let members):
                for member in members {
                    path.append(.key(member.key))
                    visit(member.value, key: member.key)
                    path.removeLast()
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    path.append(.index(index))
                    visit(element, key: key)
                    path.removeLast()
                }
            case .string(let text):
                guard let key, !codeKeys.contains(key) else { return }
                check(text, key: key, node: node)
            case .null, .bool, .number:
                break
            }
        }

        mutating func check(_ text: String, key: String, node: JSONNode) {
            if pageKeys.contains(key) {
                if let problem = URLSafety.pageProblem(text) {
                    report("'\(dotted)' \(problem), not '\(printable(text))'", node, 0)
                }
            } else if linkKeys.contains(key) {
                if let problem = URLSafety.linkProblem(text) {
                    report("link '\(printable(text))' in '\(dotted)' \(problem)", node, 0)
                }
            } else {
                for finding in MarkdownSafety.findings(in: text) {
                    report("\(printable(finding.subject)) in '\(dotted)' \(finding.reason)", node, finding.offset)
                }
            }
        }

        mutating func report(_ message: String, _ node: JSONNode, _ offset: Int) {
            found.append(Diagnostic(.error, message, at: node.location(in: file, ofCharacter: offset)))
        }
    }

    /// Text for a message: characters a terminal would not show, or would act on, spelled as
    /// code points (`U+202E`), and long text shortened.
    static func printable(_ text: String) -> String {
        var result = ""
        for (count, scalar) in text.unicodeScalars.enumerated() {
            if count == 100 { return result + "…" }
            let category = scalar.properties.generalCategory
            let invisible = category == .control || category == .format || category == .lineSeparator
                || category == .paragraphSeparator || (scalar.properties.isWhitespace && scalar != " ")
            if invisible {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
