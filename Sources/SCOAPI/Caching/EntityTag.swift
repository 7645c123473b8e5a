/// Strong entity tags (RFC 9110 §8.8.3) computed from a representation's bytes.
///
/// A tag is the 64-bit FNV-1a hash of the body, prefixed by the representation: equal bytes give
/// equal tags on every loop and across restarts, and a write that leaves a representation's bytes
/// as they were leaves its tag as it was, so a client's `If-Match` on one record is not spoiled by
/// an edit of another.
public enum EntityTag {
    /// The quoted tag for `body` in `representation`: `"json-5f3a…"`.
    public static func make(for body: [UInt8], representation: Representation) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\"\(representation.rawValue)-\(String(repeating: "0", count: 16 - hex.count))\(hex)\""
    }

    /// Whether `If-None-Match` matches `tag`, by weak comparison as RFC 9110 §13.1.2 requires:
    /// `*`, or any listed tag with the same opaque text, `W/` or not.
    public static func noneMatchHits(_ field: String, tag: String) -> Bool {
        let wanted = opaque(tag)
        for element in split(field) {
            if element == "*" { return true }
            if opaque(element) == wanted { return true }
        }
        return false
    }

    /// Whether `If-Match` is satisfied by `tag`, by strong comparison (RFC 9110 §13.1.1): `*`
    /// (when the record exists) or a listed strong tag equal to it.
    public static func matchHits(_ field: String, tag: String?) -> Bool {
        for element in split(field) {
            if element == "*" { return tag != nil }
            if let tag, !element.hasPrefix("W/"), element == tag { return true }
        }
        return false
    }

    private static func split(_ field: String) -> [String] {
        field.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    private static func opaque(_ tag: String) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : Substring(tag)
    }
}
