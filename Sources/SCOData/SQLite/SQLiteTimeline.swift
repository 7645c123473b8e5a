import SQLiteStore

/// The timeline over SQLite: filters and order in SQL on indexes; each event's participants and
/// regions by a primary-key lookup through two statements prepared once.
///
/// `actor` matches a party whatever its part; `role` with `actor` the part those parties had,
/// and alone any party's part (`actor_timeline` holds each party's role).
///
/// Which index a page walks depends on the request's shape:
/// - In the default order (`date,id`, either direction) with an actor filter, `actor_timeline`
///   (0004): one walk per actor from the position, merged; regions and kinds are checked on
///   the way. Without actors but with a region, `region_timeline` the same way.
/// - Otherwise `events`: `events_by_kind` for kinds, `events_by_date` for dates, the sort's
///   index for another sort; actors and regions are then a list of matching ids to check, and
///   a sort that no index gives reads and sorts every match.
enum SQLiteTimeline {
    static let columns: StaticString = """
        e.id, e.date_value, e.date_precision, e.date_text, e.date_note, e.kind, e.title, e.summary, e.note, e.sources, \
        e.date_earliest, e.date_latest, e.date_basis
        """

    /// The query over `events` alone (`plan` picks another for the default order), for any sort
    /// and any filters; actors and regions are then lists of matching ids to check.
    static let list = SQLiteList<TimelineEvent, TimelineSortField>(
        name: "timeline", select: columns, from: "events e", byID: "e.id = ?1",
        filters: [
            ("kind", "e.kind {in}"), ("actor", "e.id IN (SELECT event_id FROM actor_timeline WHERE actor_id {in})"),
            ("role", "e.id IN (SELECT event_id FROM actor_timeline WHERE role {in})"),
            ("region", "e.id IN (SELECT event_id FROM region_timeline WHERE region_id {in})"),
        ],
        dateBounds: DateConditions(from: "e.date_latest >= ?", floor: "e.date_earliest >= ?", to: "e.date_earliest <= ?"),
        sortKeys: [
            .date: .text("e.date_earliest") { $0.date.earliest }, .id: .text("e.id") { $0.id },
            .kind: .text("e.kind") { $0.kind.rawValue }, .title: .text("e.title") { $0.title },
        ],
        decode: decode, attach: attachRelated, plan: keysetQuery)

    // MARK: SQL

    static func keysetQuery(_ query: TimelineQuery) -> KeysetQuery {
        guard let isDescending = dateOrderDirection(query.sort) else { return eventsQuery(query) }
        let order: [KeysetQuery.OrderColumn] = [
            .init("t.date_earliest", .text).descending(isDescending), .init("t.event_id", .text).descending(isDescending),
        ]
        let actors = query.values("actor"), regions = query.values("region")
        var sql: KeysetQuery
        if !actors.isEmpty && Set(actors).count <= KeysetQuery.maximumBranches {
            sql = KeysetQuery(
                select: matchColumns, from: "actor_timeline t CROSS JOIN events e ON e.id = t.event_id",
                countFrom: "actor_timeline t", order: order)
            sql.union("t.actor_id = ?", anyOf: actors)
            sql.filter("t.role {in}", anyOf: query.values("role"))
            sql.filter(
                "EXISTS (SELECT 1 FROM event_regions r WHERE r.event_id = t.event_id AND r.region_id {in})",
                anyOf: regions)
        } else if actors.isEmpty && !regions.isEmpty && Set(regions).count <= KeysetQuery.maximumBranches {
            sql = KeysetQuery(
                select: matchColumns, from: "region_timeline t CROSS JOIN events e ON e.id = t.event_id",
                countFrom: "region_timeline t", order: order)
            sql.union("t.region_id = ?", anyOf: regions)
            sql.filter("EXISTS (SELECT 1 FROM actor_timeline a WHERE a.event_id = t.event_id AND a.role {in})", anyOf: query.values("role"))
        } else {
            return eventsQuery(query)
        }
        sql.filter("t.kind {in}", anyOf: query.values("kind"))
        list.addDateBounds(query, to: &sql, DateConditions(from: "t.date_latest >= ?", floor: "t.date_earliest >= ?", to: "t.date_earliest <= ?"))
        return sql
    }

    /// The query over `events` for any sort; with both `actor` and `role`, one condition holds
    /// both, so that the role is the named parties' own.
    static func eventsQuery(_ query: TimelineQuery) -> KeysetQuery {
        let actors = query.values("actor"), roles = query.values("role")
        guard !actors.isEmpty, !roles.isEmpty else { return list.keysetQuery(query) }
        var others = query
        others.filters["actor"] = nil
        others.filters["role"] = nil
        var sql = list.keysetQuery(others)
        sql.filter(
            """
            e.id IN (SELECT event_id FROM actor_timeline WHERE actor_id IN (SELECT value FROM json_each(?)) \
            AND role IN (SELECT value FROM json_each(?)))
            """,
            .text(StoredJSON.text(strings: actors)), .text(StoredJSON.text(strings: roles)))
        return sql
    }

    /// `columns` read from a filter table's row `t` and its event `e` (`t.event_id`,
    /// `t.date_earliest` and `t.date_latest` equal `e.id`, `e.date_earliest` and
    /// `e.date_latest`): a union's ORDER BY must name result columns, and the planner sees that
    /// `t`'s index gives their order.
    static let matchColumns: StaticString = """
        t.event_id, e.date_value, e.date_precision, e.date_text, e.date_note, e.kind, e.title, e.summary, e.note, e.sources, \
        t.date_earliest, t.date_latest, e.date_basis
        """

    /// Whether the sort is the default `date,id`, and then whether it is descending; nil for
    /// any other sort.
    static func dateOrderDirection(_ sort: ListSort<TimelineSortField>) -> Bool? {
        let keys = sort.keys
        guard keys.count == 2, keys[0].field == .date, keys[1].field == .id, keys[0].isDescending == keys[1].isDescending
        else { return nil }
        return keys[0].isDescending
    }

    // MARK: Rows

    /// An event from `columns`; actors and regions are attached afterwards.
    static func decode(_ row: Row) throws -> TimelineEvent {
        TimelineEvent(
            id: try row.string(0),
            date: try row.date(at: 1, bounds: 10, table: "events"),
            kind: try row.value(5, as: EventKind.self, table: "events"),
            title: try row.string(6),
            summary: try row.string(7),
            note: try row.optionalString(8),
            sources: try row.quotes(9, table: "events"))
    }

    /// The events with their actors and regions, in the order the fixture lists them.
    ///
    /// One primary-key lookup per event and relation, through two statements prepared once,
    /// which costs less than sending a page's ids as one JSON array (`json_each`'s ephemeral
    /// table, and grouping the rows by event afterwards).
    static func attachRelated(_ events: consuming [TimelineEvent], on reader: SQLiteDatasetReader) throws -> [TimelineEvent] {
        let connection = reader.connection
        let actors = try connection.cached(actorsSQL)
        let regions = try connection.cached(regionsSQL)
        let links = try connection.cached(linksSQL)
        var attached = events
        for index in attached.indices {
            let id: [SQLiteValue] = [.text(attached[index].id)]
            var participants: [Participant] = []
            try actors.forEachRow(id) { participants.append(try Self.participant($0)) }
            var regionIDs: [String] = []
            try regions.forEachRow(id) { regionIDs.append(try $0.string(0)) }
            var sameAs: [String] = []
            try links.forEachRow(id) { sameAs.append(try $0.string(0)) }
            attached[index].sameAs = sameAs
            attached[index].participants = participants
            attached[index].regions = regionIDs
        }
        return attached
    }

    static let actorsSQL = "SELECT actor_id, role, inferred FROM event_actors WHERE event_id = ? ORDER BY position"

    /// A participant from `actor_id, role, inferred` (the first three columns).
    static func participant(_ row: Row) throws -> Participant {
        Participant(
            id: try row.string(0), role: try row.value(1, as: ParticipantRole.self, table: "event_actors"), inferred: try row.bool(2))
    }
    static let regionsSQL = "SELECT region_id FROM event_regions WHERE event_id = ? ORDER BY position"
    static let linksSQL = "SELECT other_id FROM event_links WHERE event_id = ? ORDER BY position"
}
