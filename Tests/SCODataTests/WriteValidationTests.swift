import Foundation
import Testing

@testable import SCOData

/// Bodies checked with the fixture validator's rules; every problem, each with its pointer.
@Suite struct WriteValidationTests {
    func problems(_ body: JSONValue, as kind: RecordKind = .event) throws -> [WriteProblem] {
        let store = try SeededStore()
        do {
            _ = try store.edit { writer in try writer.validate(body, as: kind) }
            return []
        } catch let WriteError.invalid(problems) {
            return problems
        }
    }

    func parse(_ text: String) -> JSONValue {
        try! JSONParser.parse(Array(text.utf8)).get()
    }

    @Test func aValidBodyIsTheRecordJSONDecoderWouldRead() throws {
        let store = try SeededStore()
        let record = try store.edit { writer in try writer.validate(WriteFixtures.eventBody(), as: .event) }
        #expect(record == .event(WriteFixtures.event()))
    }

    @Test func structuralAndSemanticProblemsAreReportedTogether() throws {
        let body = WriteFixtures.eventBody([
            "\"title\": \"The SCO rebuffs Russia\"": "\"title\": 5",
            "\"2008-08-28\"": "\"2008-02-30\"",
            "\"diplomatic\"": "\"party\"",
            "[\"CN\", \"sco\"]": "[\"CN\", \"XX\", \"CN\"]",
            "\"sources\":": "\"colour\": \"red\", \"sources\":",
            "for its actions in Georgia": "for its actions in Narnia",
        ])
        let found = try problems(body)
        #expect(Set(found.map(\.pointer)) == ["/title", "/date/value", "/kind", "/actors/1", "/actors/2", "/colour", "/sources/0/quote"],
                "\(found)")
        #expect(found.first { $0.pointer == "/actors/1" }?.message == "\"XX\" is not the id of a state, person, organization or region")
    }

    @Test func aPlaceholderNeverAddsAProblemBeneathOneAlreadyReported() throws {
        let body = parse("""
            {"id": "x", "date": {"value": "2008", "precision": "decade"}, "kind": "military", "title": "t", "summary": "s",
             "actors": [1], "regions": [], "sources": [{"sourceId": 7, "quote": "q"}]}
            """)
        let found = try problems(body)
        #expect(Set(found.map(\.pointer)) == ["/date/precision", "/actors/0", "/sources/0/sourceId"], "\(found)")
    }

    @Test func statementsClausesAndSourcesFollowTheFixtureRules() throws {
        let denial = parse("""
            {"id": "a-denial", "speakerId": "nobody", "date": {"value": "2008-08-28", "precision": "day", "text": "the fifth of never"},
             "kind": "denial", "quote": "China", "isDirectQuote": true, "summary": "s", "about": ["sco"],
             "sources": [{"sourceId": "\(WriteFixtures.article)", "quote": "China and several"}]}
            """)
        let denialProblems = try problems(denial, as: .statement)
        #expect(Set(denialProblems.map(\.pointer)) == ["/speakerId", "/respondsTo", "/date/text"], "\(denialProblems)")
        let clause = parse("""
            {"id": "a-clause", "declarationId": "sco-dushanbe-declaration-2008", "position": 1, "text": "not quoted",
             "addresses": ["Bad Topic"], "summary": "s", "sources": [{"sourceId": "\(WriteFixtures.article)", "quote": "China and several"}]}
            """)
        let declaration = try SeededStore().reader.declarations.declaration()!.id
        let clauseProblems = try problems(
            parse(String(decoding: clause.serialized(), as: UTF8.self).replacingOccurrences(of: "sco-dushanbe-declaration-2008", with: declaration)),
            as: .clause)
        #expect(Set(clauseProblems.map(\.pointer)) == ["/text", "/addresses/0", "/position"], "\(clauseProblems)")
        let source = parse("""
            {"id": "Not A Slug", "title": "t", "publisher": "p", "publishedOn": "2008-13-01", "language": "en", "text": ""}
            """)
        #expect(Set(try problems(source, as: .source).map(\.pointer)) == ["/id", "/publishedOn", "/text"])
        #expect(try problems(parse("[1, 2]")).map(\.pointer) == [""])
    }

    @Test func pointersEscapeTildeAndSlash() {
        let path = JSONPath.root.appending("events").appending(0).appending("a/b~c").appending(2)
        let problem = WriteProblem(FixtureProblem(path: path, reason: .unknownField), under: JSONPath.root.appending("events").appending(0))
        #expect(problem.pointer == "/a~1b~0c/2")
    }

    /// RFC 7396 Appendix A, each example.
    @Test func mergePatchFollowsRFC7396() {
        let cases: [(String, String, String)] = [
            (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
            (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
            (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
            (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
            (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
            (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
            (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
            (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
            (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
            (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
            (#"{"a":"foo"}"#, "null", "null"),
            (#"{"a":"foo"}"#, #""bar""#, #""bar""#),
            (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
            (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
            (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
        ]
        for (target, patch, result) in cases {
            let patched = parse(target).mergePatched(with: parse(patch))
            #expect(String(decoding: patched.serialized(), as: UTF8.self) == result, "\(target) + \(patch)")
        }
    }

    @Test func slugsAreLowercaseASCIIWordsCutAtAWord() {
        #expect(Slug.make(from: "Russia recognizes South Ossetia & Abkhazia", fallback: "event") == "russia-recognizes-south-ossetia-abkhazia")
        #expect(Slug.make(from: "  --  ", fallback: "event") == "event")
        #expect(Slug.make(from: "Cre\u{0300}me", fallback: "event") == "creme")
        let long = Slug.make(from: String(repeating: "word ", count: 40), fallback: "event", maximumLength: 22)
        #expect(long == "word-word-word-word")
        #expect(IdentifierIndex.isSlug(long))
    }
}
