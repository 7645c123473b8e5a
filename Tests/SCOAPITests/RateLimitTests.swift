import HTTPServer
import Testing
@testable import SCOAPI

@Suite struct RateLimiterTests {
    let policy = RatePolicy(name: "reads", quota: 5, window: 60)

    @Test func aClientSpendsItsQuotaThenGetsOneRequestPerInterval() {
        let limiter = RateLimiter()
        let start: UInt64 = 1_000_000
        for expected in stride(from: 4, through: 0, by: -1) {
            let decision = limiter.check(key: "a", policy: policy, now: start)
            #expect(decision.allowed && decision.remaining == expected)
        }
        let refused = limiter.check(key: "a", policy: policy, now: start)
        #expect(!refused.allowed)
        #expect(refused.retryAfter == 12)  // 60 s / 5 requests
        #expect(refused.reset == 60)
        #expect(!limiter.check(key: "a", policy: policy, now: start + 119_000).allowed)
        #expect(limiter.check(key: "a", policy: policy, now: start + 120_000).allowed)
        #expect(limiter.check(key: "b", policy: policy, now: start).allowed)
        let other = RatePolicy(name: "search", quota: 5, window: 60)
        #expect(limiter.check(key: "a", policy: other, now: start).allowed)
        // A whole window later the quota is back in full.
        #expect(limiter.check(key: "a", policy: policy, now: start + 2_000_000).remaining == 4)
    }

    /// The table is the same size for any number of clients, and a hundred thousand of them
    /// neither free a flooding client nor limit a new one.
    @Test func aHundredThousandClientsNeitherFreeTheFloodNorCrowdOutANewcomer() {
        let limiter = RateLimiter()
        let now: UInt64 = 5_000_000
        for _ in 0..<10 { _ = limiter.check(key: "flood", policy: policy, now: now) }
        #expect(!limiter.check(key: "flood", policy: policy, now: now).allowed)
        for index in 0..<100_000 {
            let address = "10.\(index >> 16).\((index >> 8) & 255).\(index & 255)"
            _ = limiter.check(key: address, policy: policy, now: now + 1)
        }
        #expect(RateLimiter.tableBytes == 65_536 * 8)
        #expect(!limiter.check(key: "flood", policy: policy, now: now + 2).allowed)
        var newcomersLimited = 0
        for index in 0..<100 where !limiter.check(key: "newcomer-\(index)", policy: policy, now: now + 3).allowed {
            newcomersLimited += 1
        }
        #expect(newcomersLimited <= 2, "\(newcomersLimited) of 100 newcomers were limited by others' use of the table")
    }

    @Test func policiesParseAsRequestsPerSeconds() {
        #expect(RatePolicy.parse("100/10", name: "reads") == RatePolicy(name: "reads", quota: 100, window: 10))
        #expect(RatePolicy.parse("100", name: "reads") == RatePolicy(name: "reads", quota: 100, window: 60))
        for bad in ["", "0/60", "-1/60", "10/0", "a/b", "100000/1", "5/100000"] {
            #expect(RatePolicy.parse(bad, name: "reads") == nil, "\(bad)")
        }
    }

    @Test func theClientBehindTrustedProxiesIsTheRightmostUntrustedAddress() throws {
        let proxies = try TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, ::1").get()
        func client(_ headers: [(String, String)], peer: String = "127.0.0.1:5000") -> String {
            proxies.clientAddress(peer: peer, headers: HTTPHeaders(headers))
        }
        #expect(client([]) == "127.0.0.1")
        #expect(client([("X-Forwarded-For", "198.51.100.7")]) == "198.51.100.7")
        #expect(client([("X-Forwarded-For", "6.6.6.6, 198.51.100.7, 10.1.2.3")]) == "198.51.100.7")
        #expect(client([("Forwarded", "for=198.51.100.8;proto=https, for=\"[2001:db8::1]:4711\"")]) == "2001:db8::1")
        #expect(client([("Forwarded", "for=198.51.100.8, for=10.0.0.1")]) == "198.51.100.8")
        #expect(client([("X-Forwarded-For", "not-an-address")]) == "127.0.0.1")
        #expect(client([("X-Forwarded-For", "10.0.0.2, 10.0.0.3")]) == "10.0.0.2")
        // An untrusted peer's headers are ignored.
        #expect(client([("X-Forwarded-For", "198.51.100.7")], peer: "203.0.113.5:80") == "203.0.113.5")
        #expect(client([], peer: "[::1]:80") == "::1")
        #expect(proxies.contains("10.255.0.1") && !proxies.contains("11.0.0.1") && !proxies.contains("::2"))
        if case .success = TrustedProxies.parse("10.0.0.0/33") { Issue.record("a /33 was accepted") }
        if case .success = TrustedProxies.parse("example.org") { Issue.record("a host name was accepted") }
    }
}

@Suite struct RateLimitAPITests {
    private func harness() throws -> APIHarness {
        try APIHarness {
            $0.rateLimits.isEnabled = true
            $0.rateLimits.reads = RatePolicy(name: "reads", quota: 3, window: 60)
            $0.rateLimits.search = RatePolicy(name: "search", quota: 2, window: 60)
            $0.rateLimits.writes = RatePolicy(name: "writes", quota: 1, window: 60)
            $0.tokens = [APIToken(name: "editor", secret: WriteSupport.secret)]
        }
    }

    @Test func overTheQuotaIsA429ProblemWithRetryAfterAndTheDraftsFields() throws {
        let api = try harness()
        for remaining in [2, 1, 0] {
            let response = try api.send("/v1/member-states", headers: [("Accept-Encoding", "gzip")])
            #expect(response.status == .ok)
            #expect(response.headers["RateLimit-Policy"] == "\"reads\";q=3;w=60")
            #expect(response.headers["RateLimit"]?.hasPrefix("\"reads\";r=\(remaining);t=") == true)
        }
        let refused = try api.send("/v1/timeline")
        #expect(refused.status == .tooManyRequests)
        #expect(refused.headers[.contentType] == "application/problem+json")
        #expect(refused.object["type"] as? String == "https://iana.org/assignments/http-problem-types#quota-exceeded")
        #expect(refused.headers[.retryAfter] == "20")
        #expect(refused.headers["RateLimit"] == "\"reads\";r=0;t=60")
        #expect(refused.headers["Content-Encoding"] == nil)
        // Another client, the probes and search have quotas of their own.
        #expect(try api.send("/v1/timeline", peer: "192.0.2.1:4000").status == .ok)
        #expect(try api.send("/healthz").status == .ok)
        #expect(try api.send("/readyz").status == .ok)
        #expect(try api.send("/metrics").headers["RateLimit"] == nil)
        #expect(try api.send("/v1/search?q=georgia").status == .ok)
        #expect(try api.send("/v1/search?q=russia").status == .ok)
        #expect(try api.send("/v1/search?q=tibet").status == .tooManyRequests)
        let metrics = api.service.metrics.render(openConnections: 0)
        #expect(metrics.contains("sco_api_rate_limited_total{class=\"reads\"} 1"))
        #expect(metrics.contains("sco_api_rate_limited_total{class=\"search\"} 1"))
    }

    @Test func writesCountAgainstTheTokensNameNotTheAddress() throws {
        let api = try harness()
        #expect(try api.write(.post, "/v1/timeline", WriteSupport.eventBody()).status == .created)
        let second = try api.send(
            "/v1/timeline", method: .post, headers: [("Authorization", "Bearer \(WriteSupport.secret)"), ("Content-Type", "application/json")],
            body: Array(WriteSupport.eventBody(id: "another").utf8), peer: "192.0.2.9:1")
        #expect(second.status == .tooManyRequests)
        #expect(second.headers["RateLimit-Policy"] == "\"writes\";q=1;w=60")
        // Without a valid token the address is the client, and it has its own quota.
        let anonymous = try api.send("/v1/timeline", method: .post, headers: [("Content-Type", "application/json")],
                                     body: Array(WriteSupport.eventBody(id: "third").utf8), peer: "192.0.2.10:1")
        #expect(anonymous.status == .unauthorized)
    }

    @Test func offMeansNoFieldsAndNoLimit() throws {
        let api = try APIHarness()
        for _ in 0..<50 { #expect(try api.send("/v1").status == .ok) }
        #expect(try api.send("/v1").headers["RateLimit"] == nil)
    }
}
