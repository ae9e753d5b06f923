#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The allocator's set-up for `surety serve --emulate`, whose heap only grows: the emulator keeps every record a
/// request makes, so its memory grows by a few kilobytes a request for as long as it runs.
///
/// By default glibc gives each thread that allocates an arena of its own and grows a thread's arena a page at a time,
/// each step an `mprotect` call (one every three requests of the issue-a-change flow, measured with `strace -c`), and
/// the thread serving the request then stops on the first touch of each new page. Here there is one arena, grown by
/// `brk` in steps of ``topPadBytes`` of address space, and a thread of its own (``HeapPopulator``) makes each step's
/// pages resident as soon as it is taken, so a request seldom waits for a page. Memory freed at the top is kept for
/// reuse up to the same amount instead of being handed back and faulted in again. Other modes, and the emulator inside
/// a test process, keep glibc's defaults. On other platforms, or when the user's environment already sets the
/// allocator, this does nothing.
public enum HeapProfile {
    /// The address space the heap grows by at a time, the most of it made resident ahead of use, and the most free
    /// memory kept at its top: 8 MiB.
    public static var topPadBytes: Int32 { 8 << 20 }

    /// The environment variables by which a user sets glibc's allocator; when one is present it is left alone.
    public static var allocatorVariables: [String] { ["MALLOC_ARENA_MAX", "MALLOC_TOP_PAD_", "GLIBC_TUNABLES"] }

    /// Whether the command line (without the program's name) starts the emulator and the environment leaves the
    /// allocator to Surety.
    public static func applies(to arguments: [String], environment: [String: String]) -> Bool {
        arguments.first == "serve" && arguments.contains("--emulate")
            && !allocatorVariables.contains { environment[$0] != nil }
    }

    /// Sets the allocator up as described above and starts the ``HeapPopulator`` when ``applies(to:environment:)``;
    /// true when it did. Call it first in `main`, before any other thread allocates: an arena a thread already has
    /// stays its own.
    @discardableResult
    public static func prepare(for arguments: [String],
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard applies(to: arguments, environment: environment) else { return false }
        #if canImport(Glibc)
        // `malloc.h` is not in the Glibc module, so `mallopt` is looked up by name (RTLD_DEFAULT is null).
        typealias Option = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Option.self)
        let arenaMax: Int32 = -8, topPad: Int32 = -2  // M_ARENA_MAX, M_TOP_PAD
        guard mallopt(arenaMax, 1) == 1, mallopt(topPad, topPadBytes) == 1 else { return false }
        HeapPopulator.start()
        return true
        #else
        return false
        #endif
    }
}
