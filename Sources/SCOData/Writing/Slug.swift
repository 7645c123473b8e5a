import Foundation

/// Lowercase slugs (`[a-z0-9]+(-[a-z0-9]+)*`) made from titles, for ids a client did not give.
public enum Slug {
    /// `text` folded to ASCII (accents dropped: "Çağrı" is "cagri"), lowercased, every run of
    /// other characters made one hyphen, cut at a hyphen to at most `maximumLength` characters;
    /// `fallback` when nothing is left.
    public static func make(from text: String, fallback: String, maximumLength: Int = 60) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let isWordCharacter = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            guard isWordCharacter else {
                pendingHyphen = !slug.isEmpty
                continue
            }
            if pendingHyphen {
                if slug.count + 1 >= maximumLength { break }
                slug.append("-")
                pendingHyphen = false
            }
            if slug.count >= maximumLength {
                // Cut back to the last whole word.
                if let hyphen = slug.lastIndex(of: "-") { slug = String(slug[..<hyphen]) }
                break
            }
            slug.unicodeScalars.append(scalar)
        }
        return slug.isEmpty ? fallback : slug
    }
}
