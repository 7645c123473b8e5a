/// Widens the prefix terms of an FTS5 query so that they find what a person expects of the
/// index's Porter stems.
///
/// The index holds stems ("recognize", "recognized" and "recognizing" are all `recogn`), and
/// FTS5 matches a prefix term against stems, so `recogni*` found only `recognit`(ion) and
/// missed every form of "recognize", whose stem is shorter than the prefix. A stem that cuts
/// into what was typed is a prefix of it, a character or two short (the Porter steps take a
/// suffix such as "-ize" or "-ation" whose first letters were typed), so each bare prefix
/// term `word*` becomes `(word* OR wor OR wo…)` with the exact terms one and two characters
/// shorter, at least four long. That can also match a sibling word with the same shorter stem
/// (`recognit*` then finds "recognize" too), which is what the stemmer does for whole words.
///
/// Only ASCII barewords followed by `*` outside quotes are widened, and not within `NEAR(…)`,
/// after `^` or beside `+` (a phrase), where FTS5 takes no parenthesised group. Anything else,
/// including text FTS5 cannot parse, is left as it is: FTS5 reports the error.
public enum PrefixTerms {
    /// Terms shorter than this after trimming are not added.
    static let shortestStem = 4

    public static func expanded(_ query: String) -> String {
        let bytes = Array(query.utf8)
        guard bytes.contains(UInt8(ascii: "*")) else { return query }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 32)
        var index = 0
        var inQuotes = false
        var nearDepth = 0
        var depth = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                output.append(byte)
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        output.append(bytes[index + 1])
                        index += 2
                        continue
                    }
                    inQuotes = false
                }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inQuotes = true
                output.append(byte)
                index += 1
                continue
            }
            if byte == UInt8(ascii: "(") {
                depth += 1
            } else if byte == UInt8(ascii: ")") {
                if nearDepth == depth { nearDepth = 0 }
                depth -= 1
            }
            guard isBareword(byte) else {
                output.append(byte)
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isBareword(bytes[end]) { end += 1 }
            let word = bytes[index..<end]
            if word.elementsEqual("NEAR".utf8), end < bytes.count, bytes[end] == UInt8(ascii: "(") {
                nearDepth = depth + 1
            }
            let isPrefix = end < bytes.count && bytes[end] == UInt8(ascii: "*")
            if isPrefix, nearDepth == 0, word.allSatisfy({ $0 < 0x80 }),
               !follows(bytes, before: index, oneOf: [UInt8(ascii: "^"), UInt8(ascii: "+")]),
               !precedes(bytes, after: end + 1, UInt8(ascii: "+")) {
                let lower = word.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }
                let shorter = (1...2).map { lower.count - $0 }.filter { $0 >= shortestStem }
                if shorter.isEmpty {
                    output.append(contentsOf: word)
                    output.append(UInt8(ascii: "*"))
                } else {
                    output.append(UInt8(ascii: "("))
                    output.append(contentsOf: word)
                    output.append(UInt8(ascii: "*"))
                    for length in shorter {
                        output.append(contentsOf: " OR ".utf8)
                        output.append(contentsOf: lower.prefix(length))
                    }
                    output.append(UInt8(ascii: ")"))
                }
                index = end + 1
                continue
            }
            output.append(contentsOf: word)
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// FTS5's bareword characters, as far as ASCII goes (every byte of a non-ASCII character counts).
    private static func isBareword(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// Whether the last byte before `before` that is not a space is one of `bytes`.
    private static func follows(_ text: [UInt8], before: Int, oneOf bytes: [UInt8]) -> Bool {
        var index = before - 1
        while index >= 0, text[index] == UInt8(ascii: " ") { index -= 1 }
        return index >= 0 && bytes.contains(text[index])
    }

    /// Whether the first byte from `after` that is not a space is `byte`.
    private static func precedes(_ text: [UInt8], after: Int, _ byte: UInt8) -> Bool {
        var index = after
        while index < text.count, text[index] == UInt8(ascii: " ") { index += 1 }
        return index < text.count && text[index] == byte
    }
}
