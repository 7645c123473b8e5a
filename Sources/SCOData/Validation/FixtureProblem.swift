/// One thing wrong with a fixture document, and where: `$.events[3].date.value: …`.
public struct FixtureProblem: Sendable, Equatable, CustomStringConvertible {
    /// Why a value is refused.
    public enum Reason: Sendable, Equatable {
        /// The bytes are not JSON (RFC 8259); line and column count from 1, columns in bytes.
        case syntax(message: String, line: Int, column: Int)
        /// A required member is absent; the path names the member.
        case missingField
        case wrongType(expected: String, found: String)
        /// A member the format does not define (often a misspelt name).
        case unknownField
        /// The same member name twice in one object.
        case duplicateKey
        /// A value outside a closed set: a role, a kind, a precision.
        case unknownValue(String, allowed: [String])
        case emptyString
        case emptyList
        case unsupportedFormatVersion(Int)
        /// An id that is not a lowercase slug, or a state code that is not ISO 3166-1 shaped.
        case malformedId(String, expected: String)
        /// An id used by an earlier record; ids are unique across the whole document.
        case duplicateId(String, firstUsedAt: String)
        /// A reference to an id that no record of the expected kind has.
        case danglingReference(String, expected: String)
        /// A record that points at itself (a region its own parent, a statement answering itself).
        case selfReference(String)
        /// The same value twice in a list that must not repeat (roles, actors, clause positions).
        case duplicateValue(String)
        /// A date value that is not a real date written as its precision requires.
        case malformedDate(String, precision: String)
        /// Date bounds that are not days, are out of order, or reach outside the date's value.
        case inconsistentDateBounds(earliest: String, latest: String, value: String)
        /// A quote that is not an exact substring of the text of the source it names.
        case quoteNotInSource(sourceId: String)
        /// A quote whose `start` and `end` (code points) do not hold it in its source's text.
        case quoteNotAtPosition(start: Int, end: Int)
        /// A quote without a position that occurs more than once in its source's text.
        case ambiguousQuote(occurrences: Int)
        /// Verbatim text (a clause, a quote, a date's phrase) found in none of the record's cited sources.
        case notInCitedSources
        /// A denial that does not name, in `respondsTo`, what it denies.
        case denialWithoutTarget
        /// Decoding failed where the structural checks saw nothing wrong.
        case undecodable(String)
        /// More problems were found than are reported.
        case tooManyProblems(limit: Int)
    }

    public let path: JSONPath
    public let reason: Reason

    public init(path: JSONPath, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// `path: message`, one line.
    public var description: String {
        "\(path): \(message)"
    }

    /// The reason in words.
    public var message: String {
        switch reason {
        case .syntax(let message, let line, let column): "JSON syntax error at line \(line), column \(column): \(message)"
        case .missingField: "required field is missing"
        case .wrongType(let expected, let found): "expected \(expected), found \(found)"
        case .unknownField: "unknown field"
        case .duplicateKey: "duplicate key in object"
        case .unknownValue(let value, let allowed): "unknown value \"\(value)\"; allowed: \(allowed.joined(separator: ", "))"
        case .emptyString: "must not be empty"
        case .emptyList: "must not be an empty list"
        case .unsupportedFormatVersion(let version): "unsupported format version \(version); this build reads formats \(FixtureDocument.readableFormatVersions.lowerBound) to \(FixtureDocument.readableFormatVersions.upperBound): seed it with the build that wrote it, export it from there, or set formatVersion to 1 and remove what that format lacks"
        case .malformedId(let id, let expected): "malformed id \"\(id)\"; expected \(expected)"
        case .duplicateId(let id, let first): "duplicate id \"\(id)\", first used at \(first)"
        case .danglingReference(let id, let expected): "\"\(id)\" is not the id of \(expected)"
        case .selfReference(let id): "\"\(id)\" refers to its own record"
        case .duplicateValue(let value): "\"\(value)\" appears more than once"
        case .malformedDate(let value, let precision): "\"\(value)\" is not a valid date of precision \(precision)"
        case .inconsistentDateBounds(let earliest, let latest, let value):
            "bounds \"\(earliest)\"..\"\(latest)\" must be days (YYYY-MM-DD), earliest first, within the period of \"\(value)\""
        case .quoteNotInSource(let sourceId): "quote is not an exact substring of source \"\(sourceId)\""
        case .quoteNotAtPosition(let start, let end):
            "the source's text from code point \(start) to \(end) is not the quote; give the quote's own start and end"
        case .ambiguousQuote(let occurrences):
            "the quote occurs \(occurrences) times in the source; give start and end (code points) of the one meant"
        case .notInCitedSources: "text is not an exact substring of any source the record cites"
        case .denialWithoutTarget: "a denial must name at least one statement it denies in respondsTo"
        case .undecodable(let detail): "cannot be decoded: \(detail)"
        case .tooManyProblems(let limit): "more than \(limit) problems; the rest are not reported"
        }
    }
}

/// Every problem found in a fixture document; `load` fails with this, never with a first error alone.
public struct FixtureValidationErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [FixtureProblem]

    public init(problems: [FixtureProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
