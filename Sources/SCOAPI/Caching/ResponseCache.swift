import ContentCoding
import HTTPServer

/// One event loop's cache of encoded responses, keyed by request target and representation,
/// each with its gzip and brotli bodies, made the first time a client asks for them.
///
/// Entries remember the data version they were built from; a lookup under a newer version
/// misses, so any commit invalidates everything at once without touching the cache. The loop
/// owns it: no lock. Bounded by `capacity`; when full, it starts over (the working set of a
/// read API is small, and a clear is cheaper than bookkeeping on every hit).
final class ResponseCache {
    struct Entry {
        var version: UInt64
        var response: HTTPResponse
        var etag: String
        var gzip: Compressed.Slot = .unmade
        var br: Compressed.Slot = .unmade
    }

    private var entries: [String: Entry] = [:]
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    var isEnabled: Bool { capacity > 0 }

    func lookup(_ key: String, version: UInt64) -> Entry? {
        guard let entry = entries[key], entry.version == version else { return nil }
        return entry
    }

    func store(_ key: String, _ entry: Entry) {
        guard isEnabled else { return }
        if entries.count >= capacity, entries[key] == nil { entries.removeAll(keepingCapacity: true) }
        entries[key] = entry
    }

    /// The entry's body in `coding`, made now if it never was (and kept), or nil when the body
    /// is not worth compressing (`Compressed.variant`).
    func variant(_ key: String, of entry: Entry, _ coding: ContentCoding, metrics: LoopMetrics) -> Compressed.Variant? {
        switch coding == .br ? entry.br : entry.gzip {
        case .made(let variant): return variant
        case .notWorthIt: return nil
        case .unmade:
            let variant = Compressed.variant(of: entry.response, etag: entry.etag, coding, metrics: metrics)
            let slot: Compressed.Slot = variant.map { .made($0) } ?? .notWorthIt
            if coding == .br { entries[key]?.br = slot } else { entries[key]?.gzip = slot }
            return variant
        }
    }

    var count: Int { entries.count }
}

/// Compressed responses: what is worth compressing and how a variant is labelled.
enum Compressed {
    /// A response in one coding, with its own strong tag.
    struct Variant {
        var response: HTTPResponse
        var etag: String
    }

    enum Slot {
        case unmade
        case notWorthIt
        case made(Variant)
    }

    /// Bodies smaller than this go as they are: the saving would not pay for the header.
    static let minimumBytes = 512

    /// The strong tag of a representation's `coding` variant: the identity tag with `-gz` or
    /// `-br` inside its quotes (RFC 9110 §8.8.3: a content coding is another representation).
    static func etag(_ identity: String, _ coding: ContentCoding) -> String {
        guard coding != .identity, identity.hasSuffix("\"") else { return identity }
        return String(identity.dropLast()) + (coding == .br ? "-br\"" : "-gz\"")
    }

    /// `response` (a 200 tagged `etag`) in `coding`, or nil when its body is under
    /// `minimumBytes` or does not shrink; each compression counted in `metrics`.
    static func variant(of response: HTTPResponse, etag: String, _ coding: ContentCoding, metrics: LoopMetrics) -> Variant? {
        guard coding != .identity, response.body.count >= minimumBytes, let body = coding.encode(response.body) else { return nil }
        metrics.recordCompression(coding.rawValue)
        guard body.count < response.body.count else { return nil }
        var compressed = response
        compressed.body = body
        let tag = Self.etag(etag, coding)
        compressed.headers.set(.etag, tag)
        compressed.headers.set("Content-Encoding", coding.rawValue)
        return Variant(response: compressed, etag: tag)
    }
}
