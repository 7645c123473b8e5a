import CLinux
import Glibc

/// Plain pthreads: one long-lived thread for each event loop (and for the API's few background
/// jobs, such as a replica watching its Litestream follower), no pool, no executor.
public enum LoopThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts a thread running `body`; `name` (at most 15 bytes) shows in `top -H` and gdb.
    public static func spawn(name: String, _ body: @escaping @Sendable () -> Void) throws(SocketError) -> pthread_t {
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
