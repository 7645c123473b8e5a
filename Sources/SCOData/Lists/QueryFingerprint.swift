import SQLiteStore

/// Builds the fingerprint that binds a list position to its query: the list's name, each
/// filter's values (sorted and without repeats, since they are alternatives), the date range
/// and the effective sort, hashed to 64 bits (16 hex digits).
///
/// The limit is left out on purpose: a client may change the page size between pages.
struct QueryFingerprint {
    /// The FNV-1a state after the JSON text of the parts so far (`[` and the list's name, then
    /// `,` and each part's array), hashed as it is written rather than built and serialized:
    /// every list request makes one, and the tree of `JSONValue`s cost more than the hash.
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    init(list: String) {
        mix(UInt8(ascii: "["))
        mix(string: list)
    }

    /// Adds a filter of alternatives; an empty list (no filter) is recorded as absent.
    mutating func add(_ name: String, anyOf values: [String]) {
        guard !values.isEmpty else { return }
        addArray([name] + Set(values).sorted())
    }

    /// Adds a single value (a date bound, a search text); nil is recorded as absent.
    mutating func add(_ name: String, _ value: String?) {
        guard let value else { return }
        addArray([name, value])
    }

    /// Adds the effective sort.
    mutating func add<Field>(sort: ListSort<Field>) {
        addArray(["sort", sort.description])
    }

    /// The fingerprint: 16 lowercase hex digits, the 64-bit FNV-1a hash of the parts as one
    /// JSON array of strings and arrays of strings (`["search",["q","Georgia"]]`), in the
    /// compact form `JSONValue.serialized()` writes.
    ///
    /// It tells a cursor made for one query from one used with another, which any well-mixed
    /// 64-bit hash does; it is not a secret (the cursor is not signed). FNV-1a, not SHA-256:
    /// every list request computes it, and SHA-256 in Swift cost 6 % of an uncached search.
    var value: String {
        var final = self
        final.mix(UInt8(ascii: "]"))
        let hex = String(final.hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private mutating func addArray(_ strings: [String]) {
        mix(UInt8(ascii: ","))
        mix(UInt8(ascii: "["))
        for (index, string) in strings.enumerated() {
            if index > 0 { mix(UInt8(ascii: ",")) }
            mix(string: string)
        }
        mix(UInt8(ascii: "]"))
    }

    @inline(__always)
    private mutating func mix(_ byte: UInt8) {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }

    /// A JSON string as `JSONValue` writes one: the quote, the backslash, the newline and the
    /// other C0 controls escaped, everything else raw UTF-8.
    private mutating func mix(string: String) {
        mix(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                mix(UInt8(ascii: "\\"))
                mix(byte)
            case 0x0A:
                mix(UInt8(ascii: "\\"))
                mix(UInt8(ascii: "n"))
            case 0x00..<0x20:
                let hex = "0123456789abcdef".utf8
                for escape in "\\u00".utf8 { mix(escape) }
                mix(hex[hex.index(hex.startIndex, offsetBy: Int(byte >> 4))])
                mix(hex[hex.index(hex.startIndex, offsetBy: Int(byte & 0x0F))])
            default:
                mix(byte)
            }
        }
        mix(UInt8(ascii: "\""))
    }
}
