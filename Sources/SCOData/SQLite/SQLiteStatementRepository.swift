import SQLiteStore

/// Statements over SQLite: filters and order in SQL (`statements_by_*` indexes), the `about`
/// lists of a page fetched with one query.
public struct SQLiteStatementRepository: StatementRepository {
    let reader: SQLiteDatasetReader

    static let columns: StaticString = """
        s.id, s.speaker_id, s.speaker_role, s.date_value, s.date_precision, s.date_text, s.date_note, \
        s.place, s.region_id, s.venue_id, s.reported_by_id, s.kind, s.quote, s.is_direct_quote, \
        s.responds_to, s.summary, s.note, s.sources
        """

    public func statement(id: String) throws -> Statement? {
        try reader.read {
            guard let statement = try reader.connection.queryFirst(
                "SELECT \(Self.columns) FROM statements s WHERE s.id = ?", [.text(id)], Self.decode)
            else { return nil }
            return try attachSubjects([statement])[0]
        }
    }

    public func statements(_ query: StatementQuery) throws -> Page<Statement> {
        try reader.read {
            let page = try reader.page(
                Self.keysetQuery(query), limit: query.limit, position: query.position,
                fingerprint: Self.fingerprint(query), decode: Self.decode, key: { Self.key($0, query.sort) })
            return Page(items: try attachSubjects(page.items), total: page.total, next: page.next)
        }
    }

    // MARK: SQL

    static func keysetQuery(_ query: StatementQuery) -> KeysetQuery {
        let order = query.sort.keys.map { key in
            let column: KeysetQuery.OrderColumn = switch key.field {
            case .date: .init("s.date_value", .text)
            case .id: .init("s.id", .text)
            case .speaker: .init("s.speaker_id", .text)
            case .kind: .init("s.kind", .text)
            }
            return column.descending(key.isDescending)
        }
        var sql = KeysetQuery(select: columns, from: "statements s", order: order)
        sql.filter("s.speaker_id {in}", anyOf: query.speakers)
        sql.filter("s.kind {in}", anyOf: query.kinds.map(\.rawValue))
        sql.filter("s.id IN (SELECT statement_id FROM statement_subjects WHERE subject_id {in})", anyOf: query.about)
        if let from = query.from { sql.filter("s.date_value >= ?", .text(DateBounds.lower(from))) }
        if let to = query.to { sql.filter("s.date_value <= ?", .text(DateBounds.upper(to))) }
        return sql
    }

    static func fingerprint(_ query: StatementQuery) -> String {
        var fingerprint = QueryFingerprint(list: "statements")
        fingerprint.add("speaker", anyOf: query.speakers)
        fingerprint.add("kind", anyOf: query.kinds.map(\.rawValue))
        fingerprint.add("about", anyOf: query.about)
        fingerprint.add("from", query.from)
        fingerprint.add("to", query.to)
        fingerprint.add(sort: query.sort)
        return fingerprint.value
    }

    static func key(_ statement: Statement, _ sort: ListSort<StatementSortField>) -> [ListPosition.Value] {
        sort.keys.map { key in
            switch key.field {
            case .date: .text(statement.date.value)
            case .id: .text(statement.id)
            case .speaker: .text(statement.speakerId)
            case .kind: .text(statement.kind.rawValue)
            }
        }
    }

    // MARK: Rows

    /// A statement from `columns`; `about` is attached afterwards.
    static func decode(_ row: Row) throws -> Statement {
        Statement(
            id: try row.string(0),
            speakerId: try row.string(1),
            speakerRole: try row.optionalString(2),
            date: try row.date(at: 3, table: "statements"),
            place: try row.optionalString(7),
            regionId: try row.optionalString(8),
            venueId: try row.optionalString(9),
            reportedById: try row.optionalString(10),
            kind: try row.value(11, as: StatementKind.self, table: "statements"),
            quote: try row.string(12),
            isDirectQuote: try row.bool(13),
            respondsTo: try row.optionalString(14),
            summary: try row.string(15),
            note: try row.optionalString(16),
            sources: try row.quotes(17, table: "statements"))
    }

    func attachSubjects(_ statements: [Statement]) throws -> [Statement] {
        let about = try reader.relatedIDs(
            "SELECT statement_id, subject_id FROM statement_subjects WHERE statement_id IN (SELECT value FROM json_each(?)) ORDER BY statement_id, position",
            for: statements.map(\.id))
        return statements.map { statement in
            var statement = statement
            statement.about = about[statement.id] ?? []
            return statement
        }
    }
}
