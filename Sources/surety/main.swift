#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SuretyCommands

// Before anything else allocates on another thread: the emulator's heap only grows (see HeapProfile).
let arguments = Array(CommandLine.arguments.dropFirst())
HeapProfile.prepare(for: arguments)
let code = await CommandLineTool.run(arguments, console: StandardConsole())
exit(code.rawValue)
