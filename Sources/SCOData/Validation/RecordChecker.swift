/// The third pass: what each decoded record means. References resolve to records of the right
/// kind, dates are real, lists do not repeat, and every quote is an exact substring of its source.
struct RecordChecker {
    typealias Kind = IdentifierIndex.Kind

    static let participantKinds: Set<Kind> = [.state, .person, .organization, .region]
    static let speakerKinds: Set<Kind> = [.state, .person, .organization, .region]

    let index: IdentifierIndex
    let records: DecodedRecords
    /// The UTF-8 bytes of each decoded source's text: quotes are compared byte for byte.
    let sourceTexts: [String: [UInt8]]

    init(index: IdentifierIndex, records: DecodedRecords) {
        self.index = index
        self.records = records
        var texts: [String: [UInt8]] = [:]
        for source in records.sources where texts[source.record.id] == nil {
            texts[source.record.id] = Array(source.record.text.utf8)
        }
        sourceTexts = texts
    }

    func check(into report: inout ProblemReport) {
        let root = JSONPath.root
        if let version = records.formatVersion, !FixtureDocument.readableFormatVersions.contains(version) {
            report.add(root.appending("formatVersion"), .unsupportedFormatVersion(version))
        }
        for source in records.sources where !HistoricalDate.isWellFormed(source.record.publishedOn, precision: .day) {
            let path = root.appending("sources").appending(source.index).appending("publishedOn")
            report.add(path, .malformedDate(source.record.publishedOn, precision: DatePrecision.day.rawValue))
        }
        for item in records.organizations {
            check(item.record, at: root.appending("organizations").appending(item.index), into: &report)
        }
        if let summit = records.summit { check(summit, at: root.appending("summit"), into: &report) }
        for item in records.states {
            check(item.record, at: root.appending("states").appending(item.index), into: &report)
        }
        for item in records.people {
            check(item.record, at: root.appending("people").appending(item.index), into: &report)
        }
        for item in records.regions {
            check(item.record, at: root.appending("regions").appending(item.index), into: &report)
        }
        if let declaration = records.declaration { check(declaration, at: root.appending("declaration"), into: &report) }
        checkClauses(into: &report)
        for item in records.events {
            check(item.record, at: root.appending("events").appending(item.index), into: &report)
        }
        for item in records.statements {
            check(item.record, at: root.appending("statements").appending(item.index), into: &report)
        }
        for item in records.quantities {
            check(item.record, at: root.appending("quantities").appending(item.index), into: &report)
        }
    }

    private func checkClauses(into report: inout ProblemReport) {
        var positions: Set<Int> = []
        for item in records.clauses {
            let path = JSONPath.root.appending("clauses").appending(item.index)
            check(item.record, at: path, into: &report)
            if item.record.position < 1 {
                report.add(path.appending("position"), .wrongType(expected: "a position of 1 or more", found: "\(item.record.position)"))
            } else if !positions.insert(item.record.position).inserted {
                report.add(path.appending("position"), .duplicateValue("\(item.record.position)"))
            }
        }
    }

    // MARK: Shared checks

    /// Checks each quote's source and text; returns the texts of the sources cited.
    @discardableResult
    func checkQuotes(_ quotes: [SourceQuote], at path: JSONPath, into report: inout ProblemReport) -> [[UInt8]] {
        var cited: [[UInt8]] = []
        for (position, quote) in quotes.enumerated() {
            let quotePath = path.appending(position)
            guard index.contains(quote.sourceId, as: [.source]) else {
                report.add(quotePath.appending("sourceId"), .danglingReference(quote.sourceId, expected: "a source"))
                continue
            }
            // A source that failed to decode has its own problem reported; its quotes cannot be checked.
            guard let text = sourceTexts[quote.sourceId] else { continue }
            cited.append(text)
            if !Self.bytes(text, contain: Array(quote.quote.utf8)) {
                report.add(quotePath.appending("quote"), .quoteNotInSource(sourceId: quote.sourceId))
            } else if let start = quote.start, let end = quote.end {
                if !QuotePositions.holds(quote.quote, at: start, end, in: text) {
                    report.add(quotePath.appending("start"), .quoteNotAtPosition(start: start, end: end))
                }
            } else if quote.start != nil || quote.end != nil {
                report.add(quotePath.appending(quote.start == nil ? "start" : "end"), .missingField)
            } else {
                // Filled in before the check wherever the quote occurs once.
                let count = QuotePositions.occurrences(of: quote.quote, in: text).count
                report.add(quotePath.appending("start"), .ambiguousQuote(occurrences: count))
            }
        }
        return cited
    }

    func checkNotes(_ notes: [Note], at path: JSONPath, into report: inout ProblemReport) {
        for (position, note) in notes.enumerated() {
            checkQuotes(note.sources, at: path.appending(position).appending("sources"), into: &report)
        }
    }

    /// A date must be real for its precision, and its phrase must be the sources' own words.
    func checkDate(_ date: HistoricalDate, at path: JSONPath, cited: [[UInt8]], into report: inout ProblemReport) {
        if !date.isWellFormed {
            report.add(path.appending("value"), .malformedDate(date.value, precision: date.precision.rawValue))
        } else if !date.boundsAreConsistent {
            let bad = HistoricalDate.isWellFormed(date.earliest, precision: .day) ? "latest" : "earliest"
            report.add(path.appending(bad), .inconsistentDateBounds(earliest: date.earliest, latest: date.latest, value: date.value))
        }
        if let text = date.text {
            checkVerbatim(text, at: path.appending("text"), cited: cited, into: &report)
        }
    }

    /// Text that claims to be the source's words must occur in one of the cited sources.
    func checkVerbatim(_ text: String, at path: JSONPath, cited: [[UInt8]], into report: inout ProblemReport) {
        let needle = Array(text.utf8)
        guard !cited.isEmpty, !cited.contains(where: { Self.bytes($0, contain: needle) }) else { return }
        report.add(path, .notInCitedSources)
    }

    func checkReference(
        _ id: String?, at path: JSONPath, as kinds: Set<Kind>, expected: String, into report: inout ProblemReport
    ) {
        guard let id, !index.contains(id, as: kinds) else { return }
        report.add(path, .danglingReference(id, expected: expected))
    }

    /// Each id of a list names a record of `kinds`, once, and not the record itself (`ownID`);
    /// a problem is reported at the id's own position, under `member` for a list of objects
    /// (`participants[2].id`).
    func checkReferences(
        _ ids: [String], at path: JSONPath, member: String? = nil, ownID: String? = nil, as kinds: Set<Kind>,
        expected: String, into report: inout ProblemReport
    ) {
        var seen: Set<String> = []
        for (position, id) in ids.enumerated() {
            let at = member.map { path.appending(position).appending($0) } ?? path.appending(position)
            if id == ownID {
                report.add(at, .selfReference(id))
            } else if !seen.insert(id).inserted {
                report.add(at, .duplicateValue(id))
            } else {
                checkReference(id, at: at, as: kinds, expected: expected, into: &report)
            }
        }
    }

    /// Whether `needle` occurs in `haystack` byte for byte (no Unicode normalisation).
    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == first {
                var matched = 1
                while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
