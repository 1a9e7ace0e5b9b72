import ArgumentParser
import Foundation
import Limpide

// A thin entry point: parse, run, and turn every error into a French message and an exit code
// (2 for usage and input errors, never argument-parser's 64).
do {
    var command = try LimpideCommand.parseAsRoot()
    try command.run()
} catch let error as CLIError {
    Terminal.error(error.message)
    exit(error.exitCode)
} catch {
    let code = LimpideCommand.exitCode(for: error)
    if code == .success {
        // --help, --version
        print(UsageMessages.french(LimpideCommand.fullMessage(for: error)))
        exit(0)
    }
    if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
    Terminal.error(UsageMessages.french(LimpideCommand.fullMessage(for: error)))
    Terminal.warning("Aide : limpide --help")
    exit(2)
}
