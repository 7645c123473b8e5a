import Locking

/// The counters one event loop keeps; the loop adds, `/metrics` (on any loop) reads through `Metrics`.
///
/// Each loop has its own mutex, so the hot path never waits on another loop: the lock is contended
/// only while a scrape copies the numbers out.
struct LoopCounters {
    /// Each (route pattern, method, status code) seen, numbered in order of first sight.
    private(set) var requestSlots: [RequestKey: Int] = [:]
    /// Requests by the number `requestSlots` gives their key: a caller that kept the number
    /// (`ReplayCache` does, per entry) counts a request without hashing its key.
    private(set) var requestCounts: [UInt64] = []
    var latency = LatencyHistogram()
    var cacheHits: UInt64 = 0
    var cacheMisses: UInt64 = 0
    /// Cache hits answered by `ReplayCache` (counted in `cacheHits` too).
    var cacheReplays: UInt64 = 0
    var databaseErrors: UInt64 = 0
    /// Bodies compressed, by coding (`gzip`, `br`): once per cached response, so this grows
    /// with data versions and distinct requests, not with traffic.
    var compressions: [String: UInt64] = [:]
    /// Requests refused with 429, by rate-limit class (`reads`, `search`, `writes`).
    var rateLimited: [String: UInt64] = [:]
    /// Durable writes committed but not confirmed on the replica store (answered 503).
    var unreplicatedWrites: UInt64 = 0

    struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    /// Requests by (route pattern, method, status code).
    var requests: [RequestKey: UInt64] {
        requestSlots.mapValues { requestCounts[$0] }
    }

    /// The number `key`'s count is kept under, given now if the key is new.
    mutating func slot(of key: RequestKey) -> Int {
        if let slot = requestSlots[key] { return slot }
        requestSlots[key] = requestCounts.count
        requestCounts.append(0)
        return requestCounts.count - 1
    }

    /// Counts `count` requests under the number `slot(of:)` gave.
    mutating func countRequests(inSlot slot: Int, _ count: UInt64 = 1) {
        requestCounts[slot] &+= count
    }

    mutating func merge(_ other: LoopCounters) {
        for (key, slot) in other.requestSlots { countRequests(inSlot: self.slot(of: key), other.requestCounts[slot]) }
        latency.merge(other.latency)
        cacheHits &+= other.cacheHits
        cacheMisses &+= other.cacheMisses
        cacheReplays &+= other.cacheReplays
        databaseErrors &+= other.databaseErrors
        for (coding, count) in other.compressions { compressions[coding, default: 0] &+= count }
        for (name, count) in other.rateLimited { rateLimited[name, default: 0] &+= count }
        unreplicatedWrites &+= other.unreplicatedWrites
    }
}

/// One loop's share of the metrics, behind that loop's own lock.
public final class LoopMetrics: Sendable {
    let counters = Lock(LoopCounters())

    func record(route: String, method: String, status: Int, microseconds: Int, cacheHit: Bool?) {
        counters.withLock { counters in
            counters.countRequests(inSlot: counters.slot(of: .init(route: route, method: method, status: status)))
            counters.latency.observe(microseconds: microseconds)
            switch cacheHit {
            case true?: counters.cacheHits &+= 1
            case false?: counters.cacheMisses &+= 1
            case nil: break
            }
        }
    }

    /// The number requests of this route, method and status are counted under, for
    /// `recordReplayed(slot:microseconds:)`; the same for the life of the loop.
    func requestSlot(route: String, method: String, status: Int) -> Int {
        counters.withLock { $0.slot(of: .init(route: route, method: method, status: status)) }
    }

    /// Counts a cache hit answered by `ReplayCache`, under the number `requestSlot` gave.
    func recordReplayed(slot: Int, microseconds: Int) {
        counters.withLock { counters in
            counters.countRequests(inSlot: slot)
            counters.latency.observe(microseconds: microseconds)
            counters.cacheHits &+= 1
            counters.cacheReplays &+= 1
        }
    }

    func recordCompression(_ coding: String) {
        counters.withLock { $0.compressions[coding, default: 0] &+= 1 }
    }

    func recordRateLimited(_ name: String) {
        counters.withLock { $0.rateLimited[name, default: 0] &+= 1 }
    }

    func recordUnreplicatedWrite() {
        counters.withLock { $0.unreplicatedWrites &+= 1 }
    }

    func recordDatabaseError() {
        counters.withLock { $0.databaseErrors &+= 1 }
    }
}
