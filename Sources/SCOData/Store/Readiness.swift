/// What `/readyz` reports: each check the dataset passed or failed.
public struct Readiness: Sendable, Equatable {
    public struct Check: Sendable, Equatable {
        public var name: String
        public var isOK: Bool
        public var detail: String

        public init(name: String, isOK: Bool, detail: String) {
            self.name = name
            self.isOK = isOK
            self.detail = detail
        }
    }

    public var checks: [Check]

    public init(checks: [Check]) {
        self.checks = checks
    }

    /// Whether every check passed.
    public var isReady: Bool { checks.allSatisfy(\.isOK) }
}
