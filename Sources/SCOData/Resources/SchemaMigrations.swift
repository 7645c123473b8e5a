/// The schema migrations compiled into the binary (Migrations/*.sql, by Scripts/embed-resources).
public enum SchemaMigrations {
    /// Every migration in id order; `id` is the file name's leading number ("0001_initial.sql" is 1).
    ///
    /// A file name without a leading number, or two files with one number, is a programmer error
    /// in the repository, and traps on first use (tests touch this, so it never ships).
    public static let all: [(id: Int, name: String, sql: String)] = {
        var seen: Set<Int> = []
        let migrations = EmbeddedResources.migrations.map { migration in
            guard let id = migrationId(fromFileName: migration.name) else {
                preconditionFailure("migration file name \(migration.name) does not start with NNNN_")
            }
            precondition(seen.insert(id).inserted, "two migrations have id \(id)")
            return (id: id, name: migration.name, sql: migration.sql)
        }
        return migrations.sorted { $0.id < $1.id }
    }()

    /// The number before the first underscore of a name like "0001_initial.sql", if it is one.
    static func migrationId(fromFileName name: String) -> Int? {
        guard let underscore = name.firstIndex(of: "_"), name.hasSuffix(".sql") else { return nil }
        let digits = name[..<underscore]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }
}
