import Foundation
import HTTPServer
import Testing
@testable import SCOAPI

/// `GET /v1/changes`: every write in order, deletions included, page by page.
@Suite struct WriteChangesTests {
    @Test func changesListEveryWriteInOrderWithDeletionsAndPages() throws {
        let api = try WriteSupport.harness()
        let start = try api.json("/v1/changes")
        let seeded = try #require(start["items"] as? [[String: Any]])
        #expect(seeded.count == 1)
        #expect(seeded[0]["operation"] as? String == "seed")
        #expect(seeded[0]["type"] as? String == "dataset")
        let since = try #require(seeded[0]["seq"] as? Int)

        let created = try api.write(.post, "/v1/timeline", WriteSupport.eventBody())
        let tag = try #require(created.headers[.etag])
        let patched = try api.write(.patch, "/v1/timeline/sco-rebuffs-russia", #"{"note": "n"}"#, ifMatch: tag)
        #expect(try api.write(.delete, "/v1/timeline/sco-rebuffs-russia", ifMatch: patched.headers[.etag]).status == .noContent)

        // Refused writes leave no entry.
        #expect(try api.write(.post, "/v1/timeline", #"{"title": 1}"#).status == .unprocessableContent)
        #expect(try api.write(.patch, "/v1/timeline/sco-founded", #"{"note": "n"}"#, ifMatch: tag).status == .preconditionFailed)
        #expect(try api.write(.delete, "/v1/timeline/peace-deal-signed", ifMatch: try api.etag("/v1/timeline/peace-deal-signed")).status == .conflict)

        let first = try api.send("/v1/changes?since=\(since)&limit=2")
        let page = first.object
        let items = try #require(page["items"] as? [[String: Any]])
        #expect(items.map { $0["operation"] as? String } == ["create", "update"])
        #expect(items.allSatisfy { $0["token"] as? String == "editor" && $0["type"] as? String == "event" })
        #expect(items[0]["before"] is NSNull)
        #expect((items[0]["after"] as? [String: Any])?["title"] as? String == "The SCO rebuffs Russia")
        #expect((items[1]["before"] as? [String: Any])?["note"] is NSNull)
        #expect((items[1]["after"] as? [String: Any])?["note"] as? String == "n")
        #expect(page["total"] as? Int == 3)
        let next = try #require(page["next"] as? String)
        #expect(first.headers[.link] == "</v1/changes?since=\(next)&limit=2>; rel=\"next\"")

        let last = try api.json("/v1/changes?since=\(next)&limit=2")
        let deletion = try #require((last["items"] as? [[String: Any]])?.first)
        #expect(deletion["operation"] as? String == "delete")
        #expect(deletion["after"] is NSNull)
        #expect((deletion["before"] as? [String: Any])?["note"] as? String == "n")
        #expect(last["next"] is NSNull)
        let seqs = (items + [deletion]).compactMap { $0["seq"] as? Int }
        #expect(seqs == seqs.sorted() && Set(seqs).count == 3 && seqs.allSatisfy { $0 > since })
        #expect((try api.json("/v1/changes?since=\(seqs[2])")["items"] as? [Any])?.isEmpty == true)
    }

    @Test func badParametersAre400NamingThem() throws {
        let api = try WriteSupport.harness()
        for (target, parameter) in [
            ("/v1/changes?since=-1", "since"), ("/v1/changes?since=x", "since"), ("/v1/changes?limit=0", "limit"),
            ("/v1/changes?cursor=abc", "cursor"), ("/v1/changes?since=1&since=2", "since"),
        ] {
            let response = try api.send(target)
            #expect(response.status == .badRequest, "\(target)")
            #expect(response.object["parameter"] as? String == parameter, "\(target)")
        }
    }

    @Test func theOpenAPIDocumentDescribesTheWrites() throws {
        let api = try WriteSupport.harness()
        let document = try api.json("/openapi.json")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let post = try #require(paths["/v1/timeline"]?["post"] as? [String: Any])
        let responses = try #require(post["responses"] as? [String: Any])
        for status in ["201", "400", "401", "403", "409", "415", "422"] { #expect(responses[status] != nil, "POST \(status)") }
        #expect(post["security"] != nil && post["requestBody"] != nil)
        let patch = try #require(paths["/v1/statements/{id}"]?["patch"] as? [String: Any])
        let content = (patch["requestBody"] as? [String: Any])?["content"] as? [String: Any]
        #expect(content?["application/merge-patch+json"] != nil)
        for status in ["200", "404", "412", "428"] { #expect((patch["responses"] as? [String: Any])?[status] != nil, "PATCH \(status)") }
        let delete = try #require(paths["/v1/sources/{id}"]?["delete"] as? [String: Any])
        #expect((delete["responses"] as? [String: Any])?["204"] != nil)
        #expect(paths["/v1/changes"]?["get"] != nil)
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let input = try #require(schemas["EventInput"] as? [String: Any])
        #expect(Set(input["required"] as? [String] ?? []) == ["date", "kind", "title", "summary", "participants", "regions", "sources"])
        #expect(((document["components"] as? [String: Any])?["securitySchemes"] as? [String: Any])?["bearerAuth"] != nil)
        // The index lists each collection once, by its GET.
        #expect((try api.json("/v1")["links"] as? [String: String])?["changes"] == "/v1/changes")
    }
}
