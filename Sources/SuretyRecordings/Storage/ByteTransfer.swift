#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loop around `read(2)` and `write(2)`: call again after a short transfer and after `EINTR`, until every byte
/// has moved or a read reaches the end of the file.
enum ByteTransfer {
    /// The errno of a failed call.
    struct SystemError: Error, Equatable {
        var errno: Int32
    }

    /// Reads up to `buffer.count` bytes; returns how many were read (fewer only at the end of the file).
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, SystemError> {
        loop(count: buffer.count) { offset, remaining in systemRead(descriptor, buffer.baseAddress! + offset, remaining) }
    }

    /// Writes every byte of `buffer`; returns how many were written.
    static func write(_ descriptor: Int32, from buffer: UnsafeRawBufferPointer) -> Result<Int, SystemError> {
        loop(count: buffer.count) { offset, remaining in systemWrite(descriptor, buffer.baseAddress! + offset, remaining) }
    }

    #if canImport(Glibc)
    private static let systemRead: @Sendable (Int32, UnsafeMutableRawPointer?, Int) -> Int = Glibc.read
    private static let systemWrite: @Sendable (Int32, UnsafeRawPointer?, Int) -> Int = Glibc.write
    #else
    private static let systemRead: @Sendable (Int32, UnsafeMutableRawPointer?, Int) -> Int = Darwin.read
    private static let systemWrite: @Sendable (Int32, UnsafeRawPointer?, Int) -> Int = Darwin.write
    #endif

    /// Calls `transfer(offset, remaining)` until `count` bytes moved, it returns 0, or it fails with other than EINTR.
    private static func loop(count: Int, _ transfer: (Int, Int) -> Int) -> Result<Int, SystemError> {
        var moved = 0
        while moved < count {
            let result = transfer(moved, count - moved)
            if result < 0 {
                if errno == EINTR { continue }
                return .failure(SystemError(errno: errno))
            }
            if result == 0 { break }
            moved += result
        }
        return .success(moved)
    }
}
