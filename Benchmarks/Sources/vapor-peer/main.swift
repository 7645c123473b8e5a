// Vapor 4 peer (standard bootstrap).
//   GET /v1/member-states, /v1/timeline, /v1/search   the bytes sco-api served, encoded once
//   GET /per-request/v1/...                           the same bodies as Content, encoded per
//                                                     request by Vapor's configured JSONEncoder
//   GET /peer-info                                    which model each body decoded into
// Usage: PEER_BODIES=DIR vapor-peer serve --env production --hostname 127.0.0.1 --port PORT
// (production: log level notice, so the per-request route logging stays quiet)
import Foundation
import PeerSupport
import Vapor

extension Payload: Content {}

@main
struct VaporPeer {
    static func main() async throws {
        guard let directory = ProcessInfo.processInfo.environment["PEER_BODIES"] else {
            throw PeerError.usage("set PEER_BODIES to the directory Scripts/bench wrote the bodies to")
        }
        let bodies = try PeerBodies(directory: directory)
        let payloads = try PeerPayloads(bodies: bodies)

        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)

        for body in PeerBodies.all {
            let buffer = ByteBuffer(bytes: bodies[body.name])
            let path = body.path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
            app.get(path) { _ async throws -> Response in
                Response(
                    status: .ok,
                    headers: ["Content-Type": "application/json; charset=utf-8"],
                    body: .init(buffer: buffer)
                )
            }
        }
        let prefix = PathComponent(stringLiteral: String(PeerBodies.perRequestPrefix.dropFirst()))
        app.get(prefix, "v1", "member-states") { _ async throws in payloads.memberStates }
        app.get(prefix, "v1", "timeline") { _ async throws in payloads.timeline }
        app.get(prefix, "v1", "search") { _ async throws in payloads.search }
        app.get("peer-info") { _ async throws in "vapor 4.122.3 \(payloads.summary)\n" }

        do {
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
