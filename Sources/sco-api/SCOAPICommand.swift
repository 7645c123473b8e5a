import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The `sco-api` command line: subcommands only; each parses, wires and calls library code.
@main
struct SCOAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sco-api",
        abstract: "A JSON API over the 2008 SCO summit in Dushanbe and the August 2008 Russia–Georgia war.",
        discussion: """
            Every option can also be set by an SCO_API_* environment variable (named in each option's help);
            a flag given on the command line wins over the variable.
            """,
        version: "1.0.0",
        subcommands: [Serve.self, Migrate.self, Seed.self, Export.self, Healthcheck.self],
        defaultSubcommand: Serve.self
    )

    /// Ignores SIGXFSZ before any subcommand runs: under RLIMIT_FSIZE (`ulimit -f`, `prlimit
    /// --fsize`) a write past the limit then fails with EFBIG, which SQLite reports and rolls
    /// back, instead of the signal's default action killing the process mid-transaction
    /// (setrlimit(2), RLIMIT_FSIZE).
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}
