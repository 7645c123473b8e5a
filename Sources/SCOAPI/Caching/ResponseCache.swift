import HTTPServer

/// One event loop's cache of encoded responses, keyed by request target and representation.
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

    var count: Int { entries.count }
}
