#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see all of it or nothing: a hidden temporary file in the same folder, written,
/// synced, then linked to its final name, which fails rather than replace an existing file.
///
/// A process killed before the link leaves only the hidden temporary file, which readers skip and
/// ``RecordingStore/removeTemporaryFiles()`` deletes.
struct AtomicFileWriter: Sendable {
    /// Whether each file is synced to storage (`fsync`) before it gets its name.
    var syncsToStorage: Bool

    /// What became of one attempt.
    enum Outcome: Equatable {
        /// The file exists under its final name.
        case written
        /// Another file already has the name; nothing was written.
        case nameTaken
    }

    /// Writes `bytes` to `folder/name` unless that name exists.
    func write(_ bytes: [UInt8], folder: String, name: String, temporarySuffix: String) throws(RecordingStoreError) -> Outcome {
        let finalPath = folder + "/" + name
        let temporaryPath = folder + "/." + name + ".tmp-" + temporarySuffix
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .writeFailed(path: temporaryPath, call: "open", errno: errno) }
        var closed = false
        defer {
            if !closed { close(descriptor) }
            unlink(temporaryPath)
        }
        switch bytes.withUnsafeBytes({ ByteTransfer.write(descriptor, from: $0) }) {
        case .failure(let error): throw .writeFailed(path: temporaryPath, call: "write", errno: error.errno)
        case .success(let count) where count < bytes.count: throw .writeFailed(path: temporaryPath, call: "write", errno: EIO)
        case .success: break
        }
        if syncsToStorage, fsync(descriptor) != 0 { throw .writeFailed(path: temporaryPath, call: "fsync", errno: errno) }
        closed = true
        guard close(descriptor) == 0 else { throw .writeFailed(path: temporaryPath, call: "close", errno: errno) }
        // link(2) gives the complete file its name atomically and, unlike rename(2), never replaces another file.
        if link(temporaryPath, finalPath) == 0 { return .written }
        let linkError = errno
        if linkError == EEXIST { return .nameTaken }
        guard linkError == EPERM || linkError == ENOTSUP || linkError == EOPNOTSUPP || linkError == ENOSYS else {
            throw .writeFailed(path: finalPath, call: "link", errno: linkError)
        }
        // File systems without hard links: rename, after checking the name is free (the store's lock serialises
        // this process's writers; another process could still race here).
        if access(finalPath, F_OK) == 0 { return .nameTaken }
        guard rename(temporaryPath, finalPath) == 0 else { throw .writeFailed(path: finalPath, call: "rename", errno: errno) }
        return .written
    }

    /// Creates a folder (and its parents) unless it exists.
    static func makeFolder(_ path: String) throws(RecordingStoreError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw .unreadableDirectory(path: path, reason: "mkdir \(current) failed with errno \(errno)")
            }
        }
    }
}
