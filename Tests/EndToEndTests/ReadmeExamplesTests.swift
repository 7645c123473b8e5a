import Foundation
import Testing

/// Every `curl` line of the README runs against a live server, so the README cannot drift.
///
/// A line's expected status is its trailing `# NNN` comment, 200 when it has none; the line
/// itself (pipes included) must also succeed and print something.
@Suite struct ReadmeExamplesTests {
    struct Example: CustomStringConvertible {
        var line: String
        var expectedStatus: Int
        var description: String { line }
    }

    static var readme: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
    }

    static func examples() throws -> [Example] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        var examples: [Example] = []
        var inShell = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inShell = line == "```sh"
                continue
            }
            guard inShell, line.hasPrefix("curl ") else { continue }
            var command = String(line)
            var status = 200
            if let hash = command.range(of: "   # ") {
                status = Int(command[hash.upperBound...].prefix { $0.isNumber }) ?? 200
                command = String(command[..<hash.lowerBound])
            }
            examples.append(Example(line: command, expectedStatus: status))
        }
        return examples
    }

    /// The write token the README exports (`export SCO_API_TOKEN=…`), which the examples use as
    /// `$SCO_API_TOKEN` and the test server is given as `SCO_API_TOKENS=readme:<token>`.
    static func token() throws -> String {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let prefix = "export SCO_API_TOKEN="
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(prefix) }, "the README exports SCO_API_TOKEN")
        return String(line.dropFirst(prefix.count))
    }

    @Test func theReadmeHasACurlExampleForEveryRoute() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 29)
        let server = try ServerProcess(arguments: ["--access-log", "off"])
        defer { server.terminate() }
        let document = try curl(server.baseURL + "/openapi.json")
        let openAPI = try JSONSerialization.jsonObject(with: Data(document.body.utf8)) as? [String: Any]
        let paths = (openAPI?["paths"] as? [String: Any])?.keys.sorted() ?? []
        #expect(!paths.isEmpty)
        for path in paths {
            let pattern = path.replacingOccurrences(of: #"\{[^}]+\}"#, with: "[^/?\"]+", options: .regularExpression)
            let regex = try Regex("8080" + pattern + "([?\" ]|$)")
            #expect(examples.contains { $0.line.contains(regex) }, "no README example for \(path)")
        }
    }

    /// Each line runs once, in order, as a user would paste it (writes change what later lines
    /// see, and a POST must not run twice): its curl also dumps the response head (`-D`) to a
    /// file, whose last status line is the answer's status.
    @Test func everyCurlExampleAnswersAsDocumented() throws {
        let token = try Self.token()
        // The README's defaults, rate limits included: its examples stay well inside the quotas.
        let server = try ServerProcess(
            arguments: ["--access-log", "off"], environment: ["SCO_API_TOKENS": "readme:\(token)", "SCO_API_RATE_LIMIT": "on"])
        defer { server.terminate() }
        let headFile = server.directory.appendingPathComponent("readme-head").path
        for example in try Self.examples() {
            let line = example.line.replacingOccurrences(of: "http://127.0.0.1:8080", with: server.baseURL)
            try? FileManager.default.removeItem(atPath: headFile)
            let dumped = "curl -D \(headFile) " + line.dropFirst("curl ".count)
            let run = try runCommand("/bin/bash", ["-o", "pipefail", "-c", dumped], environment: ["SCO_API_TOKEN": token])
            // `curl … | head -1` may find the pipe closed before it has written the whole answer
            // (curl's exit 23, a write error); what the line shows is the same either way.
            let pipeClosedEarly = run.status == 23 && example.line.contains("| head")
            #expect(run.status == 0 || pipeClosedEarly, "\(example.line) exited \(run.status): \(run.stderr)")
            #expect(!run.stdout.isEmpty, "\(example.line) printed nothing")
            let head = (try? String(contentsOfFile: headFile, encoding: .utf8)) ?? ""
            let status = head.split(separator: "\r\n").last { $0.hasPrefix("HTTP/") }?.split(separator: " ").dropFirst().first
            #expect(status.map(String.init) == String(example.expectedStatus), "\(example.line): \(head)")
        }
    }
}
