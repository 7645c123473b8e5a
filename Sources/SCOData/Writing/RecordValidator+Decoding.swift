/// Reads a record out of a body that may be broken, so that the meaning of its sound members
/// can be checked even when others are missing or mistyped.
///
/// Every member that is absent or of the wrong type becomes a placeholder (`""`, `0`, an empty
/// list; a placeholder keeps its list position, so problems keep their pointers). The structural
/// pass has already reported such a member, and `RecordValidator` drops whatever the placeholder
/// provokes beneath that member's path. With no structural problem, the record read is exactly
/// the one `JSONDecoder` would give.
extension RecordValidator {
    static func decodeLeniently(_ body: JSONValue, as kind: RecordKind) -> WritableRecord {
        switch kind {
        case .event:
            return .event(TimelineEvent(
                id: body.text("id"), date: body.date("date"), kind: EventKind(rawValue: body.text("kind")) ?? .diplomatic,
                title: body.text("title"), summary: body.text("summary"), participants: body.participants("participants"),
                regions: body.texts("regions"), sameAs: body.texts("sameAs"), note: body.optionalText("note"),
                sources: body.quotes("sources")))
        case .statement:
            return .statement(Statement(
                id: body.text("id"), speakerId: body.text("speakerId"), speakerRole: body.optionalText("speakerRole"),
                date: body.date("date"), place: body.optionalText("place"), regionId: body.optionalText("regionId"),
                venueId: body.optionalText("venueId"), reportedById: body.optionalText("reportedById"),
                kind: StatementKind(rawValue: body.text("kind")) ?? .statement, quote: body.text("quote"),
                isDirectQuote: body["isDirectQuote"] == .bool(true), respondsTo: body.texts("respondsTo"),
                summary: body.text("summary"), about: body.texts("about"), note: body.optionalText("note"),
                sources: body.quotes("sources")))
        case .clause:
            return .clause(Clause(
                id: body.text("id"), declarationId: body.text("declarationId"), position: body.integer("position"),
                text: body.text("text"), addresses: body.texts("addresses"), summary: body.text("summary"),
                note: body.optionalText("note"), sources: body.quotes("sources")))
        case .source:
            return .source(Source(
                id: body.text("id"), title: body.text("title"), publisher: body.text("publisher"),
                agency: body.optionalText("agency"), publishedOn: body.text("publishedOn"),
                language: body.text("language"), note: body.optionalText("note"), text: body.text("text")))
        }
    }

    /// Every id the record refers to, its own excepted (which the caller adds).
    static func referencedIDs(of record: WritableRecord) -> Set<String> {
        var ids: [String] = quotes(of: record).map(\.sourceId)
        switch record {
        case .event(let event):
            ids += event.participants.map(\.id) + event.regions + event.sameAs
        case .statement(let statement):
            ids += [statement.speakerId] + statement.about
            ids += [statement.regionId, statement.venueId, statement.reportedById].compactMap { $0 } + statement.respondsTo
        case .clause(let clause):
            ids.append(clause.declarationId)
        case .source:
            break
        }
        return Set(ids.filter { !$0.isEmpty })
    }

    static func quotes(of record: WritableRecord) -> [SourceQuote] {
        switch record {
        case .event(let event): event.sources
        case .statement(let statement): statement.sources
        case .clause(let clause): clause.sources
        case .source: []
        }
    }
}

extension JSONValue {
    /// The member's text, or `""` when it is absent or not a string.
    fileprivate func text(_ key: String) -> String {
        self[key]?.stringValue ?? ""
    }

    /// The member's text, or nil when it is absent, null or not a string.
    fileprivate func optionalText(_ key: String) -> String? {
        self[key]?.stringValue
    }

    /// The member's strings, each element that is not one as `""`.
    fileprivate func texts(_ key: String) -> [String] {
        guard case .array(let elements) = self[key] else { return [] }
        return elements.map { $0.stringValue ?? "" }
    }

    fileprivate func optionalInteger(_ key: String) -> Int? {
        guard case .number(let text) = self[key] else { return nil }
        return Int(text)
    }

    fileprivate func integer(_ key: String) -> Int {
        guard case .number(let text) = self[key] else { return 0 }
        return Int(text) ?? 0
    }

    fileprivate func participants(_ key: String) -> [Participant] {
        guard case .array(let elements) = self[key] else { return [] }
        return elements.map {
            Participant(id: $0.text("id"), role: ParticipantRole(rawValue: $0.text("role")) ?? .actor, inferred: $0["inferred"] == .bool(true))
        }
    }

    fileprivate func quotes(_ key: String) -> [SourceQuote] {
        guard case .array(let elements) = self[key] else { return [] }
        return elements.map {
            SourceQuote(sourceId: $0.text("sourceId"), quote: $0.text("quote"), start: $0.optionalInteger("start"), end: $0.optionalInteger("end"))
        }
    }

    fileprivate func date(_ key: String) -> HistoricalDate {
        let date = self[key] ?? .null
        let value = date.text("value")
        // A precision the structural pass refused is replaced by one that fits the value, so the
        // value is not also reported for a mismatch that is the precision's fault.
        let precision = DatePrecision(rawValue: date.text("precision"))
            ?? DatePrecision.allCases.first { $0.valueLength == value.utf8.count } ?? .day
        return HistoricalDate(
            value: value, precision: precision, text: date.optionalText("text"), note: date.optionalText("note"),
            earliest: date.optionalText("earliest"), latest: date.optionalText("latest"),
            basis: DateBasis(rawValue: date.optionalText("basis") ?? ""))
    }
}
