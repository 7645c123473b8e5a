import CCompression

/// A content coding a response body can be sent in (RFC 9110 §8.4.1), and the one a request's
/// `Accept-Encoding` prefers.
public enum ContentCoding: String, Sendable, CaseIterable {
    case identity
    case gzip
    case br

    /// The zlib level and brotli quality: chosen by size and CPU on the API's own bodies
    /// (BENCHMARKS.md, "Compression levels"). A body is compressed once per cached response,
    /// so a slower, smaller level costs once and saves on every send.
    public static let gzipLevel: Int32 = 6
    public static let brotliQuality: Int32 = 5

    /// `body` in this coding; nil for identity or when the library fails (then send identity).
    public func encode(_ body: [UInt8]) -> [UInt8]? {
        switch self {
        case .identity:
            return nil
        case .gzip:
            return Self.run(body, bound: ccompression_gzip_bound(body.count)) { input, count, output, length in
                ccompression_gzip(input, count, output, length, Self.gzipLevel)
            }
        case .br:
            return Self.run(body, bound: ccompression_brotli_bound(body.count)) { input, count, output, length in
                ccompression_brotli(input, count, output, length, Self.brotliQuality)
            }
        }
    }

    /// `body` decoded from this coding, at most `limit` bytes; nil when it is not well formed.
    /// For tests and tools that check what the server sent.
    public func decode(_ body: [UInt8], limit: Int = 1 << 24) -> [UInt8]? {
        switch self {
        case .identity: return body
        case .gzip: return Self.run(body, bound: limit) { ccompression_gunzip($0, $1, $2, $3) }
        case .br: return Self.run(body, bound: limit) { ccompression_unbrotli($0, $1, $2, $3) }
        }
    }

    private static func run(
        _ body: [UInt8], bound: Int,
        _ compress: (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int>) -> Int32
    ) -> [UInt8]? {
        var length = bound
        var failed = false
        let output = [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
            let status = body.withUnsafeBufferPointer { input in
                compress(input.baseAddress, input.count, buffer.baseAddress, &length)
            }
            failed = status != 0
            initialized = failed ? 0 : length
        }
        return failed ? nil : output
    }

    /// The coding `acceptEncoding` (the field's values joined, or nil when absent) prefers among
    /// br, gzip and identity, by quality value (RFC 9110 §12.5.3): the highest q wins, br over
    /// gzip over identity on a tie; `*` stands for every coding not named; identity is
    /// acceptable unless `identity;q=0` or `*;q=0` rules it out, below any coding listed. When nothing is acceptable
    /// the answer is identity all the same: §12.5.3 allows it, and a body is better than a 406.
    public static func preferred(_ acceptEncoding: String?) -> ContentCoding {
        guard var field = acceptEncoding, !field.isEmpty else { return .identity }
        // Bytes, not Characters: a request's header is parsed on every request, and this is a
        // handful of comparisons rather than a string's grapheme machinery.
        return field.withUTF8 { bytes -> ContentCoding in
            var named: (br: Int?, gzip: Int?, identity: Int?) = (nil, nil, nil)
            var wildcard: Int?
            var index = 0
            while index < bytes.count {
                var end = index
                while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
                if let (name, quality) = Self.element(bytes, index, end) {
                    switch name {
                    case .br: named.br = quality
                    case .gzip: named.gzip = max(named.gzip ?? 0, quality)
                    case .identity: named.identity = quality
                    case nil: wildcard = quality
                    }
                }
                index = end + 1
            }
            // Identity, not named, is acceptable but last: a listed coding with any q beats it.
            let br = named.br ?? wildcard ?? 0
            let gzip = named.gzip ?? wildcard ?? 0
            let identity = named.identity.map { $0 * 2 } ?? wildcard.map { $0 * 2 } ?? 1
            // Qualities are in thousandths; identity's are doubled so that "not named" (1) sits
            // below any named coding's q (2 or more) and ties still go to br, then gzip.
            if br > 0, br * 2 >= gzip * 2, br * 2 >= identity { return .br }
            if gzip > 0, gzip * 2 >= identity { return .gzip }
            return .identity
        }
    }

    /// One element of the field (`bytes[start..<end]`): its coding (nil for `*`; elements
    /// naming other codings are skipped) and its q in thousandths (RFC 9110 §12.4.2).
    private static func element(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (ContentCoding?, Int)? {
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var nameStart = start
        while nameStart < end, isSpace(bytes[nameStart]) { nameStart += 1 }
        var nameEnd = nameStart
        while nameEnd < end, bytes[nameEnd] != UInt8(ascii: ";"), !isSpace(bytes[nameEnd]) { nameEnd += 1 }
        func nameIs(_ literal: StaticString) -> Bool {
            guard nameEnd - nameStart == literal.utf8CodeUnitCount else { return false }
            let expected = literal.utf8Start
            for offset in 0..<(nameEnd - nameStart) where bytes[nameStart + offset] | 0x20 != expected[offset] | 0x20 {
                return false
            }
            return true
        }
        let coding: ContentCoding?
        if nameIs("br") {
            coding = .br
        } else if nameIs("gzip") || nameIs("x-gzip") {
            coding = .gzip
        } else if nameIs("identity") {
            coding = .identity
        } else if nameIs("*") {
            coding = nil
        } else {
            return nil
        }
        // Parameters: the first `q=` decides; an unreadable q is 0.
        var index = nameEnd
        while index < end {
            guard bytes[index] == UInt8(ascii: ";") else { index += 1; continue }
            index += 1
            while index < end, isSpace(bytes[index]) { index += 1 }
            guard index + 1 < end, bytes[index] | 0x20 == UInt8(ascii: "q"), bytes[index + 1] == UInt8(ascii: "=") else { continue }
            return (coding, quality(bytes, index + 2, end))
        }
        return (coding, 1000)
    }

    /// `0`, `0.5`, `1.000`…: thousandths from 0 to 1000; anything else is 0.
    private static func quality(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var stop = start
        while stop < end, bytes[stop] != UInt8(ascii: ";"), bytes[stop] != UInt8(ascii: " "), bytes[stop] != UInt8(ascii: "\t") {
            stop += 1
        }
        guard stop > start, bytes[start] == UInt8(ascii: "0") || bytes[start] == UInt8(ascii: "1") else { return 0 }
        var value = Int(bytes[start] - UInt8(ascii: "0")) * 1000
        guard stop > start + 1 else { return value }
        guard bytes[start + 1] == UInt8(ascii: "."), stop - start - 2 <= 3 else { return 0 }
        var scale = 100
        for index in (start + 2)..<stop {
            let digit = bytes[index]
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return 0 }
            value += Int(digit - UInt8(ascii: "0")) * scale
            scale /= 10
        }
        return min(value, 1000)
    }
}

