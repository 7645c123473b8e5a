import CText

/// Builds a search hit's snippet from a column's text and where FTS5 says the query matched it.
///
/// FTS5's own `snippet()` runs the tokenizer (unicode61 with the Porter stemmer) over every
/// column of every hit, twice, to score windows and then to mark them, which would be most of
/// what a search costs. FTS5 already knows where each phrase matched, as
/// token offsets (`match_offsets()` in CSQLite/shim.h hands them out); what it takes to turn
/// offsets into text is only where each token starts and ends, and that needs no stemming or
/// case folding: a token is a run of letters, digits and private-use characters, as unicode61
/// splits text (sqlite.org/fts5.html#unicode61_tokenizer).
///
/// The snippet is up to `tokenLimit` tokens of one column: the body when the query matched it,
/// else the title. Of the windows that start just before a match, it takes the one holding the
/// most distinct phrases, then the most matches, then the earliest; the original text between
/// the first and last token is kept as it is. Each match is marked `[`…`]` (a phrase as one
/// span), and `…` stands for text cut at either end.
public enum SearchSnippet {
    /// Tokens a snippet shows at most, as `snippet(…, 12)` did.
    public static let tokenLimit = 12
    /// Tokens of context kept before the first match of a window, when there are any.
    static let leadingTokens = 2

    /// One phrase match in a column, in tokens from the column's start.
    public struct Match: Sendable, Hashable {
        public var phrase: Int
        public var firstToken: Int
        public var tokenCount: Int

        public init(phrase: Int, firstToken: Int, tokenCount: Int) {
            self.phrase = phrase
            self.firstToken = firstToken
            self.tokenCount = max(tokenCount, 1)
        }

        var endToken: Int { firstToken + tokenCount }
    }

    /// The snippet of `text` around `matches`. Nil when the text does not split into
    /// `tokenCount` tokens (FTS5's count for the column), or a match lies past them: then this
    /// tokenizer and FTS5's disagree (a character whose Unicode category changed after Unicode
    /// 6.1, which FTS5 follows), and the caller falls back on FTS5's own snippet.
    public static func make<Matches: RandomAccessCollection<Match>>(
        text: UnsafeRawBufferPointer, tokenCount: Int, matches: Matches
    ) -> String? where Matches.Index == Int {
        guard tokenCount >= 0, matches.allSatisfy({ $0.firstToken >= 0 && $0.endToken <= tokenCount }) else { return nil }
        // The window is chosen from FTS5's count, then one pass over the text keeps the byte
        // ranges of the window's tokens. Up to the window's end, text that is all ASCII splits
        // exactly as unicode61 splits it, so the pass stops there; once it has met any other
        // character it counts every token, and the count must come out as FTS5's, or the ranges
        // would be of other tokens than FTS5 matched.
        let window = bestWindow(tokenCount: tokenCount, matches: matches)
        return withUnsafeTemporaryAllocation(of: (start: Int, end: Int).self, capacity: max(window.count, 1)) { kept in
            let pass = windowTokens(of: text, window: window, into: kept)
            guard pass.count == (pass.isWhole ? tokenCount : window.upperBound) else { return nil }
            guard tokenCount > 0 else { return "" }
            func token(_ index: Int) -> Range<Int> {
                let kept = kept[index - window.lowerBound]
                return kept.start..<kept.end
            }
            let start = window.lowerBound == 0 ? 0 : token(window.lowerBound).lowerBound
            let end = window.upperBound == tokenCount ? text.count : token(window.upperBound - 1).upperBound

            // Marked spans in bytes, clipped to the window, merged where they touch.
            return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: max(matches.count, 1)) { spans in
                var spanCount = 0
                let isOrdered = matches.indices.dropFirst().allSatisfy { matches[$0 - 1].firstToken <= matches[$0].firstToken }
                let order = isOrdered ? nil : matches.indices.sorted { matches[$0].firstToken < matches[$1].firstToken }
                for position in matches.indices {
                    let match = matches[order?[position - matches.startIndex] ?? position]
                    let first = max(match.firstToken, window.lowerBound)
                    let last = min(match.endToken, window.upperBound) - 1
                    guard first <= last else { continue }
                    let span = token(first).lowerBound..<token(last).upperBound
                    if spanCount > 0, span.lowerBound <= spans[spanCount - 1].upperBound {
                        let previous = spans[spanCount - 1]
                        spans[spanCount - 1] = previous.lowerBound..<max(previous.upperBound, span.upperBound)
                    } else {
                        spans.initializeElement(at: spanCount, to: span)
                        spanCount += 1
                    }
                }
                let marked = UnsafeBufferPointer(rebasing: spans[..<spanCount])

                // The text and its marks first, the ellipses after: made of source text and
                // brackets, the bytes are usually ASCII, which a new string checks a word at a
                // time, where any other byte (an ellipsis) has it decode every character.
                let capacity = end - start + (matchStart.count + matchEnd.count) * spanCount + 2 * ellipsis.count
                var snippet = String(unsafeUninitializedCapacity: capacity) { out in
                    guard let base = out.baseAddress else { return 0 }
                    var cursor = UnsafeMutableRawPointer(base)
                    var position = start
                    for span in marked {
                        cursor = copy(UnsafeRawBufferPointer(rebasing: text[position..<span.lowerBound]), to: cursor)
                        cursor = copy(matchStart, to: cursor)
                        cursor = copy(UnsafeRawBufferPointer(rebasing: text[span]), to: cursor)
                        cursor = copy(matchEnd, to: cursor)
                        position = span.upperBound
                    }
                    cursor = copy(UnsafeRawBufferPointer(rebasing: text[position..<end]), to: cursor)
                    return cursor - UnsafeMutableRawPointer(base)
                }
                if window.lowerBound > 0 { snippet.insert(contentsOf: SearchHit.ellipsis, at: snippet.startIndex) }
                if window.upperBound < tokenCount { snippet.append(SearchHit.ellipsis) }
                return snippet
            }
        }
    }

    /// `forEachToken` for a window: stores the byte range of each token numbered in `window` at
    /// `kept[number - window.lowerBound]` and returns how the pass ended. Sixteen bytes at a look
    /// while they are ASCII (`ctext_scan_ascii_tokens`), then `forEachToken` from where that stopped.
    static func windowTokens(
        of text: UnsafeRawBufferPointer, window: Range<Int>, into kept: UnsafeMutableBufferPointer<(start: Int, end: Int)>
    ) -> (count: Int, isWhole: Bool) {
        var scan = ctext_token_scan(index: 0, count: 0, token_start: -1)
        let stopped = kept.withMemoryRebound(to: Int.self) { ranges in
            ctext_scan_ascii_tokens(
                text.baseAddress?.assumingMemoryBound(to: UInt8.self), text.count,
                window.lowerBound, window.upperBound, &scan, ranges.baseAddress)
        }
        if stopped != 0 { return (window.upperBound, false) }
        return forEachToken(
            of: text, from: window.lowerBound, stoppingAfterASCII: window.upperBound,
            resuming: (scan.index, scan.count, scan.token_start)
        ) { index, range in
            if window.contains(index) {
                kept.initializeElement(at: index - window.lowerBound, to: (range.lowerBound, range.upperBound))
            }
        }
    }

    /// Byte ranges of the tokens of UTF-8 `text` (see `forEachToken`).
    static func tokens(of text: UnsafeRawBufferPointer) -> [Range<Int>] {
        var tokens: [Range<Int>] = []
        tokens.reserveCapacity(text.count / 5)
        forEachToken(of: text, stoppingAfterASCII: .max) { _, range in tokens.append(range) }
        return tokens
    }

    /// Hands `body` each token of UTF-8 `text`, its index and byte range: a token starts at a
    /// letter, digit or private-use character and runs while those, or combining diacritical
    /// marks, follow (fts5_tokenize.c, fts5UnicodeTokenize). The pass stops after `limit` tokens
    /// when every byte it has read was ASCII (`isWhole` false), else it runs to the end of the
    /// text; `count` is how many tokens it read. Tokens before the one numbered `first` may be
    /// counted without being handed out. `state` resumes a pass that read every byte before its
    /// index as ASCII (`ctext_scan_ascii_tokens`).
    ///
    /// ASCII, nearly all of the dataset, goes eight bytes at a look: a word's token bytes as a
    /// mask, where tokens start and end as the mask's edges, found lowest first; a word whose
    /// tokens all come before `first` has its ends counted at once. Any other character is
    /// decoded and classed one at a time.
    @discardableResult
    static func forEachToken(
        of text: UnsafeRawBufferPointer, from first: Int = 0, stoppingAfterASCII limit: Int,
        resuming state: (index: Int, count: Int, tokenStart: Int) = (0, 0, -1),
        _ body: (Int, Range<Int>) -> Void
    ) -> (count: Int, isWhole: Bool) {
        let high: UInt64 = 0x8080_8080_8080_8080
        var count = state.count
        var index = state.index
        var tokenStart = state.tokenStart  // where the token being read began; -1 between tokens
        var isASCII = true
        while index < text.count {
            if text.count &- index >= 8 {
                let word = text.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian
                if word & high == 0 {
                    let mask = asciiTokenMask(word)
                    let before = mask << 8 | (tokenStart >= 0 ? 0x80 : 0)
                    var starts = mask & ~before
                    var ends = ~mask & high & before
                    // Each end is a byte's high bit: summing the bytes counts them, with no
                    // population-count instruction needed.
                    let ending = Int(truncatingIfNeeded: ((ends >> 7) &* 0x0101_0101_0101_0101) >> 56)
                    if count &+ ending < first {
                        // Neither handed out nor the last: only the token open at the word's
                        // end, if any, is kept, and it began at the word's last start if the
                        // word has one.
                        count &+= ending
                        if mask & 1 << 63 == 0 {
                            tokenStart = -1
                        } else if starts != 0 {
                            tokenStart = index &+ (63 &- starts.leadingZeroBitCount) >> 3
                        }
                        index &+= 8
                        continue
                    }
                    while starts | ends != 0 {
                        let start = starts.trailingZeroBitCount
                        let end = ends.trailingZeroBitCount
                        if start < end {
                            tokenStart = index &+ start >> 3
                            starts &= starts &- 1
                        } else {
                            body(count, tokenStart..<(index &+ end >> 3))
                            count &+= 1
                            tokenStart = -1
                            ends &= ends &- 1
                            if count == limit, isASCII { return (count, false) }
                        }
                    }
                    index &+= 8
                    continue
                }
            }
            let byte = text[index]
            let length: Int
            let isToken: Bool
            if byte < 0x80 {
                length = 1
                isToken = isASCIITokenByte(byte)
            } else {
                isASCII = false
                let (scalar, scalarLength) = decodeScalar(text, at: index)
                length = scalarLength
                isToken = scalar.map { isTokenScalar($0, continuing: tokenStart >= 0) } ?? false
            }
            if isToken {
                if tokenStart < 0 { tokenStart = index }
            } else if tokenStart >= 0 {
                body(count, tokenStart..<index)
                count &+= 1
                tokenStart = -1
                if count == limit, isASCII { return (count, false) }
            }
            index &+= length
        }
        if tokenStart >= 0 {
            body(count, tokenStart..<text.count)
            count &+= 1
        }
        return (count, true)
    }

    /// The high bit of each byte of `word` (eight ASCII bytes, the first in memory lowest) that
    /// is a letter or a digit. Each byte's range is tested with the high bit set so no
    /// subtraction borrows from its neighbour.
    @inline(__always)
    static func asciiTokenMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let folded = word | (ones &* 0x20)
        let letter = ((folded | high) &- ones &* 0x61) & ((ones &* 0x7A | high) &- folded)
        let digit = ((word | high) &- ones &* 0x30) & ((ones &* 0x39 | high) &- word)
        return (letter | digit) & high
    }

    /// Whether an ASCII byte is a letter or a digit: a bit of a 128-bit mask.
    @inline(__always)
    private static func isASCIITokenByte(_ byte: UInt8) -> Bool {
        let digits: UInt64 = 0x03FF_0000_0000_0000  // 0x30...0x39
        let letters: UInt64 = 0x07FF_FFFE_07FF_FFFE  // 0x41...0x5A, 0x61...0x7A, less 64
        return ((byte < 64 ? digits : letters) >> UInt64(byte & 63)) & 1 != 0
    }

    /// Of the windows of `tokenLimit` tokens that begin `leadingTokens` before a match, the one
    /// with the most distinct phrases, then the most matches, then the earliest.
    static func bestWindow<Matches: Collection<Match>>(tokenCount: Int, matches: Matches) -> Range<Int> {
        let length = min(tokenLimit, tokenCount)
        var best = 0..<length
        var bestScore = -1
        for candidate in matches {
            let start = max(0, min(candidate.firstToken - leadingTokens, tokenCount - length))
            let window = start..<(start + length)
            var phrases: UInt64 = 0  // a bit per phrase; the 64th stands for any beyond
            var inside = 0
            for match in matches where match.firstToken >= window.lowerBound && match.endToken <= window.upperBound {
                phrases |= 1 << UInt64(min(max(match.phrase, 0), 63))
                inside += 1
            }
            let score = phrases.nonzeroBitCount * 1_000 + inside
            if score > bestScore || (score == bestScore && window.lowerBound < best.lowerBound) {
                best = window
                bestScore = score
            }
        }
        return best
    }

    private static let matchStart = Array(SearchHit.matchStart.utf8)
    private static let matchEnd = Array(SearchHit.matchEnd.utf8)
    private static let ellipsis = Array(SearchHit.ellipsis.utf8)

    /// Copies `bytes` to `cursor` and returns the address after them.
    @inline(__always)
    private static func copy(_ bytes: UnsafeRawBufferPointer, to cursor: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        guard let source = bytes.baseAddress else { return cursor }
        cursor.copyMemory(from: source, byteCount: bytes.count)
        return cursor + bytes.count
    }

    @inline(__always)
    private static func copy(_ mark: [UInt8], to cursor: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        mark.withUnsafeBytes { copy($0, to: cursor) }
    }

    /// unicode61's categories "L* N* Co"; a combining diacritical mark continues a token but
    /// does not start one.
    private static func isTokenScalar(_ scalar: Unicode.Scalar, continuing: Bool) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return continuing && (0x300...0x36F).contains(scalar.value)
        }
    }

    /// The scalar at `index` and the bytes it takes; nil (one byte) for a malformed sequence,
    /// which no text SQLite stores for us holds.
    private static func decodeScalar(_ text: UnsafeRawBufferPointer, at index: Int) -> (Unicode.Scalar?, Int) {
        let lead = text[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= text.count else { return (nil, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = text[index + offset]
            guard byte & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }
}
