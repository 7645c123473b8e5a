import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import SCOAPI
import SCOData
import SQLiteStore

/// `sco-api export`: write the database as a fixture document, edits included.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the database as a fixture (the format seed reads), to a file or standard output.",
        discussion: "Seeding the exported file into an empty database gives back the same data."
    )

    @OptionGroup var shared: SharedOptions

    @Option(name: .shortAndLong, help: "File to write (replaced atomically); standard output when absent.")
    var output: String?

    func validate() throws { try shared.validate() }

    func run() throws {
        try CommandFailure.reporting {
            let path = shared.databasePath()
            let connection = try SQLiteConnection(path: path, mode: .readOnly)
            try SchemaMigrations.migrator.validate(on: connection)
            let data = try Exporter.exportData(from: connection)
            guard let output else {
                StandardStreams.writeOutput(Array(data) + [UInt8(ascii: "\n")])
                return
            }
            // Write beside the target, then rename: a reader never sees half a file.
            let url = URL(fileURLWithPath: output)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
            do {
                try (data + Data("\n".utf8)).write(to: temporary)
                guard rename(temporary.path, url.path) == 0 else {
                    throw SeedFailure(String(cString: strerror(errno)))
                }
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw SeedFailure("cannot write '\(output)': \(error)")
            }
            standardError("exported \(path) to \(output) (\(data.count) bytes)")
        }
    }
}
