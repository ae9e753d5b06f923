import SuretyHTTPCore

extension EventLoop {
    /// Reads what the socket has, parses it and answers every complete request.
    func readAvailable(_ connection: Connection) {
        if connection.lingering {
            discardInput(connection)
            return
        }
        switch connection.socket.read(into: readBuffer) {
        case .transferred(let count):
            connection.parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[..<count]))
            pump(connection)
        case .wouldBlock:
            return
        case .closed:
            connection.peerClosed = true  // answer what is complete, then close (see processRequests and flush)
            pump(connection)
        case .failed:
            close(connection)
        }
    }

    /// Answers buffered requests and sends the responses, repeating while sending makes room for more.
    func pump(_ connection: Connection) {
        let descriptor = connection.socket.fileDescriptor
        while true {
            processRequests(connection)
            flush(connection)
            guard connections[descriptor] === connection, connection.throttled,
                  connection.output.pendingBytes < Connection.outputHighWater else { return }
        }
    }

    /// The largest request body a synchronous responder answers on the loop thread; a larger one is answered in a
    /// task, so parsing and validating a 16 MiB body does not stall the loop's other connections.
    static let maxSynchronousBodyBytes = 64 << 10

    /// Turns parser events into responses, in order, until the parser needs more bytes or must wait.
    ///
    /// A synchronous responder is called right here on the loop thread (the fast path: no task, no
    /// thread hop) unless the body is over ``maxSynchronousBodyBytes``. An async responder gets a task; parsing pauses until its response comes back
    /// through the inbox, so pipelined responses stay in request order.
    func processRequests(_ connection: Connection) {
        var exhausted = false
        while connection.awaiting == nil && !connection.closeAfterFlush
            && connection.output.pendingBytes < Connection.outputHighWater {
            guard let event = connection.parser.next() else {
                exhausted = true
                break
            }
            switch event {
            case .continueExpected:
                connection.output.append(HTTPResponseSerializer.continueResponse)
            case .request(let request):
                let pending = Connection.PendingResponse(method: request.method, version: request.version, keepAlive: request.keepAlive)
                if let responder = context.synchronousResponder, request.body.count <= Self.maxSynchronousBodyBytes,
                   responder.answersSynchronously(request) {
                    enqueue(responder.respondSynchronously(to: request), for: pending, on: connection)
                } else {
                    connection.awaiting = pending
                    respondAsynchronously(to: request, on: connection)
                }
            case .failure(let error, let closes):
                let pending = Connection.PendingResponse(method: .get, version: .http1_1, keepAlive: !closes)
                enqueue(HTTPResponse(parseError: error), for: pending, on: connection)
            }
        }
        connection.throttled = !exhausted && connection.awaiting == nil && !connection.closeAfterFlush
        if connection.peerClosed && exhausted && connection.awaiting == nil {
            connection.closeAfterFlush = true  // the client sent all it will; answer what is complete, then close
        }
    }

    /// Runs an async responder in a task and posts its response back to this loop.
    private func respondAsynchronously(to request: HTTPRequest, on connection: Connection) {
        let responder = context.responder
        let id = connection.id
        let descriptor = connection.socket.fileDescriptor
        // High priority: the request is in flight on a socket, so its task goes ahead of default-priority work already
        // queued on the shared pool. At default priority it waits behind all of that: with 16 queued 2-second jobs on
        // 2 threads a default task started 15.9 s late, a high one 1.0 s late. That is how a full parallel test run
        // starved the async-responder tests past their timeouts.
        Task(priority: .high) { [self] in
            let response = await responder.respond(to: request)
            submit(.response(response, connectionID: id, fileDescriptor: descriptor))
        }
    }

    /// Writes an async responder's response and resumes parsing any pipelined requests.
    func deliver(_ response: HTTPResponse, to connection: Connection) {
        guard let pending = connection.awaiting else { return }
        connection.awaiting = nil
        enqueue(response, for: pending, on: connection)
        pump(connection)
        if connections[connection.socket.fileDescriptor] === connection { update(connection) }
    }

    /// Serializes a response; it is the connection's last when the request, the responder or a drain says so.
    func enqueue(_ response: HTTPResponse, for pending: Connection.PendingResponse, on connection: Connection) {
        let closes = !pending.keepAlive || draining || response.headers.containsToken("close", in: "Connection")
        connection.output.append(response, context: HTTPResponseSerializer.Context(
            requestMethod: pending.method, requestVersion: pending.version, closesConnection: closes, date: currentDate()
        ))
        if closes { connection.closeAfterFlush = true }
    }

    /// Sends queued output; once the last response is out, shuts the write side and lingers.
    func flush(_ connection: Connection) {
        if !connection.output.isEmpty {
            switch connection.output.flush(to: connection.socket) {
            case .drained:
                break
            case .blocked(let progressed):
                if progressed { connection.timer.noteWriteProgress(now: now) }
            case .failed:
                close(connection)
                return
            }
        }
        guard connection.output.isEmpty, connection.closeAfterFlush, !connection.lingering else { return }
        if connection.peerClosed {
            close(connection)
            return
        }
        // Lingering close: a FIN now, but keep reading so unread request bytes do not turn into a
        // reset that could destroy the response before the client reads it.
        connection.socket.shutdownWrite()
        connection.lingering = true
    }

    /// Reads and drops input on a lingering connection until end-of-file.
    private func discardInput(_ connection: Connection) {
        for _ in 0..<16 {
            switch connection.socket.read(into: readBuffer) {
            case .transferred:
                continue
            case .wouldBlock:
                return
            case .closed, .failed:
                close(connection)
                return
            }
        }
    }

    /// Acts on every connection whose phase has run out of time; also resumes a paused listener.
    func scanDeadlines() {
        if let paused = acceptPausedUntil, now >= paused, let listener {
            acceptPausedUntil = nil
            try? poller.add(listener.fileDescriptor, interest: .read)
        }
        var expired: [(Connection, ConnectionTimer.Expiry)] = []
        for connection in connections.values {
            if let expiry = connection.timer.expiry(now: now) { expired.append((connection, expiry)) }
        }
        for (connection, expiry) in expired {
            switch expiry {
            case .header, .body:
                let pending = Connection.PendingResponse(method: .get, version: .http1_1, keepAlive: false)
                enqueue(.problem(status: .requestTimeout, title: "Request timed out"), for: pending, on: connection)
                flush(connection)
                if connections[connection.socket.fileDescriptor] === connection { update(connection) }
            case .idle, .write, .linger:
                close(connection)
            }
        }
    }
}
