/// Cumulative latency buckets in the Prometheus histogram layout, upper bounds in seconds.
struct LatencyHistogram {
    static let bounds: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    /// Observations at or under each bound (non-cumulative; summed when exported), plus one for +Inf.
    private(set) var counts = [UInt64](repeating: 0, count: bounds.count + 1)
    private(set) var sumMicroseconds: UInt64 = 0

    mutating func observe(microseconds: Int) {
        let seconds = Double(microseconds) / 1_000_000
        var index = 0
        while index < Self.bounds.count, seconds > Self.bounds[index] { index += 1 }
        counts[index] &+= 1
        sumMicroseconds &+= UInt64(max(0, microseconds))
    }

    mutating func merge(_ other: LatencyHistogram) {
        for index in counts.indices { counts[index] &+= other.counts[index] }
        sumMicroseconds &+= other.sumMicroseconds
    }

    var count: UInt64 { counts.reduce(0, &+) }
}
