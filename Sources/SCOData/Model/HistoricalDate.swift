/// A date as precise as the source allows, with the source's own phrase kept, and the days it
/// may fall on.
///
/// `value` is ISO 8601 cut to the precision ("2001", "2008-08", "2008-08-07"): what the report
/// says. `earliest` and `latest` are ISO days, both inclusive: the span the event or statement
/// lies in, which is the whole period of `value` unless the report narrows it ("this month",
/// after the night of Aug. 7 and before the report, is 2008-08-07 to 2008-08-28). Lists filter
/// on the overlap of these bounds and sort by `earliest` (see `DateBounds`).
public struct HistoricalDate: Codable, Sendable, Equatable, Hashable {
    public var value: String
    public var precision: DatePrecision
    /// The first day the date may be, `YYYY-MM-DD`.
    public var earliest: String
    /// The last day the date may be, `YYYY-MM-DD`, never before `earliest`.
    public var latest: String
    /// Whether the report gives this date or it was worked out (`note` then says how).
    public var basis: DateBasis
    /// The phrase the source uses ("Thursday", "the night of Aug. 7"), when it gives one.
    public var text: String?
    /// How a relative or missing date was resolved, when it was.
    public var note: String?

    /// A date whose bounds are the whole period of `value` unless given, and whose basis is
    /// `stated` when the source's phrase is kept and `inferred` otherwise unless given.
    public init(
        value: String, precision: DatePrecision, text: String? = nil, note: String? = nil,
        earliest: String? = nil, latest: String? = nil, basis: DateBasis? = nil
    ) {
        // The period only fills in bounds that are not given; a stored date has both.
        let period = earliest != nil && latest != nil ? nil : Self.period(of: value, precision: precision)
        self.value = value
        self.precision = precision
        self.earliest = earliest ?? period?.earliest ?? value
        self.latest = latest ?? period?.latest ?? value
        self.basis = basis ?? (text == nil ? .inferred : .stated)
        self.text = text
        self.note = note
    }

    private enum CodingKeys: String, CodingKey {
        case value, precision, earliest, latest, basis, text, note
    }

    /// Reads a date, deriving the members a format-1 document lacks (`earliest`, `latest`,
    /// `basis`) as `init(value:precision:…)` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            value: try container.decode(String.self, forKey: .value),
            precision: try container.decode(DatePrecision.self, forKey: .precision),
            text: try container.decodeIfPresent(String.self, forKey: .text),
            note: try container.decodeIfPresent(String.self, forKey: .note),
            earliest: try container.decodeIfPresent(String.self, forKey: .earliest),
            latest: try container.decodeIfPresent(String.self, forKey: .latest),
            basis: try container.decodeIfPresent(DateBasis.self, forKey: .basis))
    }

    /// The first and last day of the period `value` names at `precision` (a night runs into the
    /// next day), or nil when `value` is not well formed.
    public static func period(of value: String, precision: DatePrecision) -> (earliest: String, latest: String)? {
        guard isWellFormed(value, precision: precision), let year = Int(value.prefix(4)) else { return nil }
        let day = isoDay
        switch precision {
        case .year:
            return (day(year, 1, 1), day(year, 12, 31))
        case .month:
            guard let month = Int(value.dropFirst(5).prefix(2)) else { return nil }
            return (day(year, month, 1), day(year, month, daysIn(month: month, year: year)))
        case .day:
            return (value, value)
        case .night:
            guard let month = Int(value.dropFirst(5).prefix(2)), let dayOfMonth = Int(value.dropFirst(8)) else { return nil }
            if dayOfMonth < daysIn(month: month, year: year) { return (value, day(year, month, dayOfMonth + 1)) }
            if month < 12 { return (value, day(year, month + 1, 1)) }
            return (value, day(year + 1, 1, 1))
        }
    }

    /// Whether `earliest` and `latest` are real days in order, within the period of `value`.
    public var boundsAreConsistent: Bool {
        guard Self.isWellFormed(earliest, precision: .day), Self.isWellFormed(latest, precision: .day),
              earliest <= latest, let period = Self.period(of: value, precision: precision)
        else { return false }
        return period.earliest <= earliest && latest <= period.latest
    }

    /// `YYYY-MM-DD` for a year, month and day (the year zero-padded to four digits).
    static func isoDay(_ year: Int, _ month: Int, _ day: Int) -> String {
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
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
