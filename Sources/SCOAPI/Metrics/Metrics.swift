import Locking

/// Every loop's counters, exported in the Prometheus text format (version 0.0.4).
public final class Metrics: Sendable {
    private let loops: Lock<[LoopMetrics]> = Lock([])
    private let startedAt: Double

    public init(startedAt: Double) {
        self.startedAt = startedAt
    }

    /// A new loop's share; the loop keeps it and records into it.
    public func makeLoopMetrics() -> LoopMetrics {
        let metrics = LoopMetrics()
        loops.withLock { $0.append(metrics) }
        return metrics
    }

    /// The metrics text; `openConnections` comes from the HTTP server, which counts them itself.
    public func render(openConnections: Int) -> String {
        var total = LoopCounters()
        for loop in loops.withLock({ $0 }) {
            let snapshot = loop.counters.withLock { $0 }
            total.merge(snapshot)
        }
        var out = ""
        out += "# HELP sco_api_http_requests_total HTTP requests answered, by route pattern, method and status.\n"
        out += "# TYPE sco_api_http_requests_total counter\n"
        for (key, count) in total.requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            out += "sco_api_http_requests_total{route=\"\(escape(key.route))\",method=\"\(key.method)\",status=\"\(key.status)\"} \(count)\n"
        }
        out += "# HELP sco_api_http_request_duration_seconds Time from a parsed request to its response bytes.\n"
        out += "# TYPE sco_api_http_request_duration_seconds histogram\n"
        var cumulative: UInt64 = 0
        for (index, bound) in LatencyHistogram.bounds.enumerated() {
            cumulative &+= total.latency.counts[index]
            out += "sco_api_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        cumulative &+= total.latency.counts[LatencyHistogram.bounds.count]
        out += "sco_api_http_request_duration_seconds_bucket{le=\"+Inf\"} \(cumulative)\n"
        out += "sco_api_http_request_duration_seconds_sum \(Double(total.latency.sumMicroseconds) / 1_000_000)\n"
        out += "sco_api_http_request_duration_seconds_count \(cumulative)\n"
        out += "# HELP sco_api_open_connections Client connections open now.\n"
        out += "# TYPE sco_api_open_connections gauge\n"
        out += "sco_api_open_connections \(openConnections)\n"
        out += "# HELP sco_api_cache_hits_total Responses served from the encoded-response cache.\n"
        out += "# TYPE sco_api_cache_hits_total counter\n"
        out += "sco_api_cache_hits_total \(total.cacheHits)\n"
        out += "# HELP sco_api_cache_misses_total Cacheable responses that had to be built.\n"
        out += "# TYPE sco_api_cache_misses_total counter\n"
        out += "sco_api_cache_misses_total \(total.cacheMisses)\n"
        out += "# HELP sco_api_cache_replays_total Cache hits answered by replaying the encoded answer to identical request bytes.\n"
        out += "# TYPE sco_api_cache_replays_total counter\n"
        out += "sco_api_cache_replays_total \(total.cacheReplays)\n"
        out += "# HELP sco_api_database_errors_total SQLite errors met while answering requests.\n"
        out += "# TYPE sco_api_database_errors_total counter\n"
        out += "sco_api_database_errors_total \(total.databaseErrors)\n"
        out += "# HELP sco_api_compressions_total Response bodies compressed, by coding (once per cached response).\n"
        out += "# TYPE sco_api_compressions_total counter\n"
        for coding in ["br", "gzip"] {
            out += "sco_api_compressions_total{coding=\"\(coding)\"} \(total.compressions[coding] ?? 0)\n"
        }
        out += "# HELP sco_api_rate_limited_total Requests refused with 429, by rate-limit class.\n"
        out += "# TYPE sco_api_rate_limited_total counter\n"
        for name in ["reads", "search", "writes"] {
            out += "sco_api_rate_limited_total{class=\"\(name)\"} \(total.rateLimited[name] ?? 0)\n"
        }
        out += "# HELP sco_api_unreplicated_writes_total Durable writes committed but not confirmed on the replica store (answered 503).\n"
        out += "# TYPE sco_api_unreplicated_writes_total counter\n"
        out += "sco_api_unreplicated_writes_total \(total.unreplicatedWrites)\n"
        out += "# HELP sco_api_start_time_seconds When the process started, in seconds since the Unix epoch.\n"
        out += "# TYPE sco_api_start_time_seconds gauge\n"
        out += "sco_api_start_time_seconds \(startedAt)\n"
        return out
    }

    /// Label values escape backslash, quote and newline (Prometheus exposition format).
    private func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
