/// How `from` and `to` compare with a date's bounds (`HistoricalDate.earliest` and `latest`,
/// ISO days), for ranges of mixed precision (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
///
/// A record is kept when its bounds overlap the range; both ends are inclusive:
/// - `from` F keeps the dates whose `latest` is on or after F's first day: `latest >= F` as
///   text. `from=2008-08` keeps a date of 2008-07-30..2008-08-02, not one that ends 2008-07-31.
/// - `to` T keeps the dates whose `earliest` is on or before T's last day: `earliest <= T + "~"`.
///   `~` sorts after the digits and `-`, so every day that begins with T passes. `to=2008-08-07`
///   keeps "this month" bounded 2008-08-07..2008-08-28, and not a date that starts 2008-08-08.
/// `to` is an index range on `earliest`, the lists' date sort key. `from` is checked on each
/// row walked, and also bounds the walk: a date's bounds lie within the period of its value
/// (`HistoricalDate.boundsAreConsistent`, and a CHECK in 0005), so they are at most a year
/// apart, and `latest >= F` implies `earliest >= F - 366 days` (`floor`). Bounds are bound as
/// values, so a malformed one cannot change the SQL; it merely compares as text (the API checks
/// them first).
enum DateBounds {
    /// The lowest `latest` that `from` keeps.
    static func lower(_ from: String) -> String { from }

    /// The text every `earliest` that `to` keeps is at most.
    static func upper(_ to: String) -> String { to + "~" }

    /// The lowest `earliest` a date `from` keeps can have: 366 days before `from`'s first day.
    /// A malformed `from` gives a floor of "" (no bound): the other condition still applies.
    static func floor(_ from: String) -> String {
        let parts = from.split(separator: "-").map { Int($0) }
        guard let year = parts.first ?? nil, parts.allSatisfy({ $0 != nil }), (1...3).contains(parts.count) else { return "" }
        let month = parts.count > 1 ? parts[1]! : 1, day = parts.count > 2 ? parts[2]! : 1
        guard (1...12).contains(month), (1...31).contains(day) else { return "" }
        let (y, m, d) = civil(fromDays: days(year: year, month: month, day: day) - 366)
        guard y >= 1 else { return "" }
        return HistoricalDate.isoDay(y, m, d)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
