import SCIMGenCLI
import XCTest

/// A command tree shaped like scimgen's, with every kind of argument the parser knows.
enum SampleCommands {
    static let validate = CommandSpec(
        name: "validate",
        abstract: "Check vendor descriptors and report every problem.",
        arguments: [
            .option("vendors", valueName: "dir", help: "The vendor descriptors folder.", defaultValue: "Vendors"),
            .flag("strict", help: "Treat warnings as errors."),
            .option("format", help: "How to print diagnostics.", defaultValue: "text",
                    allowedValues: ["text", "github", "json"]),
        ]
    )

    static let generate = CommandSpec(
        name: "generate",
        abstract: "Write the tutorials, discovery documents and mapping files.",
        discussion: """
            Every vendor in the descriptors folder is generated unless '--vendor' names some. \
            Nothing is written when any descriptor has an error.
            """,
        arguments: [
            .option("vendor", short: "v", help: "Generate only this vendor; repeat for several.", isRepeating: true),
            .option("output", short: "o", valueName: "dir", help: "The folder to write into.", defaultValue: "Site"),
            .option("attribute-mapping-file", valueName: "path",
                    help: "A mapping file to merge into every generated mapping, replacing the attributes it names."),
            .flag("check", short: "c", help: "Fail when a committed file is out of date instead of writing it."),
            .flag("quiet", short: "q", help: "Print nothing but problems."),
        ]
    )

    static let show = CommandSpec(
        name: "show",
        abstract: "Print one vendor's generated files.",
        arguments: [
            .positional("id", help: "The vendor identifier."),
            .positional("files", help: "The generated files to print; all when none are named.",
                        isOptional: true, isRepeating: true),
            .option("kind", help: "The output to print.", allowedValues: ["tutorial", "discovery", "mapping"]),
        ]
    )

    static let schema = CommandSpec(
        name: "schema",
        abstract: "Print the JSON schema of vendor descriptors.",
        arguments: [
            .option("out", short: "o", valueName: "file", help: "Write the schema to a file.", isRequired: true),
        ]
    )

    static let templates = CommandSpec(
        name: "templates",
        abstract: "Work with the built-in templates.",
        subcommands: [
            CommandSpec(name: "list", abstract: "List the built-in templates."),
            CommandSpec(
                name: "export",
                abstract: "Copy the built-in templates into a folder to customise them.",
                arguments: [.positional("dir", help: "The folder to copy into.", isOptional: true)]
            ),
        ],
        defaultSubcommand: "list"
    )

    static let root = CommandSpec(
        name: "scimgen",
        abstract: "Turn vendor descriptors into SCIM provisioning documentation.",
        version: "1.4.0",
        subcommands: [validate, generate, show, schema, templates]
    )
}

/// What a command line printed and how it exited, as the real program would.
struct Run: Equatable {
    var exitCode: Int32?
    var standardOutput: String
    var standardError: String
}

/// Parses like `scimgen <arguments>` and reports the answer to a captured console.
func scimgen(_ arguments: [String], root: CommandSpec = SampleCommands.root) -> Run {
    let console = CapturedConsole()
    let exitCode = root.parse(arguments).report(to: console)
    return Run(exitCode: exitCode, standardOutput: console.standardOutput, standardError: console.standardError)
}

/// The command a command line resolves to, failing the test otherwise.
func parsedCommand(
    _ arguments: [String], root: CommandSpec = SampleCommands.root, file: StaticString = #filePath, line: UInt = #line
) throws -> ParsedCommand {
    let outcome = root.parse(arguments)
    guard case .command(let command) = outcome else {
        XCTFail("expected a command, got \(outcome)", file: file, line: line)
        throw XCTSkip("no command")
    }
    return command
}

/// Asserts two texts are equal byte for byte, naming the first line that differs on failure.
func assertText(_ actual: String, _ expected: String, _ context: String = "",
                file: StaticString = #filePath, line: UInt = #line) {
    guard actual != expected else { return }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let index = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(actualLines.count, expectedLines.count)
    let got = index < actualLines.count ? "'\(actualLines[index])'" : "end of text"
    let wanted = index < expectedLines.count ? "'\(expectedLines[index])'" : "end of text"
    XCTFail("\(context) line \(index + 1): got \(got), expected \(wanted)\n--- whole text:\n\(actual)", file: file, line: line)
}
