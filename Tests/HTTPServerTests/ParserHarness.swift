@testable import HTTPServer

/// Feeds bytes to a `RequestParser` the way a connection does and records what came out.
struct ParserHarness {
    enum Outcome {
        case request(HTTPRequest)
        case continueRequested
        case failure(HTTPParseError)
    }

    static let limits = RequestParser.Limits(maxTargetLength: 64, maxHeaderBytes: 256, maxHeaderCount: 8, maxBodyBytes: 100)

    var parser: RequestParser
    var pending: [UInt8] = []
    var outcomes: [Outcome] = []

    init(limits: RequestParser.Limits = ParserHarness.limits) {
        parser = RequestParser(limits: limits)
    }

    /// Offers `bytes` (after any unconsumed ones) and parses until the parser needs more or fails.
    mutating func feed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        pending.append(contentsOf: bytes)
        while true {
            let (consumed, result) = pending.withUnsafeBytes { parser.parse($0) }
            pending.removeFirst(consumed)
            switch result {
            case .needMore: return
            case .expectsContinue: outcomes.append(.continueRequested)
            case .complete(let request): outcomes.append(.request(request))
            case .failed(let error):
                outcomes.append(.failure(error))
                return
            }
        }
    }

    /// Parses `text` in one piece.
    static func parse(_ text: String, limits: RequestParser.Limits = ParserHarness.limits) -> ParserHarness {
        var harness = ParserHarness(limits: limits)
        harness.feed(text.utf8)
        return harness
    }

    /// Parses `text` one byte at a time.
    static func parseTrickled(_ text: String, limits: RequestParser.Limits = ParserHarness.limits) -> ParserHarness {
        var harness = ParserHarness(limits: limits)
        for byte in text.utf8 {
            harness.feed(CollectionOfOne(byte))
            if case .failure = harness.outcomes.last { break }
        }
        return harness
    }

    var requests: [HTTPRequest] {
        outcomes.compactMap { if case .request(let request) = $0 { request } else { nil } }
    }

    var error: HTTPParseError? {
        if case .failure(let error) = outcomes.last { error } else { nil }
    }
}
