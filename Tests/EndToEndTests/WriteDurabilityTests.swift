import Foundation
import Testing

/// A write answered 2xx survives `kill -9` the moment the answer arrives (WAL, synchronous=FULL).
@Suite(.serialized) struct WriteDurabilityTests {
    @Test func acknowledgedWritesSurviveKillNineRoundAfterRound() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("durable.sqlite").path
        var acknowledged: [String] = []
        var unacknowledged: [String] = []
        let rounds = 20
        for round in 0...rounds {
            let server = try ServerProcess(arguments: ["--access-log", "off"], environment: WriteTestData.environment, database: database)
            // Everything acknowledged before the last kill is there, whole.
            let list = try LoopbackConnection.exchange(port: server.port, "GET", "/v1/timeline?limit=500&fields=id")
            #expect(list.status == 200)
            let ids = Set(((try JSONSerialization.jsonObject(with: Data(list.body)) as? [String: Any])?["items"] as? [[String: Any]] ?? [])
                .compactMap { $0["id"] as? String })
            let missing = acknowledged.filter { !ids.contains($0) }
            #expect(missing.isEmpty, "round \(round): acknowledged writes lost: \(missing)")
            for id in unacknowledged where ids.contains(id) {
                let event = try LoopbackConnection.exchange(port: server.port, "GET", "/v1/timeline/\(id)")
                #expect(event.status == 200 && event.text.contains("Event \(id)"), "a write cut short is whole or absent")
            }
            if round == rounds {
                server.terminate()
                break
            }
            // Three writes, each acknowledged; then a fourth, and kill -9 as soon as the third's
            // answer is in, whether or not the fourth was answered.
            for index in 0..<3 {
                let id = "durable-\(round)-\(index)"
                let response = try LoopbackConnection.exchange(
                    port: server.port, "POST", "/v1/timeline", headers: [WriteTestData.authorization, WriteTestData.json],
                    body: WriteTestData.event(id))
                #expect(response.status == 201, "\(response.text)")
                if response.status == 201 { acknowledged.append(id) }
            }
            let pending = try LoopbackConnection(port: server.port)
            try pending.send("POST", "/v1/timeline", headers: [WriteTestData.authorization, WriteTestData.json],
                             body: WriteTestData.event("maybe-\(round)"))
            unacknowledged.append("maybe-\(round)")
            kill(server.process.processIdentifier, SIGKILL)
            server.process.waitUntilExit()
            #expect(server.process.terminationReason == .uncaughtSignal)
        }
        #expect(acknowledged.count == rounds * 3)
        #expect(try WriteTestData.integrityCheck(database) == "ok")
    }
}
