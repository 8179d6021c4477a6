import Foundation
import XCTest

/// The docs team's tooling, exercised: the GitHub Actions workflow printed in the README and the
/// pre-commit hooks run their own commands, with the built `scimgen` standing in for `swift run scimgen`
/// and a recording `gh` standing in for GitHub. `Tests/Tools/judges` lints both with actionlint and
/// pre-commit; this test proves their commands do what the README says.
final class DocsToolingTests: XCTestCase {
    /// One step of the workflow: its name, its environment and its command.
    struct Step: Equatable {
        var name: String
        var env: [String: String]
        var run: String?
        var uses: String?
    }

    /// The workflow block of the README: the ```yaml fence after its marker line.
    static func workflow() throws -> String {
        let readme = try String(contentsOf: Workspace.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = "<!-- .github/workflows/scimgen.yml -->\n```yaml\n"
        let start = try XCTUnwrap(readme.range(of: marker), "the README has no workflow block after '\(marker)'")
        let end = try XCTUnwrap(readme.range(of: "\n```\n", range: start.upperBound..<readme.endIndex))
        return String(readme[start.upperBound..<end.lowerBound])
    }

    /// The steps, read from the block's fixed layout (steps at six spaces, their keys at eight, env at ten).
    static func steps(_ workflow: String) -> [Step] {
        var steps: [Step] = []
        var inEnv = false
        for line in workflow.split(separator: "\n").map(String.init) {
            if line.hasPrefix("      - ") {
                steps.append(Step(name: "", env: [:]))
                inEnv = false
            }
            guard !steps.isEmpty else { continue }
            let body = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "- ", with: "", options: .anchored)
            guard let colon = body.firstIndex(of: ":") else { continue }
            let key = String(body[..<colon])
            let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("          "), inEnv {
                steps[steps.count - 1].env[key] = value
                continue
            }
            inEnv = key == "env"
            switch key {
            case "name": steps[steps.count - 1].name = value
            case "run": steps[steps.count - 1].run = value
            case "uses": steps[steps.count - 1].uses = value
            default: break
            }
        }
        return steps
    }

    func testTheWorkflowInTheReadmeRunsItsCommands() throws {
        let steps = Self.steps(try Self.workflow())
        XCTAssertEqual(steps.map(\.name), [
            "", "Validate descriptors and templates", "Check that Site/ is regenerated", "Describe the change",
            "Comment on the pull request",
        ])
        XCTAssertEqual(steps.first?.uses, "actions/checkout@v5")
        XCTAssertTrue(try Self.workflow().contains("fetch-depth: 0"), "'--base' needs the base commit")

        // A pull request: the base commit, then a template edit with Site/ regenerated.
        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["generate", "--quiet"]).code, 0)
        try workspace.git(["init", "-q"])
        try workspace.git(["add", "Vendors", "Templates", "Site"])
        try workspace.git(["commit", "-q", "-m", "base"])
        let base = try workspace.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try workspace.edit("Templates/partials/plan.md.mustache", "1. Determine who", "1. Decide who")
        XCTAssertEqual(workspace.run(["generate", "--quiet"]).code, 0)
        let tools = try shims(in: workspace)

        let expressions = [
            "${{ github.event.pull_request.base.sha }}": base, "${{ github.token }}": "token",
            "${{ github.event.pull_request.number }}": "7",
        ]
        for step in steps.dropFirst() {
            let command = try XCTUnwrap(step.run, step.name)
            var env: [String: String] = [:]
            for (key, value) in step.env {
                env[key] = try XCTUnwrap(expressions[value], "unknown expression '\(value)' in step '\(step.name)'")
            }
            let result = try bash(command, env: env, tools: tools, in: workspace)
            XCTAssertEqual(result.code, 0, "step '\(step.name)': \(result.output)")
        }
        let comment = try XCTUnwrap(workspace.read("gh-calls.txt"))
        XCTAssertEqual(comment, "pr comment 7 --edit-last --body-file scimgen-diff.md\n")
        let body = try XCTUnwrap(workspace.read("gh-body.md"))
        XCTAssertEqual(body, workspace.run(["diff", "--base", base]).out)
        XCTAssertTrue(body.contains("- `lucid-all-products/tutorial.md` (+1 −1); the same change in 3 more files: `lusid/tutorial.md`"), body)

        // A pull request that forgot to regenerate fails the check step, with annotations.
        try workspace.edit("Templates/partials/plan.md.mustache", "1. Decide who", "1. Choose who")
        let check = try bash(try XCTUnwrap(steps[2].run), env: [:], tools: tools, in: workspace)
        XCTAssertEqual(check.code, 1)
        XCTAssertTrue(check.output.contains("::error file=Site/lusid/tutorial.md::stale: generated content differs"), check.output)
    }

    func testThePreCommitHooksRunCheck() throws {
        let manifest = try String(
            contentsOf: Workspace.repository.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let lines = manifest.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let ids = lines.filter { $0.hasPrefix("- id: ") }.map { $0.dropFirst(6) }
        XCTAssertEqual(ids, ["scimgen-check", "scimgen-check-system"])
        XCTAssertEqual(lines.filter { $0.hasPrefix("entry: ") }, ["entry: scimgen check", "entry: scimgen check"])
        // pre-commit would otherwise append the changed files, and 'check' takes none.
        XCTAssertEqual(lines.filter { $0.hasPrefix("pass_filenames: ") }, ["pass_filenames: false", "pass_filenames: false"])

        let workspace = try Workspace()
        XCTAssertEqual(workspace.run(["generate", "--quiet"]).code, 0)
        let tools = try shims(in: workspace)
        XCTAssertEqual(try bash("scimgen check", env: [:], tools: tools, in: workspace).code, 0)
        try workspace.edit("Vendors/lusid/vendor.json", "\"maxResults\": 100", "\"maxResults\": 50")
        let stale = try bash("scimgen check", env: [:], tools: tools, in: workspace)
        XCTAssertEqual(stale.code, 1)
        XCTAssertTrue(stale.output.contains("Site/lusid/scim/ServiceProviderConfig.json: error: stale"), stale.output)
    }
}

// MARK: - Running commands as a runner would

private extension DocsToolingTests {
    /// A folder of stand-ins: `scimgen` (the built binary), `swift` (only `swift run scimgen ...`),
    /// and `gh`, which records its arguments and the body file it was given.
    func shims(in workspace: Workspace) throws -> URL {
        let binary = try XCTUnwrap(BuiltBinary.url, "the scimgen executable was not built beside the tests")
        let folder = workspace.url(".tools")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scripts = [
            "scimgen": "#!/bin/sh\nexec '\(binary.path)' \"$@\"\n",
            "swift": """
                #!/bin/sh
                [ "$1" = run ] && [ "$2" = scimgen ] || { echo "unexpected: swift $*" >&2; exit 2; }
                shift 2
                exec '\(binary.path)' "$@"

                """,
            "gh": """
                #!/bin/sh
                echo "$*" >> gh-calls.txt
                while [ $# -gt 0 ]; do [ "$1" = --body-file ] && cp "$2" gh-body.md; shift; done

                """,
        ]
        for (name, text) in scripts {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        return folder
    }

    func bash(_ command: String, env: [String: String], tools: URL, in workspace: Workspace) throws -> (code: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", "-e", "-c", command]
        process.currentDirectoryURL = workspace.root
        var environment = ProcessInfo.processInfo.environment.filter { $0.key == "HOME" || $0.key == "LANG" }
        environment["PATH"] = tools.path + ":/usr/local/bin:/usr/bin:/bin"
        environment["CI"] = "true"
        environment.merge(env) { _, new in new }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
