import Foundation
import HTTPServer
import Testing
@testable import SCOAPI

/// The token the write tests configure, and requests made with it.
enum WriteSupport {
    static let secret = "test-secret-0123456789abcdef"
    static let article = "article-2008-08-28-sco-dushanbe"
    static let quote = "China and several Central Asian nations rebuffed Russia's hopes of international support for its actions in Georgia"

    static func harness() throws -> APIHarness {
        try APIHarness { $0.tokens = [APIToken(name: "editor", secret: secret)] }
    }

    static func eventBody(id: String? = "sco-rebuffs-russia", title: String = "The SCO rebuffs Russia", note: String? = nil) -> String {
        """
        {\(id.map { "\"id\": \"\($0)\", " } ?? "")"date": {"value": "2008-08-28", "precision": "day"}, "kind": "diplomatic",
         "title": "\(title)", "summary": "No support for Russia's actions in Georgia.", "actors": ["CN", "sco"], "regions": [],
         \(note.map { "\"note\": \"\($0)\", " } ?? "")"sources": [{"sourceId": "\(article)", "quote": "\(quote)"}]}
        """
    }
}

extension APIHarness {
    /// A write with the test token (or `token`), JSON content type unless `contentType` says otherwise.
    func write(
        _ method: HTTPMethod, _ target: String, _ body: String? = nil, ifMatch: String? = nil,
        token: String? = WriteSupport.secret, contentType: String? = nil, loop: Int = 0, endsWakeUp: Bool = true
    ) throws -> HTTPResponse {
        var headers: [(String, String)] = []
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        if body != nil {
            headers.append(("Content-Type", contentType ?? (method == .patch ? "application/merge-patch+json" : "application/json")))
        }
        if let ifMatch { headers.append(("If-Match", ifMatch)) }
        return try send(target, method: method, headers: headers, body: Array((body ?? "").utf8), loop: loop, endsWakeUp: endsWakeUp)
    }

    func etag(_ target: String, loop: Int = 0) throws -> String {
        try #require(try send(target, loop: loop).headers[.etag])
    }
}
