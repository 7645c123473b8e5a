import Foundation
import Testing

@testable import SCOData

/// The compiled-in copies match the repository's files, and the binary's copy is what ships.
@Suite struct EmbeddedResourcesTests {
    private static let stale = "the generated file is stale: run Scripts/embed-resources"

    @Test func bundledFixtureIsTheFixtureFile() throws {
        let file = try Repository.data(Repository.fixturePath)
        #expect(BundledFixture.data == file, Comment(rawValue: Self.stale))
    }

    @Test func embeddedMigrationsAreTheMigrationFiles() throws {
        let directory = Repository.root.appendingPathComponent("Migrations")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        #expect(SchemaMigrations.all.map(\.name) == names, Comment(rawValue: Self.stale))
        for migration in SchemaMigrations.all {
            let file = try Repository.data("Migrations/" + migration.name)
            #expect(Data(migration.sql.utf8) == file, Comment(rawValue: "\(migration.name): \(Self.stale)"))
        }
    }

    @Test func migrationIdsComeFromFileNamesInOrder() {
        #expect(SchemaMigrations.all.first?.id == 1)
        #expect(SchemaMigrations.all.first?.name == "0001_initial.sql")
        #expect(SchemaMigrations.all.map(\.id) == SchemaMigrations.all.map(\.id).sorted())
        #expect(SchemaMigrations.migrationId(fromFileName: "0012_add_things.sql") == 12)
        #expect(SchemaMigrations.migrationId(fromFileName: "initial.sql") == nil)
        #expect(SchemaMigrations.migrationId(fromFileName: "_initial.sql") == nil)
        #expect(SchemaMigrations.migrationId(fromFileName: "0001_initial.txt") == nil)
        #expect(SchemaMigrations.migrationId(fromFileName: "00x1_initial.sql") == nil)
    }

    @Test func bundledFixtureIsValid() {
        let result = BundledFixture.load()
        #expect(result.problems == [], "\(result.problems.map(\.description).joined(separator: "\n"))")
    }
}
