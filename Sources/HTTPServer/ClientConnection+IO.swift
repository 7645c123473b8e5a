import CLinux
import Glibc

/// Reading, answering and writing: what a connection does when its socket is ready.
extension ClientConnection {
    /// Why `process` stopped.
    enum ProcessOutcome {
        /// The bytes hold no further complete request.
        case needMore
        /// The loop's output passed the high-water mark; continue once it is written.
        case paused
        /// No more requests will be read on this connection.
        case closing
    }

    /// The socket is readable: read once into the loop's buffer and serve what arrived.
    func readable(loop: EventLoop, now: MonotonicInstant) -> Disposition {
        if machine.isLingering { return discardInput(loop: loop) }
        if hasPendingOutput { return .open }
        let result: IOResult
        do {
            result = try Syscall.read(socket.rawValue, into: loop.readBuffer)
        } catch {
            return .close
        }
        switch result {
        case .wouldBlock:
            return .open
        case .endOfFile:
            // Complete requests were answered as they arrived; what is left cannot complete.
            isPeerClosed = true
            return .close
        case .processed(let count):
            return serve(loop: loop, now: now, freshBytes: count)
        }
    }

    /// The socket is writable: write pending output, then carry on with held-back requests.
    func writable(loop: EventLoop, now: MonotonicInstant) -> Disposition {
        guard hasPendingOutput else { return .open }
        while hasPendingOutput {
            let result: IOResult
            do {
                result = try outbound.withUnsafeBytes { bytes throws(SocketError) in
                    try Syscall.send(socket.rawValue, UnsafeRawBufferPointer(rebasing: bytes[outboundOffset...]))
                }
            } catch {
                return .close
            }
            guard case .processed(let count) = result else { return .open }
            outboundOffset += count
            machine.outputProgressed(at: now)
        }
        outbound = []
        outboundOffset = 0
        let action = machine.outputDrained(at: now)
        if machine.closesAfterOutput { return finishOutput(now: now) }
        if action == .close { return .close }
        return inbound.isEmpty ? .open : serve(loop: loop, now: now, freshBytes: 0)
    }

    /// Deadlines: closes idle or stalled connections, answers 408 to late requests.
    func checkTimeouts(loop: EventLoop, now: MonotonicInstant) -> Disposition {
        switch machine.timedOut(at: now) {
        case .none:
            return .open
        case .close:
            return .close
        case .abort:
            return .abort
        case .respondWithTimeoutAndClose:
            inbound = []
            let response = HTTPResponse.problem(
                status: .requestTimeout, detail: "The request was not received within the time allowed."
            )
            return sendLastAnswer(response, loop: loop, now: now)
        }
    }

    /// The server has no room for this connection: answers 503 with `Retry-After` before any
    /// request is read, then closes (lingering, like every closing answer).
    func refuseForLackOfRoom(loop: EventLoop, now: MonotonicInstant) -> Disposition {
        var response = HTTPResponse.problem(
            status: .serviceUnavailable,
            detail: "The server has no room for another connection now; retry after the seconds in Retry-After."
        )
        response.headers.set(.retryAfter, "1")
        return sendLastAnswer(response, loop: loop, now: now)
    }

    /// Sends a refusal the server makes on its own (a timeout, no room) as the connection's
    /// last answer: logged, no further request read, closed once written.
    private func sendLastAnswer(_ response: HTTPResponse, loop: EventLoop, now: MonotonicInstant) -> Disposition {
        loop.handler.didRefuse(response, peer: peer)
        machine.inputFinished()
        loop.output.removeAll()
        // The method is known if a request line was read: a HEAD still gets no body.
        ResponseEncoder.encode(response, requestMethod: parser.head.method, requestVersion: .http1_1,
                               keepAlive: false, date: loop.date.bytes, into: &loop.output.bytes)
        return flushLoopOutput(now: now, loop: loop)
    }

    /// The server is shutting down: close now if idle, else after the request under way.
    func drainStarted() -> Disposition {
        machine.drainStarted() == .close ? .close : .open
    }

    /// Parses and answers everything complete in `inbound` plus `freshBytes` of the loop's read
    /// buffer, writing the answers with as few `send` calls as possible.
    private func serve(loop: EventLoop, now: MonotonicInstant, freshBytes: Int) -> Disposition {
        var fresh = freshBytes
        if !inbound.isEmpty, fresh > 0 {
            inbound.append(contentsOf: UnsafeRawBufferPointer(rebasing: loop.readBuffer[..<fresh]))
            fresh = 0
        }
        while true {
            loop.output.removeAll()
            let outcome: ProcessOutcome
            if fresh > 0 {
                // Fast path: parse straight from the loop's buffer, keep only the remainder.
                let bytes = UnsafeRawBufferPointer(rebasing: loop.readBuffer[..<fresh])
                let (consumed, result) = process(bytes, loop: loop, now: now)
                if consumed < fresh, result != .closing {
                    inbound.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[consumed...]))
                }
                fresh = 0
                outcome = result
            } else {
                let (consumed, result) = inbound.withUnsafeBytes { process($0, loop: loop, now: now) }
                // `process` parsed a copy: a refused request has since emptied `inbound`, so
                // trim by what is there now (a pipelined bad request after a paused batch
                // made `removeFirst` trap and took the whole server down).
                if consumed >= inbound.count || result == .closing {
                    inbound = []
                } else if consumed > 0 {
                    inbound.removeFirst(consumed)
                }
                outcome = result
            }
            machine.requestProgressed(to: parser.progress, at: now)
            if !loop.output.isEmpty {
                let disposition = flushLoopOutput(now: now, loop: loop)
                if disposition != .open || hasPendingOutput || machine.isLingering { return disposition }
            } else if machine.closesAfterOutput {
                return finishOutput(now: now)
            }
            if outcome != .paused || inbound.isEmpty { return .open }
        }
    }

    /// Parses requests from `bytes` and appends their answers to the loop's output.
    private func process(_ bytes: UnsafeRawBufferPointer, loop: EventLoop, now: MonotonicInstant) -> (Int, ProcessOutcome) {
        var offset = 0
        while true {
            if machine.closesAfterOutput { return (offset, .closing) }
            if loop.output.count >= loop.configuration.outputHighWaterMark { return (offset, .paused) }
            let atStart = parser.isAtRequestStart
            // Between requests with nothing left to parse (the usual end of a batch).
            if atStart, offset == bytes.count { return (offset, .needMore) }
            if atStart, loop.replays, machine.allowsKeepAlive, let length = Self.headLength(bytes, from: offset),
               loop.handler.replay(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), peer: peer,
                                   date: loop.date.bytes, into: &loop.output) {
                offset += length
                machine.requestCompleted(keepAlive: true, at: now)
                continue
            }
            let start = offset
            let (consumed, result) = parser.parse(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            offset += consumed
            switch result {
            case .needMore:
                return (offset, .needMore)
            case .expectsContinue:
                // Only if the client is really waiting: none of the body has arrived yet.
                if offset == bytes.count {
                    loop.output.bytes.append(contentsOf: ResponseEncoder.continueResponse)
                }
            case .complete(let request):
                // Parsed whole in this call: these bytes are the request, for `replay`.
                answer(request, head: atStart ? UnsafeRawBufferPointer(rebasing: bytes[start..<offset]) : nil, loop: loop, now: now)
            case .failed(let error):
                refuse(error, loop: loop)
                return (offset, .closing)
            }
        }
    }

    /// The length of the head that starts at `offset` (through its empty line), if it is all
    /// there and no longer than a head worth replaying.
    static func headLength(_ bytes: UnsafeRawBufferPointer, from offset: Int) -> Int? {
        let available = min(bytes.count - offset, maxReplayedHead)
        guard available >= 4, let base = bytes.baseAddress else { return nil }
        let start = base + offset
        // From line feed to line feed (a head has a few): cheaper than `memmem` for four bytes.
        var searched = 3
        while let found = memchr(start + searched, Int32(ASCII.lf), available - searched) {
            let end = start.distance(to: UnsafeRawPointer(found))
            if start.loadUnaligned(fromByteOffset: end - 3, as: UInt32.self) == Self.headEnd { return end + 1 }
            searched = end + 1
        }
        return nil
    }

    /// The longest head `replay` is offered; longer ones are parsed.
    static let maxReplayedHead = 2048
    /// CR LF CR LF read as a little-endian word (as on every platform the server builds for).
    private static let headEnd = UInt32(0x0A0D_0A0D)

    private func answer(_ request: HTTPRequest, head: UnsafeRawBufferPointer?, loop: EventLoop, now: MonotonicInstant) {
        let context = RequestContext(loopIndex: loop.index, peer: peer)
        let response = loop.handler.respond(to: request, context: context, head: head)
        let keepAlive = request.isKeepAlive && machine.allowsKeepAlive
            && !response.headers.containsToken("close", in: .connection)
        ResponseEncoder.encode(response, requestMethod: request.method, requestVersion: request.version,
                               keepAlive: keepAlive, date: loop.date.bytes, into: &loop.output.bytes)
        machine.requestCompleted(keepAlive: keepAlive, at: now)
    }

    private func refuse(_ error: HTTPParseError, loop: EventLoop) {
        let response = HTTPResponse.problem(status: error.status, detail: error.detail)
        loop.handler.didRefuse(response, peer: peer)
        // The method is known if the request line was read: a HEAD still gets no body.
        ResponseEncoder.encode(response, requestMethod: parser.head.method, requestVersion: .http1_1,
                               keepAlive: false, date: loop.date.bytes, into: &loop.output.bytes)
        machine.inputFinished()
        inbound = []
    }

    /// Sends the loop's output; whatever the socket does not take is copied to `outbound`.
    private func flushLoopOutput(now: MonotonicInstant, loop: EventLoop) -> Disposition {
        let total = loop.output.count
        var sent = 0
        do {
            sent = try send(loop.output)
        } catch {
            return .close
        }
        if sent < total {
            outbound = loop.output.joined(from: sent)
            outboundOffset = 0
            machine.outputBlocked(at: now)
            return .open
        }
        if machine.closesAfterOutput { return finishOutput(now: now) }
        return .open
    }

    /// Sends as much of `output` as the socket takes now; returns how much that was.
    private func send(_ output: ResponseOutput) throws(SocketError) -> Int {
        let total = output.count
        var sent = 0
        while sent < total {
            let result = try output.withIOVectors(from: sent) { (vectors) throws(SocketError) in
                try Syscall.send(socket.rawValue, vectors)
            }
            guard case .processed(let count) = result else { break }
            sent += count
        }
        return sent
    }

    /// Everything is written and no request will follow: close, lingering first if the client
    /// may still be sending, so its unread bytes do not turn our close into a RST that
    /// destroys the response before it is read (RFC 9112 §9.6).
    private func finishOutput(now: MonotonicInstant) -> Disposition {
        if isPeerClosed { return .close }
        Syscall.shutdownWrite(socket.rawValue)
        machine.lingeringStarted(at: now)
        return .open
    }

    /// While lingering: read and drop input until the client closes or a few reads are done.
    private func discardInput(loop: EventLoop) -> Disposition {
        for _ in 0..<4 {
            switch try? Syscall.read(socket.rawValue, into: loop.readBuffer) {
            case .processed: continue
            case .wouldBlock: return .open
            case .endOfFile, nil: return .close
            }
        }
        return .open
    }
}
