import Foundation

/// Launches child processes one at a time: Foundation's `Process.run()` on Linux copies the environment and file
/// actions without a lock of its own, and two launches at once from parallel tests crashed in it (a bad pointer in its
/// memcpy). The lock covers only the launch; the processes then run side by side.
enum ProcessLaunch {
    private static let lock = NSLock()

    /// Runs `process`, holding the launch lock.
    static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }
}
