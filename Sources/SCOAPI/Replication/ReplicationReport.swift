#if canImport(Glibc)
import Glibc
#endif
import HTTPServer
import JSONText
import SCOData

/// What `/readyz` says of replication: a check that can make the server unready, and the
/// position (`replication` member) a load balancer or an operator reads.
///
/// - A replica is ready while its follower runs and its lag is within `--max-lag`; the
///   position gives the change sequence it serves, the transaction ids applied and in the
///   store, and the lag in seconds (null until an object store has been listed once).
/// - A primary with Litestream's control socket reports whether Litestream answers; with
///   durable replication it is unready when it does not, since every write would fail.
/// - A single server reports its role and sequence only.
struct ReplicationReport {
    var role: ReplicationRole
    var seq: Int?
    var position: ReplicaFollower.Position?
    var checks: [Readiness.Check] = []

    init(_ call: RouteCall) {
        let replication = call.service.replication
        role = replication.role
        seq = call.loop.changeSequence()
        switch replication.role {
        case .single:
            break
        case .primary:
            guard let control = replication.control else {
                checks.append(.init(name: "litestream", isOK: !replication.settings.durable, detail: "no control socket configured"))
                break
            }
            switch control.isReachable() {
            case .success:
                checks.append(.init(name: "litestream", isOK: true, detail: "answers on \(control.socketPath)"))
            case .failure(let failure):
                checks.append(.init(name: "litestream", isOK: !replication.settings.durable, detail: failure.description))
            }
        case .replica:
            guard let follower = replication.follower else { break }
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            let position = follower.position(now: Double(now.tv_sec) + Double(now.tv_nsec) / 1e9)
            self.position = position
            let maxLag = Double(replication.settings.maxLag.nanoseconds) / 1e9
            if let stopped = position.stopped {
                checks.append(.init(name: "replication", isOK: false, detail: stopped))
            } else if let lag = position.lagSeconds, lag > maxLag {
                checks.append(.init(name: "replication", isOK: false, detail: "\(Self.seconds(lag)) s behind the replica store (more than \(Self.seconds(maxLag)))"))
            } else {
                let lag = position.lagSeconds.map { "\(Self.seconds($0)) s behind" } ?? "lag not known yet (the store has not been listed)"
                checks.append(.init(name: "replication", isOK: true, detail: "following \(follower.replicaURL), \(lag)"))
            }
        }
    }

    func write(to json: inout JSONWriter) {
        json.key("replication")
        json.beginObject()
        json.key("role")
        json.string(role.rawValue)
        json.key("seq")
        if let seq { json.int(seq) } else { json.null() }
        if role == .replica {
            json.key("appliedTxid")
            if let applied = position?.appliedTXID { json.int(Int(applied)) } else { json.null() }
            json.key("storeTxid")
            if let store = position?.storeTXID { json.int(Int(store)) } else { json.null() }
            json.key("lagSeconds")
            if let lag = position?.lagSeconds { json.raw(Self.seconds(lag).utf8) } else { json.null() }
        }
        json.endObject()
    }

    /// Seconds with millisecond precision, as JSON number text.
    static func seconds(_ value: Double) -> String {
        let milliseconds = Int((value * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
