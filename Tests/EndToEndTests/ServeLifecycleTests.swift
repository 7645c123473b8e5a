import Foundation
import Testing

@Suite(.serialized) struct ServeLifecycleTests {
    @Test func answersHealthAndExitsZeroOnSIGTERM() throws {
        let server = try ServerProcess()
        let health = try curl(server.baseURL + "/healthz")
        #expect(health.status == 200)
        #expect(health.body == #"{"status":"ok"}"#)
        #expect(health.headers.lowercased().contains("x-request-id:"))
        #expect(server.terminate() == 0)
        let log = server.standardErrorText()
        let lines = log.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["time"] is String && object?["level"] is String && object?["message"] is String, "\(line)")
        }
        #expect(log.contains(#""message":"serving""#))
        #expect(log.contains(#""message":"request""#))
        #expect(log.contains(#""message":"checkpointed the WAL""#))
    }

    @Test func echoesTheClientsRequestID() throws {
        let server = try ServerProcess()
        let answer = try curl(server.baseURL + "/healthz", ["-H", "X-Request-ID: probe-42"])
        #expect(answer.headers.contains("X-Request-ID: probe-42"))
        #expect(server.terminate() == 0)
        #expect(server.standardErrorText().contains(#""requestId":"probe-42""#))
    }

    @Test func accessLogOffWritesNoRequestLines() throws {
        let server = try ServerProcess(arguments: ["--access-log", "off"])
        #expect(try curl(server.baseURL + "/healthz").status == 200)
        #expect(server.terminate() == 0)
        #expect(!server.standardErrorText().contains(#""message":"request""#))
    }

    @Test func aVariableConfiguresAndAFlagWins() throws {
        let server = try ServerProcess(environment: ["SCO_API_ACCESS_LOG": "off", "SCO_API_PORT": "1"])
        // --port 0 on the command line wins over SCO_API_PORT=1 (which would need root).
        #expect(try curl(server.baseURL + "/healthz").status == 200)
        #expect(server.terminate() == 0)
        #expect(!server.standardErrorText().contains(#""message":"request""#))
    }
}

@Suite struct CommandLineTests {
    @Test func badInputIsAUsageMessageAndANonZeroExit() throws {
        let binary = ServerProcess.binary.path
        let badPort = try runCommand(binary, ["serve", "--port", "70000"])
        #expect(badPort.status != 0)
        #expect(badPort.stderr.contains("--port"))
        let unknown = try runCommand(binary, ["serve", "--colour", "red"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("Usage") || unknown.stderr.contains("USAGE"))
        let badVariable = try runCommand(binary, ["serve", "--port", "0"], environment: ["SCO_API_THREADS": "many"])
        #expect(badVariable.status != 0)
        #expect(badVariable.stderr.contains("SCO_API_THREADS"))
    }

    @Test func everySubcommandHasHelp() throws {
        for command in ["serve", "migrate", "seed", "export", "healthcheck"] {
            let help = try runCommand(ServerProcess.binary.path, [command, "--help"])
            #expect(help.status == 0, "\(command) --help")
            #expect(help.stdout.contains("USAGE: sco-api \(command)"), "\(command)")
        }
    }

    @Test func migrateRefusesAMissingDirectoryAndANonDatabase() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = try runCommand(ServerProcess.binary.path, ["migrate", "--database", "/nonexistent-dir/x.sqlite"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("does not exist"))
        let junk = directory.appendingPathComponent("junk.sqlite")
        try Data("this is not sqlite".utf8).write(to: junk)
        let notDatabase = try runCommand(ServerProcess.binary.path, ["migrate", "--database", junk.path])
        #expect(notDatabase.status == 1)
        #expect(notDatabase.stderr.contains("not an SQLite database"))
        #expect(try Data(contentsOf: junk) == Data("this is not sqlite".utf8))
        let serve = try runCommand(ServerProcess.binary.path, ["serve", "--port", "0", "--database", junk.path])
        #expect(serve.status == 1)
    }

    @Test func migrateAppliesThenReportsNothingToDoAndListsStatus() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("m.sqlite").path
        let first = try runCommand(ServerProcess.binary.path, ["migrate", "--database", path])
        #expect(first.status == 0)
        #expect(first.stdout.contains("applied  0001_initial.sql"))
        let second = try runCommand(ServerProcess.binary.path, ["migrate", "--database", path])
        #expect(second.stdout.contains("Nothing to do"))
        let status = try runCommand(ServerProcess.binary.path, ["migrate", "--status", "--database", path])
        #expect(status.status == 0)
        #expect(status.stdout.hasPrefix("applied  0001_initial.sql"))
    }

    @Test func healthcheckFailsWhenNothingListens() throws {
        let result = try runCommand(ServerProcess.binary.path, ["healthcheck", "--port", "1"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("unhealthy"))
    }
}
