/// A number the report gives, structured: what it counts or measures, its value and unit, the
/// report's own words for it, and what it is about ("US$150 million" in aid and rent, about
/// Kyrgyzstan; "roughly 20 percent" of Georgia's territory, about the two regions).
public struct Quantity: Codable, Sendable, Equatable {
    public var id: String
    /// What is counted or measured, in words ("Georgian soldiers handed over").
    public var measure: String
    public var value: Double
    /// The unit: an ISO 4217 code for money ("USD"), else a plain word ("soldiers", "percent",
    /// "days", "year").
    public var unit: String
    /// Whether the report gives the number loosely ("roughly", "hundreds"); `note` says how
    /// `value` was read then.
    public var approximate: Bool
    /// The report's words for the number ("US$150 million"), found in a cited quote.
    public var text: String
    /// Ids of what the number is about: any record.
    public var about: [String]
    public var note: String?
    public var sources: [SourceQuote]

    public init(
        id: String, measure: String, value: Double, unit: String, approximate: Bool = false, text: String, about: [String],
        note: String? = nil, sources: [SourceQuote]
    ) {
        self.id = id
        self.measure = measure
        self.value = value
        self.unit = unit
        self.approximate = approximate
        self.text = text
        self.about = about
        self.note = note
        self.sources = sources
    }
}
