import CLinux
import Glibc

/// Accepting connections, with back-off when the process or the server is out of room.
extension EventLoop {
    /// Accepts what is waiting (at most 64, so one busy listener cannot starve the loop).
    func acceptConnections(now: MonotonicInstant) {
        guard let listenerFD = currentListener else { return }
        for _ in 0..<64 {
            if shared.openConnections.load(ordering: .relaxed) >= configuration.maxConnections {
                pauseAccepting(now: now)
                shared.reportThrottled(.warning, "connection limit reached; pausing accept",
                                       [("maxConnections", "\(configuration.maxConnections)")])
                return
            }
            do throws(SocketError) {
                guard let (fd, peer) = try Syscall.accept(listenerFD) else { return }
                // Responses are written whole; Nagle would only delay them (RFC 9112 has no say;
                // every HTTP server sets it).
                try? Syscall.setOption(fd, level: Int32(IPPROTO_TCP), name: TCP_NODELAY, value: 1)
                adopt(fd, peer: peer, now: now)
            } catch {
                guard case .failed(_, let code) = error else { return }
                switch code {
                case ECONNABORTED, EPROTO, EPERM, ENETDOWN, ENOPROTOOPT, EHOSTDOWN, ENONET, EHOSTUNREACH, EOPNOTSUPP, ENETUNREACH:
                    continue  // that client is gone; the next may be fine (accept(2), "Error handling")
                default:
                    // EMFILE, ENFILE, ENOBUFS, ENOMEM: out of room. The listener stays open;
                    // accepting resumes after a pause, when connections may have closed.
                    pauseAccepting(now: now)
                    shared.reportThrottled(.warning, "accept failed; pausing",
                                           [("error", "\(error)"), ("loop", "\(index)")])
                    return
                }
            }
        }
    }
}
