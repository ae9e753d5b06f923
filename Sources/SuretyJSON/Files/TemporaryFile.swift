#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One atomic write in steps: a new temporary file beside the final path, written, synced, and then named.
///
/// ``AtomicFile/write(_:to:naming:syncsToStorage:createsFolders:temporarySuffix:)`` runs the steps in one call; a
/// caller that must act between them (lock the new file, stop before the rename in a test) uses this type, and
/// calls ``discard()`` in a `defer` so that a failed write leaves no temporary file. Not shared between threads.
package final class TemporaryFile {
    /// The name the file gets when it is committed.
    package let finalPath: String
    /// Where the bytes are written first.
    package let path: String
    /// The open descriptor of the temporary file (write only), until it is closed or taken.
    package private(set) var descriptor: Int32
    private var committed = false

    /// Creates `.<name>.tmp-<suffix>` beside `finalPath`, failing when that name exists.
    package convenience init(for finalPath: String, suffix: String) throws(AtomicFile.WriteError) {
        let folder = AtomicFile.folder(of: finalPath)
        let name = finalPath.split(separator: "/").last.map(String.init) ?? finalPath
        try self.init(for: finalPath, at: folder + "/." + name + ".tmp-" + suffix, replacingLeftover: false)
    }

    /// Creates the temporary file at `path`; a file left there is truncated when `replacingLeftover`, else an error.
    package init(for finalPath: String, at path: String, replacingLeftover: Bool) throws(AtomicFile.WriteError) {
        self.finalPath = finalPath
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (replacingLeftover ? O_TRUNC : O_EXCL), 0o644)
        guard descriptor >= 0 else { throw AtomicFile.WriteError(path: path, call: "open", errno: errno) }
    }

    deinit {
        discard()
    }

    /// A suffix no other writer uses: the process id and a random number.
    package static func uniqueSuffix() -> String {
        "\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
    }

    /// Writes every byte, retrying short writes and `EINTR`.
    package func write(_ bytes: [UInt8]) throws(AtomicFile.WriteError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw AtomicFile.WriteError(path: path, call: "write", errno: errno)
            }
            guard written > 0 else { throw AtomicFile.WriteError(path: path, call: "write", errno: EIO) }
            offset += written
        }
    }

    /// Syncs the bytes to storage (`fsync`).
    package func sync() throws(AtomicFile.WriteError) {
        guard fsync(descriptor) == 0 else { throw AtomicFile.WriteError(path: path, call: "fsync", errno: errno) }
    }

    /// Closes the file (unless `closing` is false) and gives it its final name: `rename(2)` when replacing, else
    /// `link(2)`, which never replaces (on a file system without hard links: `rename(2)` after checking the name is
    /// free, which another process could race).
    package func commit(_ naming: AtomicFile.Naming, closing: Bool = true) throws(AtomicFile.WriteError) -> AtomicFile.Outcome {
        if closing && descriptor >= 0 {
            let status = close(descriptor)
            descriptor = -1
            guard status == 0 else { throw AtomicFile.WriteError(path: path, call: "close", errno: errno) }
        }
        if naming == .replacing {
            guard rename(path, finalPath) == 0 else { throw AtomicFile.WriteError(path: finalPath, call: "rename", errno: errno) }
            committed = true
            return .written
        }
        if link(path, finalPath) == 0 { return .written }
        let linkError = errno
        if linkError == EEXIST { return .nameTaken }
        guard linkError == EPERM || linkError == ENOTSUP || linkError == EOPNOTSUPP || linkError == ENOSYS else {
            throw AtomicFile.WriteError(path: finalPath, call: "link", errno: linkError)
        }
        if access(finalPath, F_OK) == 0 { return .nameTaken }
        guard rename(path, finalPath) == 0 else { throw AtomicFile.WriteError(path: finalPath, call: "rename", errno: errno) }
        committed = true
        return .written
    }

    /// Hands the open descriptor to the caller, who closes it (after `commit(_:closing: false)`); the file stays open
    /// after ``discard()``.
    package func takeDescriptor() -> Int32 {
        defer { descriptor = -1 }
        return descriptor
    }

    /// Closes the descriptor (unless taken) and removes the temporary name (unless it was renamed); idempotent.
    package func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        if !committed {
            unlink(path)
            committed = true
        }
    }
}

#if canImport(Glibc)
private let systemWrite: @Sendable (Int32, UnsafeRawPointer?, Int) -> Int = Glibc.write
#else
private let systemWrite: @Sendable (Int32, UnsafeRawPointer?, Int) -> Int = Darwin.write
#endif
