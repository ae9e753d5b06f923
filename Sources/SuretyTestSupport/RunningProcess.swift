import Foundation

/// A child process started for a test (the built `surety serve`), read line by line, always terminated.
public final class RunningProcess: @unchecked Sendable {
    // Safe: `process` is only used from the test's task, and `SpawnedProcess` and `FileHandle` are thread-safe for
    // the calls made here (read on one thread, signal and wait on another); `buffered` is touched by `readLine` only.
    private let process: SpawnedProcess
    private var buffered: [UInt8] = []

    /// The `surety` executable built next to the test bundle.
    public static var suretyExecutable: String {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]), Bundle.main.bundleURL]
            .map { $0.deletingLastPathComponent().appendingPathComponent("surety").path }
            + [TestRepository.root + "/.build/debug/surety"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// The child's process id.
    public var processIdentifier: Int32 { process.pid }

    /// Starts `executable` with `arguments`, and `environment` set over the test's own.
    public init(arguments: [String], executable: String = RunningProcess.suretyExecutable, environment: [String: String] = [:]) throws {
        process = try SpawnedProcess(executable: executable, arguments: arguments, environment: environment)
    }

    deinit {
        process.signal(SIGTERM)
    }

    /// The next line of standard output, or nil at end of output or after `timeout` seconds.
    public func readLine(timeout: TimeInterval = 10) async -> String? {
        let handle = process.standardOutput
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            // A line already read is returned even past the deadline: under a loaded test run the read's
            // continuation can resume late, and the line it brought must not be thrown away.
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered.removeSubrange(...newline)
                return line
            }
            guard Date() < deadline else { return nil }
            let chunk: Data = await withCheckedContinuation { continuation in
                Thread { continuation.resume(returning: handle.availableData) }.start()
            }
            if chunk.isEmpty { return nil }
            buffered += chunk
        }
    }

    /// Sends a signal (SIGTERM by default) and waits for the exit status, killing the process after `timeout`.
    public func stop(signal: Int32 = SIGTERM, timeout: TimeInterval = 10) async -> (status: Int32, standardError: String) {
        process.signal(signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { process.signal(SIGKILL) }
        let status = process.waitUntilExit()
        let stderr = process.standardError.readDataToEndOfFile()
        return (status, String(decoding: stderr, as: UTF8.self))
    }
}
