#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader sees all of a file or none of it: a temporary file beside the final path, written,
/// synced to storage, then given its name in one step (`rename(2)`, or `link(2)` when an existing file must be kept).
///
/// The one atomic writer of the package, shared with `package` access by the commands' output files, the recordings
/// store and the emulator's state journal; it lives here, the lowest module all of them use. ``TemporaryFile`` is
/// the same write in steps, for a caller that does something between them (the journal locks the new file first).
package enum AtomicFile {
    /// A system call that failed while writing, with the file it was writing and the errno.
    package struct WriteError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file (or folder) the call was about.
        package var path: String
        /// The system call, such as `open` or `rename`.
        package var call: String
        /// The errno it set.
        package var errno: Int32

        /// Creates an error.
        package init(path: String, call: String, errno: Int32) {
            self.path = path
            self.call = call
            self.errno = errno
        }

        /// `CALL failed: STRERROR (errno N)`.
        package var reason: String { "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))" }

        /// `cannot write PATH: CALL failed: STRERROR (errno N)`.
        package var description: String { "cannot write \(path): \(reason)" }
    }

    /// What to do when the final name is already taken.
    package enum Naming: Sendable {
        /// Replace the existing file (`rename(2)`).
        case replacing
        /// Keep the existing file and write nothing (`link(2)`, which never replaces).
        case keepingExisting
    }

    /// What became of a write.
    package enum Outcome: Sendable, Equatable {
        /// The file exists under its final name with the bytes written.
        case written
        /// Another file already had the name (only with ``Naming/keepingExisting``); nothing was written.
        case nameTaken
    }

    /// Writes `bytes` to `path` atomically; the temporary file is `.<name>.tmp-<suffix>` in the same folder, and with
    /// `createsFolders` the folders above `path` are created first.
    @discardableResult
    package static func write(_ bytes: [UInt8], to path: String, naming: Naming = .replacing, syncsToStorage: Bool = true,
                              createsFolders: Bool = true, temporarySuffix: String? = nil) throws(WriteError) -> Outcome {
        if createsFolders { try makeFolders(folder(of: path)) }
        let temporary = try TemporaryFile(for: path, suffix: temporarySuffix ?? TemporaryFile.uniqueSuffix())
        defer { temporary.discard() }
        try temporary.write(bytes)
        if syncsToStorage { try temporary.sync() }
        return try temporary.commit(naming)
    }

    /// Creates a folder and its parents unless they exist.
    package static func makeFolders(_ path: String) throws(WriteError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST { throw WriteError(path: current, call: "mkdir", errno: errno) }
        }
    }

    /// Syncs the folder holding `path`, so that a rename in it survives a power loss; best effort.
    package static func syncFolder(of path: String) {
        let descriptor = open(folder(of: path), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// The folder part of a path (`.` for a bare name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
