import Foundation
import Testing

/// `sco-api serve` refuses a token configuration it cannot use, before it listens: a message on
/// stderr that names the token but never its secret, and exit code 2.
@Suite struct TokenConfigurationTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sco-tokens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Runs `serve` on port 0 with `environment` and `arguments`; it must exit by itself.
    private func serve(_ arguments: [String] = [], environment: [String: String]) throws -> (status: Int32, stderr: String) {
        let database = directory.appendingPathComponent("db.sqlite").path
        let result = try runCommand(
            ServerProcess.binary.path, ["serve", "--port", "0", "--database", database] + arguments, environment: environment)
        return (result.status, result.stderr)
    }

    static let refusedLists: [(list: String, says: String, secret: String)] = [
        ("alice:0123456789abcdef,bob:0123456789abcdef", "same secret", "0123456789abcdef"),
        ("alice:0123456789 abcdefgh", "whitespace", "0123456789 abcdefgh"),
        ("alice:short-secret", "shorter than 16", "short-secret"),
        ("alice:0123456789abcdef,alice:fedcba9876543210", "two tokens are named 'alice'", "0123456789abcdef"),
    ]

    @Test(arguments: refusedLists)
    func aTokenListThatCannotBeUsedStopsTheServerWithExitCode2(entry: (list: String, says: String, secret: String)) throws {
        let result = try serve(environment: ["SCO_API_TOKENS": entry.list])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(entry.says), "\(result.stderr)")
        #expect(!result.stderr.contains(entry.secret), "a secret in the message: \(result.stderr)")
    }

    @Test func aTokensFileThatNamesNoTokenIsRefused() throws {
        let file = directory.appendingPathComponent("tokens")
        try Data("# no tokens yet\n\n".utf8).write(to: file)
        let result = try serve(["--tokens-file", file.path], environment: [:])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("names no token"), "\(result.stderr)")
    }

    @Test func aSecretInBothTheVariableAndTheFileIsRefused() throws {
        let file = directory.appendingPathComponent("tokens")
        try Data("carol:0123456789abcdef\n".utf8).write(to: file)
        let result = try serve(["--tokens-file", file.path], environment: ["SCO_API_TOKENS": "alice:0123456789abcdef"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("same secret"), "\(result.stderr)")
        #expect(!result.stderr.contains("0123456789abcdef"), "\(result.stderr)")
    }
}
