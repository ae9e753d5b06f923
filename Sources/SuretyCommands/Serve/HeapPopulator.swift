#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Makes the pages the heap grows by resident on a thread of its own, so that the thread serving a request does not
/// stop on their first touch (``HeapProfile``; Linux only).
///
/// It watches the program break (`sbrk(0)`) and, when the break has moved up, asks the kernel to populate the pages
/// between the old break and the new one (`madvise(MADV_POPULATE_WRITE)`, Linux 5.14): they are faulted in as by a
/// write, their contents (zero, or whatever the allocator already wrote) untouched, so it races with nothing. The
/// heap grows in steps of ``HeapProfile/topPadBytes``, so at most that much is resident ahead of use. It looks every
/// ``fastInterval`` while the break moves and backs off to ``idleInterval`` while it does not (idle, a look costs a
/// read of the break and a sleep). On a kernel without the call (``isSupported``) it does not start.
public enum HeapPopulator {
    /// How often it looks while the heap grows: 1 ms.
    public static var fastInterval: UInt32 { 1_000 }
    /// How often it looks at most when the heap stays put (the interval doubles each idle look up to it): 16 ms.
    public static var idleInterval: UInt32 { 16_000 }
    /// The thread's name, as `/proc/PID/task/*/comm` shows it.
    public static var threadName: String { "surety-heap" }

    /// Whether the kernel populates pages on request (asked once, of a page mapped for the purpose); false off Linux.
    public static let isSupported: Bool = {
        #if canImport(Glibc)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard let probe = mmap(nil, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), probe != MAP_FAILED else { return false }
        defer { munmap(probe, page) }
        return madvise(probe, page, populateWrite) == 0
        #else
        return false
        #endif
    }()

    /// `MADV_POPULATE_WRITE` (Linux 5.14), which the Glibc module does not name.
    private static var populateWrite: Int32 { 23 }

    /// Starts the thread (once per process; a no-op off Linux or when the kernel lacks the call).
    static func start() {
        #if canImport(Glibc)
        guard isSupported else { return }
        let pageMask = ~UInt(sysconf(Int32(_SC_PAGESIZE)) - 1)
        // `sbrk(0)` reads the break glibc keeps; the allocator may move it meanwhile on another thread, and a value
        // read just before it moved is only seen a look later. The first is read here, before the thread exists, so a
        // step the heap takes before the thread first runs is populated too.
        let initial = UInt(bitPattern: sbrk(0))
        let thread = Thread {
            nameThisThread()
            var populated = initial
            var interval = fastInterval
            while true {
                let end = UInt(bitPattern: sbrk(0))
                if end == UInt.max {  // sbrk's failure value, never expected from sbrk(0): nothing is populated
                    return
                }
                if end > populated {
                    let start = populated & pageMask
                    // A refusal (the break moved down meanwhile, and the range is no longer mapped) leaves those
                    // pages to fault in on use, as they would without this thread.
                    _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), populateWrite)
                    interval = fastInterval
                } else {
                    interval = min(interval * 2, idleInterval)
                }
                populated = end  // a break that moved down (memory handed back) is followed down
                usleep(interval)
            }
        }
        thread.start()
        #endif
    }

    #if canImport(Glibc)
    /// Names the calling thread ``threadName`` (`pthread_setname_np` is looked up by name: the Glibc module leaves out
    /// the GNU extensions).
    private static func nameThisThread() {
        typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32
        guard let symbol = dlsym(nil, "pthread_setname_np") else { return }
        _ = unsafeBitCast(symbol, to: SetName.self)(pthread_self(), threadName)
    }
    #endif
}
