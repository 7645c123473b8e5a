@testable import HTTPServer

/// Feeds bytes to a `RequestParser` as a connection does (keeping only unconsumed bytes) and
/// records everything it answers, so two ways of feeding the same bytes can be compared.
struct ParserDriver {
    /// One answer of the parser, in a form that compares by value.
    enum Outcome: Equatable {
        case continueRequested
        case request(RequestSnapshot)
        case failure(HTTPParseError)
    }

    private(set) var parser: RequestParser
    /// Bytes offered but not yet consumed (an incomplete line).
    private(set) var pending: [UInt8] = []
    private(set) var outcomes: [Outcome] = []

    init(limits: RequestParser.Limits) {
        parser = RequestParser(limits: limits)
    }

    var hasFailed: Bool {
        if case .failure = outcomes.last { true } else { false }
    }

    /// Offers `bytes` after the pending ones and parses until the parser wants more or fails.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard !hasFailed else { return }
        pending.append(contentsOf: bytes)
        while true {
            let offered = pending.count
            let (consumed, result) = pending.withUnsafeBytes { parser.parse($0) }
            fuzzExpect(consumed >= 0 && consumed <= offered, "consumed \(consumed) of \(offered) bytes")
            pending.removeFirst(consumed)
            switch result {
            case .needMore:
                return
            case .expectsContinue:
                fuzzExpect(consumed > 0, "100-continue without consuming the head")
                outcomes.append(.continueRequested)
            case .complete(let request):
                fuzzExpect(consumed > 0, "a request out of no bytes")
                outcomes.append(.request(RequestSnapshot(request)))
            case .failed(let error):
                outcomes.append(.failure(error))
                checkFailureIsSticky(error)
                return
            }
        }
    }

    /// After a refusal the parser stays failed, whatever it is offered next.
    private mutating func checkFailureIsSticky(_ error: HTTPParseError) {
        let probe: [UInt8] = Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        let (consumed, result) = probe.withUnsafeBytes { parser.parse($0) }
        guard case .failed(let again) = result, again == error, consumed == 0 else {
            fatalError("fuzz invariant broken: after \(error) the parser answered \(result), consuming \(consumed)")
        }
    }
}
