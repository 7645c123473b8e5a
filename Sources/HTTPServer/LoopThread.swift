import CLinux
import Glibc

/// Plain pthreads for the event loops: one long-lived thread each, no pool, no executor.
enum LoopThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts a thread running `body`; `name` (at most 15 bytes) shows in `top -H` and gdb.
    static func spawn(name: String, _ body: @escaping @Sendable () -> Void) throws(SocketError) -> pthread_t {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            throw .failed(call: "pthread_create", errno: result)
        }
        _ = pthread_setname_np(thread, String(name.prefix(15)))
        return thread
    }

    static func join(_ thread: pthread_t) {
        let result = pthread_join(thread, nil)
        precondition(result == 0, "pthread_join failed: \(result)")
    }
}
