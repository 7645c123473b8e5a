/// A date as precise as the source allows, with the source's own phrase kept.
///
/// `value` is ISO 8601 cut to the precision ("2001", "2008-08", "2008-08-07"), so plain string
/// order is chronological order, and a year sorts before the days within it.
public struct HistoricalDate: Codable, Sendable, Equatable, Hashable {
    public var value: String
    public var precision: DatePrecision
    /// The phrase the source uses ("Thursday", "the night of Aug. 7"), when it gives one.
    public var text: String?
    /// How a relative or missing date was resolved, when it was.
    public var note: String?

    public init(value: String, precision: DatePrecision, text: String? = nil, note: String? = nil) {
        self.value = value
        self.precision = precision
        self.text = text
        self.note = note
    }

    /// Whether `value` is a real calendar date written the way `precision` requires.
    public var isWellFormed: Bool {
        Self.isWellFormed(value, precision: precision)
    }

    /// Whether `value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as `precision` requires, with a real
    /// month and a day that exists in that month (Gregorian leap years).
    public static func isWellFormed(_ value: String, precision: DatePrecision) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == precision.valueLength else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var result = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                result = result * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return result
        }
        guard let year = number(0..<4), year >= 1 else { return false }
        if bytes.count == 4 { return true }
        guard bytes[4] == UInt8(ascii: "-"), let month = number(5..<7), (1...12).contains(month) else { return false }
        if bytes.count == 7 { return true }
        guard bytes[7] == UInt8(ascii: "-"), let day = number(8..<10) else { return false }
        return (1...daysIn(month: month, year: year)).contains(day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
