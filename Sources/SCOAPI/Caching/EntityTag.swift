import Digests

/// Strong entity tags (RFC 9110 §8.8.3) computed from a representation's bytes.
///
/// A tag is a 64-bit hash of the body (`hash(_:)`), prefixed by the representation: equal bytes give
/// equal tags on every loop and across restarts, and a write that leaves a representation's bytes
/// as they were leaves its tag as it was, so a client's `If-Match` on one record is not spoiled by
/// an edit of another.
public enum EntityTag {
    /// The quoted tag for `body` in `representation`: `"json-5f3a…"`.
    public static func make(for body: [UInt8], representation: Representation) -> String {
        let value = body.withUnsafeBytes(hash)
        var name = representation.rawValue
        // Written in place: the tag is made for every response that is not cached.
        return name.withUTF8 { name in
            String(unsafeUninitializedCapacity: name.count + 19) { out in
                out[0] = UInt8(ascii: "\"")
                var index = 1
                for byte in name {
                    out[index] = byte
                    index += 1
                }
                out[index] = UInt8(ascii: "-")
                Hexadecimal.write(value, into: out, at: index + 1)
                index += 17
                out[index] = UInt8(ascii: "\"")
                return index + 1
            }
        }
    }

    /// A 64-bit hash of `bytes`, eight at a time: each word is folded in by an xor, a multiply by
    /// an odd constant (2^64 over the golden ratio) and an xor-shift that carries the high bits
    /// down; the length seeds it. Four words at a look go into four lanes of their own, which a
    /// processor runs side by side (one lane is a chain of multiplies, each waiting on the one
    /// before), and are folded together before the last words. Every response is hashed, so it
    /// must be cheap. Not for adversaries: a tag only tells one representation of ours from another.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        @inline(__always) func fold(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (hash ^ word) &* multiplier
            return mixed ^ (mixed >> 29)
        }
        var hash = UInt64(bytes.count) &* multiplier
        var index = 0
        if bytes.count >= 32 {
            var lanes = (hash, hash ^ 0x243F_6A88_85A3_08D3, hash ^ 0x1319_8A2E_0370_7344, hash ^ 0xA409_3822_299F_31D0)
            while index &+ 32 <= bytes.count {
                lanes.0 = fold(lanes.0, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                lanes.1 = fold(lanes.1, bytes.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self))
                lanes.2 = fold(lanes.2, bytes.loadUnaligned(fromByteOffset: index &+ 16, as: UInt64.self))
                lanes.3 = fold(lanes.3, bytes.loadUnaligned(fromByteOffset: index &+ 24, as: UInt64.self))
                index &+= 32
            }
            hash = fold(fold(fold(lanes.0, lanes.1), lanes.2), lanes.3)
        }
        while index &+ 8 <= bytes.count {
            hash = fold(hash, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index &+= 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift &+= 8
            index &+= 1
        }
        hash = (hash ^ tail) &* multiplier
        return hash ^ (hash >> 32)
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
        field.split(separator: ",").map { String($0.trimmingOWS()) }.filter { !$0.isEmpty }
    }

    private static func opaque(_ tag: String) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : Substring(tag)
    }
}
