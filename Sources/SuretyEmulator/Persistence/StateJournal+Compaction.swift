import Foundation
import SuretyJSON
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StateJournal {
    /// Start-up compacts the journal when at least this many entries would go (see ``JournalCompaction``).
    public static let compactionThreshold = 1_000
    /// The temporary file a compaction writes next to the journal; one a crash left is removed on the next open.
    static let compactingSuffix = ".compacting"

    /// Replaces the file with the header and `entries`, atomically: they are written to a temporary file that this
    /// process locks, synced, and renamed over the journal (then the folder is synced), so a crash at any point
    /// leaves either the old journal or the new one, whole. `beforeRename` runs between the sync and the rename
    /// (tests stop there, as a crash would).
    func replace(with entries: [JournalEntry], beforeRename: () throws -> Void = {}) throws(JournalError) {
        var bytes = headerLine
        let writer = JSONWriter(style: .compact)
        for entry in entries {
            bytes += writer.bytes(entry.jsonValue)
            bytes.append(UInt8(ascii: "\n"))
        }
        let temporary = path + Self.compactingSuffix
        let descriptor = open(temporary, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw .writeFailed(path: temporary, reason: "cannot create it (errno \(errno))") }
        let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            // Locked before it becomes the journal, so no other process can open and lock the new file in between.
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { throw JournalError.inUse(path: temporary) }
            try file.write(contentsOf: bytes)
            try file.synchronize()
            try beforeRename()
            guard rename(temporary, path) == 0 else { throw JournalError.writeFailed(path: path, reason: "rename failed (errno \(errno))") }
        } catch {
            try? file.close()
            unlink(temporary)
            throw error as? JournalError ?? .writeFailed(path: path, reason: (error as NSError).localizedDescription)
        }
        Self.syncFolder(of: path)
        try? handle.close()
        handle = file
        length = UInt64(bytes.count)
    }

    /// Syncs the folder holding `path`, so a rename in it survives a power loss.
    static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
