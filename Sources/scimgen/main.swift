import Foundation
import SCIMGenCLI

// The executable only connects the process to the CLI library.
let code = SCIMGen.run(
    Array(CommandLine.arguments.dropFirst()),
    console: StandardConsole(),
    directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
exit(code)
