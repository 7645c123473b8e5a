/// Appends HTML5 text into a byte buffer: markup as given, and every piece of data escaped.
///
/// Text and attribute values go through `text(_:)` and `attribute(_:_:)`, which escape `&`, `<`,
/// `>`, `"` and `'`, so a record's title cannot open an element or leave an attribute whatever
/// it holds (a write may put `<script>` in it). Markup is written with `raw(_:)` from literals in
/// this module only.
struct HTMLWriter {
    private(set) var bytes: [UInt8]

    init(capacity: Int = 16_384) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Markup, written as is.
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Text content, escaped.
    mutating func text(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
    }

    /// ` name="value"`, the value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        raw(" \(name)=\"")
        text(value)
        raw("\"")
    }

    /// `<tag attributes…>`.
    mutating func open(_ tag: String, _ attributes: [(String, String)] = []) {
        raw("<" + tag)
        for (name, value) in attributes { attribute(name, value) }
        raw(">")
    }

    /// `</tag>`.
    mutating func close(_ tag: String) {
        raw("</" + tag + ">")
    }

    /// `<tag attributes…>text</tag>`.
    mutating func element(_ tag: String, _ attributes: [(String, String)] = [], text content: String) {
        open(tag, attributes)
        text(content)
        close(tag)
    }

    /// `<a href="…">text</a>`.
    mutating func link(_ href: String, _ content: String, _ attributes: [(String, String)] = []) {
        element("a", [("href", href)] + attributes, text: content)
    }
}
