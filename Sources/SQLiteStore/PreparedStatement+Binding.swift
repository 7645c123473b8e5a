import CSQLite

extension PreparedStatement {
    /// The number of parameters (`?`, `?NNN`, `:name`, `@name`, `$name`) in the statement.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(pointer)) }

    /// Binds `values` to parameters 1...n in order.
    ///
    /// A count that differs from `parameterCount` is a programmer error and traps.
    public func bind(_ values: [SQLiteValue]) throws {
        precondition(
            values.count == parameterCount,
            "\(values.count) bindings for \(parameterCount) parameters in: \(sql)")
        for (offset, value) in values.enumerated() {
            try bind(value, at: offset + 1)
        }
    }

    /// Binds one value to the parameter at `index`, counting from 1 as SQLite does.
    public func bind(_ value: SQLiteValue, at index: Int) throws {
        precondition(
            index >= 1 && index <= parameterCount,
            "parameter index \(index) out of 1...\(parameterCount) in: \(sql)")
        let position = Int32(index)
        let code: Int32
        switch value {
        case .integer(let integer):
            code = sqlite3_bind_int64(pointer, position, integer)
        case .real(let real):
            code = sqlite3_bind_double(pointer, position, real)
        case .text(let text):
            code = bindText(text, at: position)
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { buffer in
                // A NULL pointer would bind NULL, not an empty blob (sqlite.org/c3ref/bind_blob.html).
                guard let base = buffer.baseAddress, !buffer.isEmpty else {
                    return sqlite3_bind_zeroblob(pointer, position, 0)
                }
                return sqlite3_bind_blob64(
                    pointer, position, base, sqlite3_uint64(buffer.count), csqlite_transient())
            }
        case .null:
            code = sqlite3_bind_null(pointer, position)
        }
        guard code == SQLITE_OK else { throw SQLiteError(code: code, db: db, sql: sql) }
    }

    /// Binds one value to the named parameter, written with its prefix (`:slug`, `@slug`, `$slug`).
    /// A name the statement does not have is a programmer error and traps.
    public func bind(_ value: SQLiteValue, named name: String) throws {
        let index = Int(sqlite3_bind_parameter_index(pointer, name))
        precondition(index > 0, "no parameter \(name) in: \(sql)")
        try bind(value, at: index)
    }

    /// Sets every parameter back to NULL, so no value from an earlier run can leak into the next.
    public func clearBindings() {
        sqlite3_clear_bindings(pointer)
    }

    /// Text is bound by byte length, so embedded NUL characters survive; SQLite copies the bytes
    /// (SQLITE_TRANSIENT) because Swift's buffer lives only for the call.
    private func bindText(_ text: String, at position: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                // A NULL pointer would bind NULL; an empty string must stay an empty string.
                return sqlite3_bind_text(pointer, position, "", 0, csqlite_transient())
            }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { characters in
                sqlite3_bind_text64(
                    pointer, position, characters, sqlite3_uint64(buffer.count),
                    csqlite_transient(), UInt8(SQLITE_UTF8))
            }
        }
    }
}
