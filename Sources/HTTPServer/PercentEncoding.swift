/// Percent-decoding of URI components (RFC 3986 §2.1).
enum PercentEncoding {
    /// Decodes `%XX` escapes (and `+` as a space when asked) into a UTF-8 string.
    ///
    /// A `%` not followed by two hex digits, an escape of NUL, or bytes that are not UTF-8
    /// throw `HTTPParseError.malformedPercentEncoding`: a request target that hides a NUL or
    /// half a character is refused with 400 rather than guessed at.
    static func decode<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, plusAsSpace: Bool
    ) throws(HTTPParseError) -> String {
        let needsDecoding = bytes.contains { $0 == ASCII.percent || (plusAsSpace && $0 == ASCII.plus) }
        if !needsDecoding {
            return String(decoding: bytes, as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == ASCII.percent {
                let first = bytes.index(after: index)
                guard first != bytes.endIndex, let high = ASCII.hexValue(bytes[first]) else {
                    throw .malformedPercentEncoding(String(decoding: bytes, as: UTF8.self))
                }
                let second = bytes.index(after: first)
                guard second != bytes.endIndex, let low = ASCII.hexValue(bytes[second]) else {
                    throw .malformedPercentEncoding(String(decoding: bytes, as: UTF8.self))
                }
                let value = high << 4 | low
                guard value != 0 else {
                    throw .malformedPercentEncoding(String(decoding: bytes, as: UTF8.self))
                }
                decoded.append(value)
                index = bytes.index(after: second)
            } else {
                decoded.append(plusAsSpace && byte == ASCII.plus ? ASCII.space : byte)
                index = bytes.index(after: index)
            }
        }
        guard let string = String(validating: decoded, as: UTF8.self) else {
            throw .malformedPercentEncoding(String(decoding: bytes, as: UTF8.self))
        }
        return string
    }
}
