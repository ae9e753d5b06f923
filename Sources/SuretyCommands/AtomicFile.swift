import Foundation

/// Writes files atomically: a temporary file in the same folder, then a rename, so a reader never sees a partial file.
public enum AtomicFile {
    /// A write that failed, with the path and the system's reason.
    public struct WriteError: Error, CustomStringConvertible {
        /// The file that could not be written.
        public var path: String
        /// The system's reason.
        public var reason: String
        /// `cannot write PATH: REASON`.
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `bytes` to `path` atomically, creating parent folders.
    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw WriteError(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
