import Foundation

/// Launches child processes one at a time. Foundation's `Process.run()` on Linux crashed in its memcpy (a bad pointer)
/// while parallel tests launched processes and one of them set the child's environment and working folder; that test
/// now goes through `/bin/sh` instead, and this lock stays as a cheap precaution. It covers only the launch; the
/// processes then run side by side.
enum ProcessLaunch {
    private static let lock = NSLock()

    /// Runs `process`, holding the launch lock.
    static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }
}
