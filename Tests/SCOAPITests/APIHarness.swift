import Foundation
import HTTPServer
import SCOData
import SQLiteStore
@testable import SCOAPI

/// The API in-process over a freshly seeded temporary database: requests in, responses out.
final class APIHarness {
    let directory: URL
    let database: Database
    let service: APIService
    let logSink = LogSink.makeMemory()
    private var handlers: [Int: any HTTPLoopHandler] = [:]

    init(replication: Replication = .single, configure: (inout APIConfiguration) -> Void = { _ in }) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sco-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try Dataset.open(path: directory.appendingPathComponent("db.sqlite").path).database
        var configuration = APIConfiguration()
        // Off unless a test turns them on: the corpus walk alone sends thousands of reads.
        configuration.rateLimits.isEnabled = false
        configure(&configuration)
        service = APIService(
            store: SQLiteDatasetStore(database: database), configuration: configuration,
            logger: Logger(level: .info, sink: logSink), startedAt: 0, replication: replication)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Sends a request through event loop `loop`'s handler (each loop has its own cache), as
    /// the only request of a wake-up of the loop, or, when `endsWakeUp` is false, as one of
    /// several (the loop has not been told it handled them all).
    func send(
        _ target: String, method: HTTPMethod = .get, headers: [(String, String)] = [], body: [UInt8] = [], loop: Int = 0,
        endsWakeUp: Bool = true, peer: String = "127.0.0.1:1"
    ) throws -> HTTPResponse {
        let handler = handlers[loop] ?? service.makeLoopHandler(loopIndex: loop)
        handlers[loop] = handler
        let request = try HTTPRequest(method: method, target: target, headers: HTTPHeaders(headers), body: body)
        let response = handler.respond(to: request, context: RequestContext(loopIndex: loop, peer: peer))
        if endsWakeUp {
            handler.didProcessEvents()
            handler.didBecomeIdle()
        }
        return response
    }

    /// Event loop `loop`'s handler, made by the first request sent through it.
    func handler(loop: Int = 0) -> APILoopHandler? {
        handlers[loop] as? APILoopHandler
    }

    /// The response body parsed as a JSON object.
    func json(_ target: String, headers: [(String, String)] = []) throws -> [String: Any] {
        let response = try send(target, headers: headers)
        return try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }

    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]) ?? [:]
    }
}
