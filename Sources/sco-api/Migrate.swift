import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import SCOAPI
import SCOData
import SQLiteStore

/// `sco-api migrate`: apply pending migrations, or list applied and pending with `--status`.
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending schema migrations (the SQL of Migrations/, built into the binary).",
        discussion: """
            Refuses, touching nothing, when an applied migration's SQL has changed, when the database \
            records a migration this binary does not know (it is from a newer version), or when a \
            migration fails (it is rolled back whole).
            """
    )

    @OptionGroup var shared: SharedOptions

    @Flag(help: "List applied and pending migrations without changing anything.")
    var status = false

    func validate() throws { try shared.validate() }

    func run() throws {
        let path = shared.databasePath()
        try CommandFailure.reporting {
            let migrator = SchemaMigrations.migrator
            if status {
                let connection = try SQLiteConnection(path: path, mode: .readOnly)
                for entry in try migrator.status(on: connection) {
                    switch entry.state {
                    case .applied(let at): print("applied  \(entry.migration.fileName)  \(at)")
                    case .pending: print("pending  \(entry.migration.fileName)")
                    }
                }
                return
            }
            let database = try Database(path: path, create: true)
            let applied = try database.migrate(migrator)
            if applied.isEmpty {
                print("Nothing to do: \(path) is at migration \(migrator.migrations.last?.fileName ?? "none").")
            } else {
                for migration in applied { print("applied  \(migration.fileName)") }
                print("\(applied.count) migration\(applied.count == 1 ? "" : "s") applied to \(path).")
            }
        }
    }
}

/// Turns the world's errors into one line on stderr and exit code 1; usage errors stay usage errors.
enum CommandFailure {
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ValidationError {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch {
            standardError("sco-api: \(error)")
            throw ExitCode(1)
        }
    }
}

/// Writes one line to standard error.
func standardError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}
