import Foundation
import Testing

/// The built server answering repeated request bytes from its replay cache, over real sockets:
/// the same answer as the first, with its own date, request id and quota, and never an answer
/// older than the data.
@Suite struct ReplayProcessTests {
    private func replays(_ server: ServerProcess) throws -> Int {
        let metrics = try curl(server.baseURL + "/metrics").body
        let line = metrics.split(separator: "\n").first { $0.hasPrefix("sco_api_cache_replays_total ") }
        return Int(line?.split(separator: " ").last ?? "") ?? -1
    }

    @Test func aRepeatedReadGetsTheSameAnswerWithItsOwnIDAndQuota() throws {
        let server = try ServerProcess(
            arguments: ["--access-log", "off", "--threads", "1", "--rate-limit-reads", "5/60"], environment: ["SCO_API_RATE_LIMIT": "on"])
        defer { server.terminate() }
        let connection = try LoopbackConnection(port: server.port)
        var responses: [LoopbackConnection.Response] = []
        for _ in 0..<7 {
            try connection.send("GET", "/v1/member-states", headers: [("Accept-Encoding", "br")])
            responses.append(try connection.receive())
        }
        #expect(responses.map(\.status) == [200, 200, 200, 200, 200, 429, 429])
        let answered = responses.prefix(5)
        #expect(Set(answered.map(\.body)).count == 1)
        #expect(answered.allSatisfy { $0.headers["content-encoding"] == "br" && $0.headers["etag"] == answered.first?.headers["etag"] })
        #expect(Set(answered.compactMap { $0.headers["x-request-id"] }).count == 5)
        #expect(answered.map { $0.headers["ratelimit"] ?? "" }.map { $0.split(separator: ";")[1] } == ["r=4", "r=3", "r=2", "r=1", "r=0"])
        #expect(responses.suffix(2).allSatisfy { $0.headers["retry-after"] != nil })
        // The first was built and kept; the next four were replays; the refusals were not.
        #expect(try replays(server) == 4)
    }

    @Test func aClientRequestIDAndIfNoneMatchAreAnsweredFromTheirOwnBytes() throws {
        let server = try ServerProcess(arguments: ["--access-log", "off", "--threads", "1"])
        defer { server.terminate() }
        let connection = try LoopbackConnection(port: server.port)
        try connection.send("GET", "/v1/timeline")
        let etag = try #require(try connection.receive().headers["etag"])
        for _ in 0..<3 {
            try connection.send("GET", "/v1/timeline", headers: [("If-None-Match", etag), ("X-Request-ID", "mine-1")])
            let response = try connection.receive()
            #expect(response.status == 304)
            #expect(response.headers["etag"] == etag)
            #expect(response.headers["x-request-id"] == "mine-1")
        }
        #expect(try replays(server) == 2)
    }

    @Test func aCommitEndsTheReplayOfTheAnswerBeforeIt() throws {
        let server = try ServerProcess(arguments: ["--access-log", "off", "--threads", "1"], environment: WriteTestData.environment)
        defer { server.terminate() }
        let reader = try LoopbackConnection(port: server.port)
        func read() throws -> LoopbackConnection.Response {
            try reader.send("GET", "/v1/timeline?limit=500")
            return try reader.receive()
        }
        let before = try read()
        #expect(try read().body == before.body)
        #expect(try replays(server) == 1)
        let created = try LoopbackConnection.exchange(
            port: server.port, "POST", "/v1/timeline", headers: [WriteTestData.authorization, WriteTestData.json],
            body: WriteTestData.event("replay-after-commit"))
        #expect(created.status == 201)
        // The same bytes on the same connection and loop: answered from the new data.
        let after = try read()
        #expect(after.headers["etag"] != before.headers["etag"])
        #expect(after.text.contains("\"replay-after-commit\""))
        #expect(try read().body == after.body)
        #expect(try replays(server) == 2)
    }
}
