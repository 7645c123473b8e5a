import Testing
@testable import HTTPServer

/// Inputs the `http-parser` fuzz target (Fuzz/Targets/http-parser) found, kept as tests.
///
/// The target feeds the same bytes in one piece and cut at points derived from them, and the
/// answers must agree: a refusal that depends on how the bytes were split between reads is a
/// state bug even when every answer is some 4xx.
@Suite struct FuzzRegressionTests {
    /// Parses `bytes` in one piece, a byte at a time and cut once at every point, expects the
    /// same answer each way, and returns the one-piece refusal.
    private func refusalHoweverSplit(
        _ bytes: [UInt8], limits: RequestParser.Limits = ParserHarness.limits,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> HTTPParseError? {
        var whole = ParserHarness(limits: limits)
        whole.feed(bytes)
        var trickled = ParserHarness(limits: limits)
        for byte in bytes where trickled.error == nil {
            trickled.feed(CollectionOfOne(byte))
        }
        #expect(trickled.error == whole.error, "byte by byte", sourceLocation: sourceLocation)
        for cut in 1..<bytes.count {
            var split = ParserHarness(limits: limits)
            split.feed(bytes[..<cut])
            split.feed(bytes[cut...])
            #expect(split.error == whole.error, "cut at \(cut)", sourceLocation: sourceLocation)
        }
        return whole.error
    }

    private func refusalHoweverSplit(
        _ text: String, limits: RequestParser.Limits = ParserHarness.limits,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> HTTPParseError? {
        refusalHoweverSplit(Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
    }

    /// crash-1899cfd8: a line ending in a bare LF was refused for its terminator in one piece
    /// and for its overlong version when trickled; now the method is judged first either way.
    @Test func bareLineFeedAfterAnOverlongVersionIsRefusedTheSameWayHoweverSplit() {
        let bytes = Array("GConnection: ET / HT~".utf8) + [0xFF, 0xFF] + Array("ction: ET / HT~".utf8)
            + [UInt8](repeating: 0xFF, count: 7) + [0x0A]
        #expect(refusalHoweverSplit(bytes) == .malformedRequestLine("the method is not a token"))
    }

    @Test func headerLineOverTheLimitEndingInABareLineFeedIsA431HoweverSplit() {
        let text = "GET / HTTP/1.1\r\nHost: a\r\nX-Fill: \(String(repeating: "b", count: 300))\n\r\n"
        #expect(refusalHoweverSplit(text) == .headerSectionTooLarge(limit: ParserHarness.limits.maxHeaderBytes))
    }

    @Test func unknownMethodWithAnOverlongTargetIsA501HoweverSplit() {
        let text = "BREW /\(String(repeating: "a", count: 100)) HTTP/1.1\r\nHost: a\r\n\r\n"
        #expect(refusalHoweverSplit(text) == .unknownMethod("BREW"))
    }

    @Test func methodWithANonTokenByteAfterItsLimitIsJudgedByItsFirstBytes() {
        let method = String(repeating: "A", count: RequestParser.maxMethodLength + 3) + "("
        #expect(refusalHoweverSplit("\(method) / HTTP/1.1\r\nHost: a\r\n\r\n")?.status == .notImplemented)
    }

    @Test func emptyTargetBeforeAnOverlongVersionIsRefusedForTheTargetHoweverSplit() {
        let error = refusalHoweverSplit("GET  HTTP/1.1-and-then-some\r\nHost: a\r\n\r\n")
        #expect(error == .malformedRequestLine("the request target is empty or preceded by two spaces"))
    }

    /// A chunk-size line over `maxChunkLineLength` was refused when it arrived in pieces but
    /// accepted when its end came in the same read.
    @Test func overlongChunkExtensionIsRefusedEvenWhenTheLineArrivesWhole() {
        let limits = RequestParser.Limits(maxTargetLength: 64, maxHeaderBytes: 256, maxHeaderCount: 8, maxBodyBytes: 100)
        let extensionText = ";x=" + String(repeating: "e", count: RequestParser.maxChunkLineLength)
        let text = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\(extensionText)\r\nz\r\n0\r\n\r\n"
        var whole = ParserHarness(limits: limits)
        whole.feed(text.utf8)
        #expect(whole.error == .invalidChunkSize)
        #expect(whole.requests.isEmpty)
    }
}
