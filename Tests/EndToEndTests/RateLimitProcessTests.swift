import Foundation
import Testing

/// The built server with its default quotas, over real sockets: one client floods while a
/// hundred others browse; the flood meets 429s, the others never do.
@Suite struct RateLimitProcessTests {
    @Test func aFloodGets429sAndAHundredOrdinaryClientsNever() throws {
        let server = try ServerProcess(
            arguments: ["--access-log", "off", "--trusted-proxies", "127.0.0.1"], environment: ["SCO_API_RATE_LIMIT": "on"])
        defer { server.terminate() }
        let port = server.port
        let flood = Counts()
        let others = Counts()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            do {
                let connection = try LoopbackConnection(port: port)
                for _ in 0..<2_500 {
                    try connection.send("GET", "/v1/member-states", headers: [("X-Forwarded-For", "203.0.113.66")])
                    flood.add(try connection.receive())
                }
            } catch {
                flood.fail("\(error)")
            }
        }
        DispatchQueue.global().async(group: group) {
            DispatchQueue.concurrentPerform(iterations: 100) { client in
                do {
                    let connection = try LoopbackConnection(port: port)
                    for path in ["/v1/summit", "/v1/member-states", "/v1/timeline", "/v1/search?q=georgia", "/v1/statements"] {
                        for _ in 0..<3 {
                            try connection.send("GET", path, headers: [("X-Forwarded-For", "198.51.100.\(client)")])
                            others.add(try connection.receive())
                        }
                    }
                } catch {
                    others.fail("\(error)")
                }
            }
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        #expect(flood.failures.isEmpty && others.failures.isEmpty, "\(flood.failures + others.failures)")
        // The default quota, 1,200 reads a minute, spent at once; then 20 a second come back
        // while the flood goes on (a few seconds at most here).
        let allowed = flood.statuses[200, default: 0]
        #expect(allowed >= 1_200 && allowed <= 1_400, "\(flood.statuses)")
        #expect(flood.statuses[429, default: 0] == 2_500 - allowed)
        #expect(flood.retryAfterSeen)
        #expect(others.statuses == [200: 1_500], "\(others.statuses)")
        let metrics = try curl(server.baseURL + "/metrics").body
        #expect(metrics.contains("sco_api_rate_limited_total{class=\"reads\"} \(2_500 - allowed)\n"))
    }

    @Test func withoutTrustedProxiesForwardedAddressesAreIgnored() throws {
        let server = try ServerProcess(
            arguments: ["--access-log", "off", "--rate-limit-search", "5/60"], environment: ["SCO_API_RATE_LIMIT": "on"])
        defer { server.terminate() }
        let connection = try LoopbackConnection(port: server.port)
        var statuses: [Int] = []
        for index in 0..<8 {
            try connection.send("GET", "/v1/search?q=ossetia", headers: [("X-Forwarded-For", "198.51.100.\(index)")])
            statuses.append(try connection.receive().status)
        }
        #expect(statuses == [200, 200, 200, 200, 200, 429, 429, 429])
    }
}

/// Statuses counted from several threads.
private final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var statuses: [Int: Int] = [:]
    private(set) var failures: [String] = []
    private(set) var retryAfterSeen = false

    func add(_ response: LoopbackConnection.Response) {
        lock.withLock {
            statuses[response.status, default: 0] += 1
            if response.status == 429, response.headers["retry-after"] != nil, response.headers["ratelimit"] != nil {
                retryAfterSeen = true
            }
        }
    }

    func fail(_ message: String) {
        lock.withLock { failures.append(message) }
    }
}
