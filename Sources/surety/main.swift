#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SuretyCommands

// Before anything else allocates on another thread: the emulator's heap only grows (see HeapProfile).
let arguments = Array(CommandLine.arguments.dropFirst())
HeapProfile.prepare(for: arguments, environment: ProcessInfo.processInfo.environment)
let code = await CommandLineTool.run(arguments, console: StandardConsole())
exit(code.rawValue)
