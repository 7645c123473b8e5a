import Foundation
import SQLiteStore
import Testing

@testable import SCOData

/// Snippets built from FTS5's match offsets: token boundaries, windows, marks, and the checks
/// that send a disagreement with FTS5's tokenizer back to FTS5.
@Suite struct SearchSnippetTests {
    func snippet(_ text: String, tokenCount: Int? = nil, _ matches: [SearchSnippet.Match]) -> String? {
        Array(text.utf8).withUnsafeBytes { bytes in
            SearchSnippet.make(text: bytes, tokenCount: tokenCount ?? SearchSnippet.tokens(of: bytes).count, matches: matches)
        }
    }

    func tokens(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { buffer in
            SearchSnippet.tokens(of: buffer).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    func match(_ phrase: Int, at token: Int, length: Int = 1) -> SearchSnippet.Match {
        SearchSnippet.Match(phrase: phrase, firstToken: token, tokenCount: length)
    }

    @Test func tokensAreRunsOfLettersAndDigitsAsUnicode61SplitsThem() {
        #expect(tokens("Georgia's \"aggression\" -- 20% of 2008-08-28") == ["Georgia", "s", "aggression", "20", "of", "2008", "08", "28"])
        #expect(tokens("Straße, Déjà—vu; Tskhinvali…") == ["Straße", "Déjà", "vu", "Tskhinvali"])
        #expect(tokens("") == [])
        #expect(tokens("  ,;  ") == [])
        // A combining accent continues a token but does not start one.
        #expect(tokens("Cafe\u{301} \u{301}x") == ["Cafe\u{301}", "x"])
        // Private use counts as a letter (category Co); a malformed byte separates.
        #expect(tokens("a\u{E000}b") == ["a\u{E000}b"])
    }

    /// The eight-bytes-at-a-look run finds the same ASCII tokens as a byte at a time, whatever
    /// the bytes around the 0x2F/0x30, 0x39/0x3A, 0x40/0x41, 0x5A/0x5B, 0x60/0x61 and 0x7A/0x7B
    /// edges of the ranges, and a multi-byte letter in the middle of a run still continues it.
    @Test func wordAtATimeTokensAreTheByteAtATimeOnes() {
        func reference(_ bytes: [UInt8]) -> [Range<Int>] {
            var found: [Range<Int>] = []
            var start: Int?
            for (index, byte) in bytes.enumerated() {
                let isToken = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                if isToken, start == nil { start = index }
                if !isToken, let first = start { found.append(first..<index); start = nil }
            }
            if let first = start { found.append(first..<bytes.count) }
            return found
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x00, 0x20, 0x2F, 0x30, 0x35, 0x39, 0x3A, 0x40, 0x41, 0x4D, 0x5A, 0x5B, 0x5F, 0x60, 0x61, 0x6E, 0x7A, 0x7B, 0x7F,
                                 0x01, 0x1A, 0x2E, 0x2D]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &generator) ? alphabet.randomElement(using: &generator)! : UInt8.random(in: 0x30...0x7A, using: &generator)
            }
            let found = bytes.withUnsafeBytes { SearchSnippet.tokens(of: $0) }
            #expect(found == reference(bytes), "\(bytes)")
        }
        for word in 0..<256 {
            let byte = UInt8(word)
            guard byte < 0x80 else { continue }
            let isToken = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            let filler: UInt8 = isToken ? 0x20 : 0x61
            for position in 0..<8 {
                var lanes = [UInt8](repeating: filler, count: 8)
                lanes[position] = byte
                let word = lanes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }.littleEndian
                let expected = (0..<8).reduce(UInt64(0)) { mask, lane in
                    let laneIsToken = lane == position ? isToken : !isToken
                    return laneIsToken ? mask | 0x80 << (8 * UInt64(lane)) : mask
                }
                #expect(SearchSnippet.asciiTokenMask(word) == expected, "\(byte) at \(position)")
            }
        }
        #expect(tokens("abcdefghé ijklmnopqrstuvwxyzÀ0123456789Z") == ["abcdefghé", "ijklmnopqrstuvwxyzÀ0123456789Z"])
    }

    @Test func tokensBeforeTheFirstWantedAreCountedAndTheRestHandedOutAlike() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Zz", "09", " ", ".", "  ", "-", "abcdefgh", "ijklmnopq", "é", "x\u{301}y"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...24, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let all = bytes.withUnsafeBytes { SearchSnippet.tokens(of: $0) }
            for first in 0...(all.count + 1) {
                for limit in [first, first + 3, Int.max] {
                    var handed: [Int: Range<Int>] = [:]
                    let pass = bytes.withUnsafeBytes {
                        SearchSnippet.forEachToken(of: $0, from: first, stoppingAfterASCII: limit) { index, range in
                            handed[index] = range
                        }
                    }
                    let whole = bytes.withUnsafeBytes { SearchSnippet.forEachToken(of: $0, stoppingAfterASCII: limit) { _, _ in } }
                    #expect(pass == whole, "\(text) from \(first) to \(limit)")
                    for index in all.indices where index >= first && index < pass.count {
                        #expect(handed[index] == all[index], "\(text): token \(index) from \(first)")
                    }
                }
            }
        }
    }

    @Test func sixteenBytesAtALookFindTheWindowsTokensAsTheWordAtATimePassDoes() {
        // Texts across the 16-byte blocks' edges: tokens, runs of separators, a character other
        // than ASCII now and then (where the block scan has to hand over), every window.
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Zq", "w9", "0", "Tskhinvali", "ab1c", " ", ", ", "--", ".", "'", "é", "Déjà", "—", "\u{0301}"]
        for round in 0..<400 {
            let asciiOnly = round % 2 == 0
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                let piece = pieces.randomElement(using: &generator)!
                return asciiOnly && !piece.allSatisfy(\.isASCII) ? " " : piece
            }.joined()
            let bytes = Array(text.utf8)
            let all = bytes.withUnsafeBytes { SearchSnippet.tokens(of: $0) }
            for first in 0...all.count {
                for limit in Set([first, first + 1, first + 5, first + 12, all.count, all.count + 3]) where limit >= first {
                    let expected = bytes.withUnsafeBytes {
                        SearchSnippet.forEachToken(of: $0, from: first, stoppingAfterASCII: limit) { _, _ in }
                    }
                    var kept = [(start: Int, end: Int)](repeating: (-1, -1), count: max(limit - first, 1))
                    let pass = bytes.withUnsafeBytes { text in
                        kept.withUnsafeMutableBufferPointer { SearchSnippet.windowTokens(of: text, window: first..<limit, into: $0) }
                    }
                    #expect(pass == expected, "\(text) from \(first) to \(limit)")
                    for index in first..<min(limit, pass.count) where index < all.count {
                        #expect(kept[index - first].start == all[index].lowerBound && kept[index - first].end == all[index].upperBound,
                                "\(text): token \(index) from \(first) to \(limit)")
                    }
                }
            }
        }
    }

    @Test func asciiWordsBeforeTheFirstWantedTokenAreOnlyCounted() {
        // A word of eight bytes holds at most four token ends, so at most four tokens before
        // `first` can share a word with a wanted one; the rest must be skipped uncounted.
        let text = (1...60).map { "w\($0)" }.joined(separator: " ")
        for first in [0, 9, 30, 55] {
            var handed: [Int] = []
            let pass = Array(text.utf8).withUnsafeBytes {
                SearchSnippet.forEachToken(of: $0, from: first, stoppingAfterASCII: first + 3) { index, _ in handed.append(index) }
            }
            #expect(pass == (first + 3, false))
            #expect(handed.filter { $0 < first }.count <= 4, "from \(first): \(handed)")
            #expect(Array(handed.suffix(3)) == [first, first + 1, first + 2])
        }
    }

    @Test func malformedUTF8SeparatesTokensWithoutReadingPastTheEnd() {
        let bytes: [UInt8] = [0x61, 0xC3, 0x62, 0xE2, 0x80]  // "a", a cut two-byte lead, "b", a cut three-byte sequence
        let found = bytes.withUnsafeBytes { SearchSnippet.tokens(of: $0) }
        #expect(found == [0..<1, 2..<3])
    }

    @Test func aShortTextIsShownWholeWithItsMatchMarked() {
        #expect(snippet("Medvedev blamed Georgia for the conflict.", [match(0, at: 2)])
            == "Medvedev blamed [Georgia] for the conflict.")
    }

    @Test func aLongTextIsCutToTwelveTokensAroundTheMatchWithEllipses() {
        let words = (1...40).map { "w\($0)" }
        let text = words.joined(separator: " ")
        let cut = snippet(text, [match(0, at: 20)])
        // Two tokens of context before the match, twelve in all.
        #expect(cut == "…w19 w20 [w21] " + (22...30).map { "w\($0)" }.joined(separator: " ") + "…")
        // At the start: no leading ellipsis, and the text before the first token is kept.
        #expect(snippet("\"" + text, [match(0, at: 0)]) == "\"[w1] " + (2...12).map { "w\($0)" }.joined(separator: " ") + "…")
        // At the end: the window ends with the text, punctuation included.
        #expect(snippet(text + ".", [match(0, at: 39)]) == "…" + (29...39).map { "w\($0)" }.joined(separator: " ") + " [w40].")
    }

    @Test func theWindowHoldingMostDistinctPhrasesWins() {
        let words = (1...60).map { "w\($0)" }
        let text = words.joined(separator: " ")
        // Phrase 0 alone at token 5, phrases 0 and 1 together at 40 and 43.
        let cut = snippet(text, [match(0, at: 5), match(0, at: 40), match(1, at: 43)])
        #expect(cut?.contains("[w41]") == true && cut?.contains("[w44]") == true)
        #expect(cut?.contains("[w6]") == false)
    }

    @Test func aPhraseIsMarkedAsOneSpanAndAdjacentSpansMerge() {
        #expect(snippet("Georgia attacked South Ossetia at night", [match(0, at: 2, length: 2)])
            == "Georgia attacked [South Ossetia] at night")
        #expect(snippet("one two three", [match(0, at: 0), match(1, at: 0, length: 2)]) == "[one two] three")
    }

    @Test func aPhraseCutByTheWindowKeepsItsMarksBalanced() {
        let text = (1...30).map { "w\($0)" }.joined(separator: " ")
        let cut = snippet(text, [match(0, at: 2), match(1, at: 12, length: 5)])
        #expect(cut.map { $0.count(where: { $0 == "[" }) == $0.count(where: { $0 == "]" }) } == true, "\(cut ?? "nil")")
    }

    @Test func aTokenCountOtherThanFTS5sIsRefusedSoTheCallerFallsBack() {
        #expect(snippet("Medvedev blamed Georgia", tokenCount: 4, [match(0, at: 2)]) == nil)
        #expect(snippet("Medvedev blamed Georgia", tokenCount: 3, [match(0, at: 3)]) == nil)
        #expect(snippet("Medvedev blamed Georgia", tokenCount: 3, [match(0, at: 2, length: 2)]) == nil)
    }

    @Test func anASCIIPassStopsAtTheWindowAndAnyOtherCountsEveryToken() {
        func pass(_ text: String, limit: Int) -> (count: Int, isWhole: Bool) {
            Array(text.utf8).withUnsafeBytes { SearchSnippet.forEachToken(of: $0, stoppingAfterASCII: limit) { _, _ in } }
        }
        #expect(pass("one two three four", limit: 2) == (2, false))
        #expect(pass("one two three four", limit: 9) == (4, true))
        #expect(pass("one two Déjà four", limit: 2) == (2, false), "what follows the window does not matter")
        #expect(pass("Déjà one two three", limit: 2) == (4, true))
        #expect(pass("one déjà two three", limit: 2) == (4, true), "a token that runs on past ASCII")
        // Past an all-ASCII window, a count other than FTS5's cannot be seen and need not be:
        // there the split is unicode61's by construction. Before it, any other character
        // still has the whole text counted.
        let long = (1...30).map { "w\($0)" }.joined(separator: " ")
        #expect(snippet(long, tokenCount: 31, [match(0, at: 2)])?.hasPrefix("w1 w2 [w3]") == true)
        #expect(snippet("é " + long, tokenCount: 32, [match(0, at: 2)]) == nil)
    }

    @Test func noMatchInTheColumnShowsItsOpening() {
        let text = (1...20).map { "w\($0)" }.joined(separator: " ")
        #expect(snippet(text, []) == (1...12).map { "w\($0)" }.joined(separator: " ") + "…")
    }
}

/// Every snippet, against FTS5's own `highlight()` of the same column: the same tokens marked,
/// over the whole dataset and queries of each kind FTS5 takes.
@Suite struct SearchSnippetOracleTests {
    let store: SeededStore

    init() throws {
        store = try SeededStore()
    }

    @Test(arguments: [
        "Georgia", "secur*", "\"South Ossetia\"", "recognize", "ethnic cleansing", "Medvedev OR Putin",
        "NEAR(Russia Georgia, 5)", "russia NOT georgia", "title:summit", "conflict", "SCO", "2008", "the",
    ])
    func snippetsMarkWhatFTS5Highlights(q: String) throws {
        let hits = try store.reader.search.search(q: q, limit: 500).items
        #expect(!hits.isEmpty, "\(q) finds something")
        for hit in hits {
            let highlighted = try store.reader.connection.query(
                """
                SELECT highlight(search, 2, '[', ']'), highlight(search, 3, '[', ']') FROM search
                WHERE search MATCH ? AND kind = ? AND record_id = ?
                """,
                [.text(q), .text(hit.kind.rawValue), .text(hit.id)]
            ) { [try $0.string(0), try $0.string(1)] }.first ?? []
            var core = Substring(hit.snippet)
            if core.hasPrefix(SearchHit.ellipsis) { core = core.dropFirst() }
            if core.hasSuffix(SearchHit.ellipsis) { core = core.dropLast() }
            #expect(!core.isEmpty)
            #expect(hit.snippet.contains("["), "\(q): \(hit.id) has a mark: \(hit.snippet)")
            #expect(highlighted.contains { $0.contains(core) }, "\(q): \(hit.id): \(hit.snippet) in \(highlighted)")
        }
    }

    /// The rank of a one-phrase query is computed in Swift from the count of matches; it is
    /// FTS5's bm25 to the last bit, for terms, prefixes, phrases and column filters, and a query
    /// of more phrases (and a kind filter) still gets FTS5's own.
    @Test(arguments: [
        "Georgia", "secur*", "\"South Ossetia\"", "recognize", "title:summit", "2008", "the", "Medvedev",
        "Medvedev OR Putin", "ethnic cleansing", "russia NOT georgia",
    ])
    func ranksAreFTS5sBm25(q: String) throws {
        let sql = "SELECT kind, record_id, bm25(search, 0.0, 0.0, 4.0, 1.0) FROM search WHERE search MATCH ?"
        let expected = try store.reader.connection.query(sql, [.text(q)]) { "\(try $0.string(0))/\(try $0.string(1))=\(try $0.double(2))" }
        for kinds in [[], SearchKind.allCases] {
            let hits = try store.reader.search.search(q: q, kinds: kinds, limit: 500).items
            #expect(!hits.isEmpty)
            #expect(Set(hits.map { "\($0.kind.rawValue)/\($0.id)=\($0.rank)" }) == Set(expected), "\(q) \(kinds)")
        }
    }

    /// A summary with a code point that Unicode leaves unassigned (U+0378): FTS5's tables make it
    /// a token, Swift's categories a separator. The token counts differ, so the snippet is FTS5's
    /// own; without the check, the mark would land on the word after the match.
    @Test func aTextThisTokenizerSplitsDifferentlyGetsFTS5sSnippet() throws {
        try store.database.write { connection in
            try connection.run(
                """
                INSERT INTO events (id, date_value, date_precision, kind, title, summary, sources)
                SELECT 'unicode-probe', '2008-08-30', 'day', 'diplomatic', 'Probe', ?, sources FROM events LIMIT 1
                """,
                ["abc \u{0378} zanzibarian words"])
        }
        let hit = try #require(try store.reader.search.search(q: "zanzibarian").items.first)
        let own = try store.reader.connection.queryFirst(
            "SELECT snippet(search, -1, '[', ']', '…', 12) FROM search WHERE search MATCH 'zanzibarian'"
        ) { try $0.string(0) }
        #expect(hit.snippet == own)
        #expect(hit.snippet.contains("[zanzibarian]"))
    }
}
