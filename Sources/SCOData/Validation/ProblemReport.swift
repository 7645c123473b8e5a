/// Collects problems up to a limit, so hostile input cannot make an unbounded report.
struct ProblemReport {
    let limit: Int
    private(set) var problems: [FixtureProblem] = []
    private(set) var isTruncated = false

    init(limit: Int) {
        self.limit = limit
    }

    mutating func add(_ path: JSONPath, _ reason: FixtureProblem.Reason) {
        guard problems.count < limit else {
            if !isTruncated {
                isTruncated = true
                problems.append(FixtureProblem(path: .root, reason: .tooManyProblems(limit: limit)))
            }
            return
        }
        problems.append(FixtureProblem(path: path, reason: reason))
    }

    /// Whether a problem was reported at `path` or beneath it.
    func hasProblem(under path: JSONPath) -> Bool {
        problems.contains { path.isPrefix(of: $0.path) }
    }
}
