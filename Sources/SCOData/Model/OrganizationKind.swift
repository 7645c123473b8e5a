/// What sort of body an `Organization` is.
public enum OrganizationKind: String, Codable, Sendable, CaseIterable {
    case intergovernmentalOrganization = "intergovernmental-organization"
    case militaryAlliance = "military-alliance"
    case politicalUnion = "political-union"
    case governmentBody = "government-body"
    case thinkTank = "think-tank"
    case broadcaster
    case newsAgency = "news-agency"
    /// A loose grouping the source treats as one actor, such as "the West".
    case informalGroup = "informal-group"
}
