import SCIMGenCLI
import XCTest

/// Every accepted form of a command line, and the values it yields.
final class ParsingTests: XCTestCase {
    // MARK: - Options

    func testLongOptionTakesTheNextWord() throws {
        let command = try parsedCommand(["validate", "--vendors", "Fixtures"])
        XCTAssertEqual(command.path, ["scimgen", "validate"])
        XCTAssertEqual(command.option("vendors"), "Fixtures")
    }

    func testLongOptionTakesAValueAfterEquals() throws {
        XCTAssertEqual(try parsedCommand(["validate", "--vendors=Fixtures"]).option("vendors"), "Fixtures")
    }

    func testValueStartingWithDashNeedsEquals() throws {
        XCTAssertEqual(try parsedCommand(["validate", "--vendors=-odd"]).option("vendors"), "-odd")
        XCTAssertEqual(try parsedCommand(["validate", "--vendors=--"]).option("vendors"), "--")
    }

    func testEqualsWithNothingAfterItGivesAnEmptyValue() throws {
        XCTAssertEqual(try parsedCommand(["validate", "--vendors="]).option("vendors"), "")
    }

    func testLoneDashIsAValue() throws {
        XCTAssertEqual(try parsedCommand(["validate", "--vendors", "-"]).option("vendors"), "-")
        XCTAssertEqual(try parsedCommand(["show", "-"]).positional("id"), "-")
    }

    func testShortOptionTakesTheNextWordOrAValueAfterEquals() throws {
        XCTAssertEqual(try parsedCommand(["generate", "-o", "Out"]).option("output"), "Out")
        XCTAssertEqual(try parsedCommand(["generate", "-o=Out"]).option("output"), "Out")
    }

    func testAbsentOptionGivesItsDefaultValueOrNothing() throws {
        let command = try parsedCommand(["generate"])
        XCTAssertEqual(command.option("output"), "Site")
        XCTAssertEqual(command.options("output"), ["Site"])
        XCTAssertNil(command.option("attribute-mapping-file"))
        XCTAssertEqual(command.options("vendor"), [])
    }

    func testRepeatedOptionKeepsEveryValueInOrder() throws {
        let command = try parsedCommand(["generate", "--vendor", "okta", "-v", "lucid", "--vendor=zoom"])
        XCTAssertEqual(command.options("vendor"), ["okta", "lucid", "zoom"])
        XCTAssertEqual(command.option("vendor"), "zoom")
    }

    func testSingleOptionGivenTwiceKeepsTheLastValue() throws {
        // swift-argument-parser overwrites a single-valued option rather than failing.
        XCTAssertEqual(try parsedCommand(["validate", "--vendors", "A", "--vendors", "B"]).option("vendors"), "B")
    }

    func testAllowedValueIsAccepted() throws {
        XCTAssertEqual(try parsedCommand(["validate", "--format", "github"]).option("format"), "github")
        XCTAssertEqual(try parsedCommand(["validate"]).option("format"), "text")
    }

    func testOptionValueMayLookLikeASubcommandName() throws {
        XCTAssertEqual(try parsedCommand(["validate", "--vendors", "show"]).option("vendors"), "show")
    }

    // MARK: - Flags

    func testFlagsAreFalseUnlessGiven() throws {
        XCTAssertFalse(try parsedCommand(["validate"]).flag("strict"))
        XCTAssertTrue(try parsedCommand(["validate", "--strict"]).flag("strict"))
        XCTAssertTrue(try parsedCommand(["validate", "--strict", "--strict"]).flag("strict"))
    }

    func testShortFlagsAloneAndGrouped() throws {
        let alone = try parsedCommand(["generate", "-c"])
        XCTAssertTrue(alone.flag("check"))
        XCTAssertFalse(alone.flag("quiet"))
        let grouped = try parsedCommand(["generate", "-qc"])
        XCTAssertTrue(grouped.flag("check"))
        XCTAssertTrue(grouped.flag("quiet"))
    }

    func testGroupMayEndWithAnOptionTakingTheNextWord() throws {
        let command = try parsedCommand(["generate", "-qo", "Out"])
        XCTAssertTrue(command.flag("quiet"))
        XCTAssertEqual(command.option("output"), "Out")
    }

    // MARK: - Positionals

    func testPositionalsFillInOrderAndTheRepeatingOneTakesTheRest() throws {
        let command = try parsedCommand(["show", "okta", "tutorial.md", "scim.json"])
        XCTAssertEqual(command.positional("id"), "okta")
        XCTAssertEqual(command.positionals("files"), ["tutorial.md", "scim.json"])
    }

    func testAbsentOptionalPositionalIsEmpty() throws {
        let command = try parsedCommand(["show", "okta"])
        XCTAssertEqual(command.positionals("files"), [])
        XCTAssertNil(command.positional("files"))
    }

    func testOptionsMayComeBetweenPositionals() throws {
        let command = try parsedCommand(["show", "okta", "--kind", "mapping", "a.md", "--kind=tutorial", "b.md"])
        XCTAssertEqual(command.positional("id"), "okta")
        XCTAssertEqual(command.positionals("files"), ["a.md", "b.md"])
        XCTAssertEqual(command.option("kind"), "tutorial")
    }

    func testDoubleDashEndsOptions() throws {
        let command = try parsedCommand(["show", "--kind", "mapping", "--", "-weird", "--kind", "--", "-h"])
        XCTAssertEqual(command.positional("id"), "-weird")
        XCTAssertEqual(command.positionals("files"), ["--kind", "--", "-h"])
        XCTAssertEqual(command.option("kind"), "mapping")
    }

    // MARK: - Subcommands

    func testDefaultSubcommandRunsWhenNoneIsNamed() throws {
        XCTAssertEqual(try parsedCommand(["templates"]).path, ["scimgen", "templates", "list"])
        XCTAssertEqual(try parsedCommand(["templates", "list"]).path, ["scimgen", "templates", "list"])
    }

    func testNestedSubcommandTakesItsPositional() throws {
        let command = try parsedCommand(["templates", "export", "Custom"])
        XCTAssertEqual(command.path, ["scimgen", "templates", "export"])
        XCTAssertEqual(command.positional("dir"), "Custom")
    }

    func testParentOptionsAreReadFromAnywhereOnTheLine() throws {
        let root = CommandSpec(
            name: "tool",
            abstract: "A tool.",
            arguments: [.flag("verbose", help: "Say more.")],
            subcommands: [CommandSpec(name: "run", abstract: "Run.", arguments: [.flag("fast")])]
        )
        let before = try parsedCommand(["--verbose", "run", "--fast"], root: root)
        XCTAssertEqual(before.path, ["tool", "run"])
        XCTAssertTrue(before.flag("verbose"))
        XCTAssertTrue(before.flag("fast"))
        XCTAssertTrue(try parsedCommand(["run", "--verbose"], root: root).flag("verbose"))
        XCTAssertFalse(try parsedCommand(["run"], root: root).flag("verbose"))
    }

    func testCommandWithoutSubcommandsIsItsOwnRoot() throws {
        let root = CommandSpec(name: "tool", abstract: "A tool.", arguments: [.positional("file")])
        let command = try parsedCommand(["input.json"], root: root)
        XCTAssertEqual(command.path, ["tool"])
        XCTAssertEqual(command.positional("file"), "input.json")
    }

    // MARK: - Hostile input

    func testOddWordsAlwaysGiveAnAnswer() {
        let words = ["", "-", "--", "---", "-=", "--=", "=", "-h=", "--help=x", "-\u{0}", "\u{FEFF}", "-é", "-👍",
                     "--vendors=\n", "-qq", "-o=", "--=--", "help", "templates", "-\u{301}", "--\u{301}"]
        for first in words {
            for second in words {
                for prefix in [[], ["validate"], ["generate"], ["show"], ["help"], ["templates"]] {
                    let arguments = prefix + [first, second]
                    switch SampleCommands.root.parse(arguments) {
                    case .command(let command): XCTAssertFalse(command.path.isEmpty, "\(arguments)")
                    case .help(let text): XCTAssertTrue(text.contains("USAGE: "), "\(arguments)")
                    case .version(let text): XCTAssertEqual(text, "1.4.0", "\(arguments)")
                    case .usageError(let error): XCTAssertTrue(error.description.hasPrefix("Error: "), "\(arguments)")
                    }
                }
            }
        }
    }
}
