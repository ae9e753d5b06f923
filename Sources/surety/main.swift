#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SuretyCommands

let code = await CommandLineTool.run(Array(CommandLine.arguments.dropFirst()), console: StandardConsole())
exit(code.rawValue)
