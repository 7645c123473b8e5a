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
        guard let field = acceptEncoding, !field.isEmpty else { return .identity }
        var named: [ContentCoding: Double] = [:]
        var wildcard: Double?
        for element in field.split(separator: ",") {
            let parts = element.split(separator: ";")
            guard let name = parts.first?.trimmed.lowercased(), !name.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].trimmed.lowercased() == "q" {
                    quality = Double(pair[1].trimmed).map { min(max($0, 0), 1) } ?? 0
                }
            }
            switch name {
            case "*": wildcard = quality
            case "x-gzip": named[.gzip] = max(named[.gzip] ?? 0, quality)
            default: if let coding = ContentCoding(rawValue: name) { named[coding] = quality }
            }
        }
        func quality(_ coding: ContentCoding) -> Double {
            if let q = named[coding] { return q }
            if let wildcard { return wildcard }
            // Identity, not named, is acceptable but last: a listed coding with any q beats it.
            return coding == .identity ? Double.leastNonzeroMagnitude : 0
        }
        var best = ContentCoding.identity
        var bestQuality = 0.0
        for coding in [ContentCoding.br, .gzip, .identity] where quality(coding) > bestQuality {
            best = coding
            bestQuality = quality(coding)
        }
        return best
    }
}

extension Substring {
    fileprivate var trimmed: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
