import CLinux
import Glibc

/// The result of a non-blocking read or write.
enum IOResult: Equatable {
    /// This many bytes moved (never 0 for a read: that is `endOfFile`).
    case processed(Int)
    /// EAGAIN: wait for readiness.
    case wouldBlock
    /// A read found the peer's end of stream.
    case endOfFile
}

/// Every system call the server makes, in one place, with one discipline (compare swift-nio's
/// `System.swift`): EINTR is retried, EAGAIN becomes `.wouldBlock`, sends never raise SIGPIPE
/// (MSG_NOSIGNAL), `close` is never retried (Linux releases the descriptor even when it reports
/// EINTR), and EBADF, which only a bug can cause, traps.
enum Syscall {
    /// Runs `body` until it does not fail with EINTR; a failure with EBADF or EFAULT traps.
    @inline(__always)
    private static func retrying<T: BinaryInteger>(_ call: StaticString, _ body: () -> T) -> (T, Int32) {
        while true {
            let result = body()
            if result >= 0 { return (result, 0) }
            let code = errno
            if code == EINTR { continue }
            precondition(code != EBADF && code != EFAULT, "\(call) on a bad descriptor or address (errno \(code))")
            return (result, code)
        }
    }

    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> IOResult {
        let (count, code) = retrying("read") { Glibc.read(fd, buffer.baseAddress, buffer.count) }
        if count > 0 { return .processed(count) }
        if count == 0 { return .endOfFile }
        if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
        throw .failed(call: "read", errno: code)
    }

    static func send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(SocketError) -> IOResult {
        let (count, code) = retrying("send") { Glibc.send(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL)) }
        if count >= 0 { return .processed(count) }
        if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
        throw .failed(call: "send", errno: code)
    }

    /// Sends the pieces `vectors` point at, in order: one piece with `send`, more with one
    /// `sendmsg`.
    static func send(_ fd: Int32, _ vectors: UnsafeBufferPointer<iovec>) throws(SocketError) -> IOResult {
        if vectors.count == 1 {
            return try send(fd, UnsafeRawBufferPointer(start: vectors[0].iov_base, count: vectors[0].iov_len))
        }
        var message = msghdr()
        message.msg_iov = UnsafeMutablePointer(mutating: vectors.baseAddress)
        message.msg_iovlen = vectors.count
        let (count, code) = retrying("sendmsg") { sendmsg(fd, &message, Int32(MSG_NOSIGNAL)) }
        if count >= 0 { return .processed(count) }
        if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
        throw .failed(call: "sendmsg", errno: code)
    }

    /// Closes `fd` once; never retried, whatever it reports (close(2), "Dealing with error returns").
    static func close(_ fd: Int32) {
        if Glibc.close(fd) != 0 {
            precondition(errno != EBADF, "close of a descriptor that is not open: \(fd)")
        }
    }

    /// Shuts down the sending side: the peer reads end-of-stream after our last byte.
    static func shutdownWrite(_ fd: Int32) {
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    /// Accepts one connection, non-blocking and close-on-exec; nil when none is waiting.
    static func accept(_ fd: Int32) throws(SocketError) -> (fd: Int32, peer: String)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let (client, code) = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                retrying("accept4") {
                    accept4(fd, address, &length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
                }
            }
        }
        if client >= 0 { return (client, SocketAddress.describe(storage)) }
        if code == EAGAIN || code == EWOULDBLOCK { return nil }
        throw .failed(call: "accept4", errno: code)
    }

    static func setOption(_ fd: Int32, level: Int32, name: Int32, value: Int32) throws(SocketError) {
        var value = value
        if setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) != 0 {
            throw .failed(call: "setsockopt", errno: errno)
        }
    }

    static func epollCreate() throws(SocketError) -> Int32 {
        let fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        if fd < 0 { throw .failed(call: "epoll_create1", errno: errno) }
        return fd
    }

    /// Adds, modifies or removes interest in `fd`; `token` comes back with its events.
    static func epollControl(_ epoll: Int32, _ operation: Int32, _ fd: Int32, events: UInt32, token: UInt64) throws(SocketError) {
        var event = epoll_event()
        event.events = events
        event.data.u64 = token
        if epoll_ctl(epoll, operation, fd, &event) != 0 {
            throw .failed(call: "epoll_ctl", errno: errno)
        }
    }

    /// Waits for events; an interrupted wait returns 0 events.
    static func epollWait(_ epoll: Int32, _ events: UnsafeMutableBufferPointer<epoll_event>, timeoutMilliseconds: Int32) -> Int {
        let count = epoll_wait(epoll, events.baseAddress, Int32(events.count), timeoutMilliseconds)
        if count >= 0 { return Int(count) }
        let code = errno
        precondition(code == EINTR, "epoll_wait failed: errno \(code)")
        return 0
    }

    static func makeEventFD() throws(SocketError) -> Int32 {
        let fd = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        if fd < 0 { throw .failed(call: "eventfd", errno: errno) }
        return fd
    }

    /// Adds one to an eventfd's counter, waking whoever polls it; async-signal-safe.
    static func signalEventFD(_ fd: Int32) {
        var one: UInt64 = 1
        _ = retrying("write") { Glibc.write(fd, &one, MemoryLayout<UInt64>.size) }
    }

    /// Reads and resets an eventfd's counter (0 if it was not signalled).
    @discardableResult
    static func drainEventFD(_ fd: Int32) -> UInt64 {
        var value: UInt64 = 0
        let (count, _) = retrying("read") { Glibc.read(fd, &value, MemoryLayout<UInt64>.size) }
        return count == MemoryLayout<UInt64>.size ? value : 0
    }
}
