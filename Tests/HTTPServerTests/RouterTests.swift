import Testing
@testable import HTTPServer

/// Routing by method and path pattern, in process.
@Suite struct RouterTests {
    private func request(_ method: HTTPMethod, _ target: String) throws -> HTTPRequest {
        try HTTPRequest(method: method, target: target, headers: ["Host": "t"])
    }

    private func text(_ response: HTTPResponse) -> String {
        String(decoding: response.body, as: UTF8.self)
    }

    private func makeRouter() -> Router<HTTPHandler> {
        var router = Router<HTTPHandler>()
        router.add(.get, "/") { _, _ in HTTPResponse(body: "root") }
        router.add(.get, "/v1/member-states") { _, _ in HTTPResponse(body: "list") }
        router.add(.get, "/v1/member-states/{code}") { _, context in
            HTTPResponse(body: "state \(context.parameters.get("code") ?? "?")")
        }
        router.add(.get, "/v1/member-states/count") { _, _ in HTTPResponse(body: "count") }
        router.add(.post, "/v1/member-states") { _, _ in HTTPResponse(status: .created) }
        router.add(.get, "/v1/timeline/{id:int}") { _, context in
            HTTPResponse(body: "event \(try context.parameters.get("id", as: Int.self) * 2)")
        }
        router.add(.get, "/v1/timeline/{slug}") { _, context in
            HTTPResponse(body: "slug \(context.parameters.get("slug") ?? "")")
        }
        router.add(.get, "/v1/{kind}/{id}/sources") { _, context in
            HTTPResponse(body: "\(context.parameters.get("kind") ?? "")/\(context.parameters.get("id") ?? "")")
        }
        return router
    }

    @Test func matchesLiteralRoutes() throws {
        let router = makeRouter()
        #expect(text(router.respond(to: try request(.get, "/"), context: RequestContext())) == "root")
        #expect(text(router.respond(to: try request(.get, "/v1/member-states"), context: RequestContext())) == "list")
    }

    @Test func capturesDecodedParameters() throws {
        let router = makeRouter()
        let response = router.respond(to: try request(.get, "/v1/member-states/t%C3%BCrk"), context: RequestContext())
        #expect(text(response) == "state türk")
    }

    @Test func prefersLiteralSegmentsOverParameters() throws {
        let router = makeRouter()
        #expect(text(router.respond(to: try request(.get, "/v1/member-states/count"), context: RequestContext())) == "count")
    }

    @Test func triesTypedParametersBeforeUntypedOnes() throws {
        let router = makeRouter()
        #expect(text(router.respond(to: try request(.get, "/v1/timeline/21"), context: RequestContext())) == "event 42")
        #expect(text(router.respond(to: try request(.get, "/v1/timeline/night-of-7-august"), context: RequestContext()))
            == "slug night-of-7-august")
    }

    @Test func backtracksFromALiteralThatLeadsNowhere() throws {
        let router = makeRouter()
        // "member-states" is a literal child of /v1, but only {kind} continues to /x/sources.
        #expect(text(router.respond(to: try request(.get, "/v1/member-states/cn/sources"), context: RequestContext()))
            == "member-states/cn")
    }

    @Test func answers404ForUnknownPathsAndTrailingSlashes() throws {
        let router = makeRouter()
        for target in ["/v2", "/v1/member-states/", "/v1/member-states/cn/extra"] {
            let response = router.respond(to: try request(.get, target), context: RequestContext())
            #expect(response.status == .notFound, "\(target)")
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func answers405WithAllowForAKnownPath() throws {
        let router = makeRouter()
        let response = router.respond(to: try request(.delete, "/v1/member-states"), context: RequestContext())
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers[.allow] == "GET, HEAD, POST, OPTIONS")
        #expect(response.headers[.connection] == "close")
        guard case .answered(let refusal, let pattern, let allow) = router.resolve(try request(.put, "/v1/member-states")) else {
            Issue.record("expected the router's own answer")
            return
        }
        #expect(refusal.status == .methodNotAllowed)
        #expect(pattern == "/v1/member-states")
        #expect(allow == [.get, .head, .post, .options])
    }

    @Test func answersHeadWithTheGetHandler() throws {
        let router = makeRouter()
        let response = router.respond(to: try request(.head, "/v1/member-states"), context: RequestContext())
        #expect(response.status == .ok)
        #expect(text(response) == "list")  // the server core drops the body on the wire
    }

    @Test func answersOptionsForAPathAndForTheServer() throws {
        let router = makeRouter()
        let path = router.respond(to: try request(.options, "/v1/timeline/3"), context: RequestContext())
        #expect(path.status == .noContent)
        #expect(path.headers[.allow] == "GET, HEAD, OPTIONS")
        let server = router.respond(to: try request(.options, "*"), context: RequestContext())
        #expect(server.headers[.allow] == "GET, HEAD, POST, OPTIONS")
        let missing = router.respond(to: try request(.options, "/nowhere"), context: RequestContext())
        #expect(missing.status == .notFound)
    }

    @Test func usesAnExplicitOptionsHandlerWhenOneIsRegistered() throws {
        var router = Router<HTTPHandler>()
        router.add(.options, "/cors") { _, _ in HTTPResponse(headers: ["Access-Control-Allow-Origin": "*"]) }
        let response = router.respond(to: try request(.options, "/cors"), context: RequestContext())
        #expect(response.status == .ok)
        #expect(response.headers["access-control-allow-origin"] == "*")
    }

    @Test func turnsThrownErrorsIntoResponses() throws {
        struct Hidden: Error {}
        var router = Router<HTTPHandler>()
        router.add(.get, "/typed/{n}") { _, context in
            HTTPResponse(body: "\(try context.parameters.get("n", as: Int.self))")
        }
        router.add(.get, "/hidden") { _, _ in throw Hidden() }
        let invalid = router.respond(to: try request(.get, "/typed/abc"), context: RequestContext())
        #expect(invalid.status == .badRequest)
        #expect(text(invalid).contains("'n'"))
        let hidden = router.respond(to: try request(.get, "/hidden"), context: RequestContext())
        #expect(hidden.status == .internalServerError)
        #expect(!text(hidden).contains("Hidden"))
    }

    @Test func listsRegisteredRoutesInOrder() {
        let routes = makeRouter().routes
        #expect(routes.count == 8)
        #expect(routes.first?.method == .get)
        #expect(routes.first?.pattern == "/")
        #expect(routes.contains { $0.method == .post && $0.pattern == "/v1/member-states" })
    }

    @Test func passesTheLoopAndPeerThrough() throws {
        var router = Router<HTTPHandler>()
        router.add(.get, "/who") { _, context in HTTPResponse(body: "\(context.loopIndex)@\(context.peer)") }
        let response = router.respond(to: try request(.get, "/who"), context: RequestContext(loopIndex: 3, peer: "1.2.3.4:5"))
        #expect(text(response) == "3@1.2.3.4:5")
    }
}
