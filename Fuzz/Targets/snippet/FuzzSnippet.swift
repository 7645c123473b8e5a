@testable import SCOData

/// libFuzzer target for search snippets: `SearchSnippet.tokens(of:)` and `.make` on any bytes,
/// and `MatchOffsets(blob:)`, which reads what `match_offsets()` hands back from SQLite.
///
/// The first byte says how many matches (0–7) follow, four bytes each (phrase, first token,
/// length, and one spare); the rest is the text. Checks beyond "does not crash": tokens are
/// ascending, disjoint, non-empty and inside the text; a snippet is refused exactly when a match
/// falls outside the tokens, and a count that is not the text's is refused unless all the text
/// read up to the window's end is ASCII (there it cannot differ); for valid UTF-8 without brackets or
/// ellipses of its own, the snippet's marks balance and, marks and ellipses taken out, it is a
/// piece of the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnippet(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzInput(data, size)
    _ = SQLiteSearchRepository.MatchOffsets(blob: input)

    var reader = ByteReader(input)
    var matches: [SearchSnippet.Match] = []
    for _ in 0..<Int(reader.byte() % 8) {
        let phrase = Int(reader.byte() % 4)
        let first = Int(reader.byte()) - 8
        let length = Int(reader.byte() % 4)
        _ = reader.byte()
        matches.append(SearchSnippet.Match(phrase: phrase, firstToken: first, tokenCount: length))
    }
    let consumed = min(input.count, 1 + 4 * matches.count)
    let text = UnsafeRawBufferPointer(rebasing: input[consumed...])
    SnippetFuzzing.check(text: text, matches: matches)
    return 0
}

enum SnippetFuzzing {
    static func check(text: UnsafeRawBufferPointer, matches: [SearchSnippet.Match]) {
        let tokens = SearchSnippet.tokens(of: text)
        var previousEnd = 0
        for token in tokens {
            fuzzExpect(!token.isEmpty && token.lowerBound >= previousEnd && token.upperBound <= text.count, "token \(token)")
            previousEnd = token.upperBound
        }
        let fits = matches.allSatisfy { $0.firstToken >= 0 && $0.firstToken + $0.tokenCount <= tokens.count }
        let snippet = SearchSnippet.make(text: text, tokenCount: tokens.count, matches: matches)
        fuzzExpect((snippet != nil) == fits, "refused \(snippet == nil), fits \(fits)")
        // A count other than the text's is refused wherever it can be seen: the pass stops at
        // the window's end only while all it read was ASCII, which splits as FTS5's does.
        let wrong = tokens.count + 1
        if SearchSnippet.make(text: text, tokenCount: wrong, matches: matches) != nil {
            let window = SearchSnippet.bestWindow(tokenCount: wrong, matches: matches)
            fuzzExpect(
                window.upperBound >= 1 && window.upperBound <= tokens.count
                    && text[..<tokens[window.upperBound - 1].upperBound].allSatisfy { $0 < 0x80 },
                "a wrong count accepted where it could be seen")
        }
        guard let snippet else { return }

        // By byte, not by Character: a mark followed by a combining character is one Character.
        let bytes = Array(text)
        let ellipsis = Array(SearchHit.ellipsis.utf8)
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]")
        guard String(validating: bytes, as: UTF8.self) != nil, !bytes.contains(open), !bytes.contains(close),
              bytes.firstRange(of: ellipsis) == nil
        else { return }
        let output = Array(snippet.utf8)
        fuzzExpect(output.count(where: { $0 == open }) == output.count(where: { $0 == close }), "marks \(snippet)")
        var core = ArraySlice(output.filter { $0 != open && $0 != close })
        if core.starts(with: ellipsis) { core = core.dropFirst(ellipsis.count) }
        if core.reversed().starts(with: ellipsis.reversed()) { core = core.dropLast(ellipsis.count) }
        fuzzExpect(core.isEmpty || bytes.firstRange(of: core) != nil, "not a piece of the text: \(snippet)")
    }
}
