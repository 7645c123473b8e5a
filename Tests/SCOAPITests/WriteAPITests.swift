import Foundation
import HTTPServer
import SCOData
import Testing
@testable import SCOAPI

/// Every status of the write endpoints, in-process.
@Suite struct WriteAPITests {
    @Test func postAnswers201WithLocationAndTheRepresentationGETServes() throws {
        let api = try WriteSupport.harness()
        let created = try api.write(.post, "/v1/timeline", WriteSupport.eventBody())
        #expect(created.status == .created, "\(created.text)")
        #expect(created.headers[.location] == "/v1/timeline/sco-rebuffs-russia")
        let read = try api.send("/v1/timeline/sco-rebuffs-russia")
        #expect(read.status == .ok)
        #expect(read.body == created.body)
        #expect(read.headers[.etag] == created.headers[.etag])
        #expect(created.object["title"] as? String == "The SCO rebuffs Russia")
        // Without an id, one is made from the title.
        let untitled = try api.write(.post, "/v1/timeline", WriteSupport.eventBody(id: nil, title: "Rebuffed at Dushanbe"))
        #expect(untitled.status == .created)
        #expect(untitled.headers[.location] == "/v1/timeline/rebuffed-at-dushanbe")
        let again = try api.write(.post, "/v1/timeline", WriteSupport.eventBody(id: nil, title: "Rebuffed at Dushanbe"))
        #expect(again.headers[.location] == "/v1/timeline/rebuffed-at-dushanbe-2")
    }

    @Test func refusalsHaveTheirStatusesAndProblemBodies() throws {
        let api = try WriteSupport.harness()
        let cases: [(HTTPResponse, HTTPStatus, String)] = [
            (try api.write(.post, "/v1/timeline", "{not json"), .badRequest, "/problems/bad-body"),
            (try api.write(.post, "/v1/timeline", ""), .badRequest, "/problems/bad-body"),
            (try api.write(.post, "/v1/timeline", WriteSupport.eventBody(), contentType: "text/plain"), .unsupportedMediaType, "/problems/unsupported-media-type"),
            (try api.write(.post, "/v1/timeline", WriteSupport.eventBody(), contentType: "application/json; charset=latin1"), .unsupportedMediaType, "/problems/unsupported-media-type"),
            (try api.write(.put, "/v1/timeline/x", WriteSupport.eventBody(id: "x"), contentType: "application/merge-patch+json"), .unsupportedMediaType, "/problems/unsupported-media-type"),
            (try api.write(.post, "/v1/timeline?dry=1", WriteSupport.eventBody()), .badRequest, "/problems/bad-parameter"),
            (try api.write(.post, "/v1/timeline", WriteSupport.eventBody(id: "sco-founded")), .conflict, "/problems/conflict"),
            (try api.write(.post, "/v1/timeline", WriteSupport.eventBody(id: "dmitry-medvedev")), .conflict, "/problems/conflict"),
            (try api.write(.patch, "/v1/timeline/nothing-here", "{}"), .notFound, "/problems/not-found"),
            (try api.write(.delete, "/v1/timeline/nothing-here"), .notFound, "/problems/not-found"),
            (try api.write(.delete, "/v1/timeline/peace-deal-signed", ifMatch: try api.etag("/v1/timeline/peace-deal-signed")), .conflict, "/problems/conflict"),
            (try api.write(.delete, "/v1/timeline/sco-founded"), HTTPStatus(code: 428, reasonPhrase: ""), "/problems/precondition-required"),
            (try api.write(.delete, "/v1/timeline/sco-founded", ifMatch: "\"json-0000000000000000\""), .preconditionFailed, "/problems/precondition-failed"),
        ]
        for (response, status, type) in cases {
            #expect(response.status.code == status.code, "\(response.text)")
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(response.object["type"] as? String == type, "\(response.text)")
        }
        #expect(try api.send("/v1/timeline/sco-founded").status == .ok, "nothing was deleted")
    }

    /// A patch naming a member the record does not have is a 422, even one that removes it.
    @Test func aPatchWithAnUnknownMemberIsRefusedEvenWhenItRemovesIt() throws {
        let api = try WriteSupport.harness()
        let path = "/v1/timeline/us-warships-visit-georgia"
        for body in [#"{"": null}"#, #"{"colour": null}"#, #"{"a/b": 1}"#] {
            let response = try api.write(.patch, path, body, ifMatch: "*", contentType: "application/merge-patch+json")
            #expect(response.status == .unprocessableContent, "\(body): \(response.text)")
        }
        let refused = try api.write(.patch, path, #"{"a/b": 1}"#, ifMatch: "*", contentType: "application/merge-patch+json")
        #expect(refused.text.contains("\"pointer\":\"/a~1b\""), "\(refused.text)")
        let fine = try api.write(.patch, path, #"{"note": null, "actors": null}"#, ifMatch: "*", contentType: "application/merge-patch+json")
        #expect(fine.status == .ok, "\(fine.text)")
    }

    /// A quote's position is filled in where the quote occurs once, checked where given, and
    /// required where the words occur more than once ("Thursday" does six times).
    @Test func quotePositionsAreFilledCheckedOrRequired() throws {
        let api = try WriteSupport.harness()
        let created = try api.write(.post, "/v1/timeline", WriteSupport.eventBody())
        #expect(created.status == .created, "\(created.text)")
        let quote = (created.object["sources"] as? [[String: Any]])?.first
        let start = try #require(quote?["start"] as? Int), end = try #require(quote?["end"] as? Int)
        let article = try api.json("/v1/sources/\(WriteSupport.article)")["text"] as? String ?? ""
        let scalars = Array(article.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == WriteSupport.quote)

        let thursday = WriteSupport.eventBody(id: "thursday-event")
            .replacingOccurrences(of: "\"quote\": \"\(WriteSupport.quote)\"", with: "\"quote\": \"Thursday\"")
        let ambiguous = try api.write(.post, "/v1/timeline", thursday)
        #expect(ambiguous.status == .unprocessableContent, "\(ambiguous.text)")
        #expect(ambiguous.text.contains("/sources/0/start") && ambiguous.text.contains("occurs 6 times"), "\(ambiguous.text)")
        let offsets = scalars.indices.filter { index in
            index + 8 <= scalars.count && String(String.UnicodeScalarView(scalars[index..<(index + 8)])) == "Thursday"
        }
        #expect(offsets.count == 6)
        let wrong = thursday.replacingOccurrences(of: "\"quote\": \"Thursday\"", with: "\"quote\": \"Thursday\", \"start\": 3, \"end\": 11")
        let refused = try api.write(.post, "/v1/timeline", wrong)
        #expect(refused.status == .unprocessableContent && refused.text.contains("/sources/0/start"), "\(refused.text)")
        let meant = thursday.replacingOccurrences(
            of: "\"quote\": \"Thursday\"", with: "\"quote\": \"Thursday\", \"start\": \(offsets[2]), \"end\": \(offsets[2] + 8)")
        let accepted = try api.write(.post, "/v1/timeline", meant)
        #expect(accepted.status == .created, "\(accepted.text)")
        #expect((accepted.object["sources"] as? [[String: Any]])?.first?["start"] as? Int == offsets[2])
    }

    /// An event as GET serves it can be written back as it is (`actors` is read from the
    /// participants), and the first edition's `actors` alone still writes, each as an actor.
    @Test func anEventReadCanBeWrittenBackAndActorsStillWrite() throws {
        let api = try WriteSupport.harness()
        let path = "/v1/timeline/spy-plane-claimed-shot-down"
        let read = try api.send(path)
        let back = try api.write(.put, path, read.text, ifMatch: read.headers[.etag])
        #expect(back.status == .ok, "\(back.text)")
        #expect(back.body == read.body)
        let created = try api.write(.post, "/v1/timeline", WriteSupport.eventBody())
        #expect(created.status == .created, "\(created.text)")
        let parties = created.object["participants"] as? [[String: Any]] ?? []
        #expect(parties.map { $0["role"] as? String } == ["actor", "actor"])
        #expect(created.object["actors"] as? [String] == ["CN", "sco"])
        let filtered = try api.json("/v1/timeline?actor=the-west&role=critic")["items"] as? [[String: Any]] ?? []
        #expect(filtered.compactMap { $0["id"] as? String } == ["russia-recognizes-separatist-regions"])
        #expect(try api.send("/v1/timeline?role=villain").status == .badRequest)
    }

    /// A statement as GET serves it can be written back as it is: `respondedBy` and `disputed`
    /// are the store's own and are ignored, and nothing changes. `respondsTo` is checked id by id.
    @Test func aStatementReadCanBeWrittenBackAndItsResponsesAreChecked() throws {
        let api = try WriteSupport.harness()
        let path = "/v1/statements/tkeshelashvili-villages-expelled"
        let read = try api.send(path)
        #expect(read.object["respondedBy"] as? [String] == ["azimov-denies-ethnic-cleansing"])
        #expect(read.object["disputed"] as? Bool == true)
        let back = try api.write(.put, path, read.text, ifMatch: read.headers[.etag])
        #expect(back.status == .ok, "\(back.text)")
        #expect(back.body == read.body, "\(back.text)\n\(read.text)")

        let denial = try api.send("/v1/statements/azimov-denies-ethnic-cleansing").text
            .replacingOccurrences(of: "\"respondsTo\":[\"tkeshelashvili-georgians-driven-out\",", with: "\"respondsTo\":[\"sco\",\"azimov-denies-ethnic-cleansing\",")
        let refused = try api.write(.put, "/v1/statements/azimov-denies-ethnic-cleansing", denial, ifMatch: "*")
        #expect(refused.status == .unprocessableContent, "\(refused.text)")
        let pointers = (refused.object["errors"] as? [[String: Any]] ?? []).compactMap { $0["pointer"] as? String }
        #expect(Set(pointers) == ["/respondsTo/0", "/respondsTo/1"], "\(refused.text)")
    }

    @Test func invalidFieldsAre422ListingEveryPointer() throws {
        let api = try WriteSupport.harness()
        let body = WriteSupport.eventBody()
            .replacingOccurrences(of: "\"2008-08-28\"", with: "\"2008-02-30\"")
            .replacingOccurrences(of: "\"diplomatic\"", with: "\"party\"")
            .replacingOccurrences(of: "\"sco\"]", with: "\"nobody\"], \"colour\": 1")
            .replacingOccurrences(of: "actions in Georgia", with: "actions in Narnia")
        let response = try api.write(.post, "/v1/timeline", body)
        #expect(response.status == .unprocessableContent)
        let errors = try #require(response.object["errors"] as? [[String: Any]])
        #expect(Set(errors.compactMap { $0["pointer"] as? String }) == ["/date/value", "/kind", "/actors/1", "/colour", "/sources/0/quote"])
        #expect(errors.allSatisfy { ($0["detail"] as? String)?.isEmpty == false })
        #expect(response.object["detail"] as? String == "5 fields are invalid.")
        let mismatched = try api.write(.put, "/v1/timeline/one-id", WriteSupport.eventBody(id: "another-id"))
        #expect(mismatched.status == .unprocessableContent)
        #expect((mismatched.object["errors"] as? [[String: Any]])?.first?["pointer"] as? String == "/id")
        let renamed = try api.write(.patch, "/v1/timeline/sco-founded", #"{"id": "renamed"}"#, ifMatch: try api.etag("/v1/timeline/sco-founded"))
        #expect(renamed.status == .unprocessableContent)
        // The body is judged before the preconditions: an invalid edit is a 422 with or without If-Match.
        let invalidEdit = try api.write(.patch, "/v1/timeline/sco-founded", #"{"kind": "party"}"#)
        #expect(invalidEdit.status == .unprocessableContent)
        let declaration = try #require(try api.json("/v1/declaration")["id"] as? String)
        let positionZero = try api.write(.post, "/v1/declaration/clauses", """
            {"id": "zero", "declarationId": "\(declaration)", "position": 0, "text": "China", "addresses": [], "summary": "s",
             "sources": [{"sourceId": "\(WriteSupport.article)", "quote": "China and several"}]}
            """)
        #expect(positionZero.status == .unprocessableContent, "\(positionZero.text)")
        #expect((positionZero.object["errors"] as? [[String: Any]])?.map { $0["pointer"] as? String } == ["/position"])
    }

    @Test func tokensAre401Or403AndNeverLogged() throws {
        let api = try WriteSupport.harness()
        for token in [nil, "wrong-token-0123456789abcdef", WriteSupport.secret + "x", ""] as [String?] {
            let response = try api.write(.post, "/v1/timeline", WriteSupport.eventBody(), token: token)
            #expect(response.status == .unauthorized, "\(token ?? "none")")
            #expect(response.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
        }
        let basic = try api.send("/v1/timeline", method: .post, headers: [("Authorization", "Basic ZWRpdG9yOnNlY3JldA==")])
        #expect(basic.status == .unauthorized)
        #expect(try api.write(.post, "/v1/timeline", WriteSupport.eventBody()).status == .created)
        let lines = api.logSink.lines
        #expect(!lines.isEmpty)
        #expect(!lines.contains { $0.contains(WriteSupport.secret) }, "a secret reached the log")
        #expect(lines.contains { $0.contains("\"status\":201") && $0.contains("\"token\":\"editor\"") })

        let closed = try APIHarness()
        let disabled = try closed.write(.post, "/v1/timeline", WriteSupport.eventBody())
        #expect(disabled.status == .forbidden)
        #expect((disabled.object["detail"] as? String)?.contains("SCO_API_TOKENS") == true)
    }

    @Test func authenticatorComparesDigestsAndParsesBearerOnly() throws {
        let authenticator = WriteAuthenticator(tokens: [APIToken(name: "a", secret: "first-secret-0123456789"),
                                                        APIToken(name: "b", secret: "second-secret-0123456789")])
        #expect(try authenticator.authenticate(["Authorization": "Bearer second-secret-0123456789"]) == "b")
        #expect(try authenticator.authenticate(["Authorization": "bearer   first-secret-0123456789"]) == "a")
        #expect(throws: APIError.self) { try authenticator.authenticate(["Authorization": "Bearer first-secret-012345678"]) }
        #expect(WriteAuthenticator.bearerToken("Bearer abc==") == "abc==")
        #expect(WriteAuthenticator.bearerToken("Bearer a=b!c:d") == "a=b!c:d")
        #expect(WriteAuthenticator.bearerToken("Bearer ab\u{7F}") == nil)
        #expect(WriteAuthenticator.bearerToken("Bearer ") == nil)
        #expect(WriteAuthenticator.bearerToken("Bearer ab c") == nil)
        #expect(WriteAuthenticator.bearerToken("Bearerabc") == nil)
        #expect(WriteAuthenticator.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!WriteAuthenticator.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!WriteAuthenticator.constantTimeEquals([1, 2], [1, 2, 3]))
    }

    @Test func ifMatchGuardsEveryChangeAndStaleTagsAre412() throws {
        let api = try WriteSupport.harness()
        let path = "/v1/timeline/sco-founded"
        let seen = try api.etag(path)
        let patched = try api.write(.patch, path, #"{"note": "Edited by a test."}"#, ifMatch: seen)
        #expect(patched.status == .ok, "\(patched.text)")
        #expect(patched.object["note"] as? String == "Edited by a test.")
        let newTag = try #require(patched.headers[.etag])
        #expect(newTag != seen)
        #expect(try api.etag(path) == newTag)
        let stale = try api.write(.patch, path, #"{"note": "Overwrite?"}"#, ifMatch: seen)
        #expect(stale.status == .preconditionFailed)
        #expect((stale.object["detail"] as? String)?.contains(newTag) == true)
        #expect(try api.send(path).object["note"] as? String == "Edited by a test.")
        #expect(try api.write(.patch, path, #"{"note": "No tag"}"#).status.code == 428)
        // `*` means "any version, as long as it exists".
        #expect(try api.write(.patch, path, #"{"note": null}"#, ifMatch: "*").status == .ok)
        #expect(try api.send(path).object["note"] is NSNull)
        #expect(try api.write(.put, "/v1/timeline/not-there", WriteSupport.eventBody(id: nil), ifMatch: "*").status == .preconditionFailed)
        // If-None-Match: * creates only.
        let createOnly = try api.send("/v1/timeline/sco-founded", method: .put, headers: [
            ("Authorization", "Bearer \(WriteSupport.secret)"), ("Content-Type", "application/json"), ("If-None-Match", "*"),
        ], body: Array(WriteSupport.eventBody(id: nil).utf8))
        #expect(createOnly.status == .preconditionFailed)
    }

    @Test func putAndDeleteAreIdempotent() throws {
        let api = try WriteSupport.harness()
        let path = "/v1/timeline/sco-rebuffs-russia"
        let created = try api.write(.put, path, WriteSupport.eventBody(id: nil))
        #expect(created.status == .created)
        #expect(created.headers[.location] == path)
        // The same PUT again, with or without the tag it was given: already applied, 200, no new change.
        let changesBefore = try api.json("/v1/changes?limit=500")["total"] as? Int
        let again = try api.write(.put, path, WriteSupport.eventBody(id: nil))
        #expect(again.status == .ok)
        #expect(again.body == created.body)
        #expect(try api.write(.put, path, WriteSupport.eventBody(id: nil), ifMatch: "\"json-0000000000000000\"").status == .ok)
        #expect(try api.json("/v1/changes?limit=500")["total"] as? Int == changesBefore)
        // A different body needs the current tag.
        let different = WriteSupport.eventBody(id: nil, note: "Replaced.")
        #expect(try api.write(.put, path, different).status.code == 428)
        let replaced = try api.write(.put, path, different, ifMatch: created.headers[.etag])
        #expect(replaced.status == .ok)
        #expect(replaced.object["note"] as? String == "Replaced.")
        let tag = try #require(replaced.headers[.etag])
        #expect(try api.write(.delete, path, ifMatch: tag).status == .noContent)
        #expect(try api.write(.delete, path, ifMatch: tag).status == .noContent, "a retried DELETE")
        #expect(try api.write(.delete, path).status == .noContent)
        #expect(try api.send(path).status == .notFound)
    }

    @Test func statementsClausesAndSourcesAreWritableToo() throws {
        let api = try WriteSupport.harness()
        let source = try api.write(.post, "/v1/sources", """
            {"id": "test-note", "title": "A test note", "publisher": "The tests", "publishedOn": "2008-08-29", "language": "en",
             "text": "Dushanbe, Aug. 29: the host called the declaration a success."}
            """)
        #expect(source.status == .created, "\(source.text)")
        let statement = try api.write(.post, "/v1/statements", """
            {"speakerId": "TJ", "date": {"value": "2008-08-29", "precision": "day"}, "kind": "claim",
             "quote": "the host called the declaration a success", "isDirectQuote": false, "summary": "Tajikistan calls the summit a success.",
             "about": ["sco-joint-declaration"], "sources": [{"sourceId": "test-note", "quote": "the host called the declaration a success"}]}
            """)
        #expect(statement.status == .created, "\(statement.text)")
        #expect(statement.headers[.location] == "/v1/statements/tajikistan-calls-the-summit-a-success")
        let deleteSource = try api.write(.delete, "/v1/sources/test-note", ifMatch: try api.etag("/v1/sources/test-note"))
        #expect(deleteSource.status == .conflict)
        #expect((deleteSource.object["detail"] as? String)?.contains("tajikistan-calls-the-summit-a-success") == true)
        let clausePath = "/v1/declaration/clauses/territorial-integrity"
        let clause = try api.write(.patch, clausePath, #"{"summary": "Territorial integrity, as a test summarises it."}"#,
                                   ifMatch: try api.etag(clausePath))
        #expect(clause.status == .ok, "\(clause.text)")
        let taken = try api.write(.patch, clausePath, #"{"position": 2}"#, ifMatch: clause.headers[.etag])
        #expect(taken.status == .unprocessableContent)
        #expect((taken.object["errors"] as? [[String: Any]])?.first?["pointer"] as? String == "/position")
    }

    @Test func aCommittedWriteIsSeenByEveryLoopAtOnce() throws {
        let api = try WriteSupport.harness()
        let path = "/v1/timeline/sco-founded"
        let list = "/v1/timeline?kind=founding&fields=id,note"
        for loop in 0..<2 {
            #expect(try api.send(path, loop: loop).status == .ok)
            _ = try api.send(list, loop: loop)
            #expect(try api.send(path, loop: loop).status == .ok)
        }
        let cachedTag = try api.etag(path, loop: 1)
        let patched = try api.write(.patch, path, #"{"note": "Seen everywhere."}"#, ifMatch: cachedTag, loop: 0)
        #expect(patched.status == .ok)
        for loop in 0..<2 {
            let read = try api.send(path, loop: loop)
            #expect(read.headers[.etag] == patched.headers[.etag], "loop \(loop)")
            #expect(read.object["note"] as? String == "Seen everywhere.", "loop \(loop)")
            #expect(try api.send(list, loop: loop).text.contains("Seen everywhere."), "loop \(loop)")
            let conditional = try api.send(path, headers: [("If-None-Match", cachedTag)], loop: loop)
            #expect(conditional.status == .ok, "the old tag no longer matches on loop \(loop)")
        }
    }
}

/// The requests of one wake-up of a loop share a read transaction; a write committed before a
/// request, on any loop, is seen by it all the same.
@Suite struct SharedReadTransactionAPITests {
    @Test func aWriteOnAnotherLoopIsSeenByTheNextRequestOfTheSameWakeUp() throws {
        let api = try WriteSupport.harness()
        let before = try api.json("/v1/timeline?limit=1")
        let total = try #require(before["total"] as? Int)
        #expect(try api.send("/v1/timeline/sco-rebuffs-russia", endsWakeUp: false).status == .notFound)
        #expect(try api.send("/v1/search?q=rebuffs", endsWakeUp: false).object["total"] as? Int == 0)
        let changesBefore = try #require(try api.send("/v1/changes", endsWakeUp: false).object["items"] as? [[String: Any]])

        let created = try api.write(.post, "/v1/timeline", WriteSupport.eventBody(), loop: 1)
        #expect(created.status == .created, "\(created.text)")

        // Loop 0's wake-up goes on: each of these reads after the commit.
        let read = try api.send("/v1/timeline/sco-rebuffs-russia", endsWakeUp: false)
        #expect(read.status == .ok)
        #expect(read.headers[.etag] == created.headers[.etag])
        #expect(try api.send("/v1/timeline?limit=1", endsWakeUp: false).object["total"] as? Int == total + 1)
        #expect(try api.send("/v1/search?q=rebuffs", endsWakeUp: false).object["total"] as? Int == 1)
        let changesAfter = try #require(try api.send("/v1/changes", endsWakeUp: false).object["items"] as? [[String: Any]])
        #expect(changesAfter.count == changesBefore.count + 1, "the changes feed reads the connection itself")

        // And a delete on the same loop, inside the same wake-up.
        let deleted = try api.write(.delete, "/v1/timeline/sco-rebuffs-russia", ifMatch: read.headers[.etag], loop: 0, endsWakeUp: false)
        #expect(deleted.status == .noContent)
        #expect(try api.send("/v1/timeline/sco-rebuffs-russia", endsWakeUp: false).status == .notFound)
        #expect(try api.send("/v1/search?q=rebuffs").object["total"] as? Int == 0)
    }
}
