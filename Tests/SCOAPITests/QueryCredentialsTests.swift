import HTTPServer
import Testing
@testable import SCOAPI

/// A token in the query string is refused and never logged.
@Suite struct QueryCredentialsTests {
    let secret = "s3cret-token-value-0123456789"

    @Test(arguments: ["access_token", "token", "api_key", "Access_Token", "access%5Ftoken"])
    func aCredentialInTheQueryIsA400ThatSaysToUseAuthorization(name: String) throws {
        let api = try APIHarness()
        let response = try api.send("/v1/timeline?limit=2&\(name)=\(secret)")
        #expect(response.status == .badRequest)
        #expect(response.text.contains("Authorization"), "\(response.text)")
        #expect(!response.text.contains(secret))
        let log = api.logSink.lines.joined(separator: "\n")
        #expect(!log.contains(secret), "the secret reached the log: \(log)")
        #expect(log.contains("[redacted]"), "\(log)")
        #expect(log.contains("limit=2"), "the rest of the target is kept: \(log)")
    }

    @Test func aWriteWithTheTokenInTheQueryIsRefusedBeforeItIsAuthorised() throws {
        let api = try APIHarness { $0.tokens = [APIToken(name: "editor", secret: secret)] }
        let response = try api.send(
            "/v1/timeline?access_token=\(secret)", method: .post, headers: [("Content-Type", "application/json")], body: Array("{}".utf8))
        #expect(response.status == .badRequest)
        #expect(!api.logSink.lines.joined().contains(secret))
    }

    @Test func redactionLeavesOtherTargetsAlone() throws {
        let target = "/v1/search?q=token&kind=statement"
        #expect(QueryCredentials.redacted(target) == target)
        let withKey = "/v1/search?q=x&key=abc&kind=event"
        #expect(QueryCredentials.redacted(withKey) == "/v1/search?q=x&key=[redacted]&kind=event")
    }

    @Test func aTargetWithoutCredentialsIsLoggedAsSent() throws {
        let api = try APIHarness()
        #expect(try api.send("/v1/timeline?limit=2&kind=military").status == .ok)
        #expect(api.logSink.lines.joined().contains("/v1/timeline?limit=2&kind=military"))
    }
}
