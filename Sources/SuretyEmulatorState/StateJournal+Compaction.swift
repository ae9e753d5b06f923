import Foundation
import SuretyEmulator
import SuretyJSON
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StateJournal {
    /// The temporary file a compaction writes next to the journal; one a crash left is removed on the next open.
    static let compactingSuffix = ".compacting"

    /// Replaces the file with the header and `entries`, atomically: they are written to a temporary file that this
    /// process locks, synced, and renamed over the journal (then the folder is synced), so a crash at any point
    /// leaves either the old journal or the new one, whole. `beforeRename` runs between the sync and the rename
    /// (tests stop there, as a crash would).
    public func replace(with entries: [JournalEntry]) throws(JournalError) {
        try replace(with: entries, beforeRename: {})
    }

    /// The same as ``replace(with:)``, running `beforeRename` between the sync and the rename (tests stop there, as a
    /// crash would).
    func replace(with entries: [JournalEntry], beforeRename: () throws -> Void) throws(JournalError) {
        var bytes = headerLine
        let writer = JSONWriter(style: .compact)
        for entry in entries {
            bytes += writer.bytes(entry.jsonValue)
            bytes.append(UInt8(ascii: "\n"))
        }
        let temporary: TemporaryFile
        do {
            temporary = try TemporaryFile(for: path, at: path + Self.compactingSuffix, replacingLeftover: true)
        } catch {
            throw .writeFailed(path: error.path, reason: "cannot create it (errno \(error.errno))")
        }
        defer { temporary.discard() }
        do {
            // Locked before it becomes the journal, so no other process can open and lock the new file in between.
            guard flock(temporary.descriptor, LOCK_EX | LOCK_NB) == 0 else { throw JournalError.inUse(path: temporary.path) }
            try temporary.write(bytes)
            try temporary.sync()
            try beforeRename()
            _ = try temporary.commit(.replacing, closing: false)
        } catch let error as AtomicFile.WriteError {
            throw .writeFailed(path: path, reason: error.reason)
        } catch {
            throw error as? JournalError ?? .writeFailed(path: path, reason: (error as NSError).localizedDescription)
        }
        AtomicFile.syncFolder(of: path)
        try? handle.close()
        handle = FileHandle(fileDescriptor: temporary.takeDescriptor(), closeOnDealloc: true)
        length = UInt64(bytes.count)
    }
}
