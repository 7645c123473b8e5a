import Glibc
import HTTPServer

/// One event loop's answers to request heads it has seen byte for byte, encoded once.
///
/// A cached route's 200 or 304 depends on the request's head, the data version, the time and
/// the client (its quota); nothing else. So when a keep-alive `GET` or `HEAD` arrives whose head
/// is exactly one answered before, under the same data version, the loop can send the same
/// bytes with a new `Date`, request id and `RateLimit` and skip parsing, routing, the response
/// cache and encoding. Clients repeat their requests with the same headers (a poller, a page's
/// assets, a crawler), so this is the common case of a read API, not a special one.
///
/// Direct-mapped on a hash of the head: a slot holds one head, and a new head whose hash lands
/// there replaces it. Memory is bounded by the slot count, the longest head offered (2 KiB)
/// and `maxResponseBytes`; a commit makes every entry miss without touching them.
final class ReplayCache {
    /// A class, so a hit hands out one reference rather than copying a dozen fields.
    final class Entry {
        let version: UInt64
        let head: [UInt8]
        let template: ResponseTemplate
        /// The client's own request id, if it sent a usable one; else one is made per request.
        let clientRequestID: String?
        /// The quota the request counts against, when rate limits are on.
        let policy: RatePolicy?
        /// What metrics and the access log record of the request.
        let method: HTTPMethod
        let target: String
        let route: String
        let status: Int
        let bodyBytes: Int
        /// The number the loop's metrics count this route, method and status under.
        let metricsSlot: Int

        init(version: UInt64, head: [UInt8], template: ResponseTemplate, clientRequestID: String?, policy: RatePolicy?,
             method: HTTPMethod, target: String, route: String, status: Int, bodyBytes: Int, metricsSlot: Int) {
            self.version = version
            self.head = head
            self.template = template
            self.clientRequestID = clientRequestID
            self.policy = policy
            self.method = method
            self.target = target
            self.route = route
            self.status = status
            self.bodyBytes = bodyBytes
            self.metricsSlot = metricsSlot
        }
    }

    /// The fields whose values `Entry.template` leaves out, in the order of its fill indexes.
    static let variableFields = ["X-Request-ID", "RateLimit"]
    static let requestIDField = 0
    static let rateLimitField = 1
    /// Responses longer than this are not kept (a cached route's lists are far shorter).
    static let maxResponseBytes = 64 * 1024

    /// Touched only on the loop's thread, one call at a time (see `APILoopHandler`).
    @exclusivity(unchecked) private var slots: [Entry?]
    private let mask: Int

    /// A cache of at most `capacity` entries (rounded down to a power of two, at most 256);
    /// none when `capacity` is 0.
    init(capacity: Int) {
        var count = 1
        while count * 2 <= min(capacity, 256) { count *= 2 }
        slots = capacity > 0 ? Array(repeating: nil, count: count) : []
        mask = count - 1
    }

    var isEnabled: Bool { !slots.isEmpty }

    /// The entry kept for exactly these head bytes under data version `version`.
    func lookup(_ head: UnsafeRawBufferPointer, version: UInt64) -> Entry? {
        guard isEnabled else { return nil }
        guard let entry = slots[slot(of: head)], entry.version == version, entry.head.count == head.count else { return nil }
        let same = entry.head.withUnsafeBytes { kept in
            memcmp(kept.baseAddress!, head.baseAddress!, head.count) == 0
        }
        return same ? entry : nil
    }

    func store(_ entry: Entry) {
        guard isEnabled, entry.template.count <= Self.maxResponseBytes else { return }
        slots[entry.head.withUnsafeBytes(slot(of:))] = entry
    }

    /// The one slot a head may occupy.
    private func slot(of head: UnsafeRawBufferPointer) -> Int {
        Int(truncatingIfNeeded: EntityTag.hash(head)) & mask
    }
}
