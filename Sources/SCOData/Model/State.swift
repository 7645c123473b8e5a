/// A state, keyed by its ISO 3166-1 alpha-2 code, with its roles and what the source says of it.
///
/// Former states the source names (the Soviet Union, Czechoslovakia) keep the alpha-2 and
/// alpha-3 codes ISO 3166-1 gave them before their deletion, with `isFormer` set.
public struct State: Codable, Sendable, Equatable {
    /// ISO 3166-1 alpha-2, upper case: "RU". It is the record's id.
    public var code: String
    /// ISO 3166-1 alpha-3, upper case: "RUS".
    public var alpha3: String
    public var name: String
    public var isFormer: Bool
    public var roles: [StateRole]
    public var notes: [Note]
    public var note: String?
    public var sources: [SourceQuote]

    public init(
        code: String, alpha3: String, name: String, isFormer: Bool = false, roles: [StateRole],
        notes: [Note] = [], note: String? = nil, sources: [SourceQuote]
    ) {
        self.code = code
        self.alpha3 = alpha3
        self.name = name
        self.isFormer = isFormer
        self.roles = roles
        self.notes = notes
        self.note = note
        self.sources = sources
    }
}
