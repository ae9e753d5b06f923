#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a folder entry is, from one `lstat(2)` or `stat(2)` (POSIX): the recordings reader asks this of every entry,
/// and `FileManager.attributesOfItem` builds a whole dictionary per call.
enum EntryKind: Sendable, Equatable {
    case regularFile, directory, symbolicLink, fifo, socket, device, other, missing

    /// The kind of the entry at `path`; a symbolic link is reported as such unless `followingLinks`, when the kind
    /// is that of its target (``missing`` for a link to nothing).
    init(path: String, followingLinks: Bool = false) {
        var status = stat()
        guard (followingLinks ? stat(path, &status) : lstat(path, &status)) == 0 else {
            self = .missing
            return
        }
        self.init(mode: status.st_mode)
    }

    /// The kind a `st_mode` names.
    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regularFile
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFCHR, S_IFBLK: self = .device
        default: self = .other
        }
    }

    /// Whether reading the entry could block or act on something other than a file (a FIFO waits for a writer, a
    /// device may be a terminal or a tape): such entries are never opened.
    var isSpecial: Bool {
        switch self {
        case .fifo, .socket, .device, .other: return true
        case .regularFile, .directory, .symbolicLink, .missing: return false
        }
    }

    /// The kind in words, for messages: `a FIFO`, `a socket`, `a device`.
    var phrase: String {
        switch self {
        case .regularFile: return "a regular file"
        case .directory: return "a folder"
        case .symbolicLink: return "a symbolic link"
        case .fifo: return "a FIFO (named pipe)"
        case .socket: return "a socket"
        case .device: return "a device"
        case .other: return "an entry of unknown kind"
        case .missing: return "missing"
        }
    }
}
