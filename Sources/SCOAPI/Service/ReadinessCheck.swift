import SCOData
import SQLiteStore

/// What `/readyz` checks: the database answers, its migrations are at head, the dataset is there.
struct ReadinessCheck {
    struct Check {
        var name: String
        var isOK: Bool
        var detail: String
    }

    var checks: [Check]

    var isReady: Bool { checks.allSatisfy(\.isOK) }

    static func run(on connection: SQLiteConnection) throws -> ReadinessCheck {
        var checks: [Check] = []
        do {
            _ = try connection.queryFirst("SELECT 1", []) { try $0.int(0) }
            checks.append(Check(name: "database", isOK: true, detail: "readable"))
        } catch {
            checks.append(Check(name: "database", isOK: false, detail: "not readable: \(error)"))
            return ReadinessCheck(checks: checks)
        }
        do {
            try SchemaMigrations.migrator.validate(on: connection)
            checks.append(Check(name: "migrations", isOK: true, detail: "at head (\(SchemaMigrations.all.count) applied)"))
        } catch {
            checks.append(Check(name: "migrations", isOK: false, detail: "\(error)"))
            return ReadinessCheck(checks: checks)
        }
        let states = try connection.queryFirst("SELECT count(*) FROM states", []) { try $0.int(0) } ?? 0
        let seeded = try connection.queryFirst("SELECT count(*) FROM dataset", []) { try $0.int(0) } ?? 0
        let present = states > 0 && seeded > 0
        checks.append(Check(
            name: "dataset", isOK: present,
            detail: present ? "present (\(states) states)" : "empty: run 'sco-api seed'"))
        return ReadinessCheck(checks: checks)
    }
}
