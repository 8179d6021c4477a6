import SCIMGenCLI
import XCTest

/// The real help of every command, as a user reads it, kept as snapshots: a change of wording or
/// of an option shows up in review as a change of the snapshot.
final class SCIMGenHelpTests: XCTestCase {
    func testRootHelp() throws {
        let workspace = try Workspace(inputs: false)
        let run = workspace.run(["--help"])
        XCTAssertEqual(run.code, 0)
        XCTAssertEqual(run.err, "")
        Snapshot.assert(run.out, in: self)
        XCTAssertEqual(workspace.run(["help"]), run)
        XCTAssertEqual(workspace.run(["-h"]), run)
    }

    func testCommandHelp() throws {
        let workspace = try Workspace(inputs: false)
        XCTAssertEqual(SCIMGen.spec.subcommands.count, 8)
        for command in SCIMGen.spec.subcommands {
            let run = workspace.run(["help", command.name])
            XCTAssertEqual(run.code, 0, command.name)
            XCTAssertEqual(run.err, "", command.name)
            Snapshot.assert(run.out, suffix: command.name, in: self)
            XCTAssertEqual(workspace.run([command.name, "--help"]), run, command.name)
        }
    }

    func testTheCommandTreeIsSound() {
        XCTAssertEqual(SCIMGen.spec.specificationProblems(), [])
    }

    func testVersion() throws {
        XCTAssertEqual(try Workspace(inputs: false).run(["--version"]), .init(code: 0, out: "0.1.0\n", err: ""))
    }

    /// Bare `scimgen` is a usage error: the help goes to standard error and the exit code says so.
    func testNoCommandIsAUsageError() throws {
        let workspace = try Workspace(inputs: false)
        let run = workspace.run([])
        XCTAssertEqual(run.code, 64)
        XCTAssertEqual(run.out, "")
        XCTAssertEqual(run.err, "Error: Missing command\n\n" + workspace.run(["--help"]).out)
    }

    func testUnknownCommandsAndHelpTopicsSuggestTheClosest() throws {
        let workspace = try Workspace(inputs: false)
        let usage = "Usage: scimgen <subcommand>\n  See 'scimgen --help' for more information.\n"
        XCTAssertEqual(
            workspace.run(["valdate", "--strict"]),
            .init(code: 64, out: "", err: "Error: Unknown command 'valdate'. Did you mean 'validate'?\n" + usage))
        XCTAssertEqual(
            workspace.run(["gen"]), .init(code: 64, out: "", err: "Error: Unknown command 'gen'. Did you mean 'generate'?\n" + usage))
        XCTAssertEqual(workspace.run(["frobnicate"]), .init(code: 64, out: "", err: "Error: Unknown command 'frobnicate'\n" + usage))
        XCTAssertEqual(
            workspace.run(["help", "frobnicate"]),
            .init(code: 64, out: "", err: "Error: Unknown command 'frobnicate'\nUsage: scimgen help [<subcommands> ...]\n"))
        XCTAssertEqual(
            workspace.run(["help", "chek"]),
            .init(
                code: 64, out: "",
                err: "Error: Unknown command 'chek'. Did you mean 'check'?\nUsage: scimgen help [<subcommands> ...]\n"))
        XCTAssertEqual(workspace.run(["help", "check", "extra"]).code, 64)
    }
}
