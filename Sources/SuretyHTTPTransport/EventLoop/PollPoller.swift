#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The portable poller: poll(2) over an array of descriptors, compacted on removal.
final class PollPoller: EventPoller {
    private var descriptors: [pollfd] = []
    private var slots: [Int32: Int] = [:]

    func add(_ descriptor: Int32, interest: PollInterest) throws(SocketError) {
        slots[descriptor] = descriptors.count
        descriptors.append(pollfd(fd: descriptor, events: Self.events(for: interest), revents: 0))
    }

    func modify(_ descriptor: Int32, interest: PollInterest) throws(SocketError) {
        guard let slot = slots[descriptor] else { return }
        descriptors[slot].events = Self.events(for: interest)
    }

    func remove(_ descriptor: Int32) {
        guard let slot = slots.removeValue(forKey: descriptor) else { return }
        let last = descriptors.count - 1
        if slot != last {
            descriptors[slot] = descriptors[last]
            slots[descriptors[slot].fd] = slot
        }
        descriptors.removeLast()
    }

    func wait(timeoutMilliseconds: Int32, into events: inout [PollEvent]) throws(SocketError) {
        events.removeAll(keepingCapacity: true)
        let ready = descriptors.withUnsafeMutableBufferPointer { buffer in
            SystemCall.poll(buffer.baseAddress!, buffer.count, timeoutMilliseconds)
        }
        if ready < 0 {
            if errno == EINTR { return }
            throw .lastError("poll")
        }
        guard ready > 0 else { return }
        for descriptor in descriptors where descriptor.revents != 0 {
            let revents = Int32(descriptor.revents)
            events.append(PollEvent(
                fileDescriptor: descriptor.fd,
                readable: revents & Int32(POLLIN) != 0,
                writable: revents & Int32(POLLOUT) != 0,
                failed: revents & (Int32(POLLHUP) | Int32(POLLERR) | Int32(POLLNVAL)) != 0
            ))
        }
    }

    func close() {
        descriptors.removeAll()
        slots.removeAll()
    }

    private static func events(for interest: PollInterest) -> Int16 {
        var events: Int32 = 0
        if interest.contains(.read) { events |= Int32(POLLIN) }
        if interest.contains(.write) { events |= Int32(POLLOUT) }
        return Int16(events)
    }
}
