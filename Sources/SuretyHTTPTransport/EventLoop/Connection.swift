import SuretyHTTPCore

/// One accepted client connection, owned and touched only by its event loop's thread.
final class Connection {
    /// What the serializer needs from a request whose response is still to be written.
    struct PendingResponse {
        let method: HTTPMethod
        let version: HTTPVersion
        let keepAlive: Bool
    }

    /// The socket, non-blocking.
    let socket: Socket
    /// A number unique within the server, so a late async response cannot reach a reused descriptor.
    let id: UInt64
    /// The request parser holding bytes not yet consumed.
    var parser: HTTPRequestParser
    /// Responses (and interim responses) waiting to be sent.
    var output = OutputQueue()
    /// The deadline state machine.
    var timer: ConnectionTimer
    /// The request an `async` responder is answering; later requests wait until it is written (ordering).
    var awaiting: PendingResponse?
    /// The last response is queued: once the output drains, the connection closes.
    var closeAfterFlush = false
    /// The write side is shut and input is being discarded until end-of-file or the linger timeout.
    var lingering = false
    /// The client closed its sending side.
    var peerClosed = false
    /// Parsing stopped because queued output passed ``outputHighWater``; resume once it drains.
    var throttled = false
    /// What the poller currently watches this socket for.
    var registeredInterest: PollInterest = .read

    /// Wraps an accepted socket.
    init(socket: Socket, id: UInt64, limits: HTTPLimits, timerLimits: ConnectionTimer.Limits, now: UInt64) {
        self.socket = socket
        self.id = id
        parser = HTTPRequestParser(limits: limits)
        timer = ConnectionTimer(limits: timerLimits, now: now)
    }

    /// What the poller should watch for, given the connection's state.
    ///
    /// Reading pauses while an async response is awaited or the output backs up (so a client cannot
    /// queue unbounded work), and stops for good once the last response is queued, unless lingering.
    var desiredInterest: PollInterest {
        var interest: PollInterest = []
        if !output.isEmpty { interest.insert(.write) }
        if lingering {
            if !peerClosed { interest.insert(.read) }
        } else if !peerClosed && !closeAfterFlush && awaiting == nil && output.pendingBytes < Self.outputHighWater {
            interest.insert(.read)
        }
        return interest
    }

    /// The activity that decides which timeout applies now.
    var activity: ConnectionTimer.Activity {
        if lingering { return .lingering }
        if !output.isEmpty { return .writing }
        if awaiting != nil { return .responding }
        switch parser.phase {
        case .idle: return .idle
        case .head: return .readingHead
        case .body: return .readingBody
        case .failed: return .responding
        }
    }

    /// Beyond this many queued output bytes, the connection stops reading and parsing new requests.
    static let outputHighWater = 1024 * 1024
}
