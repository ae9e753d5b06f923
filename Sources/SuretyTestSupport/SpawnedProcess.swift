import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started with `posix_spawn`, its standard output and error on close-on-exec pipes.
///
/// Tests start their processes with this rather than Foundation's `Process`: on Linux, `Process.run()` reads past a
/// `dirent` while it counts `/proc/self/fd` and crashed the test run now and then (swift-corelibs-foundation #5472, in
/// Swift 6.3.1), more often the more sockets parallel tests hold open.
///
/// `@unchecked Sendable` is safe: `pid` and the pipes never change, and `status` is read and written only under `lock`.
final class SpawnedProcess: @unchecked Sendable {
    /// The child's process id.
    let pid: pid_t
    /// The read end of the child's standard output.
    let standardOutput: FileHandle
    /// The read end of the child's standard error.
    let standardError: FileHandle
    private let lock = NSLock()
    private var status: Int32?
    /// Held while pipes are made and a child spawned.
    private static let spawning = NSLock()

    /// Why a process could not be started.
    struct SpawnError: Error, CustomStringConvertible {
        var call: String
        var code: Int32
        var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
    }

    /// Starts `executable` with `arguments`, in this process's folder and environment, with `added` set over it.
    init(executable: String, arguments: [String], environment added: [String: String] = [:]) throws {
        // Pipes are made and marked close-on-exec under one lock with the spawn, so no other test's child inherits them.
        Self.spawning.lock()
        defer { Self.spawning.unlock() }
        var out: [Int32] = [0, 0], err: [Int32] = [0, 0]
        guard pipe(&out) == 0 else { throw SpawnError(call: "pipe", code: errno) }
        guard pipe(&err) == 0 else { throw SpawnError(call: "pipe", code: errno) }
        for fd in out + err { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        // The child keeps only standard input, output and error: a socket another test holds open must close when
        // that test closes it, not live on in this child (Foundation's `Process` closes them the same way).
        for fd in Self.openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let variables = added.isEmpty ? [] : ProcessInfo.processInfo.environment.merging(added) { $1 }.map { "\($0.key)=\($0.value)" }
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var child: pid_t = 0
        let result = added.isEmpty ? posix_spawn(&child, executable, &actions, nil, argv, environ)
            : posix_spawn(&child, executable, &actions, nil, argv, envp)
        close(out[1])
        close(err[1])
        guard result == 0 else {
            close(out[0])
            close(err[0])
            throw SpawnError(call: "posix_spawn \(executable)", code: result)
        }
        pid = child
        standardOutput = FileHandle(fileDescriptor: out[0], closeOnDealloc: true)
        standardError = FileHandle(fileDescriptor: err[0], closeOnDealloc: true)
    }

    /// Whether the child has not exited yet (it is reaped when it has).
    var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        guard status == nil else { return false }
        var raw: Int32 = 0
        let reaped = waitpid(pid, &raw, WNOHANG)
        guard reaped == pid else { return reaped == 0 }
        status = Self.exitStatus(raw)
        return false
    }

    /// The exit status (or 128 + the signal that ended it); nil while it runs.
    var terminationStatus: Int32? {
        _ = isRunning
        lock.lock()
        defer { lock.unlock() }
        return status
    }

    /// Sends `signal` to the child.
    func signal(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits until the child has exited and returns its status.
    @discardableResult
    func waitUntilExit() -> Int32 {
        while isRunning { usleep(5_000) }
        return terminationStatus ?? -1
    }

    /// The descriptors open in this process, from `/proc/self/fd` (read with `FileManager`, which reads directory
    /// entries safely), or none where there is no such folder.
    static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }

    /// `exit(n)` as n, death by a signal as 128 + the signal.
    static func exitStatus(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7f
        return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
    }
}
