#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of a folder with the kind the directory itself records (`d_type` of `readdir(3)`), so that reading a
/// folder of 100,000 recordings needs no `lstat` per entry; a file system that records no kind gives nil, and the
/// caller asks ``EntryKind/init(path:followingLinks:)``.
enum FolderListing {
    /// One entry: its name and, when the directory records it, its kind (links not followed).
    struct Entry: Sendable, Equatable {
        var name: String
        var kind: EntryKind?
    }

    /// The entries of the folder at `path` but `.` and `..`, sorted by name.
    static func entries(of path: String) throws(RecordingStoreError) -> [Entry] {
        guard let directory = opendir(path) else {
            throw .unreadableDirectory(path: path, reason: "opendir failed: \(String(cString: strerror(errno))) (errno \(errno))")
        }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            entries.append(Entry(name: name, kind: kind(ofType: entry.pointee.d_type)))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// The kind a `d_type` names; nil for `DT_UNKNOWN`.
    private static func kind(ofType type: UInt8) -> EntryKind? {
        switch Int32(type) {
        case Int32(DT_REG): return .regularFile
        case Int32(DT_DIR): return .directory
        case Int32(DT_LNK): return .symbolicLink
        case Int32(DT_FIFO): return .fifo
        case Int32(DT_SOCK): return .socket
        case Int32(DT_CHR), Int32(DT_BLK): return .device
        case Int32(DT_UNKNOWN): return nil
        default: return .other
        }
    }
}
