#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole regular file with POSIX calls, and refuses anything else without waiting on it.
///
/// The file is opened with `O_NONBLOCK`, so that a FIFO put in its place after the caller's `lstat` cannot make the
/// open wait for a writer, and `fstat` then refuses every descriptor that is not a regular file before one byte is
/// read. The bytes are read into one buffer of the file's size (no `Data`, no copy).
enum RegularFile {
    /// Why a file gave no bytes.
    enum Failure: Error, Equatable {
        /// The path names something other than a regular file; it was not read.
        case notRegular(EntryKind)
        /// A system call failed.
        case failed(call: String, errno: Int32)
        /// The file is larger than the reader's limit; not one byte was read.
        case tooLarge(bytes: Int, limit: Int)

        /// The failure in words.
        var phrase: String {
            switch self {
            case .notRegular(let kind): return "not a regular file but \(kind.phrase)"
            case .failed(let call, let errno): return "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))"
            case .tooLarge(let bytes, let limit): return "\(bytes) bytes, over the limit of \(limit): not read"
            }
        }
    }

    /// The most bytes one recording file may have: two bodies at the server's default 16 MiB body limit, written as
    /// base64, with room for the rest (a recording is usually a few kilobytes).
    static let maxBytes = 64 << 20

    /// The content of the regular file at `path` (symbolic links followed), refused by its size before it is read.
    static func read(_ path: String, maxBytes: Int = maxBytes) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return .failure(.failed(call: "open", errno: errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.failed(call: "fstat", errno: errno)) }
        let kind = EntryKind(mode: status.st_mode)
        guard kind == .regularFile else { return .failure(.notRegular(kind)) }
        guard status.st_size <= maxBytes else { return .failure(.tooLarge(bytes: Int(status.st_size), limit: maxBytes)) }
        // The size `fstat` gave is what is read: recordings are written whole and then named, so one `read` call
        // usually takes all of it, and no extra call looks for the end.
        let size = Int(status.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        switch bytes.withUnsafeMutableBytes({ ByteTransfer.read(descriptor, into: $0) }) {
        case .failure(let error): return .failure(.failed(call: "read", errno: error.errno))
        case .success(let count):
            bytes.removeLast(size - count)
            return .success(bytes)
        }
    }
}
