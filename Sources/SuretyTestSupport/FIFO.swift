import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Named pipes for tests of readers that must never open one: a FIFO opened for reading waits for a writer.
public enum FIFO {
    /// A failure to make the FIFO, with the errno.
    public struct Failure: Error, CustomStringConvertible {
        /// The path.
        public var path: String
        /// The errno of `mkfifo`.
        public var errno: Int32
        /// The failure in words.
        public var description: String { "mkfifo \(path) failed with errno \(errno)" }
    }

    /// Makes a FIFO at `path` (its folder must exist).
    public static func make(at path: String) throws {
        guard mkfifo(path, 0o644) == 0 else { throw Failure(path: path, errno: errno) }
    }

    /// Runs `body` on a thread of its own and returns its result, or nil when it has not returned within `timeout`
    /// seconds. Then each FIFO in `unblocking` is opened for writing and closed, so a reader stuck on one gets an
    /// end of file and the thread ends (and the test reports the hang instead of hanging itself).
    public static func returnsInTime<T: Sendable>(_ timeout: TimeInterval, unblocking fifos: [String],
                                                  _ body: @escaping @Sendable () -> T) async -> T? {
        let box = ResultBox<T>()
        let finished = DispatchSemaphore(value: 0)
        Thread {
            box.value = body()
            finished.signal()
        }.start()
        return await withCheckedContinuation { continuation in
            Thread {
                if finished.wait(timeout: .now() + timeout) == .success {
                    continuation.resume(returning: box.value)
                    return
                }
                while finished.wait(timeout: .now() + 0.1) == .timedOut {
                    for fifo in fifos {
                        let descriptor = open(fifo, O_RDWR | O_NONBLOCK)
                        if descriptor >= 0 { close(descriptor) }
                    }
                }
                continuation.resume(returning: nil)
            }.start()
        }
    }
}

/// The result of the thread in ``FIFO/returnsInTime(_:unblocking:_:)``.
///
/// `@unchecked Sendable` is safe: the single write happens-before the read through the semaphore.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
