import Foundation
import Testing

/// Many writers at once: serialized by the one writer, never a 5xx, and reads go on.
@Suite(.serialized) struct WriteConcurrencyTests {
    @Test func aHundredClientsWritingAtOnceAllGet2xx() throws {
        let server = try ServerProcess(arguments: ["--access-log", "off", "--threads", "2"], environment: WriteTestData.environment)
        defer { server.terminate() }
        // Every client connects and sends before any answer is read, so the server holds all
        // hundred requests at once.
        let clients = try (0..<100).map { _ in try LoopbackConnection(port: server.port) }
        for (index, client) in clients.enumerated() {
            try client.send("POST", "/v1/timeline", headers: [WriteTestData.authorization, WriteTestData.json],
                            body: WriteTestData.event("concurrent-\(index)"))
        }
        // A reader in the middle of it is answered too.
        let read = try LoopbackConnection.exchange(port: server.port, "GET", "/v1/summit")
        #expect(read.status == 200)
        let statuses = try clients.map { try $0.receive().status }
        #expect(statuses.allSatisfy { $0 == 201 }, "\(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")

        let changes = try LoopbackConnection.exchange(port: server.port, "GET", "/v1/changes?limit=500")
        let object = try JSONSerialization.jsonObject(with: Data(changes.body)) as? [String: Any]
        let items = object?["items"] as? [[String: Any]] ?? []
        let created = items.filter { $0["operation"] as? String == "create" }.compactMap { $0["id"] as? String }
        #expect(Set(created) == Set((0..<100).map { "concurrent-\($0)" }))
        let seqs = items.compactMap { $0["seq"] as? Int }
        #expect(seqs == seqs.sorted() && Set(seqs).count == seqs.count)
    }

    @Test func aHundredClientsEditingOneRecordGetOneWinnerAndPreconditionFailures() throws {
        let server = try ServerProcess(arguments: ["--access-log", "off"], environment: WriteTestData.environment)
        defer { server.terminate() }
        let path = "/v1/timeline/sco-founded"
        let etag = try #require(try LoopbackConnection.exchange(port: server.port, "GET", path).headers["etag"])
        let clients = try (0..<100).map { _ in try LoopbackConnection(port: server.port) }
        for (index, client) in clients.enumerated() {
            try client.send("PATCH", path, headers: [
                WriteTestData.authorization, ("Content-Type", "application/merge-patch+json"), ("If-Match", etag),
            ], body: Array(#"{"note": "Edit \#(index)"}"#.utf8))
        }
        let statuses = try clients.map { try $0.receive().status }
        #expect(statuses.filter { $0 == 200 }.count == 1, "exactly one edit of that version wins")
        #expect(statuses.filter { $0 == 412 }.count == 99, "\(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")
    }
}
