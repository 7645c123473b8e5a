import Glibc
import Synchronization

/// Turns SIGTERM and SIGINT into a readable eventfd, which `HTTPServer.waitUntilStopped` polls.
///
/// A signal handler may only do async-signal-safe things (signal-safety(7)); writing to an
/// eventfd is one, so the handler does that and nothing else.
enum SignalRelay {
    private static let descriptor = Atomic<Int32>(-1)

    /// The eventfd written on each SIGTERM/SIGINT, or -1 before `install()`.
    static var eventFD: Int32 { descriptor.load(ordering: .acquiring) }

    /// Makes the eventfd now (once per process), so that a process out of descriptors fails
    /// where it can still say so, not later with SIGTERM left at its default action.
    static func prepare() throws(SocketError) {
        guard descriptor.load(ordering: .acquiring) < 0 else { return }
        let fd = try Syscall.makeEventFD()
        if !descriptor.compareExchange(expected: -1, desired: fd, ordering: .acquiringAndReleasing).exchanged {
            Syscall.close(fd)
        }
    }

    /// Installs the handlers and ignores SIGPIPE (again, harmlessly, when called again).
    static func install() {
        signal(SIGPIPE, SIG_IGN)
        guard (try? prepare()) != nil else { return }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            let saved = errno
            var one: UInt64 = 1
            _ = write(SignalRelay.descriptor.load(ordering: .relaxed), &one, MemoryLayout<UInt64>.size)
            errno = saved
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with these blocked (the mask is inherited through
        // exec): unblock them on this thread, so a process-directed signal has somewhere to go.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTERM)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}
