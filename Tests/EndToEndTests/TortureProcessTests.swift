import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A finished command: how it ended and what it wrote.
struct LaunchedCommand: CustomStringConvertible {
    /// The exit status, or nil when a signal ended it (a crash, for these tests).
    var exitStatus: Int32?
    /// The signal that ended it, if one did.
    var signal: Int32?
    var stdout: String
    var stderr: String

    var description: String {
        let end = exitStatus.map { "exit \($0)" } ?? "killed by signal \(signal ?? 0)"
        return "\(end); stderr: \(stderr.suffix(300))"
    }

    /// Runs `sco-api ARGUMENTS` to completion (killing it after `timeout` seconds).
    ///
    /// `prefix` runs it through another program (`setpriv` to drop root); `fileSizeBlocks` and
    /// `openFiles` run it under `ulimit -f` and `ulimit -n` through /bin/sh.
    static func run(
        _ arguments: [String], prefix: [String] = [], fileSizeBlocks: Int? = nil, openFiles: Int? = nil,
        timeout: Double = 60
    ) throws -> LaunchedCommand {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("stdout")
        let err = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        let command = makeCommand(arguments, prefix: prefix, fileSizeBlocks: fileSizeBlocks, openFiles: openFiles)
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = childEnvironment()
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        let stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        if process.terminationReason == .uncaughtSignal {
            return LaunchedCommand(exitStatus: nil, signal: process.terminationStatus, stdout: stdout, stderr: stderr)
        }
        return LaunchedCommand(exitStatus: process.terminationStatus, signal: nil, stdout: stdout, stderr: stderr)
    }

    /// The argument vector: the binary, under /bin/sh when limits are asked for.
    static func makeCommand(_ arguments: [String], prefix: [String], fileSizeBlocks: Int?, openFiles: Int?) -> [String] {
        var limits: [String] = []
        if let fileSizeBlocks { limits.append("ulimit -f \(fileSizeBlocks)") }
        if let openFiles { limits.append("ulimit -n \(openFiles)") }
        let binary = prefix + [ServerProcess.binary.path] + arguments
        guard !limits.isEmpty else { return binary }
        // The test runner may ignore SIGXFSZ, and an ignored signal stays ignored across exec:
        // put it back to its default (coreutils env), so the binary must ignore it itself.
        return ["/usr/bin/env", "--default-signal=XFSZ", "/bin/sh", "-c",
                limits.joined(separator: " && ") + " && exec \"$0\" \"$@\""] + binary
    }
}

/// `sco-api serve` on port 0 over a given database, optionally under `ulimit -n` or `-f`; like
/// `ServerProcess`, but a server that refuses to start is a value to inspect, not an error.
final class LaunchedServer {
    struct Refusal: Error {
        var outcome: LaunchedCommand
    }

    let process = Process()
    let port: Int
    private let stderrFile: URL
    private let directory: URL

    init(
        database: String, arguments: [String] = ["--access-log", "off"], openFiles: Int? = nil,
        fileSizeBlocks: Int? = nil, environment: [String: String] = [:]
    ) throws {
        let workDirectory = try TemporaryDirectory.make()
        directory = workDirectory
        stderrFile = workDirectory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        let command = LaunchedCommand.makeCommand(
            ["serve", "--host", "127.0.0.1", "--port", "0", "--database", database] + arguments,
            prefix: [], fileSizeBlocks: fileSizeBlocks, openFiles: openFiles)
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = childEnvironment(environment)
        process.currentDirectoryURL = directory
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
        var text = ""
        while true {
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty {
                process.waitUntilExit()
                let stderr = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
                let signalled = process.terminationReason == .uncaughtSignal
                try? FileManager.default.removeItem(at: workDirectory)  // deinit will not run
                throw Refusal(outcome: LaunchedCommand(
                    exitStatus: signalled ? nil : process.terminationStatus,
                    signal: signalled ? process.terminationStatus : nil, stdout: text, stderr: stderr))
            }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: "http://127.0.0.1:"),
               let port = Int(text[range.upperBound...].prefix { $0.isNumber }) {
                self.port = port
                return
            }
        }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// SIGTERM, then the exit status (a signal number shows as 128 + n). A status other than 0 is
    /// printed with the server's stderr, so a failed expectation on it shows why.
    func terminate() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        if status != 0 {
            print("sco-api on port \(port) exited with status \(status); its stderr:\n\(standardErrorText())")
        }
        return status
    }

    func standardErrorText() -> String {
        (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

/// The launchers above are what the fault tests trust to tell a crash from an exit.
@Suite struct TortureProcessTests {
    @Test func aDeathBySignalIsReportedAsASignalNotAnExitStatus() throws {
        let outcome = try LaunchedCommand.run(["--version"], prefix: ["/bin/sh", "-c", "kill -9 $$"])
        #expect(outcome.exitStatus == nil)
        #expect(outcome.signal == SIGKILL)
    }

    @Test func limitsReachTheServerAndARefusalCarriesItsMessage() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("sco.sqlite").path
        #expect(throws: LaunchedServer.Refusal.self) { try LaunchedServer(database: database, openFiles: 12) }
        do {
            _ = try LaunchedServer(database: database, openFiles: 12)
        } catch let refusal as LaunchedServer.Refusal {
            #expect(refusal.outcome.exitStatus == 1, "\(refusal.outcome)")
            #expect(refusal.outcome.stderr.contains("Too many open files") || refusal.outcome.stderr.contains("open file limit"),
                    "\(refusal.outcome.stderr)")
        }
        let server = try LaunchedServer(database: database, openFiles: 64)
        #expect(try curl(server.baseURL + "/healthz").status == 200)
        #expect(server.terminate() == 0)
    }
}
