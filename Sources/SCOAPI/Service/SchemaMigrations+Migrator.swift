import SCOData
import SQLiteStore

extension SchemaMigrations {
    /// The migrator over the embedded `Migrations/*.sql`.
    public static var migrator: Migrator {
        Migrator(migrations: all.map { file in
            // "0001_initial.sql" -> "initial": the migrator spells the file name back itself.
            var name = Substring(file.name)
            if let underscore = name.firstIndex(of: "_") { name = name[name.index(after: underscore)...] }
            if name.hasSuffix(".sql") { name = name.dropLast(4) }
            return Migration(id: file.id, name: String(name), sql: file.sql)
        })
    }
}
