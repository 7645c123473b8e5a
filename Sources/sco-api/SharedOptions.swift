import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import SCOAPI

/// Options every subcommand that touches the database shares.
struct SharedOptions: ParsableArguments {
    static let defaultDatabase = "data/sco-api.sqlite"

    @Option(name: .long, help: "SQLite database file (env SCO_API_DATABASE; default \(Self.defaultDatabase)).")
    var database: String?

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical (env SCO_API_LOG_LEVEL; default info).")
    var logLevel: String?

    func databasePath(_ env: EnvironmentResolver = .process) -> String {
        env.resolve(database, variable: "SCO_API_DATABASE", option: "--database", default: Self.defaultDatabase)
    }

    func level(_ env: EnvironmentResolver = .process) throws -> LogLevel {
        if let logLevel {
            guard let level = LogLevel(name: logLevel) else {
                throw ValidationError("--log-level '\(logLevel)' is not one of \(LogLevel.allCases.map(\.description).joined(separator: ", ")).")
            }
            return level
        }
        return try env.resolve(nil, variable: "SCO_API_LOG_LEVEL", option: "--log-level", default: .info) {
            LogLevel(name: $0)
        }
    }

    func validate() throws {
        _ = try level()
        if databasePath().isEmpty { throw ValidationError("--database must not be empty.") }
    }

    func makeLogger() throws -> Logger { Logger(level: try level()) }

    /// The built-in default lives under `./data/`, which a fresh clone does not have: make it.
    /// A path the user gave must have its directory already (a typo should not grow folders).
    func createDefaultDirectoryIfUsed(_ env: EnvironmentResolver = .process) {
        guard databasePath(env) == Self.defaultDatabase else { return }
        mkdir("data", 0o755)
    }
}
