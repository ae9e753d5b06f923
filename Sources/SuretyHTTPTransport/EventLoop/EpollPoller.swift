#if os(Linux)
import Glibc

/// The Linux poller: level-triggered epoll, so a wait costs O(ready) rather than O(registered).
///
/// The Glibc module map does not include `<sys/epoll.h>` and this package has no C targets, so the
/// three calls are looked up with `dlsym` and `struct epoll_event` is laid out by hand: packed, 12
/// bytes on x86_64; naturally aligned, 16 bytes elsewhere (see `<bits/epoll.h>`).
final class EpollPoller: EventPoller {
    private typealias CreateFunction = @convention(c) (Int32) -> Int32
    private typealias ControlFunction = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    private typealias WaitFunction = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32

    #if arch(x86_64)
    private static let eventStride = 12
    private static let dataOffset = 4
    #else
    private static let eventStride = 16
    private static let dataOffset = 8
    #endif
    private static let epollIn: UInt32 = 0x001, epollOut: UInt32 = 0x004, epollError: UInt32 = 0x008, epollHangUp: UInt32 = 0x010
    private static let controlAdd: Int32 = 1, controlRemove: Int32 = 2, controlModify: Int32 = 3
    private static let maxEvents = 256

    private let control: ControlFunction
    private let waitForEvents: WaitFunction
    private let epollDescriptor: Int32
    private let eventBuffer: UnsafeMutableRawPointer

    /// Creates an epoll instance, or returns `nil` if the symbols cannot be found.
    init?() throws(SocketError) {
        guard let handle = dlopen(nil, RTLD_NOW),
              let create = dlsym(handle, "epoll_create1"),
              let control = dlsym(handle, "epoll_ctl"),
              let wait = dlsym(handle, "epoll_wait") else { return nil }
        self.control = unsafeBitCast(control, to: ControlFunction.self)
        self.waitForEvents = unsafeBitCast(wait, to: WaitFunction.self)
        let descriptor = unsafeBitCast(create, to: CreateFunction.self)(Int32(O_CLOEXEC))
        guard descriptor >= 0 else { throw .lastError("epoll_create1") }
        epollDescriptor = descriptor
        eventBuffer = .allocate(byteCount: Self.maxEvents * Self.eventStride, alignment: 8)
    }

    deinit {
        eventBuffer.deallocate()
    }

    func add(_ descriptor: Int32, interest: PollInterest) throws(SocketError) {
        try apply(Self.controlAdd, descriptor, interest)
    }

    func modify(_ descriptor: Int32, interest: PollInterest) throws(SocketError) {
        try apply(Self.controlModify, descriptor, interest)
    }

    func remove(_ descriptor: Int32) {
        _ = try? apply(Self.controlRemove, descriptor, [])
    }

    func wait(timeoutMilliseconds: Int32, into events: inout [PollEvent]) throws(SocketError) {
        events.removeAll(keepingCapacity: true)
        let ready = waitForEvents(epollDescriptor, eventBuffer, Int32(Self.maxEvents), timeoutMilliseconds)
        if ready < 0 {
            if errno == EINTR { return }
            throw .lastError("epoll_wait")
        }
        for index in 0..<Int(ready) {
            let base = index * Self.eventStride
            let flags = eventBuffer.loadUnaligned(fromByteOffset: base, as: UInt32.self)
            let data = eventBuffer.loadUnaligned(fromByteOffset: base + Self.dataOffset, as: UInt64.self)
            events.append(PollEvent(
                fileDescriptor: Int32(truncatingIfNeeded: data),
                readable: flags & Self.epollIn != 0,
                writable: flags & Self.epollOut != 0,
                failed: flags & (Self.epollError | Self.epollHangUp) != 0
            ))
        }
    }

    func close() {
        _ = Glibc.close(epollDescriptor)
    }

    private func apply(_ operation: Int32, _ descriptor: Int32, _ interest: PollInterest) throws(SocketError) {
        var flags: UInt32 = 0
        if interest.contains(.read) { flags |= Self.epollIn }
        if interest.contains(.write) { flags |= Self.epollOut }
        var event = (UInt64(0), UInt64(0))  // 16 zeroed bytes, enough for either layout
        let result = withUnsafeMutableBytes(of: &event) { raw in
            raw.storeBytes(of: flags, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: UInt64(UInt32(bitPattern: descriptor)), toByteOffset: Self.dataOffset, as: UInt64.self)
            return control(epollDescriptor, operation, descriptor, raw.baseAddress)
        }
        guard result == 0 else { throw .lastError("epoll_ctl") }
    }
}
#endif
