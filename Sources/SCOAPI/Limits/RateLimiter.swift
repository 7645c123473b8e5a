import HTTPServer
import Synchronization

/// A quota: `quota` requests per `window` seconds for one client in one class of routes.
public struct RatePolicy: Sendable, Equatable {
    /// The class's name, as the `RateLimit` fields and `/metrics` give it: reads, search, writes.
    public var name: String
    public var quota: Int
    public var window: Int

    public init(name: String, quota: Int, window: Int) {
        self.name = name
        self.quota = quota
        self.window = window
    }

    /// Parses `N/S` (N requests per S seconds) or `N` (per minute).
    public static func parse(_ text: String, name: String) -> RatePolicy? {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard let first = parts.first, let quota = Int(first), quota >= 1 else { return nil }
        let window = parts.count == 2 ? Int(parts[1]) : 60
        guard let window, window >= 1, window <= 86_400, quota <= window * RateLimiter.unitsPerSecond else { return nil }
        return RatePolicy(name: name, quota: quota, window: window)
    }

    /// `"reads";q=1200;w=60`: the policy as an item of `RateLimit-Policy`.
    var field: String { "\"\(name)\";q=\(quota);w=\(window)" }

    /// `"reads";r=1199;t=1`: the `RateLimit` field for `decision` under this policy, appended
    /// as bytes (a replayed answer writes it straight into its output).
    func appendRateLimit(_ decision: RateLimiter.Decision, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        output.append(contentsOf: name.utf8)
        output.append(contentsOf: "\";r=".utf8)
        ResponseTemplate.appendDecimal(decision.remaining, to: &output)
        output.append(contentsOf: ";t=".utf8)
        ResponseTemplate.appendDecimal(decision.reset, to: &output)
    }
}

/// Rate limits by GCRA (the generic cell rate algorithm; a leaky bucket that stores one time per
/// client): each request moves the client's "theoretical arrival time" on by window/quota, and
/// a request is refused while that time is more than a window ahead of now. A client can so
/// spend its whole quota at once, then one request per window/quota.
///
/// The times live in one fixed table of atomic words shared by every event loop, so memory is
/// the same for ten clients or a million, and no request waits on a lock: a check is a load
/// and a compare-and-swap. A client (its key and class, hashed) may use either of two slots;
/// a word holds a 22-bit tag of the hash beside the time, so a client recognises its own
/// slot. When both of a client's slots are held by others whose times are still running, it
/// shares the first one (and its count): with 2^16 slots that needs thousands of clients
/// active within a window, and then the table errs towards limiting, never towards letting a
/// flood through.
public final class RateLimiter: Sendable {
    /// The clock's unit: 100 microseconds (a quota is at most 10,000 requests a second).
    static let unitsPerSecond = 10_000
    /// The most requests a second a policy may allow.
    public static let unitsPerSecondLimit = unitsPerSecond
    static let slotCount = 65_536
    private static let timeBits: UInt64 = 42
    private static let timeMask: UInt64 = (1 << timeBits) - 1

    private let slots: InlineArray<65_536, Atomic<UInt64>>
    private let started: MonotonicInstant

    public init() {
        slots = InlineArray { _ in Atomic(0) }
        started = .now()
    }

    /// The answer for one request.
    public struct Decision: Sendable, Equatable {
        public var allowed: Bool
        /// Requests left in the window after this one.
        public var remaining: Int
        /// Seconds until the whole quota is back.
        public var reset: Int
        /// Seconds to wait before the next request is allowed (when refused).
        public var retryAfter: Int
    }

    /// Bytes the table takes, whatever the number of clients.
    public static var tableBytes: Int { slotCount * MemoryLayout<UInt64>.stride }

    /// Counts a request of `key` under `policy` at `now` (units of 100 µs since the limiter
    /// started; `nil` reads the clock).
    public func check(key: String, policy: RatePolicy, now: UInt64? = nil) -> Decision {
        let now = now ?? UInt64(MonotonicInstant.now().microseconds(since: started) / 100) + 1
        let interval = UInt64(policy.window * Self.unitsPerSecond / policy.quota)
        let window = UInt64(policy.window * Self.unitsPerSecond)
        let tolerance = window - interval
        // The same hash as the ETags': the same on every run, so the table's behaviour repeats.
        var slotKey = policy.name + "\u{1}" + key
        let hash = slotKey.withUTF8 { EntityTag.hash(UnsafeRawBufferPointer($0)) }
        let tag = hash >> Self.timeBits
        let first = Int(hash & UInt64(Self.slotCount - 1))
        let second = Int((hash >> 16) & UInt64(Self.slotCount - 1))
        for _ in 0..<8 {
            let slot = choose(first, second, tag: tag, now: now)
            let word = slots[slot].load(ordering: .acquiring)
            let stored = word & Self.timeMask
            // Our own slot, or someone else's still running (shared): its time counts. Someone
            // else's whose time has run out starts afresh for us.
            let counts = word >> Self.timeBits == tag || stored > now
            let arrival = counts ? max(stored, now) : now
            if arrival - now > tolerance {
                let wait = arrival - tolerance - now
                return Decision(allowed: false, remaining: 0, reset: Self.seconds(arrival - now), retryAfter: max(1, Self.seconds(wait)))
            }
            let next = arrival + interval
            let (exchanged, _) = slots[slot].compareExchange(
                expected: word, desired: tag << Self.timeBits | (next & Self.timeMask), ordering: .acquiringAndReleasing)
            guard exchanged else { continue }
            let ahead = next - now
            return Decision(
                allowed: true, remaining: Int((window - min(window, ahead)) / interval), reset: Self.seconds(ahead), retryAfter: 0)
        }
        // Eight lost races in a row: too contended to count; let it through rather than stall.
        return Decision(allowed: true, remaining: 0, reset: policy.window, retryAfter: 0)
    }

    /// The client's slot: the one holding its tag, else one whose time has run out, else the first.
    private func choose(_ first: Int, _ second: Int, tag: UInt64, now: UInt64) -> Int {
        let a = slots[first].load(ordering: .relaxed)
        if a >> Self.timeBits == tag, a != 0 { return first }
        let b = slots[second].load(ordering: .relaxed)
        if b >> Self.timeBits == tag, b != 0 { return second }
        if a & Self.timeMask <= now { return first }
        if b & Self.timeMask <= now { return second }
        return first
    }

    private static func seconds(_ units: UInt64) -> Int {
        Int((units + UInt64(unitsPerSecond) - 1) / UInt64(unitsPerSecond))
    }
}
