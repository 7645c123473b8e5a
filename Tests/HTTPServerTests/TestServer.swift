import Glibc
import Locking
@testable import HTTPServer

/// A live server on an ephemeral port for the duration of a test.
enum TestServer {
    /// Starts a server with the sample routes (and `configure`'s changes), runs `body`, then shuts
    /// the server down and waits for it to stop.
    static func with(
        threads: Int = 2,
        router: Router<HTTPHandler> = TestServer.sampleRouter,
        responder: (any HTTPResponder)? = nil,
        configure: (inout HTTPServer.Configuration) -> Void = { _ in },
        _ body: (HTTPServer) throws -> Void
    ) throws {
        var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.threads = threads
        configure(&configuration)
        let server = try HTTPServer(configuration: configuration, responder: responder ?? RouterResponder(router: router))
        try server.start()
        defer {
            server.shutdown()
            server.waitUntilStopped()
        }
        try body(server)
    }

    /// A body of 1.5 KB, the size of a typical API answer.
    static let mediumBody = [UInt8](repeating: UInt8(ascii: "m"), count: 1536)
    /// A body of 1 MiB, to fill socket buffers.
    static let largeBody = [UInt8](repeating: UInt8(ascii: "L"), count: 1 << 20)

    struct Teapot: HTTPResponseError {
        func makeResponse() -> HTTPResponse { .problem(status: HTTPStatus(code: 418, reasonPhrase: "I'm a teapot"), detail: "short and stout") }
    }

    struct Secret: Error {}

    static let sampleRouter: Router<HTTPHandler> = {
        var router = Router<HTTPHandler>()
        router.add(.get, "/hello") { _, _ in
            HTTPResponse(headers: ["Content-Type": "text/plain"], body: "hello")
        }
        router.add(.get, "/medium") { _, _ in HTTPResponse(body: mediumBody) }
        router.add(.get, "/large") { _, _ in HTTPResponse(body: largeBody) }
        router.add(.get, "/items/{id:int}") { _, context in
            HTTPResponse(body: "item \(try context.parameters.get("id", as: Int.self))")
        }
        router.add(.post, "/echo") { request, _ in HTTPResponse(body: request.body) }
        router.add(.get, "/peer") { _, context in HTTPResponse(body: "\(context.loopIndex) \(context.peer)") }
        router.add(.get, "/teapot") { _, _ in throw Teapot() }
        router.add(.get, "/secret") { _, _ in throw Secret() }
        router.add(.get, "/close") { _, _ in HTTPResponse(headers: ["Connection": "close"], body: "bye") }
        return router
    }()
}

/// Collects server events for assertions.
final class RecordingSink: ServerEventSink {
    let events = Lock<[(ServerEventLevel, String)]>([])

    func serverEvent(_ level: ServerEventLevel, _ message: String, _ fields: [(String, String)]) {
        events.withLock { $0.append((level, message)) }
    }

    var messages: [String] { events.withLock { $0.map(\.1) } }
}
