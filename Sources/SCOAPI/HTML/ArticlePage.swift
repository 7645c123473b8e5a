import SCOData

/// A source's page: its whole text with every quoted span marked, each mark with the numbers of
/// the records that quote it (links to them), and an id per span (`q120-175`) that each
/// record's quote links to, so a reader lands on the very words a fact was built from.
///
/// Spans are marked at the positions the records give, so a phrase the report uses twice is
/// marked where the record means it. Spans may nest or overlap: a span that a closing one cuts
/// is closed and opened again after it, so the marks nest as HTML requires, and the span keeps
/// its id on its first part.
enum ArticlePage {
    static func render(_ source: Source, call: RouteCall, links: LinkIndex) -> [UInt8] {
        let text = Array(source.text.unicodeScalars)
        let spans = (links.spans[source.id] ?? []).filter { $0.start >= 0 && $0.end <= text.count && $0.start < $0.end }
        let records = links.quoting[source.id] ?? []
        var number: [String: Int] = [:]
        for (index, record) in records.enumerated() { number[record.href] = index + 1 }
        return HTMLPage.render(
            title: source.title, lede: "\(source.publisher), \(source.publishedOn). Every marked passage is quoted by a record of the dataset; its numbers link to those records.",
            json: HTMLPage.address(call.request, format: "json"), capacity: text.count * 3 + 32_768
        ) { html in
            html.raw("<article class=\"article\" aria-label=\"The text of the source\">")
            writeMarked(text, spans: spans, number: number, to: &html)
            html.raw("</article>")
            if let note = source.note { html.element("p", [("class", "meta")], text: note) }
            html.element("h2", [("id", "records")], text: "The records that quote it")
            html.raw("<ol>")
            for (index, record) in records.enumerated() {
                html.open("li", [("id", "r\(index + 1)")])
                html.link(record.href, record.label)
                html.element("span", [("class", "meta")], text: " (\(record.noun))")
                html.raw("</li>")
            }
            html.raw("</ol>")
        }
    }

    /// The text with `spans` (ordered by start, longest first) as nested `<mark>`s.
    static func writeMarked(_ text: [Unicode.Scalar], spans: [LinkIndex.Span], number: [String: Int], to html: inout HTMLWriter) {
        var boundaries = Set([0, text.count])
        for span in spans {
            boundaries.insert(span.start)
            boundaries.insert(span.end)
        }
        let points = boundaries.sorted()
        var open: [Int] = []  // indices into spans, outermost first
        var next = 0  // the first span not yet opened
        for (position, point) in points.enumerated() {
            // Close what ends here; spans opened inside them that go on are reopened after.
            if open.contains(where: { spans[$0].end == point }) {
                var reopen: [Int] = []
                while let top = open.last {
                    open.removeLast()
                    html.raw("</mark>")
                    if spans[top].end == point {
                        writeReferences(spans[top], number: number, to: &html)
                    } else {
                        reopen.append(top)
                    }
                    if !open.contains(where: { spans[$0].end == point }) { break }
                }
                for index in reopen.reversed() {
                    html.raw("<mark>")
                    open.append(index)
                }
            }
            while next < spans.count, spans[next].start == point {
                html.open("mark", [("id", spans[next].anchor)])
                open.append(next)
                next += 1
            }
            guard position + 1 < points.count else { break }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: text[point..<points[position + 1]])
            html.text(String(piece))
        }
        for _ in open { html.raw("</mark>") }
    }

    /// After a span: a superscript link to each record that quotes it, by its number.
    static func writeReferences(_ span: LinkIndex.Span, number: [String: Int], to html: inout HTMLWriter) {
        html.raw("<sup class=\"refs\">")
        for target in span.quotedBy {
            let label = number[target.href].map { String($0) } ?? "?"
            html.link(target.href, label, [("title", "\(target.noun): \(target.label)")])
        }
        html.raw("</sup>")
    }
}
