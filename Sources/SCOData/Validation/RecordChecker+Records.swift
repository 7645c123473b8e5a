/// The checks specific to each kind of record.
extension RecordChecker {
    func check(_ organization: Organization, at path: JSONPath, into report: inout ProblemReport) {
        let cited = checkQuotes(organization.sources, at: path.appending("sources"), into: &report)
        checkNotes(organization.notes, at: path.appending("notes"), into: &report)
        if let founded = organization.founded { checkDate(founded, at: path.appending("founded"), cited: cited, into: &report) }
        checkReference(organization.stateCode, at: path.appending("stateCode"), as: [.state], expected: "a state", into: &report)
    }

    func check(_ summit: Summit, at path: JSONPath, into report: inout ProblemReport) {
        let cited = checkQuotes(summit.sources, at: path.appending("sources"), into: &report)
        checkNotes(summit.notes, at: path.appending("notes"), into: &report)
        checkDate(summit.date, at: path.appending("date"), cited: cited, into: &report)
        checkReference(summit.organizationId, at: path.appending("organizationId"), as: [.organization], expected: "an organization", into: &report)
        checkReference(summit.placeId, at: path.appending("placeId"), as: [.region], expected: "a region", into: &report)
        checkReference(summit.countryCode, at: path.appending("countryCode"), as: [.state], expected: "a state", into: &report)
        checkReference(summit.hostStateCode, at: path.appending("hostStateCode"), as: [.state], expected: "a state", into: &report)
        checkReference(summit.declarationId, at: path.appending("declarationId"), as: [.declaration], expected: "the declaration", into: &report)
    }

    func check(_ country: State, at path: JSONPath, into report: inout ProblemReport) {
        checkQuotes(country.sources, at: path.appending("sources"), into: &report)
        checkNotes(country.notes, at: path.appending("notes"), into: &report)
        var roles: Set<StateRole> = []
        for (position, role) in country.roles.enumerated() where !roles.insert(role).inserted {
            report.add(path.appending("roles").appending(position), .duplicateValue(role.rawValue))
        }
    }

    func check(_ person: Person, at path: JSONPath, into report: inout ProblemReport) {
        checkQuotes(person.sources, at: path.appending("sources"), into: &report)
        checkNotes(person.notes, at: path.appending("notes"), into: &report)
        checkReference(person.stateCode, at: path.appending("stateCode"), as: [.state], expected: "a state", into: &report)
        checkReference(person.organizationId, at: path.appending("organizationId"), as: [.organization], expected: "an organization", into: &report)
    }

    func check(_ region: Region, at path: JSONPath, into report: inout ProblemReport) {
        checkQuotes(region.sources, at: path.appending("sources"), into: &report)
        checkNotes(region.notes, at: path.appending("notes"), into: &report)
        checkReference(region.stateCode, at: path.appending("stateCode"), as: [.state], expected: "a state", into: &report)
        for (field, id) in [("parentId", region.parentId), ("capitalId", region.capitalId)] {
            guard let id else { continue }
            if id == region.id {
                report.add(path.appending(field), .selfReference(id))
            } else {
                checkReference(id, at: path.appending(field), as: [.region], expected: "a region", into: &report)
            }
        }
    }

    func check(_ declaration: Declaration, at path: JSONPath, into report: inout ProblemReport) {
        let cited = checkQuotes(declaration.sources, at: path.appending("sources"), into: &report)
        checkNotes(declaration.notes, at: path.appending("notes"), into: &report)
        checkDate(declaration.adoptedOn, at: path.appending("adoptedOn"), cited: cited, into: &report)
        checkReference(declaration.organizationId, at: path.appending("organizationId"), as: [.organization], expected: "an organization", into: &report)
        checkReference(declaration.summitId, at: path.appending("summitId"), as: [.summit], expected: "the summit", into: &report)
    }

    func check(_ clause: Clause, at path: JSONPath, into report: inout ProblemReport) {
        let cited = checkQuotes(clause.sources, at: path.appending("sources"), into: &report)
        checkVerbatim(clause.text, at: path.appending("text"), cited: cited, into: &report)
        checkReference(clause.declarationId, at: path.appending("declarationId"), as: [.declaration], expected: "the declaration", into: &report)
        var topics: Set<String> = []
        for (position, topic) in clause.addresses.enumerated() {
            let topicPath = path.appending("addresses").appending(position)
            if !IdentifierIndex.isSlug(topic) {
                report.add(topicPath, .malformedId(topic, expected: "a lowercase slug (a-z, 0-9, single hyphens)"))
            } else if !topics.insert(topic).inserted {
                report.add(topicPath, .duplicateValue(topic))
            }
        }
    }

    func check(_ event: TimelineEvent, at path: JSONPath, into report: inout ProblemReport) {
        let cited = checkQuotes(event.sources, at: path.appending("sources"), into: &report)
        checkDate(event.date, at: path.appending("date"), cited: cited, into: &report)
        checkReferences(
            event.participants.map(\.id), at: path.appending("participants"), member: "id", as: Self.participantKinds,
            expected: "a state, person, organization or region", into: &report)
        checkReferences(event.regions, at: path.appending("regions"), as: [.region], expected: "a region", into: &report)
        checkReferences(
            event.sameAs, at: path.appending("sameAs"), ownID: event.id, as: [.summit, .declaration, .event],
            expected: "a summit, a declaration or an event", into: &report)
    }

    func check(_ statement: Statement, at path: JSONPath, into report: inout ProblemReport) {
        let cited = checkQuotes(statement.sources, at: path.appending("sources"), into: &report)
        checkVerbatim(statement.quote, at: path.appending("quote"), cited: cited, into: &report)
        checkDate(statement.date, at: path.appending("date"), cited: cited, into: &report)
        checkReference(statement.speakerId, at: path.appending("speakerId"), as: Self.speakerKinds, expected: "a person, organization, state or region", into: &report)
        checkReference(statement.regionId, at: path.appending("regionId"), as: [.region], expected: "a region", into: &report)
        checkReference(statement.venueId, at: path.appending("venueId"), as: [.organization], expected: "an organization", into: &report)
        checkReference(statement.reportedById, at: path.appending("reportedById"), as: [.organization], expected: "an organization", into: &report)
        checkReferences(
            statement.respondsTo, at: path.appending("respondsTo"), ownID: statement.id, as: [.statement],
            expected: "a statement", into: &report)
        if statement.respondsTo.isEmpty && statement.kind == .denial {
            report.add(path.appending("respondsTo"), .denialWithoutTarget)
        }
        checkReferences(statement.about, at: path.appending("about"), as: Set(IdentifierIndex.Kind.allCases), expected: "any record", into: &report)
    }

    /// A quantity's words are the sources' own, its value a finite number, and what it is about
    /// names records.
    func check(_ quantity: Quantity, at path: JSONPath, into report: inout ProblemReport) {
        let cited = checkQuotes(quantity.sources, at: path.appending("sources"), into: &report)
        checkVerbatim(quantity.text, at: path.appending("text"), cited: cited, into: &report)
        if !quantity.value.isFinite {
            report.add(path.appending("value"), .wrongType(expected: "a finite number", found: "\(quantity.value)"))
        }
        checkReferences(quantity.about, at: path.appending("about"), as: Set(IdentifierIndex.Kind.allCases), expected: "any record", into: &report)
    }
}
