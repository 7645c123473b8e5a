import ArgumentParser
import FoundationEssentials
import SCOAPI
import SCOData
import SQLiteStore

/// `sco-api seed [FIXTURE]`: validate a fixture whole, then write it in one transaction.
struct Seed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a fixture into the database (default: the bundled dataset).",
        discussion: """
            The whole file is validated first; every problem is listed with its JSON path and nothing is \
            written. Then the dataset is replaced in one transaction: all of it or none of it. Seeding the \
            fixture the database already holds changes nothing and says so. A database edited since its \
            last seed (through the write API) is refused, unchanged, unless --replace is given: export it \
            first to keep the edits.
            """
    )

    @OptionGroup var shared: SharedOptions

    @Argument(help: "A fixture JSON file (format: Fixtures/sco-dushanbe-2008.json); '-' reads standard input.")
    var fixture: String?

    @Flag(help: "Replace the data even if it was edited since the last seed (the edits are lost).")
    var replace = false

    @Flag(help: "Validate the fixture and report what it holds, without touching the database.")
    var dryRun = false

    func validate() throws { try shared.validate() }

    func run() throws {
        try CommandFailure.reporting {
            let data: Data
            let name: String
            switch fixture {
            case nil:
                data = BundledFixture.data
                name = "the bundled fixture"
            case "-"?:
                data = Data(StandardStreams.readInput())
                name = "standard input"
            case let path?:
                guard let contents = FileManager.default.contents(atPath: path) else {
                    throw SeedFailure("cannot read the fixture file '\(path)'")
                }
                data = contents
                name = path
            }
            if dryRun {
                switch FixtureValidator.load(data) {
                case .success(let document):
                    print("\(name) is valid: \(RecordCounts(document))")
                case .failure(let errors):
                    throw DatasetError.invalidFixture(errors)
                }
                return
            }
            let path = shared.databasePath()
            shared.createDefaultDirectoryIfUsed()
            let (database, _) = try Dataset.open(path: path, createIfMissing: true, seedIfEmpty: false)
            let report = try Seeder.seed(data: data, into: database, mode: replace ? .replace : .keepEdits)
            _ = try? database.checkpoint(.truncate)
            if report.unchanged {
                print("Unchanged: \(path) already holds \(name) (checksum \(report.checksum.prefix(12))); nothing was written.")
            } else {
                print("Seeded \(path) from \(name) in one transaction (checksum \(report.checksum.prefix(12))).")
                if report.discardedEdits > 0 { print("Discarded \(report.discardedEdits) row changes made since the last seed.") }
            }
            for (kind, count) in report.counts.byKind {
                print("  \(kind): \(count)")
            }
        }
    }
}

struct SeedFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
