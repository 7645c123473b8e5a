import Testing
@testable import SQLiteStore

@Suite struct SQLiteErrorTests {
    private func makeSchema() throws -> SQLiteConnection {
        let connection = try SQLiteConnection.inMemory()
        try connection.execute("""
            CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;
            CREATE TABLE people (
                id INTEGER PRIMARY KEY,
                country TEXT NOT NULL REFERENCES countries (code),
                age INTEGER CHECK (age >= 0)
            ) STRICT;
            INSERT INTO countries VALUES ('TJ', 'Tajikistan');
            """)
        return connection
    }

    @Test func catchesAUniqueViolationByName() throws {
        let connection = try makeSchema()
        var caught: SQLiteError?
        do {
            try connection.run("INSERT INTO countries VALUES (?, ?)", ["XX", "Tajikistan"])
        } catch let error as SQLiteError where error.code == .constraintUnique {
            caught = error
        }
        let error = try #require(caught)
        #expect(error.primaryCode == .constraint)
        #expect(error.code.isA(.constraint))
        #expect(!error.code.isA(.constraintCheck))
        #expect(error.message == "UNIQUE constraint failed: countries.name")
        #expect(error.sql == "INSERT INTO countries VALUES (?, ?)")
    }

    @Test(arguments: [
        ("INSERT INTO people (country, age) VALUES (?, 30)", ["RU"], ResultCode.constraintForeignKey),
        ("INSERT INTO people (country, age) VALUES (?, 30)", [nil], .constraintNotNull),
        ("INSERT INTO people (country, age) VALUES (?, -1)", ["TJ"], .constraintCheck),
        ("INSERT INTO countries VALUES (?, 'Other')", ["TJ"], .constraintPrimaryKey),
        ("INSERT INTO people (country, age) VALUES ('TJ', ?)", ["thirty"], .constraintDataType),
    ] as [(String, [String?], ResultCode)])
    func reportsTheExtendedConstraintCode(sql: String, bindings: [String?], expected: ResultCode) throws {
        let connection = try makeSchema()
        let error = #expect(throws: SQLiteError.self) {
            try connection.run(sql, bindings.map(SQLiteValue.nullable))
        }
        #expect(error?.code == expected)
        #expect(error?.primaryCode == .constraint)
    }

    @Test func neverCarriesTheBoundValues() throws {
        let connection = try makeSchema()
        let secret = "secret-passport-4711"
        try connection.run("INSERT INTO countries VALUES (?, ?)", ["S1", .text(secret)])
        let error = #expect(throws: SQLiteError.self) {
            try connection.run("INSERT INTO countries VALUES (?, ?)", ["S2", .text(secret)])
        }
        let text = try #require(error).description
        #expect(!text.contains(secret))
        #expect(text.contains("INSERT INTO countries VALUES (?, ?)"))
        #expect(text.contains("2067"))
    }

    @Test func syntaxErrorsCarryTheOffset() throws {
        let connection = try SQLiteConnection.inMemory()
        let error = #expect(throws: SQLiteError.self) {
            try connection.prepare("SELECT 1 FROM WHERE")
        }
        #expect(error?.code == .error)
        #expect(error?.message.contains("syntax error") == true)
        #expect(error?.offset == 14)
        #expect(error?.sql == "SELECT 1 FROM WHERE")
    }

    @Test func doubleQuotedStringsAreIdentifiersNotLiterals() throws {
        let connection = try makeSchema()
        let error = #expect(throws: SQLiteError.self) {
            try connection.query("SELECT name FROM countries WHERE code = \"TJ\"") { try $0.string(0) }
        }
        #expect(error?.message.contains("no such column") == true)
    }

    @Test func resultCodesDescribeThemselves() {
        #expect(ResultCode.constraintUnique.rawValue == 2067)
        #expect(ResultCode.constraintForeignKey.rawValue == 787)
        #expect(ResultCode.busyTimeout.primary == .busy)
        #expect(ResultCode.notADatabase.description == "26 (file is not a database)")
    }
}
