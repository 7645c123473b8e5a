/// A 64-bit value as sixteen lowercase hexadecimal digits, zeros first: the form of the ETags'
/// and the query fingerprints' hashes.
public enum Hexadecimal {
    /// Writes the sixteen digits of `value`, most significant first, at `out[offset..<offset + 16]`.
    @inlinable
    public static func write(_ value: UInt64, into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        let digits: StaticString = "0123456789abcdef"
        for index in 0..<16 {
            out[offset + index] = digits.utf8Start[Int(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF]
        }
    }

    /// The sixteen digits of `value` as a string.
    @inlinable
    public static func sixteenDigits(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { out in
            write(value, into: out, at: 0)
            return 16
        }
    }
}
