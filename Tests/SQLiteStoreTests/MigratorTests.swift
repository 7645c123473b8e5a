import Digests
import Testing
@testable import SQLiteStore
import TestSupport

@Suite struct MigratorTests {
    static let countries = Migration(id: 1, name: "create_countries", sql: """
        CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT;
        INSERT INTO countries VALUES ('TJ', 'Tajikistan');
        """)
    static let people = Migration(id: 2, name: "create_people", sql: """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            country TEXT NOT NULL REFERENCES countries (code)
        ) STRICT;
        """)
    static let failing = Migration(id: 3, name: "broken", sql: """
        CREATE TABLE events (id INTEGER PRIMARY KEY) STRICT;
        INSERT INTO events VALUES (1);
        INSERT INTO no_such_table VALUES (1);
        """)

    private func open(_ path: String) throws -> SQLiteConnection {
        try SQLiteConnection(path: path, mode: .readWriteCreate)
    }

    private func tables(_ connection: SQLiteConnection) throws -> [String] {
        try connection.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") {
            try $0.string(0)
        }
    }

    @Test func migratesAnEmptyDatabaseToTheLatest() throws {
        let connection = try SQLiteConnection.inMemory()
        let migrator = Migrator(migrations: [Self.people, Self.countries])
        #expect(migrator.migrations.map(\.id) == [1, 2])
        #expect(try migrator.status(on: connection).map(\.state) == [.pending, .pending])

        let applied = try migrator.migrate(on: connection)
        #expect(applied == [Self.countries, Self.people])
        #expect(try tables(connection) == ["countries", "people", "schema_migrations"])

        let status = try migrator.status(on: connection)
        #expect(status.map(\.isApplied) == [true, true])
        for entry in status {
            guard case .applied(let at) = entry.state else { continue }
            #expect(at.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/) != nil, "applied_at \(at)")
        }
        let rows = try connection.query("SELECT id, name, checksum FROM schema_migrations ORDER BY id") {
            (try $0.int(0), try $0.string(1), try $0.string(2))
        }
        #expect(rows.map(\.0) == [1, 2])
        #expect(rows.map(\.1) == ["create_countries", "create_people"])
        #expect(rows.map(\.2) == [SHA256.hexDigest(Self.countries.sql.utf8), SHA256.hexDigest(Self.people.sql.utf8)])
        try migrator.validate(on: connection)
    }

    @Test func rerunningDoesNothing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("sco.db")
        let migrator = Migrator(migrations: [Self.countries, Self.people])
        do {
            let connection = try open(path)
            try migrator.migrate(on: connection)
        }
        let before = TestSupport.bytes(at: path)
        do {
            let connection = try open(path)
            let statusBefore = try migrator.status(on: connection)
            #expect(try migrator.migrate(on: connection) == [])
            #expect(try migrator.status(on: connection) == statusBefore)
        }
        #expect(TestSupport.bytes(at: path) == before)
    }

    @Test func appliesOnlyWhatIsNew() throws {
        let connection = try SQLiteConnection.inMemory()
        try Migrator(migrations: [Self.countries]).migrate(on: connection)
        let applied = try Migrator(migrations: [Self.countries, Self.people]).migrate(on: connection)
        #expect(applied == [Self.people])
    }

    @Test func refusesAnAppliedMigrationWhoseSQLChangedAndTouchesNothing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("sco.db")
        do { try Migrator(migrations: [Self.countries]).migrate(on: try open(path)) }
        let before = TestSupport.bytes(at: path)

        let edited = Migration(id: 1, name: "create_countries", sql: Self.countries.sql + "\n-- tweak")
        let migrator = Migrator(migrations: [edited, Self.people])
        do {
            let connection = try open(path)
            let error = #expect(throws: StoreError.self) { try migrator.migrate(on: connection) }
            guard case .migrationChanged(let file, let recorded, let current) = error else {
                Issue.record("expected migrationChanged, got \(String(describing: error))")
                return
            }
            #expect(file == "0001_create_countries.sql")
            #expect(recorded == Self.countries.checksum)
            #expect(current == edited.checksum)
            #expect("\(error!)".contains("0001_create_countries.sql"))
            #expect(throws: StoreError.self) { try migrator.validate(on: connection, allowingPending: true) }
            #expect(throws: StoreError.self) { try migrator.status(on: connection) }
            #expect(try !tables(connection).contains("people"))
        }
        #expect(TestSupport.bytes(at: path) == before)
    }

    @Test func refusesAnAppliedMigrationUnderAnotherName() throws {
        let connection = try SQLiteConnection.inMemory()
        try Migrator(migrations: [Self.countries]).migrate(on: connection)
        let renamed = Migration(id: 1, name: "countries", sql: Self.countries.sql)
        #expect(throws: StoreError.migrationRenamed(
            recordedFile: "0001_create_countries.sql", currentFile: "0001_countries.sql")) {
            try Migrator(migrations: [renamed]).migrate(on: connection)
        }
    }

    @Test func refusesAnAppliedIdThisBinaryDoesNotKnow() throws {
        let connection = try SQLiteConnection.inMemory()
        try Migrator(migrations: [Self.countries, Self.people]).migrate(on: connection)
        let older = Migrator(migrations: [Self.countries])
        #expect(throws: StoreError.unknownMigration(file: "0002_create_people.sql")) {
            try older.migrate(on: connection)
        }
        #expect(throws: StoreError.unknownMigration(file: "0002_create_people.sql")) {
            try older.validate(on: connection)
        }
        #expect(try connection.integer("SELECT count(*) FROM schema_migrations") == 2)
    }

    @Test func aFailingMigrationLeavesTheDatabaseByteForByteUnchanged() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("sco.db")
        do { try Migrator(migrations: [Self.countries, Self.people]).migrate(on: try open(path)) }
        let before = try #require(TestSupport.bytes(at: path))

        do {
            let connection = try open(path)
            let error = #expect(throws: StoreError.self) {
                try Migrator(migrations: [Self.countries, Self.people, Self.failing]).migrate(on: connection)
            }
            guard case .migrationFailed(let file, let cause) = error else {
                Issue.record("expected migrationFailed, got \(String(describing: error))")
                return
            }
            #expect(file == "0003_broken.sql")
            #expect(cause.message.contains("no such table: no_such_table"))
            #expect(!connection.isInTransaction)
            #expect(try !tables(connection).contains("events"))
            #expect(try connection.integer("SELECT max(id) FROM schema_migrations") == 2)
        }
        #expect(TestSupport.bytes(at: path) == before)
        #expect(!TestSupport.exists(path + "-wal"))
    }

    @Test func aFailingFirstMigrationLeavesNoBookkeepingTable() throws {
        let connection = try SQLiteConnection.inMemory()
        let broken = Migration(id: 1, name: "broken", sql: Self.failing.sql)
        #expect(throws: StoreError.self) { try Migrator(migrations: [broken]).migrate(on: connection) }
        #expect(try tables(connection) == [])
    }

    @Test func migrationsBeforeTheFailingOneInTheSameRunStayApplied() throws {
        let connection = try SQLiteConnection.inMemory()
        #expect(throws: StoreError.self) {
            try Migrator(migrations: [Self.countries, Self.people, Self.failing]).migrate(on: connection)
        }
        let status = try Migrator(migrations: [Self.countries, Self.people, Self.failing]).status(on: connection)
        #expect(status.map(\.isApplied) == [true, true, false])
    }

    @Test func refusesTransactionControlInsideAMigration() throws {
        let connection = try SQLiteConnection.inMemory()
        let sneaky = Migration(id: 1, name: "sneaky", sql: """
            CREATE TABLE a (x INTEGER);
            COMMIT;
            CREATE TABLE b (x INTEGER);
            """)
        let error = #expect(throws: StoreError.self) { try Migrator(migrations: [sneaky]).migrate(on: connection) }
        guard case .migrationFailed(let file, let cause) = error else {
            Issue.record("expected migrationFailed, got \(String(describing: error))")
            return
        }
        #expect(file == "0001_sneaky.sql")
        #expect(cause.code == .authorization)
        #expect(cause.message.contains("BEGIN, COMMIT"))
        #expect(try tables(connection) == [])
        // The authorizer is gone afterwards: ordinary transactions work again.
        try connection.transaction { try connection.execute("CREATE TABLE c (x INTEGER)") }
    }

    @Test func aMigrationThatBreaksAForeignKeyFails() throws {
        let connection = try SQLiteConnection.inMemory()
        let dangling = Migration(id: 3, name: "dangling", sql: """
            CREATE TABLE notes (country TEXT REFERENCES countries (code) DEFERRABLE INITIALLY DEFERRED);
            INSERT INTO notes VALUES ('ZZ');
            """)
        let error = #expect(throws: StoreError.self) {
            try Migrator(migrations: [Self.countries, Self.people, dangling]).migrate(on: connection)
        }
        guard case .migrationFailed(let file, let cause) = error else {
            Issue.record("expected migrationFailed, got \(String(describing: error))")
            return
        }
        #expect(file == "0003_dangling.sql")
        #expect(cause.code == .constraintForeignKey)
        #expect(try !tables(connection).contains("notes"))
    }

    @Test func validateReportsPendingMigrationsUnlessAllowed() throws {
        let connection = try SQLiteConnection.inMemory()
        let migrator = Migrator(migrations: [Self.countries, Self.people])
        #expect(throws: StoreError.migrationsPending(files: ["0001_create_countries.sql", "0002_create_people.sql"])) {
            try migrator.validate(on: connection)
        }
        try migrator.validate(on: connection, allowingPending: true)
        #expect(try tables(connection) == [])  // validate created nothing
        try migrator.migrate(on: connection)
        try migrator.validate(on: connection)
    }

    @Test func databaseMigrateBumpsTheDataVersion() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("sco.db"))
        let before = database.dataVersion
        let migrator = Migrator(migrations: [Self.countries, Self.people])
        #expect(try database.migrate(migrator).count == 2)
        #expect(database.dataVersion > before)
        try database.validate(migrator)
    }

    @Test func namesFilesWithFourDigitIds() {
        #expect(Migration(id: 7, name: "seed", sql: "").fileName == "0007_seed.sql")
        #expect(Migration(id: 12345, name: "late", sql: "").fileName == "12345_late.sql")
        #expect(Migration(id: 1, name: "x", sql: "").checksum == SHA256.hexDigest([UInt8]()))
    }

    @Test func aDuplicateMigrationIdTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = Migrator(migrations: [
                Migration(id: 1, name: "a", sql: "SELECT 1"),
                Migration(id: 1, name: "b", sql: "SELECT 2"),
            ])
        }
    }
}
