import Foundation
import XCTest

/// A few runs of the real executable: exit codes, output and interruption, as a user's shell sees them.
final class BinaryTests: XCTestCase {
    func testValidateGenerateCheck() throws {
        let workspace = try Workspace()
        guard let version = BuiltBinary.run(["--version"], in: workspace.root) else { return }
        XCTAssertEqual(version.out, "0.1.0\n")
        XCTAssertEqual(BuiltBinary.run(["validate"], in: workspace.root)?.code, 0)
        XCTAssertEqual(BuiltBinary.run(["check"], in: workspace.root)?.code, 1, "no Site yet")
        let generate = try XCTUnwrap(BuiltBinary.run(["generate"], in: workspace.root))
        XCTAssertEqual(generate.code, 0, "\(generate)")
        XCTAssertTrue(generate.out.hasPrefix("wrote "), generate.out)
        let check = try XCTUnwrap(BuiltBinary.run(["check"], in: workspace.root))
        XCTAssertEqual(check.code, 0, "\(check)")
        XCTAssertEqual(BuiltBinary.run(["generate", "--bogus"], in: workspace.root)?.code, 64)
    }

    func testInterruptedGenerateNeverLeavesAHalfWrittenFile() throws {
        let workspace = try Workspace()
        guard let binary = BuiltBinary.url else {
            XCTFail("the scimgen executable was not built beside the tests")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Workspace.repository.appendingPathComponent("Tests/Tools/interrupt_generate.py").path,
            binary.path, workspace.root.path, "25", "20261123",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.hasPrefix("25 rounds, "), text)
    }
}
