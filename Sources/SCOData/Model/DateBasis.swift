/// Whether the report gives a date or it was worked out from what the report says.
public enum DateBasis: String, Codable, Sendable, CaseIterable {
    /// The report names the date ("Aug. 18", "Thursday", "the night of Aug. 7").
    case stated
    /// The report gives no date, or a looser one than the bounds: the date's `note` gives the
    /// reasoning ("after the offensive of the night of Aug. 7, before the report").
    case inferred
}
