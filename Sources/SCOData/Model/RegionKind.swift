/// What sort of place a `Region` is.
public enum RegionKind: String, Codable, Sendable, CaseIterable {
    case separatistRegion = "separatist-region"
    case city
    /// A part of a state: Tibet, Xinjiang, "Georgia proper".
    case region
    case coast
    /// A region spanning states, such as Central Asia.
    case geographicRegion = "geographic-region"
}
