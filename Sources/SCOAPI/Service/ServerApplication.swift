#if canImport(Glibc)
import Glibc
#endif
import HTTPServer
import SCOData

/// `sco-api serve` as library code: open the store the executable wires, listen, serve, shut
/// down.
public enum ServerApplication {
    /// Everything `serve` needs, resolved from flags and variables by the executable.
    public struct Settings: Sendable {
        public var databasePath: String
        public var server: HTTPServer.Configuration
        public var api: APIConfiguration
        public var seedIfEmpty: Bool
        /// The server's part in replication; `.single` (none) by default.
        public var replication = ReplicationSettings()

        public init(databasePath: String, server: HTTPServer.Configuration, api: APIConfiguration, seedIfEmpty: Bool) {
            self.databasePath = databasePath
            self.server = server
            self.api = api
            self.seedIfEmpty = seedIfEmpty
        }
    }

    /// Why the server could not start: one line for the log, and the exit code.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
        public var exitCode: Int32
    }

    /// Runs the server on the store `openStore` opens until SIGTERM or SIGINT has drained it.
    public static func run(_ settings: Settings, logger: Logger, openStore: () throws -> any DatasetStore) throws {
        let started = MonotonicInstant.now()
        let wallStart = Double(time(nil))
        logger.info("starting", [
            ("database", .string(settings.databasePath)), ("threads", .int(settings.server.threads)),
            ("role", .string(settings.replication.role.rawValue)),
            ("pid", .int(Int(getpid()))),
        ])
        let replication: Replication
        do {
            replication = try Replication.prepare(settings.replication, databasePath: settings.databasePath, logger: logger)
        } catch {
            throw StartError(description: "cannot start as \(settings.replication.role.rawValue): \(error)", exitCode: 1)
        }
        defer { replication.stop() }
        let store: any DatasetStore
        do {
            store = try openStore()
        } catch let error as StartError {
            throw error
        } catch {
            throw StartError(description: "cannot open the database: \(error)", exitCode: 1)
        }
        let service = APIService(
            store: store, configuration: settings.api, logger: logger, startedAt: wallStart, replication: replication)
        var configuration = settings.server
        configuration.eventSink = LoggerEventSink(logger: logger)
        let server: HTTPServer
        do {
            server = try HTTPServer(configuration: configuration, responder: service)
        } catch {
            throw StartError(
                description: "cannot listen on \(configuration.host):\(configuration.port): \(error)", exitCode: 1)
        }
        if let shortfall = DescriptorBudget.shortfall(loops: configuration.threads) {
            throw StartError(description: shortfall, exitCode: 1)
        }
        service.attach(server)
        server.installSignalHandlers()
        replication.whenFollowerFails { _ in server.shutdown() }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let url = "http://\(host):\(server.boundPort)/v1"
        logger.notice("serving", [
            ("url", .string(url)), ("port", .int(server.boundPort)),
            ("writes", .string(settings.api.tokens.isEmpty ? "disabled (no tokens)" : "enabled (\(settings.api.tokens.count) tokens)")),
            ("startupUs", .int(MonotonicInstant.now().microseconds(since: started))),
        ])
        let banner = Array("sco-api is serving \(url) (OpenAPI: http://\(host):\(server.boundPort)/openapi.json); Ctrl-C stops it.\n".utf8)
        _ = banner.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        try server.run()
        let closed = store.close()
        logger.log(closed.succeeded ? .info : .warning, closed.message, closed.fields.map { ($0.0, .int($0.1)) })
        if let failure = replication.failure {
            throw StartError(description: "stopped because \(failure); start the replica again to restore and follow anew", exitCode: 1)
        }
        logger.notice("stopped")
    }
}

/// Server events (accept back-off, descriptor limits, drain) as log lines.
struct LoggerEventSink: ServerEventSink {
    let logger: Logger

    func serverEvent(_ level: ServerEventLevel, _ message: String, _ fields: [(String, String)]) {
        let logLevel: LogLevel
        switch level {
        case .debug: logLevel = .debug
        case .info: logLevel = .info
        case .warning: logLevel = .warning
        case .error: logLevel = .error
        }
        logger.log(logLevel, message, fields.map { ($0.0, .string($0.1)) })
    }
}
