import Locking

/// The counters one event loop keeps; the loop adds, `/metrics` (on any loop) reads through `Metrics`.
///
/// Each loop has its own mutex, so the hot path never waits on another loop: the lock is contended
/// only while a scrape copies the numbers out.
struct LoopCounters {
    /// Requests by (route pattern, status code).
    var requests: [RequestKey: UInt64] = [:]
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

    mutating func merge(_ other: LoopCounters) {
        for (key, count) in other.requests { requests[key, default: 0] &+= count }
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

    func record(route: String, method: String, status: Int, microseconds: Int, cacheHit: Bool?, replayed: Bool = false) {
        counters.withLock { counters in
            if replayed { counters.cacheReplays &+= 1 }
            counters.requests[.init(route: route, method: method, status: status), default: 0] &+= 1
            counters.latency.observe(microseconds: microseconds)
            switch cacheHit {
            case true?: counters.cacheHits &+= 1
            case false?: counters.cacheMisses &+= 1
            case nil: break
            }
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
