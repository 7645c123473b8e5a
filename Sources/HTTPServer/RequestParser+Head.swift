/// The request line and field lines (RFC 9112 §3 and §5).
extension RequestParser {
    /// A field line split into its name and its value without surrounding OWS.
    struct FieldLine {
        var name: UnsafeRawBufferPointer
        var value: UnsafeRawBufferPointer
    }

    /// Parses `method SP request-target SP HTTP-version` (RFC 9112 §3), exactly one SP apart.
    static func parseRequestLine(
        _ line: UnsafeRawBufferPointer, maxTargetLength: Int
    ) throws(HTTPParseError) -> PendingHead {
        guard let firstSpace = line.firstIndex(of: ASCII.space) else {
            throw .malformedRequestLine("it has no request target")
        }
        let method = try parseMethod(UnsafeRawBufferPointer(rebasing: line[..<firstSpace]))
        let rest = line[(firstSpace + 1)...]
        guard let secondSpace = rest.firstIndex(of: ASCII.space) else {
            if rest.count > maxTargetLength { throw .targetTooLong(limit: maxTargetLength) }
            throw .malformedRequestLine("it has no HTTP version")
        }
        let targetBytes = line[(firstSpace + 1)..<secondSpace]
        guard !targetBytes.isEmpty else {
            throw .malformedRequestLine("the request target is empty or preceded by two spaces")
        }
        if targetBytes.count > maxTargetLength {
            throw .targetTooLong(limit: maxTargetLength)
        }
        let version = try parseVersion(UnsafeRawBufferPointer(rebasing: line[(secondSpace + 1)...]))
        let target = String(decoding: targetBytes, as: UTF8.self)
        let parsedTarget = try RequestTarget.parse(target, method: method)
        return PendingHead(method: method, target: target, parsedTarget: parsedTarget, version: version)
    }

    /// A method is a token (RFC 9110 §9.1); a token the server does not know is a 501.
    ///
    /// A method longer than `maxMethodLength` is judged by its first `maxMethodLength + 1`
    /// bytes, as it is while the line is still arriving.
    static func parseMethod(_ method: UnsafeRawBufferPointer) throws(HTTPParseError) -> HTTPMethod {
        let bytes = UnsafeRawBufferPointer(rebasing: method.prefix(maxMethodLength + 1))
        guard !bytes.isEmpty else {
            throw .malformedRequestLine("it starts with whitespace")
        }
        guard bytes.allSatisfy(ASCII.isTokenCharacter) else {
            throw .malformedRequestLine("the method is not a token")
        }
        guard let method = HTTPMethod.known(matching: bytes) else {
            throw .unknownMethod(String(decoding: bytes.prefix(maxMethodLength), as: UTF8.self))
        }
        return method
    }

    /// `HTTP-version = "HTTP" "/" DIGIT "." DIGIT`, case-sensitive (RFC 9112 §2.3).
    static func parseVersion(_ bytes: UnsafeRawBufferPointer) throws(HTTPParseError) -> HTTPVersion {
        let text = String(decoding: bytes.prefix(16), as: UTF8.self)
        guard bytes.count == 8, bytes.starts(with: "HTTP/".utf8), ASCII.isDigit(bytes[5]),
            bytes[6] == UInt8(ascii: "."), ASCII.isDigit(bytes[7])
        else {
            throw .malformedVersion(text)
        }
        switch (bytes[5], bytes[7]) {
        case (UInt8(ascii: "1"), UInt8(ascii: "1")): return .http1_1
        case (UInt8(ascii: "1"), UInt8(ascii: "0")): return .http1_0
        default: throw .unsupportedVersion(text)
        }
    }

    /// Refuses a request line that cannot be valid before its end arrives: a method that is
    /// too long or unknown, a target over the limit, a version too long to be one. The checks
    /// run in the order `parseRequestLine` makes them, and a prefix that fails fails every
    /// longer prefix the same way.
    static func checkPartialRequestLine(
        _ partial: UnsafeRawBufferPointer, maxTargetLength: Int
    ) throws(HTTPParseError) {
        guard let firstSpace = partial.firstIndex(of: ASCII.space) else {
            if partial.count > maxMethodLength {
                _ = try parseMethod(partial)
            }
            return
        }
        _ = try parseMethod(UnsafeRawBufferPointer(rebasing: partial[..<firstSpace]))
        guard let secondSpace = partial[(firstSpace + 1)...].firstIndex(of: ASCII.space) else {
            if partial.count - firstSpace - 1 > maxTargetLength {
                throw .targetTooLong(limit: maxTargetLength)
            }
            return
        }
        let targetLength = secondSpace - firstSpace - 1
        guard targetLength > 0 else {
            throw .malformedRequestLine("the request target is empty or preceded by two spaces")
        }
        if targetLength > maxTargetLength {
            throw .targetTooLong(limit: maxTargetLength)
        }
        // A version is 8 bytes; past 16 the line can only be malformed (reported as the
        // complete line would be: by its first 16 bytes).
        if partial.count - secondSpace - 1 > 16 {
            throw .malformedVersion(String(decoding: partial[(secondSpace + 1)...].prefix(16), as: UTF8.self))
        }
    }

    /// Parses `field-name ":" OWS field-value OWS` (RFC 9112 §5), refusing what §5.1, §5.2 and
    /// RFC 9110 §5.5 say to refuse: obs-fold, whitespace before the colon, control characters.
    static func parseFieldLine(_ line: UnsafeRawBufferPointer) throws(HTTPParseError) -> FieldLine {
        guard let first = line.first, !ASCII.isWhitespace(first) else {
            throw .obsoleteLineFolding
        }
        guard let colon = line.firstIndex(of: ASCII.colon) else {
            throw .malformedHeaderLine("it has no colon")
        }
        let name = UnsafeRawBufferPointer(rebasing: line[..<colon])
        guard let last = name.last else {
            throw .malformedHeaderLine("the field name is empty")
        }
        if ASCII.isWhitespace(last) {
            throw .whitespaceBeforeColon(String(decoding: ASCII.trimmingWhitespace(name), as: UTF8.self))
        }
        guard name.allSatisfy(ASCII.isTokenCharacter) else {
            throw .malformedHeaderLine("the field name is not a token")
        }
        let value = ASCII.trimmingWhitespace(UnsafeRawBufferPointer(rebasing: line[(colon + 1)...]))
        guard value.allSatisfy(ASCII.isFieldValueCharacter) else {
            throw .controlCharacterInField(String(decoding: name, as: UTF8.self))
        }
        return FieldLine(name: name, value: value)
    }

    /// Parses `chunk-size [ chunk-ext ]` (RFC 9112 §7.1); extensions are checked and ignored.
    static func parseChunkSize(_ line: UnsafeRawBufferPointer) throws(HTTPParseError) -> Int {
        var size = 0
        var index = 0
        while index < line.count, let digit = ASCII.hexValue(line[index]) {
            guard size <= (Int.max >> 4) else { throw .chunkSizeOverflow }
            size = size << 4 | Int(digit)
            index += 1
        }
        guard index > 0 else { throw .invalidChunkSize }
        while index < line.count, ASCII.isWhitespace(line[index]) { index += 1 }
        guard index == line.count || line[index] == ASCII.semicolon else { throw .invalidChunkSize }
        guard line[index...].allSatisfy(ASCII.isFieldValueCharacter) else { throw .invalidChunkSize }
        return size
    }
}
