import Digests
import JSONText

/// Builds the fingerprint that binds a list position to its query: the list's name, each
/// filter's values (sorted and without repeats, since they are alternatives), the date range
/// and the effective sort, hashed to 64 bits (16 hex digits).
///
/// The limit is left out on purpose: a client may change the page size between pages.
struct QueryFingerprint {
    /// The parts so far as one JSON array: `[` and the list's name, then each part's array.
    private var json = JSONWriter(capacity: 128)

    init(list: String) {
        json.beginArray()
        json.string(list)
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
    /// compact JSON array of strings and arrays of strings (`["search",["q","Georgia"]]`).
    ///
    /// It tells a cursor made for one query from one used with another, which any well-mixed
    /// 64-bit hash does; it is not a secret (the cursor is not signed), and every list request
    /// computes it, so it is FNV-1a rather than a cryptographic hash.
    var value: String {
        // The parts are hashed where they were written, then the array's closing bracket.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        json.withBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        hash ^= UInt64(UInt8(ascii: "]"))
        hash = hash &* 0x0000_0100_0000_01b3
        return Hexadecimal.sixteenDigits(hash)
    }

    private mutating func addArray(_ strings: [String]) {
        json.stringArray(strings)
    }
}
