import CLinux
import Glibc

/// Accepting connections, and refusing promptly the ones there is no room for.
///
/// A client past `maxConnections`, or past the descriptor limit, is accepted and answered 503
/// with `Retry-After` at once rather than left in the backlog with no answer; only when the
/// refusals themselves fill `refusalReserve` (or no spare descriptor is left) does accepting
/// pause, for `acceptBackoff`.
extension EventLoop {
    /// Accepts what is waiting (at most 64, so one busy listener cannot starve the loop).
    func acceptConnections(now: MonotonicInstant) {
        guard let listenerFD = currentListener else { return }
        for _ in 0..<64 {
            let atCapacity = shared.openConnections.load(ordering: .relaxed) >= configuration.maxConnections
            if atCapacity, !hasRoomToRefuse {
                pauseAccepting(now: now)
                shared.reportThrottled(.warning, "connection limit reached; pausing accept",
                                       [("maxConnections", "\(configuration.maxConnections)")])
                return
            }
            do throws(SocketError) {
                let accepted = try shared.descriptorLock.withLock { _ throws(SocketError) in
                    try Syscall.accept(listenerFD)
                }
                guard let (fd, peer) = accepted else { return }
                // Responses are written whole; Nagle would only delay them (RFC 9112 has no say;
                // every HTTP server sets it).
                try? Syscall.setOption(fd, level: Int32(IPPROTO_TCP), name: TCP_NODELAY, value: 1)
                if atCapacity {
                    shared.reportThrottled(.warning, "connection limit reached; answering 503",
                                           [("maxConnections", "\(configuration.maxConnections)")])
                    refuse(fd, peer: peer, now: now)
                } else {
                    adopt(fd, peer: peer, now: now)
                }
            } catch {
                guard case .failed(_, let code) = error else { return }
                switch code {
                case ECONNABORTED, EPROTO, EPERM, ENETDOWN, ENOPROTOOPT, EHOSTDOWN, ENONET, EHOSTUNREACH, EOPNOTSUPP, ENETUNREACH:
                    continue  // that client is gone; the next may be fine (accept(2), "Error handling")
                case EMFILE, ENFILE:
                    // Out of descriptors: give one spare up to accept the client and refuse it.
                    switch hasRoomToRefuse ? acceptWithSpareDescriptor(listenerFD) : .failed {
                    case .accepted(let fd, let peer):
                        shared.reportThrottled(.warning, "out of file descriptors; answering 503",
                                               [("error", "\(error)"), ("loop", "\(index)")])
                        refuse(fd, peer: peer, now: now)
                        continue
                    case .nothingWaiting:
                        return
                    case .failed:
                        break
                    }
                    fallthrough
                default:
                    // ENOBUFS, ENOMEM, or no spare left: the listener stays open; accepting
                    // resumes after a pause, when connections may have closed.
                    pauseAccepting(now: now)
                    shared.reportThrottled(.warning, "accept failed; pausing",
                                           [("error", "\(error)"), ("loop", "\(index)")])
                    return
                }
            }
        }
    }

    /// Whether another refusal fits in `refusalReserve`.
    private var hasRoomToRefuse: Bool {
        shared.refusingConnections.load(ordering: .relaxed) < configuration.refusalReserve
    }
}
