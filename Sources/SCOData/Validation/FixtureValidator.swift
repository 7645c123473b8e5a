import FoundationEssentials

/// Validates a whole fixture document before anything is written, and reports every problem.
///
/// Three passes over the parsed tree: structure (`FixtureSchema`: members, types, closed sets,
/// empty lists), identity (ids well formed and unique across the document), then meaning on the
/// records that decoded (references resolve, dates are real, quotes are exact substrings of their
/// source). `load` never traps, whatever the bytes: the fuzz target relies on that.
public enum FixtureValidator {
    /// At most this many problems are reported; one more entry says the list was cut.
    public static let problemLimit = 500

    /// Parses and validates `data`; the document, or every problem found with its JSON path.
    public static func load(_ data: Data) -> Result<FixtureDocument, FixtureValidationErrors> {
        load(bytes: [UInt8](data))
    }

    /// Validates a document built in memory (before export, say): the same checks `load` runs.
    public static func problems(in document: FixtureDocument) -> [FixtureProblem] {
        do {
            let data = try FixtureDocument.makeEncoder().encode(document)
            if case .failure(let errors) = load(data) { return errors.problems }
            return []
        } catch {
            return [FixtureProblem(path: .root, reason: .undecodable("cannot encode: \(error)"))]
        }
    }

    static func load(bytes: [UInt8]) -> Result<FixtureDocument, FixtureValidationErrors> {
        let tree: JSONValue
        switch JSONParser.parse(bytes) {
        case .success(let value):
            tree = QuotePositions.filled(FixtureUpgrade.current(value))
        case .failure(let error):
            let reason = FixtureProblem.Reason.syntax(message: error.message, line: error.line, column: error.column)
            return .failure(FixtureValidationErrors(problems: [FixtureProblem(path: .root, reason: reason)]))
        }
        var report = ProblemReport(limit: problemLimit)
        FixtureSchema.document.check(tree, at: .root, into: &report)
        if report.isTruncated {
            // The report is already full; decoding and cross-checking would add nothing to it.
            return .failure(FixtureValidationErrors(problems: report.problems))
        }
        let index = IdentifierIndex(tree, report: &report)
        let records = DecodedRecords(tree, report: &report)
        RecordChecker(index: index, records: records).check(into: &report)
        if report.problems.isEmpty, var document = records.document {
            // An older format's missing members were derived as it decoded: it is now current.
            document.formatVersion = FixtureDocument.currentFormatVersion
            return .success(document)
        }
        if report.problems.isEmpty {
            // Unreachable while the schema and the model agree; reported rather than trapped on.
            report.add(.root, .undecodable("the document did not decode"))
        }
        return .failure(FixtureValidationErrors(problems: report.problems))
    }
}
