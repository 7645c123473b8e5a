@testable import HTTPServer

/// libFuzzer target for `RequestParser`: the bytes are a connection's whole input.
///
/// Three checks beyond "does not crash":
/// - differential: the bytes in one piece and cut at points derived from them must give the
///   same requests and refusals, and leave the parser in the same state (a state machine that
///   forgets where it was between reads shows up here, not as a crash);
/// - invariants on every request: limits held, framing fields consistent with the body;
/// - round trip: a request written out again parses back to the same request.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzInput(data, size)

    var whole = ParserDriver(limits: HTTPParserFuzzing.limits)
    whole.feed(input)

    var random = SplitMix(hashing: input)
    var pieces = ParserDriver(limits: HTTPParserFuzzing.limits)
    for range in HTTPParserFuzzing.cuts(count: input.count, using: &random) {
        pieces.feed(UnsafeRawBufferPointer(rebasing: input[range]))
    }
    HTTPParserFuzzing.expectSame(whole, pieces, how: "in pieces")

    if input.count <= HTTPParserFuzzing.trickleLimit {
        var trickled = ParserDriver(limits: HTTPParserFuzzing.limits)
        for index in input.indices {
            trickled.feed(UnsafeRawBufferPointer(rebasing: input[index..<index + 1]))
        }
        HTTPParserFuzzing.expectSame(whole, trickled, how: "a byte at a time")
    }

    for outcome in whole.outcomes {
        guard case .request(let request) = outcome else { continue }
        HTTPParserFuzzing.checkInvariants(request)
        HTTPParserFuzzing.checkRoundTrip(request)
    }
    return 0
}

/// The checks the target runs, with limits small enough for short inputs to reach.
enum HTTPParserFuzzing {
    static let limits = RequestParser.Limits(
        maxTargetLength: 1024, maxHeaderBytes: 4096, maxHeaderCount: 32, maxBodyBytes: 4096
    )
    /// Inputs up to this long are also fed one byte at a time.
    static let trickleLimit = 512

    /// One to four consecutive ranges covering `0..<count`, cut where `random` says.
    static func cuts(count: Int, using random: inout SplitMix) -> [Range<Int>] {
        guard count > 1 else { return [0..<count] }
        let cutCount = Int.random(in: 1...3, using: &random)
        let points = (0..<cutCount).map { _ in Int.random(in: 1..<count, using: &random) }.sorted()
        var ranges: [Range<Int>] = []
        var start = 0
        for point in points + [count] {
            ranges.append(start..<point)
            start = point
        }
        return ranges
    }

    /// Two drivers fed the same bytes must have answered alike and be in the same state.
    static func expectSame(_ whole: ParserDriver, _ other: ParserDriver, how: String) {
        fuzzExpect(whole.outcomes == other.outcomes,
                   "fed \(how) the parser answered \(other.outcomes), in one piece \(whole.outcomes)")
        fuzzExpect(whole.parser.state == other.parser.state,
                   "fed \(how) the parser ended in \(other.parser.state), in one piece \(whole.parser.state)")
        fuzzExpect(whole.parser.progress == other.parser.progress,
                   "fed \(how) the progress is \(other.parser.progress), in one piece \(whole.parser.progress)")
        if !whole.hasFailed {
            fuzzExpect(whole.pending == other.pending,
                       "fed \(how) \(other.pending.count) bytes are left, in one piece \(whole.pending.count)")
        }
    }

    /// What RFC 9112 and the limits promise about every request the parser hands out.
    static func checkInvariants(_ request: RequestSnapshot) {
        fuzzExpect(HTTPMethod(request.method).isKnown, "unknown method \(request.method)")
        fuzzExpect(request.target.utf8.count <= limits.maxTargetLength, "target over the limit: \(request)")
        fuzzExpect(request.headers.count <= limits.maxHeaderCount, "too many fields: \(request)")
        fuzzExpect(request.body.count <= limits.maxBodyBytes, "body over the limit: \(request)")
        let names = request.headers.map { $0.prefix { $0 != ":" }.lowercased() }
        let hostCount = names.filter { $0 == "host" }.count
        fuzzExpect(hostCount <= 1, "\(hostCount) Host fields: \(request)")
        fuzzExpect(request.version == .http1_0 || hostCount == 1, "HTTP/1.1 without Host: \(request)")
        let isChunked = names.contains("transfer-encoding")
        let hasLength = names.contains("content-length")
        fuzzExpect(!(isChunked && hasLength), "both Content-Length and Transfer-Encoding: \(request)")
        fuzzExpect(!isChunked || request.version == .http1_1, "chunked in HTTP/1.0: \(request)")
        if hasLength, let index = names.firstIndex(of: "content-length") {
            let value = request.headers[index].split(separator: ":", maxSplits: 1)[1]
            let first = value.split(separator: ",").first.map { $0.trimmingOWS() } ?? ""
            fuzzExpect(Int(first) == request.body.count, "Content-Length \(value) with \(request.body.count) bytes")
        }
        if !isChunked, !hasLength {
            fuzzExpect(request.body.isEmpty, "a body without framing: \(request)")
        }
    }

    /// Writing a request out and parsing it again gives the same request.
    static func checkRoundTrip(_ request: RequestSnapshot) {
        let isChunked = request.headers.contains { $0.lowercased().hasPrefix("transfer-encoding:") }
        let bytes = request.wireBytes(isChunked: isChunked)
        var again = ParserDriver(limits: RequestParser.Limits(
            maxTargetLength: limits.maxTargetLength, maxHeaderBytes: Int.max / 2,
            maxHeaderCount: limits.maxHeaderCount, maxBodyBytes: limits.maxBodyBytes
        ))
        bytes.withUnsafeBytes { again.feed($0) }
        let requests = again.outcomes.compactMap { outcome -> RequestSnapshot? in
            if case .request(let request) = outcome { request } else { nil }
        }
        fuzzExpect(requests == [request] && !again.hasFailed && again.pending.isEmpty,
                   "\(request) written out parsed back as \(again.outcomes)")
    }
}
