import SCIMGenCLI
import XCTest

/// Mistakes in a command tree are found before a user meets them.
final class SpecificationProblemsTests: XCTestCase {
    func testSampleTreeIsSound() {
        XCTAssertEqual(SampleCommands.root.specificationProblems(), [])
    }

    func testEveryKindOfMistake() {
        let broken = CommandSpec(
            name: "tool",
            abstract: "",
            arguments: [
                .option("format", short: "f", allowedValues: ["a", "b"]),
                .flag("format"),
                .flag("force", short: "f"),
                .flag("help"),
                .flag("quiet", short: "h"),
                .option("--mode"),
                .option("level", defaultValue: "9", allowedValues: ["1", "2"]),
                .positional("files", isRepeating: true),
                .positional("extra", isOptional: true),
                .positional("last"),
            ],
            subcommands: [
                CommandSpec(name: "run", abstract: ""),
                CommandSpec(name: "run", abstract: "", arguments: [.flag("dry", short: "?")]),
                CommandSpec(name: "help", abstract: ""),
            ],
            defaultSubcommand: "walk"
        )
        XCTAssertEqual(broken.specificationProblems(), [
            "tool: argument 'format' is declared twice",
            "tool: short name '-f' is declared twice",
            "tool: option '--help' is built in",
            "tool: option '-h' is built in",
            "tool: argument name '--mode' must be a bare word without dashes or '='",
            "tool: default value '9' of '--level' is not an allowed value",
            "tool: repeating positional '<files>' must come last",
            "tool: optional positional '<extra>' comes before a required one",
            "tool: a command with subcommands cannot take positionals; they would swallow subcommand names",
            "tool: subcommand 'run' is declared twice",
            "tool: subcommand 'help' is built in",
            "tool: default subcommand 'walk' is not a subcommand",
            "tool run: short name '-?' is not a letter or digit",
        ])
    }
}
