import SCOData

/// What HTML pages need to know of the whole dataset: the page and name of every record an id
/// can name, and every quoted span of every source with the records that quote it.
///
/// Built from the loop's reader once per data version (`APILoopHandler.linkIndex()`), so a
/// page links an id in a record to the record it names, and the article page marks every quote.
final class LinkIndex {
    /// A record a page can link to.
    struct Target {
        var href: String
        var label: String
        /// What it is, for a reader: "state", "event", "statement".
        var noun: String
    }

    /// A stretch of a source's text, in code points, and the records that quote exactly it.
    struct Span {
        var start: Int
        var end: Int
        var quotedBy: [Target]

        /// The fragment that names it on the source's page (`q120-175`).
        var anchor: String { Self.anchor(start: start, end: end) }

        static func anchor(start: Int, end: Int) -> String { "q\(start)-\(end)" }
    }

    private(set) var targets: [String: Target] = [:]
    /// Per source id, its quoted spans, ordered by start then by longest first.
    private(set) var spans: [String: [Span]] = [:]
    /// Every record that quotes a source, in the order `spans` first meets them.
    private(set) var quoting: [String: [Target]] = [:]

    init(reader: any DatasetReader) throws {
        var quotes: [String: [String: Span]] = [:]
        func add(_ target: Target, id: String, quotes sources: [SourceQuote]) {
            targets[id] = target
            for quote in sources {
                guard let start = quote.start, let end = quote.end else { continue }
                let key = Span.anchor(start: start, end: end)
                var span = quotes[quote.sourceId, default: [:]][key] ?? Span(start: start, end: end, quotedBy: [])
                if !span.quotedBy.contains(where: { $0.href == target.href }) { span.quotedBy.append(target) }
                quotes[quote.sourceId, default: [:]][key] = span
            }
        }
        for state in try reader.states.all() {
            add(Target(href: "/v1/states/\(state.code)", label: state.name, noun: "state"), id: state.code,
                quotes: state.sources + state.notes.flatMap(\.sources))
        }
        for organization in try reader.organizations.all() {
            add(Target(href: "/v1/organizations/\(organization.id)", label: organization.name, noun: "organization"),
                id: organization.id, quotes: organization.sources + organization.notes.flatMap(\.sources))
        }
        for person in try reader.people.all() {
            add(Target(href: "/v1/people/\(person.id)", label: person.name, noun: "person"), id: person.id,
                quotes: person.sources + person.notes.flatMap(\.sources))
        }
        for region in try reader.regions.all() {
            add(Target(href: "/v1/regions/\(region.id)", label: region.name, noun: "region"), id: region.id,
                quotes: region.sources + region.notes.flatMap(\.sources))
        }
        for event in try reader.timeline.all() {
            add(Target(href: "/v1/timeline/\(event.id)", label: event.title, noun: "event"), id: event.id, quotes: event.sources)
        }
        for statement in try reader.statements.all() {
            add(Target(href: "/v1/statements/\(statement.id)", label: statement.summary, noun: "statement"), id: statement.id,
                quotes: statement.sources)
        }
        for clause in try reader.clauses.all() {
            add(Target(href: "/v1/declaration/clauses/\(clause.id)", label: "Clause \(clause.position): \(clause.summary)",
                       noun: "clause"), id: clause.id, quotes: clause.sources)
        }
        for quantity in try reader.quantities.all() {
            add(Target(href: "/v1/quantities/\(quantity.id)", label: quantity.measure, noun: "quantity"), id: quantity.id,
                quotes: quantity.sources)
        }
        for source in try reader.sources.all() {
            targets[source.id] = Target(href: "/v1/sources/\(source.id)", label: source.title, noun: "source")
        }
        if let summit = try reader.summits.summit() {
            add(Target(href: "/v1/summit", label: summit.name, noun: "summit"), id: summit.id,
                quotes: summit.sources + summit.notes.flatMap(\.sources))
        }
        if let declaration = try reader.declarations.declaration() {
            add(Target(href: "/v1/declaration", label: declaration.title, noun: "declaration"), id: declaration.id,
                quotes: declaration.sources + declaration.notes.flatMap(\.sources))
        }
        for (sourceID, bySpan) in quotes {
            let ordered = bySpan.values.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
            spans[sourceID] = ordered
            var seen: Set<String> = []
            var records: [Target] = []
            for span in ordered {
                for target in span.quotedBy where seen.insert(target.href).inserted { records.append(target) }
            }
            quoting[sourceID] = records
        }
    }

    /// The record `id` names, if any (a state by its alpha-2 code).
    func target(_ id: String) -> Target? {
        targets[id]
    }
}

extension RecordList {
    /// Every record of the list, in its default order: what a page that shows or links them
    /// all reads (the keyset query takes `Int.max` as "no limit").
    func all() throws -> [Item] {
        try page(ListRequest<Field>(limit: Int.max)).items
    }
}
