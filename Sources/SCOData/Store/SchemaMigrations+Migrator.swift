import SQLiteStore

extension SchemaMigrations {
    /// The embedded migrations as the store's `Migration`s: `0001_initial.sql` is id 1, name `initial`.
    public static let migrations: [Migration] = all.map { file in
        Migration(id: file.id, name: migrationName(fromFileName: file.name), sql: file.sql)
    }

    /// A migrator over every embedded migration: what `serve`, `migrate` and `Dataset.open` apply.
    /// It refuses a database whose applied migrations were edited, renamed or are unknown to
    /// this binary (see `Migrator`).
    public static let migrator = Migrator(migrations: migrations)

    /// "0001_initial.sql" -> "initial": the migrator spells the file name back from id and name.
    static func migrationName(fromFileName fileName: String) -> String {
        var name = Substring(fileName)
        if let underscore = name.firstIndex(of: "_") { name = name[name.index(after: underscore)...] }
        if name.hasSuffix(".sql") { name = name.dropLast(4) }
        return String(name)
    }
}
