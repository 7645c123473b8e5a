#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value that threads share, behind a pthread mutex.
///
/// It stands in for `Synchronization.Mutex` for one reason, ThreadSanitizer. On Linux a contended
/// `Mutex` waits and wakes on a futex inside the prebuilt Synchronization library, which TSan does
/// not instrument: it never sees the hand-over, and reports a race on the value the mutex guards
/// (CI saw one when two event loops throttled the same log line at once). TSan intercepts
/// `pthread_mutex_lock` and `pthread_mutex_unlock`, so with this lock what it reports is real.
/// Uncontended, the two cost the same: one atomic exchange to lock, one to unlock.
///
/// The mutex is not recursive: `withLock` must not be called again from inside its body.
public final class Lock<Value> {
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>
    /// Only touched while `mutex` is held.
    @usableFromInline var state: Value

    public init(_ state: Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let result = pthread_mutex_init(mutex, nil)
        precondition(result == 0, "pthread_mutex_init failed: \(result)")
        self.state = state
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the state while holding the lock; what it returns or throws passes through.
    @inlinable
    public func withLock<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        lock()
        defer { unlock() }
        return try body(&state)
    }

    /// Runs `body` if no other thread holds the lock; nil, without running it, if one does.
    @inlinable
    public func withLockIfAvailable<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result? {
        guard pthread_mutex_trylock(mutex) == 0 else { return nil }
        defer { unlock() }
        return try body(&state)
    }

    /// Fails only on a programmer's error (EDEADLK, EINVAL), so a failure traps.
    @inlinable
    func lock() {
        let result = pthread_mutex_lock(mutex)
        precondition(result == 0, "pthread_mutex_lock failed: \(result)")
    }

    @inlinable
    func unlock() {
        let result = pthread_mutex_unlock(mutex)
        precondition(result == 0, "pthread_mutex_unlock failed: \(result)")
    }
}

// Sendable when its state is: every access to `state` holds `mutex`.
extension Lock: @unchecked Sendable where Value: Sendable {}
