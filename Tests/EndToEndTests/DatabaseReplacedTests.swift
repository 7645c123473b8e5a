import Foundation
import Testing

/// The database file deleted or replaced under a running server: no write is acknowledged that a
/// restart would lose, `/readyz` stops claiming readiness, and reads of the file it holds go on.
@Suite struct DatabaseReplacedTests {
    let token = "replaced-token-0123456789abcdef"

    private func write(_ server: LaunchedServer, id: String) throws -> (status: Int, headers: String, body: String) {
        try curl(server.baseURL + "/v1/timeline", [
            "-X", "POST", "-H", "Authorization: Bearer \(token)", "-H", "Content-Type: application/json",
            "--data-binary", FaultFiles.eventBody(id: id),
        ])
    }

    @Test(arguments: ["deleted", "replaced", "wal deleted"])
    func writesAfterTheFileIsGoneAre503AndNoneIsLost(fault: String) throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try FaultFiles.seededDatabase(in: directory)
        let server = try LaunchedServer(database: path, environment: ["SCO_API_TOKENS": "torture:\(token)"])
        #expect(try write(server, id: "before-the-fault").status == 201)
        #expect(try curl(server.baseURL + "/readyz").status == 200)
        let files = FileManager.default
        switch fault {
        case "deleted":
            try files.removeItem(atPath: path)
        case "replaced":
            let copy = directory.appendingPathComponent("copy.sqlite").path
            try files.copyItem(atPath: path, toPath: copy)
            _ = rename(copy, path)
        default:
            try files.removeItem(atPath: path + "-wal")
        }
        let refused = try write(server, id: "after-the-fault")
        #expect(refused.status == 503, "\(fault): \(refused.body)")
        #expect(refused.body.contains("deleted or replaced"), "\(refused.body)")
        #expect(refused.headers.lowercased().contains("application/problem+json"))
        let ready = try curl(server.baseURL + "/readyz")
        #expect(ready.status == 503, "\(fault): readyz \(ready.status) \(ready.body)")
        #expect(try curl(server.baseURL + "/v1/timeline?limit=1").status == 200, "reads go on")
        for number in 0..<3 {
            #expect(try write(server, id: "again-\(number)").status == 503)
            #expect(try curl(server.baseURL + "/readyz").status == 503)
        }
        #expect(server.terminate() == 0)
        // Said once, however often a write or /readyz meets it.
        let said = server.standardErrorText().components(separatedBy: "\n")
            .filter { $0.contains("\"database file replaced\"") }
        #expect(said.count == 1, "\(fault): \(said)")
        #expect(!server.standardErrorText().contains("\"database error\""), "\(fault)")
    }
}
