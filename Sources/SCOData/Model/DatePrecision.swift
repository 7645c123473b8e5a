/// How much of a `HistoricalDate` the source gives.
public enum DatePrecision: String, Codable, Sendable, CaseIterable {
    /// `YYYY-MM-DD`.
    case day
    /// `YYYY-MM`.
    case month
    /// `YYYY`.
    case year
    /// `YYYY-MM-DD`, meaning the night that begins on that day ("the night of Aug. 7").
    case night

    /// The number of characters a value of this precision has: 4, 7 or 10.
    public var valueLength: Int {
        switch self {
        case .year: 4
        case .month: 7
        case .day, .night: 10
        }
    }
}
