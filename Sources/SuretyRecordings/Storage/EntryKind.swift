#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a folder entry is, from one `lstat(2)` (POSIX; links are not followed): the recordings reader asks this of
/// every entry, and `FileManager.attributesOfItem` builds a whole dictionary per call.
enum EntryKind: Sendable, Equatable {
    case regularFile, directory, symbolicLink, other, missing

    /// The kind of the entry at `path`.
    init(path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            self = .missing
            return
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: self = .regularFile
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        default: self = .other
        }
    }
}
