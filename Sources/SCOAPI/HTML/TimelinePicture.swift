import SCOData

/// The timeline as an inline SVG drawn on the server: dates to scale, each event coloured by
/// its kind (`k-<kind>` classes of the stylesheet) and drawn as precisely as its date is
/// known, each a link to its record.
///
/// Two scales, because the events span forty years and most of them fall in one month: years
/// for what came before, days for the month of the war. A day is a bar a day wide; a night is
/// a bar from six in the evening to six the next morning, across midnight; a date the report
/// only bounds is a dashed, pale bar over every day it may be; a year is a bar a year wide.
struct TimelinePicture {
    var events: [TimelineEvent]

    static let width = 960.0
    static let left = 28.0
    static let right = 28.0
    static let lane = 26.0

    /// The month drawn day by day: the month most events fall in.
    var month: (year: Int, month: Int) {
        var counts: [String: Int] = [:]
        for event in events { counts[String(event.date.earliest.prefix(7)), default: 0] += 1 }
        let busiest = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "2008-08"
        return (Int(busiest.prefix(4)) ?? 2008, Int(busiest.dropFirst(5).prefix(2)) ?? 8)
    }

    func render(to html: inout HTMLWriter) {
        let (year, month) = self.month
        let prefix = Self.padded(year, 4) + "-" + Self.padded(month, 2)
        let inMonth = events.filter { $0.date.earliest.hasPrefix(prefix) && $0.date.precision != .year }
        let before = events.filter { !inMonth.map(\.id).contains($0.id) }
        let days = Self.daysIn(year: year, month: month)
        let yearsHeight = before.isEmpty ? 0.0 : 40.0 + Double(before.count) * Self.lane + 34
        let monthTop = yearsHeight + 40
        let height = monthTop + Double(inMonth.count) * Self.lane + 40
        html.raw("<svg viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" aria-labelledby=\"timeline-title timeline-desc\">")
        html.raw("<title id=\"timeline-title\">Timeline of the events, dates to scale</title>")
        html.raw("<desc id=\"timeline-desc\">")
        html.text("\(before.count) earlier events on a scale of years, then \(inMonth.count) events of \(Self.monthName(month)) \(year) on a scale of days. Each event is a link to its record.")
        html.raw("</desc>")
        if !before.isEmpty { drawYears(before, to: &html) }
        drawMonth(inMonth, year: year, month: month, days: days, top: monthTop, to: &html)
        html.raw("</svg>")
    }

    // MARK: - Years

    private func drawYears(_ events: [TimelineEvent], to html: inout HTMLWriter) {
        let years = events.compactMap { Int($0.date.earliest.prefix(4)) }
        let first = ((years.min() ?? 1960) / 10) * 10
        let last = (((years.max() ?? 2000) + 10) / 10) * 10 + 1
        let span = Double(last - first)
        let plot = Self.width - Self.left - Self.right
        func x(_ year: Double) -> Double { Self.left + (year - Double(first)) / span * plot }
        html.raw("<text x=\"\(Self.left)\" y=\"20\" font-weight=\"bold\">Before: years \(first)–\(last - 1)</text>")
        let axisY = 40 + Double(events.count) * Self.lane + 4
        for decade in stride(from: first, through: last - 1, by: 10) {
            let position = Self.format(x(Double(decade)))
            html.raw("<line class=\"grid\" x1=\"\(position)\" y1=\"30\" x2=\"\(position)\" y2=\"\(Self.format(axisY))\"/>")
            html.raw("<text class=\"tick\" x=\"\(position)\" y=\"\(Self.format(axisY + 16))\" text-anchor=\"middle\">\(decade)</text>")
        }
        html.raw("<line class=\"axis\" x1=\"\(Self.left)\" y1=\"\(Self.format(axisY))\" x2=\"\(Self.format(Self.width - Self.right))\" y2=\"\(Self.format(axisY))\"/>")
        for (row, event) in events.enumerated() {
            guard let start = Int(event.date.earliest.prefix(4)), let end = Int(event.date.latest.prefix(4)) else { continue }
            let y = 40 + Double(row) * Self.lane
            let x0 = x(Double(start)), x1 = x(Double(end + 1))
            mark(event, x: x0, width: max(x1 - x0, 3), y: y, style: end > start ? "range" : "year", textRightOf: x1, to: &html)
        }
    }

    // MARK: - The month

    private func drawMonth(_ events: [TimelineEvent], year: Int, month: Int, days: Int, top: Double, to html: inout HTMLWriter) {
        let plot = Self.width - Self.left - Self.right
        let dayWidth = plot / Double(days)
        func x(_ day: Double) -> Double { Self.left + (day - 1) * dayWidth }
        html.raw("<text x=\"\(Self.left)\" y=\"\(Self.format(top - 16))\" font-weight=\"bold\">\(Self.monthName(month)) \(year), day by day</text>")
        let axisY = top + Double(events.count) * Self.lane + 4
        for day in 1...days {
            let position = Self.format(x(Double(day)))
            html.raw("<line class=\"grid\" x1=\"\(position)\" y1=\"\(Self.format(top - 6))\" x2=\"\(position)\" y2=\"\(Self.format(axisY))\"/>")
            if day == 1 || day % 7 == 0 || day == days {
                html.raw("<text class=\"tick\" x=\"\(Self.format(x(Double(day) + 0.5)))\" y=\"\(Self.format(axisY + 16))\" text-anchor=\"middle\">\(day)</text>")
            }
        }
        html.raw("<line class=\"axis\" x1=\"\(Self.left)\" y1=\"\(Self.format(axisY))\" x2=\"\(Self.format(Self.width - Self.right))\" y2=\"\(Self.format(axisY))\"/>")
        let prefix = Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-"
        func day(_ iso: String) -> Double {
            // A bound outside the month is drawn at the month's edge.
            guard iso.hasPrefix(prefix), let value = Int(iso.dropFirst(8)) else { return iso < prefix ? 1 : Double(days + 1) }
            return Double(value)
        }
        for (row, event) in events.enumerated() {
            let y = top + Double(row) * Self.lane
            let first = day(event.date.earliest)
            let last = event.date.latest.hasPrefix(prefix) ? day(event.date.latest) : Double(days)
            switch event.date.precision {
            case .night:
                // From 18:00 on the first day to 06:00 on the next.
                let start = x(first + 0.75)
                mark(event, x: start, width: dayWidth / 2, y: y, style: "night", textRightOf: start + dayWidth / 2, to: &html)
            default:
                let start = x(first), end = x(last + 1)
                let style = first == last ? "day" : "range"
                mark(event, x: start, width: end - start, y: y, style: style, textRightOf: end, to: &html)
            }
        }
    }

    // MARK: - Marks

    /// One event: a bar linked to its record, with its title beside it (left of it when the
    /// bar ends in the right half, inside it when the bar is wide enough to hold it).
    private func mark(
        _ event: TimelineEvent, x: Double, width: Double, y: Double, style: String, textRightOf end: Double,
        to html: inout HTMLWriter
    ) {
        html.open("a", [("href", "/v1/timeline/\(event.id)")])
        html.raw("<title>")
        html.text("\(event.title): \(event.date.text ?? event.date.value)"
            + (event.date.earliest != event.date.latest ? " (\(event.date.earliest) to \(event.date.latest))" : ""))
        html.raw("</title>")
        html.raw("<rect class=\"\(style) k-\(event.kind.rawValue)\" x=\"\(Self.format(x))\" y=\"\(Self.format(y + 4))\" width=\"\(Self.format(width))\" height=\"16\" rx=\"2\"/>")
        let inside = width >= 320
        let rightHalf = !inside && end > Self.width * 0.55
        let textX = inside ? x + 6 : rightHalf ? x - 6 : end + 6
        html.raw("<text x=\"\(Self.format(textX))\" y=\"\(Self.format(y + 16))\"\(rightHalf ? " text-anchor=\"end\"" : "")>")
        html.text(event.title)
        html.raw("</text></a>")
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    static func monthName(_ month: Int) -> String {
        (1...12).contains(month) ? monthNames[month - 1] : "Month \(month)"
    }
}

extension TimelinePicture {
    /// `value` in `width` digits, zero-padded.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
