import SQLiteStore

/// The timeline over SQLite: filters and order in SQL on indexes, actors and regions of a whole
/// page fetched with one query each (never one per event).
///
/// Which index a page walks depends on the request's shape:
/// - In the default order (`date,id`, either direction) with an actor filter, `actor_timeline`
///   (0004): one walk per actor from the position, merged; regions and kinds are checked on
///   the way. Without actors but with a region, `region_timeline` the same way.
/// - Otherwise `events`: `events_by_kind` for kinds, `events_by_date` for dates, the sort's
///   index for another sort; actors and regions are then a list of matching ids to check, and
///   a sort that no index gives reads and sorts every match.
public struct SQLiteTimelineRepository: TimelineRepository {
    let reader: SQLiteDatasetReader

    static let columns: StaticString =
        "e.id, e.date_value, e.date_precision, e.date_text, e.date_note, e.kind, e.title, e.summary, e.note, e.sources"

    public func event(id: String) throws -> TimelineEvent? {
        try reader.read {
            guard let event = try reader.connection.queryFirst(
                "SELECT \(Self.columns) FROM events e WHERE e.id = ?", [.text(id)], Self.decode)
            else { return nil }
            return try attachRelated([event])[0]
        }
    }

    public func events(_ query: TimelineQuery) throws -> Page<TimelineEvent> {
        try reader.read {
            let page = try reader.page(
                Self.keysetQuery(query), limit: query.limit, position: query.position,
                fingerprint: Self.fingerprint(query), decode: Self.decode, key: { Self.key($0, query.sort) })
            return Page(items: try attachRelated(page.items), total: page.total, next: page.next)
        }
    }

    // MARK: SQL

    static func keysetQuery(_ query: TimelineQuery) -> KeysetQuery {
        guard let isDescending = dateOrderDirection(query.sort) else { return eventsQuery(query) }
        let order: [KeysetQuery.OrderColumn] = [
            .init("t.date_value", .text).descending(isDescending), .init("t.event_id", .text).descending(isDescending),
        ]
        var sql: KeysetQuery
        if !query.actors.isEmpty && Set(query.actors).count <= KeysetQuery.maximumBranches {
            sql = KeysetQuery(
                select: matchColumns, from: "actor_timeline t CROSS JOIN events e ON e.id = t.event_id",
                countFrom: "actor_timeline t", order: order)
            sql.union("t.actor_id = ?", anyOf: query.actors)
            sql.filter(
                "EXISTS (SELECT 1 FROM event_regions r WHERE r.event_id = t.event_id AND r.region_id {in})",
                anyOf: query.regions)
        } else if query.actors.isEmpty && !query.regions.isEmpty && Set(query.regions).count <= KeysetQuery.maximumBranches {
            sql = KeysetQuery(
                select: matchColumns, from: "region_timeline t CROSS JOIN events e ON e.id = t.event_id",
                countFrom: "region_timeline t", order: order)
            sql.union("t.region_id = ?", anyOf: query.regions)
        } else {
            return eventsQuery(query)
        }
        sql.filter("t.kind {in}", anyOf: query.kinds.map(\.rawValue))
        if let from = query.from { sql.filter("t.date_value >= ?", .text(DateBounds.lower(from))) }
        if let to = query.to { sql.filter("t.date_value <= ?", .text(DateBounds.upper(to))) }
        return sql
    }

    /// `columns` read from a filter table's row `t` and its event `e` (`t.event_id` and
    /// `t.date_value` equal `e.id` and `e.date_value`): a union's ORDER BY must name result
    /// columns, and the planner sees that `t`'s index gives their order.
    static let matchColumns: StaticString =
        "t.event_id, t.date_value, e.date_precision, e.date_text, e.date_note, e.kind, e.title, e.summary, e.note, e.sources"

    /// Whether the sort is the default `date,id`, and then whether it is descending; nil for
    /// any other sort.
    static func dateOrderDirection(_ sort: ListSort<TimelineSortField>) -> Bool? {
        let keys = sort.keys
        guard keys.count == 2, keys[0].field == .date, keys[1].field == .id, keys[0].isDescending == keys[1].isDescending
        else { return nil }
        return keys[0].isDescending
    }

    /// The query over `events` alone, for any sort and any filters.
    static func eventsQuery(_ query: TimelineQuery) -> KeysetQuery {
        let order = query.sort.keys.map { key in
            let column: KeysetQuery.OrderColumn = switch key.field {
            case .date: .init("e.date_value", .text)
            case .id: .init("e.id", .text)
            case .kind: .init("e.kind", .text)
            case .title: .init("e.title", .text)
            }
            return column.descending(key.isDescending)
        }
        var sql = KeysetQuery(select: columns, from: "events e", order: order)
        sql.filter("e.kind {in}", anyOf: query.kinds.map(\.rawValue))
        sql.filter("e.id IN (SELECT event_id FROM actor_timeline WHERE actor_id {in})", anyOf: query.actors)
        sql.filter("e.id IN (SELECT event_id FROM region_timeline WHERE region_id {in})", anyOf: query.regions)
        if let from = query.from { sql.filter("e.date_value >= ?", .text(DateBounds.lower(from))) }
        if let to = query.to { sql.filter("e.date_value <= ?", .text(DateBounds.upper(to))) }
        return sql
    }

    static func fingerprint(_ query: TimelineQuery) -> String {
        var fingerprint = QueryFingerprint(list: "timeline")
        fingerprint.add("kind", anyOf: query.kinds.map(\.rawValue))
        fingerprint.add("actor", anyOf: query.actors)
        fingerprint.add("region", anyOf: query.regions)
        fingerprint.add("from", query.from)
        fingerprint.add("to", query.to)
        fingerprint.add(sort: query.sort)
        return fingerprint.value
    }

    static func key(_ event: TimelineEvent, _ sort: ListSort<TimelineSortField>) -> [ListPosition.Value] {
        sort.keys.map { key in
            switch key.field {
            case .date: .text(event.date.value)
            case .id: .text(event.id)
            case .kind: .text(event.kind.rawValue)
            case .title: .text(event.title)
            }
        }
    }

    // MARK: Rows

    /// An event from `columns`; actors and regions are attached afterwards.
    static func decode(_ row: Row) throws -> TimelineEvent {
        TimelineEvent(
            id: try row.string(0),
            date: try row.date(at: 1, table: "events"),
            kind: try row.value(5, as: EventKind.self, table: "events"),
            title: try row.string(6),
            summary: try row.string(7),
            note: try row.optionalString(8),
            sources: try row.quotes(9, table: "events"))
    }

    /// The events with their actors and regions, in the order the fixture lists them.
    ///
    /// One primary-key lookup per event and relation, through two statements prepared once: a
    /// page's ids sent as one JSON array (`IN (SELECT value FROM json_each(?))`) cost twice as
    /// much, in building the array, in `json_each`'s ephemeral table and in grouping the rows
    /// by event afterwards (callgrind: a timeline page 1.24M -> 0.9M instructions).
    func attachRelated(_ events: [TimelineEvent]) throws -> [TimelineEvent] {
        let connection = reader.connection
        let actors = try connection.cached(Self.actorsSQL)
        let regions = try connection.cached(Self.regionsSQL)
        var attached = events
        for index in attached.indices {
            let id: [SQLiteValue] = [.text(attached[index].id)]
            var actorIDs: [String] = []
            try actors.forEachRow(id) { actorIDs.append(try $0.string(0)) }
            var regionIDs: [String] = []
            try regions.forEachRow(id) { regionIDs.append(try $0.string(0)) }
            attached[index].actors = actorIDs
            attached[index].regions = regionIDs
        }
        return attached
    }

    static let actorsSQL = "SELECT actor_id FROM event_actors WHERE event_id = ? ORDER BY position"
    static let regionsSQL = "SELECT region_id FROM event_regions WHERE event_id = ? ORDER BY position"
}
