import Foundation
import SuretyEmulator
import SuretyJSON
import SuretySchemas
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The append-only file that keeps the emulator's state across restarts: `DIR/journal.ndjson`, one JSON object a line.
///
/// Line 1 is the header (format, seed, the fixtures document and the instant the fixtures were loaded at); every
/// further line is a ``JournalEntry``. Each entry is written with one `write` and synced (`fsync`) before the change
/// it records is made and answered, so a `kill -9` loses at most the request in flight. On opening, a damaged last
/// line (a crash mid-write) is reported in ``skippedLine``, and cut off so the next entry starts on a clean line; a
/// damaged line anywhere else is an error with the file and line. A file lock keeps a second process out.
public final class StateJournal: EmulatorJournal, @unchecked Sendable {
    // @unchecked Sendable: the mutable `handle`, `length`, `broken`, `droppedByCompaction` and `compactionFailure` are
    // used only by EmulatedBackend under its lock.
    /// The header's format tag. It changes whenever replaying the same calls would make other locators (2: a
    /// billing takes its installments' locators from blocks, ``ULIDBlock``), so an older journal is refused, not
    /// replayed into a state whose locators its later calls do not name.
    public static let format = "emulator-journal/2"
    /// The journal's file name inside the state folder.
    public static let fileName = "journal.ndjson"

    /// A recorded entry with its line number.
    public typealias Line = JournalLine

    /// A damaged last line that was skipped.
    public struct SkippedLine: Sendable, Hashable, CustomStringConvertible {
        /// The file.
        public var path: String
        /// The 1-based line number.
        public var number: Int
        /// Why it was skipped.
        public var reason: String
        /// `PATH:LINE: warning: …`.
        public var description: String {
            "\(path):\(number): warning: skipped a damaged last line (\(reason)); it was a request in flight when the process stopped"
        }
    }

    /// The journal file.
    public let path: String
    /// When the fixtures were first loaded: the backend is built at this instant so its issuance locators repeat.
    public let createdAt: Timestamp
    /// The entries already in the file, to replay.
    public let recorded: [Line]
    /// The damaged last line, if one was cut off.
    public let skippedLine: SkippedLine?
    /// How many entries start-up compaction removed (0 when it did not compact: see ``JournalCompaction``).
    public var droppedByCompaction = 0
    /// Why start-up compaction could not rewrite the file, which then stays as it was and in use.
    public var compactionFailure: JournalError?
    /// The header line as read, newline included; a compaction writes it back unchanged.
    let headerLine: [UInt8]
    var handle: FileHandle
    var length: UInt64
    private var broken = false

    /// Opens (or creates) the journal in `directory` for fixtures `document` and `seed`; `now` dates a new journal.
    public init(directory: String, seed: UInt64, fixtures document: JSONValue, now: Timestamp) throws(JournalError) {
        path = (directory.hasSuffix("/") ? directory : directory + "/") + Self.fileName
        let header: JSONValue
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                try Self.create(path: path, header: .object([
                    "surety": .string(Self.format), "seed": .number(JSONNumber(literal: String(seed))),
                    "createdAt": .string(now.rfc3339(fractionDigits: 6)), "fixtures": document,
                ]))
            }
            guard let opened = FileHandle(forUpdatingAtPath: path) else { throw JournalError.unreadable(path: path, reason: "cannot open for writing") }
            handle = opened
        } catch let error as JournalError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        guard flock(handle.fileDescriptor, LOCK_EX | LOCK_NB) == 0 else { throw .inUse(path: path) }
        // Holding the lock, this process is the only one that compacts: a temporary file left is a crashed compaction's.
        unlink(path + Self.compactingSuffix)
        let bytes: [UInt8]
        do {
            bytes = Array(try handle.readToEnd() ?? Data())
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        let parsed = try Self.parse(bytes, path: path)
        header = parsed.header
        headerLine = Array(bytes.prefix { $0 != UInt8(ascii: "\n") }) + [UInt8(ascii: "\n")]
        recorded = parsed.lines
        skippedLine = parsed.skipped
        length = parsed.goodLength
        guard header["surety"]?.stringValue == Self.format else {
            let found = header["surety"]?.stringValue ?? "none"
            throw .mismatchedHeader(path: path, reason: "the header is \(found), not \(Self.format): a journal of another Surety version, "
                                        + "whose replay would make other locators; start with an empty --state directory")
        }
        guard header["seed"]?.numberValue?.literal == String(seed) else {
            throw .mismatchedHeader(path: path, reason: "the journal was written with --seed \(header["seed"]?.numberValue?.literal ?? "?"), not \(seed)")
        }
        let canonical = JSONWriter(style: .canonical)
        guard let fixtures = header["fixtures"], canonical.bytes(fixtures) == canonical.bytes(document) else {
            throw .mismatchedHeader(path: path, reason: "the journal was written for other fixtures")
        }
        guard let created = header["createdAt"]?.stringValue.flatMap(Timestamp.init(rfc3339:)) else {
            throw .mismatchedHeader(path: path, reason: "the header has no createdAt time")
        }
        createdAt = created
        do {
            if UInt64(bytes.count) != length {
                try handle.truncate(atOffset: length)
                try handle.synchronize()
            }
            try handle.seek(toOffset: length)
        } catch {
            throw .unreadable(path: path, reason: "cannot cut off the damaged last line: \((error as NSError).localizedDescription)")
        }
    }

    deinit {
        try? handle.close()
    }

    /// Appends one entry and syncs it to storage; on failure the file is cut back so it stays a clean journal.
    public func append(_ entry: JournalEntry) throws(JournalError) {
        guard !broken else { throw .writeFailed(path: path, reason: "an earlier write failed and the journal could not be repaired") }
        var line = JSONWriter(style: .compact).bytes(entry.jsonValue)
        line.append(UInt8(ascii: "\n"))
        do {
            try handle.write(contentsOf: line)
            try handle.synchronize()
            length += UInt64(line.count)
        } catch {
            let reason = (error as NSError).localizedDescription
            do {
                try handle.truncate(atOffset: length)
                try handle.seek(toOffset: length)
            } catch {
                broken = true
            }
            throw .writeFailed(path: path, reason: reason)
        }
    }

    /// Writes a new journal holding only its header, atomically: a synced temporary file renamed into place.
    static func create(path: String, header: JSONValue) throws(JournalError) {
        var bytes = JSONWriter(style: .compact).bytes(header)
        bytes.append(UInt8(ascii: "\n"))
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw .unreadable(path: error.path, reason: error.reason)
        }
    }

    /// Splits the file into the header and entries; only lines ending in a newline count, and a damaged last line
    /// is skipped while a damaged earlier one is an error.
    static func parse(_ bytes: [UInt8], path: String) throws(JournalError) -> (header: JSONValue, lines: [Line], skipped: SkippedLine?, goodLength: UInt64) {
        var header: JSONValue?
        var lines: [Line] = []
        var start = 0
        var number = 0
        var pending: (number: Int, reason: String, start: Int)?
        while start < bytes.count {
            number += 1
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
            let end = newline ?? bytes.count
            if let earlier = pending { throw .corruptEntry(path: path, line: earlier.number, reason: earlier.reason) }
            do throws(JournalEntry.Malformed) {
                guard newline != nil else { throw JournalEntry.Malformed(reason: "no newline: the write was cut short") }
                let value: JSONValue
                do { value = try JSONParser().parse(Array(bytes[start..<end])).value() } catch { throw JournalEntry.Malformed(reason: "not JSON: \(error.message)") }
                if header == nil { header = value } else { lines.append(Line(number: number, entry: try JournalEntry(json: value))) }
            } catch {
                guard header != nil else { throw .mismatchedHeader(path: path, reason: "the header line is damaged (\(error.reason))") }
                pending = (number, error.reason, start)
            }
            start = end + 1
        }
        guard let header else { throw .mismatchedHeader(path: path, reason: "the file is empty") }
        let skipped = pending.map { SkippedLine(path: path, number: $0.number, reason: $0.reason) }
        return (header, lines, skipped, UInt64(pending?.start ?? bytes.count))
    }
}
