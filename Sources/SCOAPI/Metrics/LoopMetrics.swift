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
    var databaseErrors: UInt64 = 0

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
        databaseErrors &+= other.databaseErrors
    }
}

/// One loop's share of the metrics, behind that loop's own lock.
public final class LoopMetrics: Sendable {
    let counters = Lock(LoopCounters())

    func record(route: String, method: String, status: Int, microseconds: Int, cacheHit: Bool?) {
        counters.withLock { counters in
            counters.requests[.init(route: route, method: method, status: status), default: 0] &+= 1
            counters.latency.observe(microseconds: microseconds)
            switch cacheHit {
            case true?: counters.cacheHits &+= 1
            case false?: counters.cacheMisses &+= 1
            case nil: break
            }
        }
    }

    func recordDatabaseError() {
        counters.withLock { $0.databaseErrors &+= 1 }
    }
}
