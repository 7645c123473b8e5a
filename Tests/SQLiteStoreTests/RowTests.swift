import Testing
@testable import SQLiteStore

@Suite struct RowTests {
    private func roundTrip(_ value: SQLiteValue) throws -> SQLiteValue {
        let connection = try SQLiteConnection.inMemory()
        return try connection.queryFirst("SELECT ?", [value]) { $0[0] } ?? .null
    }

    @Test(arguments: [
        SQLiteValue.integer(0), .integer(Int64.max), .integer(Int64.min), .integer(9_007_199_254_740_993),
        .real(0.1), .real(-1.5e300), .real(Double.leastNonzeroMagnitude),
        .text(""), .text("Душанбе, 28 August 2008"), .text("nul\u{0}inside"), .text("emoji 🇹🇯"),
        .blob([]), .blob([0, 1, 2, 255, 0]), .null,
    ])
    func everyStorageClassRoundTrips(value: SQLiteValue) throws {
        #expect(try roundTrip(value) == value)
    }

    @Test func typedReadsOfEveryStorageClass() throws {
        let connection = try SQLiteConnection.inMemory()
        try connection.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n ANY) STRICT")
        try connection.run(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
            [.integer(Int64.max), 2.5, "SCO", .blob([0xDE, 0xAD, 0x00, 0xEF]), nil])
        let row = try #require(try connection.queryFirst("SELECT i, r, s, b, n FROM t") { row in
            (try row.int64(0), try row.int(0), try row.double(1), try row.string(2), try row.blob(3),
             row.isNull(4), try row.optionalString(4), try row.optionalInt(0), try row.double(0))
        })
        #expect(row.0 == Int64.max)
        #expect(row.1 == Int.max)
        #expect(row.2 == 2.5)
        #expect(row.3 == "SCO")
        #expect(row.4 == [0xDE, 0xAD, 0x00, 0xEF])
        #expect(row.5)
        #expect(row.6 == nil)
        #expect(row.7 == Int.max)
        #expect(row.8 == Double(Int64.max))
    }

    @Test func emptyTextAndEmptyBlobAreNotNull() throws {
        let connection = try SQLiteConnection.inMemory()
        let values = try connection.queryFirst("SELECT ?, ?, typeof(?2)", ["", .blob([])]) { row in
            (try row.string(0), try row.blob(1), try row.string(2), row.isNull(0), row.isNull(1))
        }
        #expect(values?.0 == "")
        #expect(values?.1 == [])
        #expect(values?.2 == "blob")
        #expect(values?.3 == false)
        #expect(values?.4 == false)
    }

    @Test func readingTheWrongStorageClassThrowsNamingTheColumn() throws {
        let connection = try SQLiteConnection.inMemory()
        try connection.queryFirst("SELECT 'x' AS slug, NULL AS missing, 1.5 AS ratio") { row in
            #expect(throws: StoreError.columnType(column: "slug", expected: "integer", found: "text")) {
                try row.int(0)
            }
            #expect(throws: StoreError.columnType(column: "missing", expected: "text", found: "null")) {
                try row.string(1)
            }
            #expect(throws: StoreError.columnType(column: "ratio", expected: "integer", found: "real")) {
                try row.int(2)
            }
            #expect(throws: StoreError.columnType(column: "slug", expected: "blob", found: "text")) {
                try row.blob(0)
            }
        }
    }

    @Test func readsByNameAndByGenericType() throws {
        let connection = try SQLiteConnection.inMemory()
        let decoded = try connection.queryFirst(
            "SELECT 'tj' AS code, 2008 AS year, NULL AS note, 1 AS member, X'0102' AS raw"
        ) { row in
            let code: String = try row.get("code")
            let year: Int = try row.get("YEAR")
            let note: String? = try row.get("note")
            let member = try row.get("member", as: Bool.self)
            let raw: [UInt8] = try row.get(4)
            return (code, year, note, member, raw, row["code"], row.count, row.columnName(1))
        }
        #expect(decoded?.0 == "tj")
        #expect(decoded?.1 == 2008)
        #expect(decoded?.2 == nil)
        #expect(decoded?.3 == true)
        #expect(decoded?.4 == [1, 2])
        #expect(decoded?.5 == .text("tj"))
        #expect(decoded?.6 == 5)
        #expect(decoded?.7 == "year")
    }

    @Test func bindableSwiftTypesBindTheirStorageClass() throws {
        let connection = try SQLiteConnection.inMemory()
        let optionalText: String? = nil
        let types = try connection.queryFirst(
            "SELECT typeof(?), typeof(?), typeof(?), typeof(?), typeof(?), typeof(?), typeof(?), typeof(?)",
            [.int(1), .integer(2), 3.5, "four", .bool(true), .blob([5]), .nullable(optionalText), SQLiteValue.null]
        ) { row in try (0..<8).map { try row.string($0) } }
        #expect(types == ["integer", "integer", "real", "text", "integer", "blob", "null", "null"])
    }
}
