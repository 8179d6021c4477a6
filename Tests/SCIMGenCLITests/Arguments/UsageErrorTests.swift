import SCIMGenCLI
import XCTest

/// Every usage error, asserted as the whole text on standard error, with exit code 64.
final class UsageErrorTests: XCTestCase {
    static let validateUsage = """
        Usage: scimgen validate [--vendors <dir>] [--strict] [--format <format>]
          See 'scimgen validate --help' for more information.

        """

    static let generateUsage = """
        Usage: scimgen generate [--vendor <vendor> ...] [--output <dir>] [--attribute-mapping-file <path>] [--check] [--quiet]
          See 'scimgen generate --help' for more information.

        """

    static let rootUsage = """
        Usage: scimgen <subcommand>
          See 'scimgen --help' for more information.

        """

    /// Asserts that the command line fails with exit code 64, nothing on standard output and
    /// exactly `standardError`.
    func assertUsageError(
        _ arguments: [String], _ standardError: String, root: CommandSpec = SampleCommands.root,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(
            scimgen(arguments, root: root),
            Run(exitCode: 64, standardOutput: "", standardError: standardError),
            file: file, line: line)
    }

    // MARK: - Unknown options

    func testUnknownOptionSuggestsTheClosestName() {
        assertUsageError(["validate", "--vendrs", "Vendors"],
                         "Error: Unknown option '--vendrs'. Did you mean '--vendors'?\n" + Self.validateUsage)
        assertUsageError(["validate", "--stric=1"],
                         "Error: Unknown option '--stric'. Did you mean '--strict'?\n" + Self.validateUsage)
        assertUsageError(["validate", "-strict"],
                         "Error: Unknown option '-strict'. Did you mean '--strict'?\n" + Self.validateUsage)
    }

    func testUnknownOptionWithoutAnythingClose() {
        assertUsageError(["validate", "--verbose"], "Error: Unknown option '--verbose'\n" + Self.validateUsage)
    }

    func testUnknownShortOptionNeverSuggests() {
        assertUsageError(["validate", "-s"], "Error: Unknown option '-s'\n" + Self.validateUsage)
        assertUsageError(["-x"], "Error: Unknown option '-x'\n" + Self.rootUsage)
    }

    func testUnknownLetterInAGroup() {
        assertUsageError(["generate", "-qz"], "Error: Unknown option '-z'\n" + Self.generateUsage)
        assertUsageError(["generate", "-xyz"], "Error: Unknown option '-xyz'\n" + Self.generateUsage)
    }

    func testUnknownOptionComesBeforeUnexpectedArguments() {
        assertUsageError(["validate", "extra", "--bogus"], "Error: Unknown option '--bogus'\n" + Self.validateUsage)
    }

    func testSubcommandOptionBeforeTheSubcommandIsUnknownToTheRoot() {
        assertUsageError(["--strict", "validate"], "Error: Unknown option '--strict'\n" + Self.rootUsage)
    }

    func testUnknownOptionUnderADefaultSubcommandShowsItsUsage() {
        assertUsageError(["templates", "--bogus"], """
            Error: Unknown option '--bogus'
            Usage: scimgen templates list
              See 'scimgen templates list --help' for more information.

            """)
    }

    // MARK: - Missing arguments and values

    func testMissingPositional() {
        assertUsageError(["show"], """
            Error: Missing expected argument '<id>'
            Help:  <id>  The vendor identifier.
            Usage: scimgen show <id> [<files> ...] [--kind <kind>]
              See 'scimgen show --help' for more information.

            """)
    }

    func testMissingRequiredOption() {
        assertUsageError(["schema"], """
            Error: Missing expected argument '--out <file>'
            Help:  --out <file>  Write the schema to a file.
            Usage: scimgen schema --out <file>
              See 'scimgen schema --help' for more information.

            """)
    }

    func testMissingValueAtTheEnd() {
        assertUsageError(["validate", "--vendors"], """
            Error: Missing value for '--vendors <dir>'
            Help:  --vendors <dir>  The vendor descriptors folder.

            """ + Self.validateUsage)
    }

    func testMissingValueWhenTheNextWordIsAnOption() {
        let expected = """
            Error: Missing value for '--vendors <dir>'
            Help:  --vendors <dir>  The vendor descriptors folder.

            """ + Self.validateUsage
        assertUsageError(["validate", "--vendors", "--strict"], expected)
        assertUsageError(["validate", "--vendors", "-odd"], expected)
        assertUsageError(["validate", "--vendors", "--", "Vendors"], expected)
        // As upstream, a missing value is found before a request for help is.
        assertUsageError(["validate", "--vendors", "--help"], expected)
    }

    func testMissingValueNamesTheShortNameTyped() {
        assertUsageError(["generate", "-o"], """
            Error: Missing value for '-o <dir>'
            Help:  -o <dir>  The folder to write into.

            """ + Self.generateUsage)
    }

    // MARK: - Wrong values

    func testValueNotAllowed() {
        assertUsageError(["validate", "--format", "xml"], """
            Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'github' or 'json'.
            Help:  --format <format>  How to print diagnostics.

            """ + Self.validateUsage)
        assertUsageError(["validate", "--format="], """
            Error: The value '' is invalid for '--format <format>'. Please provide one of 'text', 'github' or 'json'.
            Help:  --format <format>  How to print diagnostics.

            """ + Self.validateUsage)
    }

    func testValueListWordingFollowsTheNumberOfValues() {
        func root(_ values: [String]) -> CommandSpec {
            CommandSpec(name: "tool", abstract: "", arguments: [.option("mode", help: "The mode.", allowedValues: values)])
        }
        let usage = "Help:  --mode <mode>  The mode.\nUsage: tool [--mode <mode>]\n  See 'tool --help' for more information.\n"
        assertUsageError(["--mode", "x"], "Error: The value 'x' is invalid for '--mode <mode>'. Please provide one of 'a'.\n"
                         + usage, root: root(["a"]))
        assertUsageError(["--mode", "x"], "Error: The value 'x' is invalid for '--mode <mode>'. Please provide one of 'a' and 'b'.\n"
                         + usage, root: root(["a", "b"]))
        assertUsageError(["--mode", "x"], """
            Error: The value 'x' is invalid for '--mode <mode>'. Please provide one of the following:
              - a
              - b
              - c
              - d
              - e
              - f

            """ + usage, root: root(["a", "b", "c", "d", "e", "f"]))
    }

    func testFlagGivenAValue() {
        assertUsageError(["validate", "--strict=yes"],
                         "Error: The option '--strict' does not take any value, but 'yes' was specified.\n"
                         + Self.validateUsage)
        assertUsageError(["generate", "-q=1"],
                         "Error: The option '-q' does not take any value, but '1' was specified.\n" + Self.generateUsage)
    }

    // MARK: - Unexpected arguments

    func testUnexpectedArgument() {
        assertUsageError(["validate", "foo"], "Error: Unexpected argument 'foo'\n" + Self.validateUsage)
    }

    func testSeveralUnexpectedArguments() {
        assertUsageError(["validate", "foo", "--", "--bar"],
                         "Error: 2 unexpected arguments: 'foo', '--bar'\n" + Self.validateUsage)
    }

    func testUnknownSubcommand() {
        assertUsageError(["frobnicate"], "Error: Unknown command 'frobnicate'\n" + Self.rootUsage)
        assertUsageError(["valdate"], "Error: Unknown command 'valdate'. Did you mean 'validate'?\n" + Self.rootUsage)
        assertUsageError(["help", "nonsense"], "Error: Unknown command 'nonsense'\nUsage: scimgen help [<subcommands> ...]\n")
        assertUsageError(["templates", "delete"], """
            Error: Unexpected argument 'delete'
            Usage: scimgen templates list
              See 'scimgen templates list --help' for more information.

            """)
    }

    // MARK: - Malformed words

    func testInvalidOptionsAreReportedWithTheRootUsage() {
        assertUsageError(["validate", "---strict"], "Error: Invalid option: ---strict\n" + Self.rootUsage)
        assertUsageError(["validate", "---"], "Error: Invalid option: ---\n" + Self.rootUsage)
        assertUsageError(["validate", "--=x"], "Error: Invalid option: --=x\n" + Self.rootUsage)
        assertUsageError(["validate", "-s@"], "Error: Invalid option: -@\n" + Self.rootUsage)
    }

    // MARK: - Special cases

    func testHelpCommandRejectsOptionsAndHasNoHelpOfItsOwn() {
        assertUsageError(["help", "--hepl"], """
            Error: Unknown option '--hepl'. Did you mean '--help'?
            Usage: scimgen help [<subcommands> ...]

            """)
    }

    func testEmptyCommandLineShowsTheWholeHelpAfterTheError() {
        let root = CommandSpec(name: "tool", abstract: "Convert a file.", arguments: [.positional("file", help: "The input.")])
        assertUsageError([], """
            Error: Missing expected argument '<file>'
            Help:  <file>  The input.

            OVERVIEW: Convert a file.

            USAGE: tool <file>

            ARGUMENTS:
              <file>                  The input.

            OPTIONS:
              -h, --help              Show help information.


            """, root: root)
    }

    func testAGroupWithoutACommandShowsItsHelpAfterTheError() {
        let run = scimgen([])
        XCTAssertEqual(run.exitCode, 64)
        XCTAssertEqual(run.standardOutput, "")
        XCTAssertEqual(run.standardError, "Error: Missing command\n\n" + HelpTests.rootHelp)
    }

    func testUsageErrorValue() {
        guard case .usageError(let error) = SampleCommands.root.parse(["validate", "--vendors"]) else {
            return XCTFail("expected a usage error")
        }
        XCTAssertEqual(error.exitCode, 64)
        XCTAssertEqual(error.message, "Missing value for '--vendors <dir>'")
        XCTAssertEqual(error.help, "--vendors <dir>  The vendor descriptors folder.")
        XCTAssertEqual(error.usage, """
            Usage: scimgen validate [--vendors <dir>] [--strict] [--format <format>]
              See 'scimgen validate --help' for more information.
            """)
    }
}
