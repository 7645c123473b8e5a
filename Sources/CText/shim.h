// Text scans sixteen bytes at a time with SSE2 (every x86-64 has it): a search snippet's tokens
// and the part of a JSON string that needs no escaping. Elsewhere they read nothing and the
// Swift passes (SearchSnippet.forEachToken, JSONWriter.cleanPrefix) do all of it. A header of
// static inline functions, as CSQLite's shim is: the Swift compiler builds it with the module
// that imports it.
#ifndef SCO_CTEXT_SHIM_H
#define SCO_CTEXT_SHIM_H

#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Where a pass over a text's tokens stands: the next byte to read, how many tokens have ended,
/// and where the token being read began (-1 between tokens).
typedef struct {
    intptr_t index;
    intptr_t count;
    intptr_t token_start;
} ctext_token_scan;

/// Reads `text` sixteen bytes at a time from `scan->index` while a whole block of sixteen is left
/// and is all ASCII, splitting it into tokens as SearchSnippet.forEachToken does (a token is a
/// run of ASCII letters and digits). Each token numbered in [first, limit) has its byte range
/// stored at `ranges[2 * (number - first)]` (start) and the element after it (end). Returns 1
/// once the token numbered `limit - 1` has ended, with `scan->count == limit`; else 0, with
/// `scan` where the pass stopped: before a block holding a byte that is not ASCII, or before
/// the last fifteen bytes or fewer.
static inline int ctext_scan_ascii_tokens(
    const uint8_t *text, intptr_t length, intptr_t first, intptr_t limit,
    ctext_token_scan *scan, intptr_t *ranges)
{
#if defined(__SSE2__)
    intptr_t index = scan->index;
    intptr_t count = scan->count;
    intptr_t token_start = scan->token_start;
    // Signed byte comparisons are exact here: every byte they see is below 0x80.
    const __m128i case_bit = _mm_set1_epi8(0x20);
    const __m128i below_a = _mm_set1_epi8('a' - 1), above_z = _mm_set1_epi8('z' + 1);
    const __m128i below_0 = _mm_set1_epi8('0' - 1), above_9 = _mm_set1_epi8('9' + 1);
    int stopped = 0;
    while (length - index >= 16) {
        __m128i block = _mm_loadu_si128((const __m128i *)(text + index));
        if (_mm_movemask_epi8(block) != 0) break;
        __m128i folded = _mm_or_si128(block, case_bit);
        __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, below_a), _mm_cmpgt_epi8(above_z, folded));
        __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(block, below_0), _mm_cmpgt_epi8(above_9, block));
        // Bit i: byte i is a token byte; `before`, whether the byte before it was.
        uint32_t mask = (uint32_t)_mm_movemask_epi8(_mm_or_si128(letter, digit));
        uint32_t before = (mask << 1) | (token_start >= 0 ? 1u : 0u);
        uint32_t starts = mask & ~before;
        uint32_t ends = ~mask & before & 0xFFFFu;
        intptr_t ending = __builtin_popcount(ends);
        if (count + ending < first) {
            // Every token that ends here comes before `first`: only counted. A token still open
            // at the block's end began at its last start, or before the block.
            count += ending;
            if ((mask & 0x8000u) == 0) {
                token_start = -1;
            } else if (starts != 0) {
                token_start = index + (31 - __builtin_clz(starts));
            }
            index += 16;
            continue;
        }
        while ((starts | ends) != 0) {
            int start = starts != 0 ? __builtin_ctz(starts) : 32;
            int end = ends != 0 ? __builtin_ctz(ends) : 32;
            if (start < end) {
                token_start = index + start;
                starts &= starts - 1;
            } else {
                if (count >= first && count < limit) {
                    ranges[2 * (count - first)] = token_start;
                    ranges[2 * (count - first) + 1] = index + end;
                }
                count += 1;
                token_start = -1;
                ends &= ends - 1;
                if (count == limit) {
                    stopped = 1;
                    break;
                }
            }
        }
        if (stopped) break;
        index += 16;
    }
    scan->index = index;
    scan->count = count;
    scan->token_start = token_start;
    return stopped;
#else
    (void)text; (void)length; (void)first; (void)limit; (void)scan; (void)ranges;
    return 0;
#endif
}

/// How many bytes of `text` from its start need no escaping in a JSON string (none is below 0x20,
/// a quote or a backslash), sixteen at a time, the last block overlapping the one before it;
/// -1 when `length` is under sixteen or the machine has no SSE2, for JSONWriter.cleanPrefix to
/// read itself.
static inline intptr_t ctext_json_clean_prefix(const uint8_t *text, intptr_t length) {
#if defined(__SSE2__)
    if (length < 16) return -1;
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i highest_control = _mm_set1_epi8(0x1F);
    intptr_t index = 0;
    for (;;) {
        // The last block ends at the text's end; the bytes it shares with the block before are clean.
        intptr_t at = length - index >= 16 ? index : length - 16;
        __m128i block = _mm_loadu_si128((const __m128i *)(text + at));
        // Unsigned: a byte at or below 0x1F is its own minimum with 0x1F.
        __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(block, highest_control), block);
        __m128i special = _mm_or_si128(
            control, _mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)));
        int mask = _mm_movemask_epi8(special);
        if (mask != 0) return at + __builtin_ctz((unsigned)mask);
        if (at + 16 >= length) return length;
        index += 16;
    }
#else
    (void)text;
    (void)length;
    return -1;
#endif
}

#endif
