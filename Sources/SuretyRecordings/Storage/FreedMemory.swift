#if canImport(Glibc)
import Glibc
#endif

/// Gives the memory freed by a large load back to the system.
///
/// Reading 100,000 recordings parses each file into a tree that is dropped as soon as the little replay keeps is
/// taken out of it; glibc's allocator keeps those freed pages resident, spread between the pages that stay in use.
/// `malloc_trim(0)` releases them. Elsewhere (macOS) the allocator returns free pages by itself and this does nothing.
enum FreedMemory {
    /// Returns free heap pages to the system (glibc); a no-op on other platforms.
    static func release() {
        #if canImport(Glibc)
        // `malloc.h` is not in the Glibc module, so the function is looked up by name (RTLD_DEFAULT is null).
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
        #endif
    }
}
