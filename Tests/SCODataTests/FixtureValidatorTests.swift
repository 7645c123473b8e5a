import Foundation
import Testing

@testable import SCOData

/// Broken documents are refused with every problem named by its JSON path.
@Suite struct FixtureValidatorTests {
    private func expectProblem(
        _ problems: [FixtureProblem], at path: String, _ matches: (FixtureProblem.Reason) -> Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            problems.contains { $0.path.description == path && matches($0.reason) },
            "expected a problem at \(path); got:\n\(problems.map(\.description).joined(separator: "\n"))",
            sourceLocation: sourceLocation
        )
    }

    @Test func reportsSyntaxErrorsWithLineAndColumn() {
        let result = FixtureValidator.load(Data("{\n  \"formatVersion\": 1,\n  \"sources\": [}\n".utf8))
        #expect(result.problems.count == 1)
        guard case .syntax(_, let line, let column)? = result.problems.first?.reason else {
            Issue.record("expected a syntax error, got \(result.problems)")
            return
        }
        #expect(line == 3 && column == 15)
        #expect(result.problems.first?.path.description == "$")
    }

    @Test func reportsAMissingFieldAtItsPath() throws {
        let problems = try loadMutated("events.3.date.value", nil)
        expectProblem(problems, at: "$.events[3].date.value") { $0 == .missingField }
        #expect(problems.count == 1)
    }

    @Test func reportsAMistypedField() throws {
        let problems = try loadMutated("events.2.participants", .string("RU"))
        expectProblem(problems, at: "$.events[2].participants") { $0 == .wrongType(expected: "an array", found: "string") }
        let role = try loadMutated("events.2.participants.0.role", .string("villain"))
        expectProblem(role, at: "$.events[2].participants[0].role") {
            if case .unknownValue("villain", _) = $0 { true } else { false }
        }
        expectProblem(try loadMutated("clauses.1.position", .number("1.5")), at: "$.clauses[1].position") {
            if case .wrongType = $0 { true } else { false }
        }
        expectProblem(try loadMutated("states.0.isFormer", .string("no")), at: "$.states[0].isFormer") {
            if case .wrongType = $0 { true } else { false }
        }
    }

    @Test func reportsUnknownRolesKindsAndPrecisions() throws {
        expectProblem(try loadMutated("states.1.roles.0", .string("ally")), at: "$.states[1].roles[0]") {
            if case .unknownValue("ally", let allowed) = $0 { allowed.contains("member") } else { false }
        }
        expectProblem(try loadMutated("events.4.kind", .string("war")), at: "$.events[4].kind") {
            if case .unknownValue("war", _) = $0 { true } else { false }
        }
        expectProblem(try loadMutated("events.0.date.precision", .string("week")), at: "$.events[0].date.precision") {
            if case .unknownValue("week", _) = $0 { true } else { false }
        }
    }

    @Test func reportsUnknownFieldsAndDuplicateKeys() throws {
        expectProblem(try loadMutated("summit.hostState", .string("TJ")), at: "$.summit.hostState") { $0 == .unknownField }
        let tree = try Bundled.tree()
        guard case .object(var members) = tree else { throw FixtureValidationErrors(problems: []) }
        members.append(JSONMember(key: "formatVersion", value: .number("1")))
        let problems = FixtureValidator.load(Data(JSONValue.object(members).serialized())).problems
        expectProblem(problems, at: "$.formatVersion") { $0 == .duplicateKey }
    }

    @Test func reportsDuplicateIdsWithTheFirstUse() throws {
        let problems = try loadMutated("people.1.id", .string("dmitry-medvedev"))
        expectProblem(problems, at: "$.people[1].id") { $0 == .duplicateId("dmitry-medvedev", firstUsedAt: "$.people[0].id") }
        expectProblem(try loadMutated("events.1.id", .string("sco")), at: "$.events[1].id") {
            $0 == .duplicateId("sco", firstUsedAt: "$.organizations[0].id")
        }
        expectProblem(try loadMutated("states.2.alpha3", .string("RUS")), at: "$.states[2].alpha3") {
            if case .duplicateId("RUS", _) = $0 { true } else { false }
        }
    }

    @Test func reportsMalformedIds() throws {
        expectProblem(try loadMutated("regions.0.id", .string("Abkhazia Region")), at: "$.regions[0].id") {
            if case .malformedId("Abkhazia Region", _) = $0 { true } else { false }
        }
        expectProblem(try loadMutated("states.0.code", .string("rus")), at: "$.states[0].code") {
            if case .malformedId("rus", _) = $0 { true } else { false }
        }
    }

    @Test func reportsDanglingReferences() throws {
        expectProblem(try loadMutated("events.4.participants.0.id", .string("XX")), at: "$.events[4].participants[0].id") {
            $0 == .danglingReference("XX", expected: "a state, person, organization or region")
        }
        expectProblem(try loadMutated("events.4.regions.0", .string("atlantis")), at: "$.events[4].regions[0]") {
            $0 == .danglingReference("atlantis", expected: "a region")
        }
        expectProblem(try loadMutated("statements.0.speakerId", .string("nobody")), at: "$.statements[0].speakerId") {
            if case .danglingReference("nobody", _) = $0 { true } else { false }
        }
        expectProblem(try loadMutated("statements.9.respondsTo", .array([.string("sco")])), at: "$.statements[9].respondsTo[0]") {
            $0 == .danglingReference("sco", expected: "a statement")
        }
        expectProblem(try loadMutated("clauses.0.sources.0.sourceId", .string("tass")), at: "$.clauses[0].sources[0].sourceId") {
            $0 == .danglingReference("tass", expected: "a source")
        }
        expectProblem(try loadMutated("summit.declarationId", .string("sco")), at: "$.summit.declarationId") {
            $0 == .danglingReference("sco", expected: "the declaration")
        }
        expectProblem(try loadMutated("regions.2.parentId", .string("tskhinvali")), at: "$.regions[2].parentId") {
            $0 == .selfReference("tskhinvali")
        }
    }

    @Test func reportsImpossibleDates() throws {
        expectProblem(try loadMutated("events.5.date.value", .string("2008-02-30")), at: "$.events[5].date.value") {
            if case .malformedDate("2008-02-30", _) = $0 { true } else { false }
        }
        expectProblem(try loadMutated("events.0.date.value", .string("1968-08")), at: "$.events[0].date.value") {
            $0 == .malformedDate("1968-08", precision: "year")
        }
        expectProblem(try loadMutated("sources.0.publishedOn", .string("28 August 2008")), at: "$.sources[0].publishedOn") {
            if case .malformedDate = $0 { true } else { false }
        }
    }

    @Test func reportsEmptySourcesAndStrings() throws {
        expectProblem(try loadMutated("clauses.0.sources", .array([])), at: "$.clauses[0].sources") { $0 == .emptyList }
        expectProblem(try loadMutated("states.0.notes.0.sources", .array([])), at: "$.states[0].notes[0].sources") { $0 == .emptyList }
        expectProblem(try loadMutated("people.0.name", .string("")), at: "$.people[0].name") { $0 == .emptyString }
    }

    @Test func reportsAQuoteThatIsNotInItsSource() throws {
        let problems = try loadMutated("statements.2.sources.0.quote", .string("Medvedev said hello"))
        expectProblem(problems, at: "$.statements[2].sources[0].quote") { $0 == .quoteNotInSource(sourceId: "article-2008-08-28-sco-dushanbe") }
        // Typos are the article's: a corrected spelling is not a quote.
        let corrected = try loadMutated("people.3.sources.0.quote", .string("Eka Tkeshelashvili told reporters"))
        expectProblem(corrected, at: "$.people[3].sources[0].quote") { if case .quoteNotInSource = $0 { true } else { false } }
    }

    @Test func reportsVerbatimTextMissingFromTheCitedSources() throws {
        expectProblem(try loadMutated("clauses.2.text", .string("grave concern")), at: "$.clauses[2].text") { $0 == .notInCitedSources }
        expectProblem(try loadMutated("events.6.date.text", .string("Aug. 19")), at: "$.events[6].date.text") { $0 == .notInCitedSources }
    }

    @Test func reportsADenialThatDeniesNothing() throws {
        let document = try Bundled.document()
        let index = try #require(document.statements.firstIndex { $0.kind == .denial })
        expectProblem(try loadMutated("statements.\(index).respondsTo", nil), at: "$.statements[\(index)].respondsTo") {
            $0 == .denialWithoutTarget
        }
    }

    /// Each id of a list is reported at its own position, a reference to the record itself too.
    @Test func listProblemsPointAtTheirOwnPositions() throws {
        let document = try Bundled.document()
        let index = try #require(document.statements.firstIndex { $0.kind == .denial })
        let own = document.statements[index].id
        let problems = try loadMutated("statements.\(index).respondsTo", .array([.string(own), .string("sco")]))
        expectProblem(problems, at: "$.statements[\(index)].respondsTo[0]") { $0 == .selfReference(own) }
        expectProblem(problems, at: "$.statements[\(index)].respondsTo[1]") { $0 == .danglingReference("sco", expected: "a statement") }
        let event = try #require(document.events.firstIndex { $0.id == "peace-deal-signed" })
        let links = try loadMutated("events.\(event).sameAs", .array([.string("peace-deal-signed"), .string("RU")]))
        expectProblem(links, at: "$.events[\(event)].sameAs[0]") { $0 == .selfReference("peace-deal-signed") }
        expectProblem(links, at: "$.events[\(event)].sameAs[1]") { if case .danglingReference("RU", _) = $0 { true } else { false } }
    }

    @Test func refusesAnotherFormatVersion() throws {
        expectProblem(try loadMutated("formatVersion", .number("3")), at: "$.formatVersion") { $0 == .unsupportedFormatVersion(3) }
        expectProblem(try loadMutated("formatVersion", .number("0")), at: "$.formatVersion") { $0 == .unsupportedFormatVersion(0) }
    }

    /// A format-1 document (dates without bounds) loads as format 2 with its bounds derived.
    @Test func convertsAFormatOneDocument() throws {
        var tree = try Bundled.tree().replacing("formatVersion", with: .number("1"))
        let events = try Bundled.document().events
        for (index, _) in events.enumerated() {
            for key in ["earliest", "latest", "basis"] { tree = tree.replacing("events.\(index).date.\(key)", with: nil) }
        }
        let document = try FixtureValidator.load(Data(tree.serialized())).get()
        #expect(document.formatVersion == FixtureDocument.currentFormatVersion)
        let tanks = try #require(document.events.first { $0.id == "russian-tanks-roll-into-south-ossetia" })
        #expect(tanks.date.earliest == "2008-08-01" && tanks.date.latest == "2008-08-31" && tanks.date.basis == .stated)
    }

    @Test func refusesBoundsOutsideTheValueOrOutOfOrder() throws {
        let index = try #require(try Bundled.document().events.firstIndex { $0.id == "russian-tanks-roll-into-south-ossetia" })
        expectProblem(try loadMutated("events.\(index).date.latest", .string("2008-09-02")), at: "$.events[\(index)].date.latest") {
            if case .inconsistentDateBounds = $0 { true } else { false }
        }
        expectProblem(try loadMutated("events.\(index).date.earliest", .string("2008-8-7")), at: "$.events[\(index)].date.earliest") {
            if case .inconsistentDateBounds = $0 { true } else { false }
        }
        expectProblem(try loadMutated("events.\(index).date.basis", .string("guessed")), at: "$.events[\(index)].date.basis") {
            if case .unknownValue("guessed", _) = $0 { true } else { false }
        }
    }

    @Test func reportsEveryProblemAtOnce() throws {
        let tree = try Bundled.tree()
            .replacing("events.3.date.value", with: nil)
            .replacing("states.1.roles.0", with: .string("ally"))
            .replacing("people.1.id", with: .string("dmitry-medvedev"))
            .replacing("events.4.participants.0.id", with: .string("XX"))
            .replacing("clauses.0.sources", with: .array([]))
            .replacing("statements.2.sources.0.quote", with: .string("not in the article"))
        let problems = FixtureValidator.load(Data(tree.serialized())).problems
        let paths = Set(problems.map(\.path.description))
        for path in ["$.events[3].date.value", "$.states[1].roles[0]", "$.people[1].id", "$.events[4].participants[0].id",
                     "$.clauses[0].sources", "$.statements[2].sources[0].quote"] {
            #expect(paths.contains(path), "missing \(path) in \(paths.sorted())")
        }
    }

    @Test func mapsDecodingErrorCodingPathsToJSONPaths() {
        struct Probe: Decodable { var events: [TimelineEvent] }
        let json = #"{"events": [{"id": "x", "date": {"value": 1, "precision": "day"}}]}"#
        do {
            _ = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
            Issue.record("decoding should fail")
        } catch {
            let problem = DecodedRecords.problem(for: error, under: .root)
            #expect(problem.path.description == "$.events[0].date.value")
        }
        let missing = #"{"events": [{"id": "x"}]}"#
        do {
            _ = try JSONDecoder().decode(Probe.self, from: Data(missing.utf8))
            Issue.record("decoding should fail")
        } catch {
            let problem = DecodedRecords.problem(for: error, under: JSONPath.root.appending("doc"))
            #expect(problem.path.description.hasPrefix("$.doc.events[0]."))
            #expect(problem.reason == .missingField)
        }
    }

    @Test func validatesDocumentsBuiltInMemory() throws {
        var document = try Bundled.document()
        #expect(FixtureValidator.problems(in: document) == [])
        document.events[0].participants.append(Participant(id: "ZZ", role: .subject))
        let problems = FixtureValidator.problems(in: document)
        #expect(problems.map(\.path.description) == ["$.events[0].participants[\(document.events[0].participants.count - 1)].id"])
    }

    @Test func pathsQuoteKeysThatAreNotIdentifiers() {
        let path = JSONPath.root.appending("events").appending(3).appending("odd key").appending("9lives")
        #expect(path.description == #"$.events[3]["odd key"]["9lives"]"#)
    }
}
