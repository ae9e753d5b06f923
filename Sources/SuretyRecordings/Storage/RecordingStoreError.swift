/// A failure of the recordings folder itself, which stops the operation (a bad file is a ``RecordingIssue`` instead).
public enum RecordingStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder could not be created or listed; the call and the system's reason.
    case unreadableDirectory(path: String, reason: String)
    /// An endpoint id or file name that would escape the folder or hide its file (`..`, `/`, a leading `.`).
    case unsafeName(String)
    /// A system call failed while writing a recording.
    case writeFailed(path: String, call: String, errno: Int32)
    /// An endpoint's folder that is not a folder of its own (a symbolic link put there beforehand, a file): writing
    /// through it could leave the recordings folder.
    case notAFolder(path: String, kind: String)

    /// The problem in words.
    public var description: String {
        switch self {
        case .unreadableDirectory(let path, let reason): return "cannot use recordings folder \(path): \(reason)"
        case .unsafeName(let name): return "refusing recording name \"\(name.prefix(80))\": it would leave the recordings folder"
        case .writeFailed(let path, let call, let errno): return "cannot write \(path): \(call) failed with errno \(errno)"
        case .notAFolder(let path, let kind):
            return "refusing to write into \(path): it is \(kind), not a folder (a recording never leaves the recordings folder)"
        }
    }
}
