import Glibc

/// A point on the monotonic clock in nanoseconds: cheap to read, compare and fake in tests. The
/// project's one monotonic clock (timeouts, request durations, start-up time).
public struct MonotonicInstant: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// Now, from CLOCK_MONOTONIC (immune to wall-clock changes).
    public static func now() -> MonotonicInstant {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return MonotonicInstant(nanoseconds: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))
    }

    public static func < (lhs: MonotonicInstant, rhs: MonotonicInstant) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    public static func + (lhs: MonotonicInstant, rhs: Duration) -> MonotonicInstant {
        MonotonicInstant(nanoseconds: lhs.nanoseconds &+ rhs.nanoseconds)
    }

    /// The time from `earlier` to `self`.
    public func since(_ earlier: MonotonicInstant) -> Duration {
        .nanoseconds(nanoseconds - earlier.nanoseconds)
    }

    /// Whole microseconds from `earlier` to `self`, in plain integer arithmetic: for what is
    /// measured on every request, where `Duration`'s 128-bit attosecond conversions would cost
    /// more than the cheapest answers' own work.
    public func microseconds(since earlier: MonotonicInstant) -> Int {
        Int((nanoseconds &- earlier.nanoseconds) / 1000)
    }

    /// `self` moved by `nanoseconds`.
    public func advanced(byNanoseconds nanoseconds: Int64) -> MonotonicInstant {
        MonotonicInstant(nanoseconds: self.nanoseconds &+ nanoseconds)
    }

    /// Whole milliseconds from `earlier` to `self`, rounded up, 0 when `self` is not later: an
    /// `epoll_wait` timeout.
    func millisecondsRoundedUp(since earlier: MonotonicInstant) -> Int64 {
        let nanos = nanoseconds &- earlier.nanoseconds
        return nanos <= 0 ? 0 : (nanos / 1_000_000) + (nanos % 1_000_000 == 0 ? 0 : 1)
    }

    public var description: String { "\(nanoseconds)ns" }
}

extension Duration {
    /// The duration in whole nanoseconds, saturating at `Int64.max`.
    public var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return scaled &+ attoseconds / 1_000_000_000
    }
}
