import SCIMGenCLI
import XCTest

/// Help, version and the `help` subcommand, compared with swift-argument-parser's layout.
final class HelpTests: XCTestCase {
    // MARK: - Goldens

    static let rootHelp = """
        OVERVIEW: Turn vendor descriptors into SCIM provisioning documentation.

        USAGE: scimgen <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          validate                Check vendor descriptors and report every problem.
          generate                Write the tutorials, discovery documents and mapping
                                  files.
          show                    Print one vendor's generated files.
          schema                  Print the JSON schema of vendor descriptors.
          templates               Work with the built-in templates.

          See 'scimgen help <subcommand>' for detailed help.

        """

    static let validateHelp = """
        OVERVIEW: Check vendor descriptors and report every problem.

        USAGE: scimgen validate [--vendors <dir>] [--strict] [--format <format>]

        OPTIONS:
          --vendors <dir>         The vendor descriptors folder. (default: Vendors)
          --strict                Treat warnings as errors.
          --format <format>       How to print diagnostics. (values: text, github,
                                  json; default: text)
          --version               Show the version.
          -h, --help              Show help information.


        """

    static let generateHelp = """
        OVERVIEW: Write the tutorials, discovery documents and mapping files.

        Every vendor in the descriptors folder is generated unless '--vendor' names
        some. Nothing is written when any descriptor has an error.

        USAGE: scimgen generate [--vendor <vendor> ...] [--output <dir>] [--attribute-mapping-file <path>] [--check] [--quiet]

        OPTIONS:
          -v, --vendor <vendor>   Generate only this vendor; repeat for several.
          -o, --output <dir>      The folder to write into. (default: Site)
          --attribute-mapping-file <path>
                                  A mapping file to merge into every generated mapping,
                                  replacing the attributes it names.
          -c, --check             Fail when a committed file is out of date instead of
                                  writing it.
          -q, --quiet             Print nothing but problems.
          --version               Show the version.
          -h, --help              Show help information.


        """

    static let showHelp = """
        OVERVIEW: Print one vendor's generated files.

        USAGE: scimgen show <id> [<files> ...] [--kind <kind>]

        ARGUMENTS:
          <id>                    The vendor identifier.
          <files>                 The generated files to print; all when none are named.

        OPTIONS:
          --kind <kind>           The output to print. (values: tutorial, discovery,
                                  mapping)
          --version               Show the version.
          -h, --help              Show help information.


        """

    static let templatesHelp = """
        OVERVIEW: Work with the built-in templates.

        USAGE: scimgen templates <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          list (default)          List the built-in templates.
          export                  Copy the built-in templates into a folder to
                                  customise them.

          See 'scimgen help templates <subcommand>' for detailed help.

        """

    static let exportHelp = """
        OVERVIEW: Copy the built-in templates into a folder to customise them.

        USAGE: scimgen templates export [<dir>]

        ARGUMENTS:
          <dir>                   The folder to copy into.

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.


        """

    // MARK: - Every way of asking

    func testRootHelp() {
        for arguments in [["--help"], ["-h"], ["help"], ["help", "--help"]] {
            let run = scimgen(arguments)
            XCTAssertEqual(run.exitCode, 0, "\(arguments)")
            XCTAssertEqual(run.standardError, "", "\(arguments)")
            assertText(run.standardOutput, Self.rootHelp, "\(arguments)")
        }
    }

    func testCommandHelp() {
        let cases: [([String], String)] = [
            (["validate", "--help"], Self.validateHelp),
            (["validate", "-h"], Self.validateHelp),
            (["help", "validate"], Self.validateHelp),
            (["help", "validate", "-h"], Self.validateHelp),
            (["validate", "--strict", "--format", "json", "--help"], Self.validateHelp),
            (["validate", "--unknown", "--help"], Self.validateHelp),
            (["generate", "--help"], Self.generateHelp),
            (["generate", "-qh"], Self.generateHelp),
            (["show", "--help"], Self.showHelp),
            (["help", "show"], Self.showHelp),
            (["templates"] + ["--help"], Self.templatesHelp),
            (["help", "templates"], Self.templatesHelp),
            (["templates", "export", "-h"], Self.exportHelp),
            (["help", "templates", "export"], Self.exportHelp),
        ]
        for (arguments, help) in cases {
            let run = scimgen(arguments)
            XCTAssertEqual(run.exitCode, 0, "\(arguments)")
            XCTAssertEqual(run.standardError, "", "\(arguments)")
            assertText(run.standardOutput, help, "\(arguments)")
        }
    }

    func testHelpIsShownWhenRequiredArgumentsAreMissing() {
        XCTAssertEqual(scimgen(["show", "-h"]), Run(exitCode: 0, standardOutput: Self.showHelp, standardError: ""))
    }

    func testHelpOfTheHelpCommand() {
        let expected = """
            OVERVIEW: Show subcommand help information.

            USAGE: scimgen help [<subcommands> ...]

            ARGUMENTS:
              <subcommands>

            OPTIONS:
              --version               Show the version.


            """
        XCTAssertEqual(scimgen(["help", "help"]), Run(exitCode: 0, standardOutput: expected, standardError: ""))
    }

    func testHelpTextWithoutParsing() {
        XCTAssertEqual(SampleCommands.root.helpText(for: ["validate"]) + "\n", Self.validateHelp)
        XCTAssertEqual(SampleCommands.root.helpText() + "\n", Self.rootHelp)
    }

    // MARK: - Version

    func testVersionFromAnyCommand() {
        for arguments in [["--version"], ["validate", "--version"], ["templates", "export", "--version"]] {
            XCTAssertEqual(scimgen(arguments), Run(exitCode: 0, standardOutput: "1.4.0\n", standardError: ""),
                           "\(arguments)")
        }
    }

    func testHelpWinsOverVersion() {
        XCTAssertEqual(scimgen(["--version", "--help"]).standardOutput, Self.rootHelp)
    }

    func testNoVersionMeansNoVersionOption() {
        let root = CommandSpec(
            name: "tool", abstract: "A tool.", subcommands: [CommandSpec(name: "run", abstract: "Run it.")])
        XCTAssertEqual(scimgen(["--help"], root: root).standardOutput, """
            OVERVIEW: A tool.

            USAGE: tool <subcommand>

            OPTIONS:
              -h, --help              Show help information.

            SUBCOMMANDS:
              run                     Run it.

              See 'tool help <subcommand>' for detailed help.

            """)
        XCTAssertEqual(scimgen(["--version"], root: root), Run(exitCode: 64, standardOutput: "", standardError: """
            Error: Unknown option '--version'
            Usage: tool <subcommand>
              See 'tool --help' for more information.

            """))
    }

    // MARK: - Layout details

    func testUsageKeepsOnlyRequiredArgumentsPastTwelve() {
        let flags = (1...13).map { ArgumentSpec.flag("flag\($0)") }
        let many = CommandSpec(name: "tool", abstract: "", arguments: flags + [.positional("file")])
        let onlyOptional = CommandSpec(name: "tool", abstract: "", arguments: flags)
        XCTAssertTrue(many.helpText().hasPrefix("USAGE: tool [<options>] <file>\n\nARGUMENTS:\n  <file>\n\nOPTIONS:\n"))
        XCTAssertTrue(onlyOptional.helpText().hasPrefix("USAGE: tool <options>\n\nOPTIONS:\n  --flag1\n"))
    }

    func testLongWordsInAnAbstractAreNotBroken() {
        let word = String(repeating: "x", count: 60)
        let command = CommandSpec(name: "tool", abstract: "", arguments: [.flag("long", help: "see \(word) now")])
        XCTAssertEqual(command.helpText(), """
            USAGE: tool [--long]

            OPTIONS:
              --long                  see
                                      \(word)
                                      now
              -h, --help              Show help information.

            """)
    }
}
