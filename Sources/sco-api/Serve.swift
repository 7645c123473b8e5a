import ArgumentParser
import HTTPServer
import SCOAPI

/// `sco-api serve`: migrate, seed an empty database, and answer HTTP until SIGTERM or SIGINT.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the API (the default command).",
        discussion: """
            On a missing or empty database it creates the file, applies the migrations and seeds the \
            bundled dataset before listening. SIGTERM or SIGINT stops accepting, drains, checkpoints the \
            WAL and exits 0.
            """
    )

    @OptionGroup var shared: SharedOptions

    @Option(help: "Address to listen on (env SCO_API_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "TCP port; 0 picks a free one (env SCO_API_PORT; default 8080).")
    var port: Int?

    @Option(help: "Event-loop threads (env SCO_API_THREADS; default: the number of cores).")
    var threads: Int?

    @Option(help: "Seconds to receive a full header section (env SCO_API_HEADER_TIMEOUT; default 10).")
    var headerTimeout: Double?

    @Option(help: "Seconds to receive a request body (env SCO_API_BODY_TIMEOUT; default 30).")
    var bodyTimeout: Double?

    @Option(help: "Seconds a keep-alive connection may sit idle (env SCO_API_IDLE_TIMEOUT; default 60).")
    var idleTimeout: Double?

    @Option(help: "Seconds a client may leave a response unread (env SCO_API_WRITE_TIMEOUT; default 30).")
    var writeTimeout: Double?

    @Option(help: "Seconds to drain in-flight requests on shutdown (env SCO_API_DRAIN_TIMEOUT; default 10).")
    var drainTimeout: Double?

    @Option(help: "Most open client connections (env SCO_API_MAX_CONNECTIONS; default 16384).")
    var maxConnections: Int?

    @Option(help: "Largest header section in bytes (env SCO_API_MAX_HEADER_BYTES; default 32768).")
    var maxHeaderBytes: Int?

    @Option(help: "Most header fields (env SCO_API_MAX_HEADER_COUNT; default 100).")
    var maxHeaderCount: Int?

    @Option(help: "Longest request target in bytes (env SCO_API_MAX_TARGET_LENGTH; default 8192).")
    var maxTargetLength: Int?

    @Option(help: "Largest request body in bytes (env SCO_API_MAX_BODY_BYTES; default 1048576).")
    var maxBodyBytes: Int?

    @Option(help: "Cache-Control max-age of cacheable reads, seconds (env SCO_API_CACHE_MAX_AGE; default 60).")
    var cacheMaxAge: Int?

    @Option(help: "Encoded responses each loop caches; 0 disables (env SCO_API_RESPONSE_CACHE_ENTRIES; default 1024).")
    var responseCacheEntries: Int?

    @Option(help: "CORS origins allowed, comma-separated, or * (env SCO_API_CORS_ORIGINS; default none).")
    var corsOrigins: String?

    @Option(help: "on or off: one JSON line per request on stderr (env SCO_API_ACCESS_LOG; default on).")
    var accessLog: String?

    @Option(help: "on or off: gzip and brotli for clients that accept them (env SCO_API_COMPRESSION; default on).")
    var compression: String?

    @Option(help: "on or off: per-client quotas, 429 beyond them (env SCO_API_RATE_LIMIT; default on).")
    var rateLimit: String?

    @Option(help: "Reads a client may make, N/seconds (env SCO_API_RATE_LIMIT_READS; default 1200/60).")
    var rateLimitReads: String?

    @Option(help: "Searches a client may make, N/seconds (env SCO_API_RATE_LIMIT_SEARCH; default 300/60).")
    var rateLimitSearch: String?

    @Option(help: "Writes a token or client may make, N/seconds (env SCO_API_RATE_LIMIT_WRITES; default 60/60).")
    var rateLimitWrites: String?

    @Option(help: "Proxies whose Forwarded/X-Forwarded-For name the client: addresses and CIDRs, comma-separated (env SCO_API_TRUSTED_PROXIES; default none).")
    var trustedProxies: String?

    @Option(help: "File of name:token lines allowed to write (env SCO_API_TOKENS_FILE; tokens also from SCO_API_TOKENS).")
    var tokensFile: String?

    @Flag(inversion: .prefixedNo, help: "Seed the bundled dataset into an empty database (env SCO_API_SEED; default on).")
    var seed: Bool?

    @Option(help: "single, primary or replica (env SCO_API_ROLE; default single: no Litestream).")
    var role: String?

    @Option(help: "The Litestream replica store: a replica follows it; a primary with no database restores from it (env SCO_API_REPLICA_URL).")
    var replicaURL: String?

    @Option(help: "The primary's URL: a replica answers writes with a 307 to it (env SCO_API_PRIMARY_URL).")
    var primaryURL: String?

    @Option(help: "The primary's Litestream control socket (env SCO_API_LITESTREAM_SOCKET).")
    var litestreamSocket: String?

    @Option(help: "on or off: acknowledge a write only once Litestream confirms it on the replica store (env SCO_API_DURABLE_REPLICATION; default off).")
    var durableReplication: String?

    @Option(help: "Seconds a durable write waits for that confirmation before a 503 (env SCO_API_REPLICATION_TIMEOUT; default 5).")
    var replicationTimeout: Double?

    @Option(help: "Seconds of lag past which a replica reports not ready (env SCO_API_MAX_LAG; default 5).")
    var maxLag: Double?

    @Option(help: "Seconds between a replica's polls of the replica store (env SCO_API_FOLLOW_INTERVAL; default 0.2).")
    var followInterval: Double?

    @Option(help: "Longest wait, seconds, for a read's SCO-Min-Seq (env SCO_API_MIN_SEQ_WAIT; default 2).")
    var minSeqWait: Double?

    @Option(help: "The litestream executable (env SCO_API_LITESTREAM; default litestream on PATH).")
    var litestream: String?

    func validate() throws {
        try shared.validate()
        _ = try checkedSettings()
    }

    func run() throws {
        let logger = try shared.makeLogger()
        let settings = try checkedSettings()
        shared.createDefaultDirectoryIfUsed()
        do {
            try ServerApplication.run(settings, logger: logger) {
                try DatabaseBootstrap.open(
                    path: settings.databasePath, seedIfEmpty: settings.seedIfEmpty, role: settings.replication.role, logger: logger)
            }
        } catch let error as ServerApplication.StartError {
            logger.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }

    /// `settings()`, with a refused token configuration reported on stderr as exit code 2 (a
    /// configuration error rather than a usage error: the command line may be right).
    private func checkedSettings() throws -> ServerApplication.Settings {
        do {
            return try settings()
        } catch let refusal as TokenSettings.Refusal {
            standardError("Error: \(refusal)")
            throw ExitCode(2)
        }
    }

    /// Every option resolved: flag, then variable, then default; a bad value is a usage error.
    func settings(_ env: EnvironmentResolver = .process) throws -> ServerApplication.Settings {
        var server = HTTPServer.Configuration()
        server.host = env.resolve(host, variable: "SCO_API_HOST", option: "--host", default: server.host)
        server.port = try env.resolve(port, variable: "SCO_API_PORT", option: "--port", default: server.port) { Int($0) }
        guard (0...65535).contains(server.port) else { throw ValidationError("--port must be between 0 and 65535.") }
        server.threads = try env.resolve(threads, variable: "SCO_API_THREADS", option: "--threads", default: server.threads) { Int($0) }
        guard (1...256).contains(server.threads) else { throw ValidationError("--threads must be between 1 and 256.") }
        server.headerTimeout = try seconds(headerTimeout, "SCO_API_HEADER_TIMEOUT", "--header-timeout", server.headerTimeout, env)
        server.bodyTimeout = try seconds(bodyTimeout, "SCO_API_BODY_TIMEOUT", "--body-timeout", server.bodyTimeout, env)
        server.idleTimeout = try seconds(idleTimeout, "SCO_API_IDLE_TIMEOUT", "--idle-timeout", server.idleTimeout, env)
        server.writeTimeout = try seconds(writeTimeout, "SCO_API_WRITE_TIMEOUT", "--write-timeout", server.writeTimeout, env)
        server.drainTimeout = try seconds(drainTimeout, "SCO_API_DRAIN_TIMEOUT", "--drain-timeout", server.drainTimeout, env)
        server.maxConnections = try count(maxConnections, "SCO_API_MAX_CONNECTIONS", "--max-connections", server.maxConnections, env)
        server.maxHeaderBytes = try count(maxHeaderBytes, "SCO_API_MAX_HEADER_BYTES", "--max-header-bytes", server.maxHeaderBytes, env)
        server.maxHeaderCount = try count(maxHeaderCount, "SCO_API_MAX_HEADER_COUNT", "--max-header-count", server.maxHeaderCount, env)
        server.maxTargetLength = try count(maxTargetLength, "SCO_API_MAX_TARGET_LENGTH", "--max-target-length", server.maxTargetLength, env)
        server.maxBodyBytes = try count(maxBodyBytes, "SCO_API_MAX_BODY_BYTES", "--max-body-bytes", server.maxBodyBytes, env)

        var api = APIConfiguration()
        api.cacheMaxAge = try env.resolve(cacheMaxAge, variable: "SCO_API_CACHE_MAX_AGE", option: "--cache-max-age", default: api.cacheMaxAge) { Int($0) }
        guard api.cacheMaxAge >= 0 else { throw ValidationError("--cache-max-age must not be negative.") }
        api.responseCacheEntries = try env.resolve(
            responseCacheEntries, variable: "SCO_API_RESPONSE_CACHE_ENTRIES", option: "--response-cache-entries",
            default: api.responseCacheEntries) { Int($0) }
        guard api.responseCacheEntries >= 0 else { throw ValidationError("--response-cache-entries must not be negative.") }
        let origins = env.resolve(corsOrigins, variable: "SCO_API_CORS_ORIGINS", option: "--cors-origins", default: "")
        api.corsOrigins = origins.split(separator: ",").map { String($0.trimmingOWS()) }.filter { !$0.isEmpty }
        api.accessLog = try Self.onOff(env.resolve(accessLog, variable: "SCO_API_ACCESS_LOG", option: "--access-log", default: "on"),
                                       option: "--access-log")
        api.compression = try Self.onOff(
            env.resolve(compression, variable: "SCO_API_COMPRESSION", option: "--compression", default: "on"), option: "--compression")
        api.rateLimits.isEnabled = try Self.onOff(
            env.resolve(rateLimit, variable: "SCO_API_RATE_LIMIT", option: "--rate-limit", default: "on"), option: "--rate-limit")
        for (value, variable, option, keyPath) in [
            (rateLimitReads, "SCO_API_RATE_LIMIT_READS", "--rate-limit-reads", \RateLimits.reads),
            (rateLimitSearch, "SCO_API_RATE_LIMIT_SEARCH", "--rate-limit-search", \RateLimits.search),
            (rateLimitWrites, "SCO_API_RATE_LIMIT_WRITES", "--rate-limit-writes", \RateLimits.writes),
        ] {
            let current = api.rateLimits[keyPath: keyPath]
            let text = env.resolve(value, variable: variable, option: option, default: "\(current.quota)/\(current.window)")
            guard let policy = RatePolicy.parse(text, name: current.name) else {
                throw ValidationError("\(option) must be N/S, N requests (1 or more) per S seconds (1 to 86400), at most \(RateLimiter.unitsPerSecondLimit) a second; got '\(text)'.")
            }
            api.rateLimits[keyPath: keyPath] = policy
        }
        let proxies = env.resolve(trustedProxies, variable: "SCO_API_TRUSTED_PROXIES", option: "--trusted-proxies", default: "")
        switch TrustedProxies.parse(proxies) {
        case .success(let parsed): api.rateLimits.trustedProxies = parsed
        case .failure(let invalid):
            throw ValidationError("--trusted-proxies takes addresses and CIDR blocks; '\(invalid.entry)' is neither.")
        }
        api.tokens = try TokenSettings.load(flagFile: tokensFile, env: env)
        let shouldSeed = try env.resolve(seed, variable: "SCO_API_SEED", option: "--seed/--no-seed", default: true) {
            switch $0.lowercased() {
            case "on", "true", "1", "yes": true
            case "off", "false", "0", "no": false
            default: nil
            }
        }
        var result = ServerApplication.Settings(
            databasePath: shared.databasePath(env), server: server, api: api, seedIfEmpty: shouldSeed)
        result.replication = try replicationSettings(env)
        return result
    }

    /// `--role` and the options that go with it, checked together.
    private func replicationSettings(_ env: EnvironmentResolver) throws -> ReplicationSettings {
        var settings = ReplicationSettings()
        let roleText = env.resolve(role, variable: "SCO_API_ROLE", option: "--role", default: "single")
        guard let parsed = ReplicationRole(rawValue: roleText.lowercased()) else {
            throw ValidationError("--role must be single, primary or replica; got '\(roleText)'.")
        }
        settings.role = parsed
        let url = env.resolve(replicaURL, variable: "SCO_API_REPLICA_URL", option: "--replica-url", default: "")
        settings.replicaURL = url.isEmpty ? nil : url
        let primary = env.resolve(primaryURL, variable: "SCO_API_PRIMARY_URL", option: "--primary-url", default: "")
        if !primary.isEmpty {
            guard primary.hasPrefix("http://") || primary.hasPrefix("https://") else {
                throw ValidationError("--primary-url must be an http:// or https:// URL; got '\(primary)'.")
            }
            settings.primaryURL = primary
        }
        let socket = env.resolve(litestreamSocket, variable: "SCO_API_LITESTREAM_SOCKET", option: "--litestream-socket", default: "")
        settings.litestreamSocket = socket.isEmpty ? nil : socket
        settings.durable = try Self.onOff(
            env.resolve(durableReplication, variable: "SCO_API_DURABLE_REPLICATION", option: "--durable-replication", default: "off"),
            option: "--durable-replication")
        settings.confirmTimeout = try seconds(replicationTimeout, "SCO_API_REPLICATION_TIMEOUT", "--replication-timeout", settings.confirmTimeout, env)
        settings.maxLag = try seconds(maxLag, "SCO_API_MAX_LAG", "--max-lag", settings.maxLag, env)
        settings.followInterval = try seconds(followInterval, "SCO_API_FOLLOW_INTERVAL", "--follow-interval", settings.followInterval, env)
        settings.minSeqWait = try seconds(minSeqWait, "SCO_API_MIN_SEQ_WAIT", "--min-seq-wait", settings.minSeqWait, env)
        guard settings.minSeqWait <= .seconds(30) else { throw ValidationError("--min-seq-wait must be at most 30 seconds.") }
        settings.litestreamPath = env.resolve(litestream, variable: "SCO_API_LITESTREAM", option: "--litestream", default: "litestream")
        switch settings.role {
        case .single:
            if settings.durable { throw ValidationError("--durable-replication needs --role primary and --litestream-socket.") }
        case .primary:
            if settings.durable, settings.litestreamSocket == nil {
                throw ValidationError("--durable-replication needs --litestream-socket, the control socket of the primary's Litestream.")
            }
        case .replica:
            guard settings.replicaURL != nil else { throw ValidationError("--role replica needs --replica-url, the replica store to follow.") }
            if settings.durable { throw ValidationError("--durable-replication is the primary's; a replica does not write.") }
        }
        return settings
    }

    private func seconds(
        _ flag: Double?, _ variable: String, _ option: String, _ fallback: Duration, _ env: EnvironmentResolver
    ) throws -> Duration {
        let value = try env.resolve(flag, variable: variable, option: option, default: -1) { Double($0) }
        if value == -1, flag == nil { return fallback }
        guard value > 0, value <= 86_400 else { throw ValidationError("\(option) must be a number of seconds above 0.") }
        return .milliseconds(Int64((value * 1000).rounded()))
    }

    private func count(_ flag: Int?, _ variable: String, _ option: String, _ fallback: Int, _ env: EnvironmentResolver) throws -> Int {
        let value = try env.resolve(flag, variable: variable, option: option, default: fallback) { Int($0) }
        guard value > 0 else { throw ValidationError("\(option) must be a positive integer.") }
        return value
    }

    /// An on/off setting's value: on, true, 1, yes or off, false, 0, no.
    static func onOff(_ text: String, option: String) throws -> Bool {
        switch text.lowercased() {
        case "on", "true", "1", "yes": true
        case "off", "false", "0", "no": false
        default: throw ValidationError("\(option) must be on or off; got '\(text)'.")
        }
    }
}
