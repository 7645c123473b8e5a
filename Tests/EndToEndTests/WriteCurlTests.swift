import Foundation
import Testing

/// The write API as a user drives it with curl: tokens, If-Match round trips, refusals.
@Suite(.serialized) struct WriteCurlTests {
    @Test func ifMatchRoundTripWithCurl() throws {
        let server = try ServerProcess(environment: WriteTestData.environment)
        let url = server.baseURL + "/v1/timeline/sco-founded"
        let auth = ["-H", "Authorization: Bearer \(WriteTestData.secret)"]
        let patch = auth + ["-X", "PATCH", "-H", "Content-Type: application/merge-patch+json"]

        let first = try curl(url)
        let etag = try #require(Self.header("etag", in: first.headers))
        let edited = try curl(url, patch + ["-H", "If-Match: \(etag)", "--data", #"{"note": "Edited with curl."}"#])
        #expect(edited.status == 200, "\(edited.body)")
        let newTag = try #require(Self.header("etag", in: edited.headers))
        #expect(newTag != etag)
        let reread = try curl(url)
        #expect(Self.header("etag", in: reread.headers) == newTag)
        #expect(reread.body.contains("Edited with curl."))

        let stale = try curl(url, patch + ["-H", "If-Match: \(etag)", "--data", #"{"note": "Lost update?"}"#])
        #expect(stale.status == 412)
        #expect(Self.header("content-type", in: stale.headers) == "application/problem+json")
        #expect(try curl(url, patch + ["--data", #"{"note": "No tag"}"#]).status == 428)
        let anonymous = try curl(url, ["-X", "PATCH", "-H", "Content-Type: application/merge-patch+json", "--data", "{}"])
        #expect(anonymous.status == 401)
        #expect(Self.header("www-authenticate", in: anonymous.headers)?.hasPrefix("Bearer") == true)
        let wrong = try curl(url, ["-X", "DELETE", "-H", "Authorization: Bearer not-the-token-0000000000"])
        #expect(wrong.status == 401)
        #expect(try curl(server.baseURL + "/v1/timeline", auth + ["-H", "Content-Type: application/json", "--data", "{oops"]).status == 400)
        #expect(try curl(server.baseURL + "/v1/timeline", auth + ["-H", "Content-Type: text/plain", "--data", "{}"]).status == 415)
        let deleted = try curl(url, auth + ["-X", "DELETE", "-H", "If-Match: \(newTag)"])
        #expect(deleted.status == 204)
        #expect(try curl(url).status == 404)

        #expect(server.terminate() == 0)
        let log = server.standardErrorText()
        #expect(!log.contains(WriteTestData.secret), "the token reached the log")
        #expect(log.contains(#""token":"e2e""#))
    }

    @Test func exportIncludesWritesAndSeedRefusesToDiscardThem() throws {
        let server = try ServerProcess(environment: WriteTestData.environment)
        let posted = try curl(server.baseURL + "/v1/timeline", [
            "-H", "Authorization: Bearer \(WriteTestData.secret)", "-H", "Content-Type: application/json",
            "--data-binary", String(decoding: WriteTestData.event("exported-event"), as: UTF8.self),
        ])
        #expect(posted.status == 201, "\(posted.body)")
        #expect(server.terminate() == 0)
        let exported = try runCommand(ServerProcess.binary.path, ["export", "--database", server.databasePath])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("\"id\" : \"exported-event\""))
        let seeded = try runCommand(ServerProcess.binary.path, ["seed", "--database", server.databasePath])
        #expect(seeded.status != 0, "a seed over edits is refused without --replace")
        #expect(seeded.stderr.contains("edited"), "\(seeded.stderr)")
        let replaced = try runCommand(ServerProcess.binary.path, ["seed", "--replace", "--database", server.databasePath])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let after = try runCommand(ServerProcess.binary.path, ["export", "--database", server.databasePath])
        #expect(!after.stdout.contains("exported-event"))
    }

    @Test func withoutTokensWritesAre403AndTheLogSaysSo() throws {
        let server = try ServerProcess()
        let refused = try curl(server.baseURL + "/v1/timeline", ["-H", "Content-Type: application/json", "--data", "{}"])
        #expect(refused.status == 403)
        #expect(refused.body.contains("SCO_API_TOKENS"))
        #expect(server.terminate() == 0)
        #expect(server.standardErrorText().contains("disabled (no tokens)"))
    }

    static func header(_ name: String, in headers: String) -> String? {
        for line in headers.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
