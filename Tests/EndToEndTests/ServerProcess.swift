import Foundation
import Testing

/// The built `sco-api` binary, run as a user would run it, on a port the kernel picks.
///
/// Start-up is synchronised on the banner the server prints once it listens, never on a sleep.
final class ServerProcess {
    let process = Process()
    let port: Int
    let directory: URL
    let databasePath: String
    private let stderrPipe = Pipe()
    private let stdoutPipe = Pipe()

    /// The binary next to the test bundle (both live in SwiftPM's build directory).
    static var binary: URL {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("sco-api")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("sco-api")
    }

    /// Starts `sco-api serve` on port 0 over a fresh directory (or `database` if given), with
    /// rate limits off unless `environment` sets `SCO_API_RATE_LIMIT` (many tests send far more
    /// than a client's quota from one address; `RateLimitProcessTests` turns them on).
    init(arguments: [String] = [], environment: [String: String] = [:], database: String? = nil) throws {
        var environment = environment
        if environment["SCO_API_RATE_LIMIT"] == nil { environment["SCO_API_RATE_LIMIT"] = "off" }
        directory = try TemporaryDirectory.make()
        databasePath = database ?? directory.appendingPathComponent("sco.sqlite").path
        process.executableURL = Self.binary
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--database", databasePath] + arguments
        process.environment = childEnvironment(environment)
        process.currentDirectoryURL = directory
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
        port = try Self.readPort(from: stdoutPipe.fileHandleForReading, process: process)
    }

    /// Reads stdout until the banner `sco-api is serving http://127.0.0.1:PORT/v1`.
    private static func readPort(from handle: FileHandle, process: Process) throws -> Int {
        var text = ""
        while true {
            let data = handle.availableData
            if data.isEmpty { throw StartFailure(output: text, status: process.isRunning ? nil : process.terminationStatus) }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: "http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits), text[range.upperBound...].dropFirst(digits.count).hasPrefix("/") { return port }
            }
        }
    }

    struct StartFailure: Error, CustomStringConvertible {
        var output: String
        var status: Int32?
        var description: String { "server did not start (status \(status.map(String.init) ?? "running")): \(output)" }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Sends SIGTERM and waits for the exit status. A status other than 0 is printed with the
    /// server's stderr, so a failed expectation on it (a sanitizer's report, say) shows why.
    @discardableResult
    func terminate() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let status = process.terminationStatus
        if status != 0 {
            print("sco-api on port \(port) exited with status \(status); its stderr:\n\(standardErrorText())")
        }
        return status
    }

    private var standardErrorCache: String?

    /// Everything the server wrote to stderr (call after it exited).
    func standardErrorText() -> String {
        if let standardErrorCache { return standardErrorCache }
        let text = String(decoding: stderrPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        standardErrorCache = text
        return text
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

enum TemporaryDirectory {
    static func make() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sco-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs a command to completion and returns its status and output.
func runCommand(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = childEnvironment(environment)
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// `curl` as a user would run it; returns the status code and the body.
func curl(_ url: String, _ extra: [String] = []) throws -> (status: Int, headers: String, body: String) {
    let directory = try TemporaryDirectory.make()
    defer { try? FileManager.default.removeItem(at: directory) }
    let headerFile = directory.appendingPathComponent("headers").path
    let result = try runCommand("/usr/bin/curl", ["-sS", "-D", headerFile, "-w", "\n%{http_code}"] + extra + [url])
    var body = result.stdout
    let statusLine = body.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    body.removeLast(min(body.count, statusLine.count + 1))
    let headers = (try? String(contentsOfFile: headerFile, encoding: .utf8)) ?? ""
    return (Int(statusLine) ?? 0, headers, body)
}

/// The environment of a process a test starts: ours without any `SCO_API_*` setting, then
/// `extra`. Under `swift test --sanitize=address` the binary runs LeakSanitizer at exit, which
/// reports the values of Swift's lazily initialised globals (made once under `swift_once`, kept
/// until exit) as leaks; `Tests/lsan.supp` suppresses exactly those, so that any other leak
/// still fails the test. Without a sanitizer the variable is ignored.
func childEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SCO_API_") }
    let suppressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("lsan.supp").path
    if environment["LSAN_OPTIONS"] == nil {
        // print_suppressions=0: the binary's stderr stays JSON lines (tests parse it).
        environment["LSAN_OPTIONS"] = "suppressions=\(suppressions):print_suppressions=0"
    }
    environment.merge(extra) { $1 }
    return environment
}
