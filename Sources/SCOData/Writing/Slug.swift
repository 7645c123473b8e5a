/// Lowercase slugs (`[a-z0-9]+(-[a-z0-9]+)*`) made from titles, for ids a client did not give.
public enum Slug {
    /// `text` lowercased with Latin letters folded to ASCII ("Crème brûlée" is "creme-brulee"),
    /// every run of other characters made one hyphen, cut at a hyphen to at most
    /// `maximumLength` characters; `fallback` when nothing is left.
    ///
    /// The folding is a table of the Latin-1 and Latin Extended-A letters (no Foundation, no ICU
    /// in the binary); letters of other scripts are dropped like punctuation.
    public static func make(from text: String, fallback: String, maximumLength: Int = 60) -> String {
        var words: [String] = []
        var word = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if let folded = folding[scalar] {
                word += folded
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue  // a combining accent of a decomposed letter: the letter stays, the accent goes
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? String(word.prefix(maximumLength)) : slug + "-" + word
            guard next.count <= maximumLength else { break }
            slug = next
        }
        return slug.isEmpty ? fallback : slug
    }

    /// Lowercase Latin letters with diacritics, and ligatures, as ASCII.
    private static let folding: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
        ]
        var table: [Unicode.Scalar: String] = ["ß": "ss", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ĳ": "ij"]
        for (letters, ascii) in groups {
            for scalar in letters.unicodeScalars { table[scalar] = ascii }
        }
        return table
    }()
}
