import HTTPServer

/// Checks a request's query string against a `ListQuerySpec`.
///
/// Rules, each a 400 naming the parameter when broken: no parameter the spec does not list; no
/// repeat of a single-valued parameter (`limit`, `cursor`, `sort`, `fields`, `format`, `from`,
/// `to`); filter values are comma lists (a repeated filter adds alternatives), none empty;
/// `limit` is an integer from 1, and above the cap it is lowered to the cap; `sort` keys and
/// `fields` are the spec's own; `from`/`to` are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` dates.
struct ListQueryParser {
    static let defaultLimit = 50
    static let maximumLimit = 500

    let spec: ListQuerySpec

    /// Parameters that take one value.
    static let singleValued: Set<String> = ["limit", "cursor", "sort", "fields", "format", "from", "to", "q"]

    func parse(_ query: QueryParameters) throws(APIError) -> ListQuery {
        var seen: [String] = []
        for (name, _) in query {
            guard spec.takes(name) else {
                throw .badParameter(
                    name: name, detail: "unknown parameter; this endpoint takes \(spec.allParameterNames.joined(separator: ", ")).")
            }
            if Self.singleValued.contains(name) {
                guard !seen.contains(name) else { throw .badParameter(name: name, detail: "given more than once.") }
                seen.append(name)
            }
        }
        var result = ListQuery(limit: Self.defaultLimit)
        if let text = query.first("limit") {
            guard let limit = Int(text), limit >= 1 else {
                throw .badParameter(name: "limit", detail: "must be an integer from 1 to \(Self.maximumLimit); got '\(text)'.")
            }
            result.limit = min(limit, Self.maximumLimit)
        }
        if let cursor = query.first("cursor") {
            guard !cursor.isEmpty else { throw .badParameter(name: "cursor", detail: "must not be empty.") }
            result.cursor = cursor
        }
        if !spec.sortFields.isEmpty {
            result.sort = try parseSort(query.first("sort") ?? spec.defaultSort)
        }
        if let fields = query.first("fields") {
            result.fields = try parseFields(fields)
        }
        for filter in spec.filters {
            let raw = query.values(for: filter.name)
            guard !raw.isEmpty else { continue }
            var values: [String] = []
            for text in raw {
                for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
                    let value = String(piece.trimmingOWS())
                    guard !value.isEmpty else {
                        throw .badParameter(name: filter.name, detail: "has an empty value; give one or more values separated by commas.")
                    }
                    if case .oneOf(let allowedValues) = filter.values, !allowedValues.contains(value) {
                        throw .badParameter(name: filter.name, detail: "'\(value)' is not one of \(allowedValues.joined(separator: ", ")).")
                    }
                    if !values.contains(value) { values.append(value) }
                }
            }
            result.filters[filter.name] = values
        }
        if spec.hasDateRange {
            result.from = try query.first("from").map { text throws(APIError) in try Self.checkDate(text, parameter: "from") }
            result.to = try query.first("to").map { text throws(APIError) in try Self.checkDate(text, parameter: "to") }
            if let from = result.from, let to = result.to, from.prefix(to.count) > to {
                throw .badParameter(name: "from", detail: "'\(from)' is after to='\(to)'.")
            }
        }
        return result
    }

    private func parseSort(_ text: String) throws(APIError) -> [SortKey] {
        var keys: [SortKey] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            var name = String(piece.trimmingOWS())
            let isDescending = name.hasPrefix("-")
            if isDescending || name.hasPrefix("+") { name.removeFirst() }
            guard spec.sortFields.contains(name) else {
                throw .badParameter(name: "sort", detail: "'\(name)' is not sortable; sort by \(spec.sortFields.joined(separator: ", ")), each optionally prefixed with '-' for descending.")
            }
            guard !keys.contains(where: { $0.field == name }) else {
                throw .badParameter(name: "sort", detail: "'\(name)' is given twice.")
            }
            keys.append(SortKey(field: name, isDescending: isDescending))
        }
        return keys
    }

    private func parseFields(_ text: String) throws(APIError) -> FieldSelection {
        var names: [String] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(piece.trimmingOWS())
            guard spec.fieldNames.contains(name) else {
                throw .badParameter(name: "fields", detail: "'\(name)' is not a field; choose from \(spec.fieldNames.joined(separator: ", ")).")
            }
            if !names.contains(name) { names.append(name) }
        }
        return FieldSelection(names: names)
    }

    /// Accepts `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar date (1 ≤ month ≤ 12,
    /// day within the month, leap years counted).
    static func checkDate(_ text: String, parameter: String) throws(APIError) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
              zip(parts, widths).allSatisfy({ $0.count == $1 && $0.allSatisfy(\.isASCIIDigit) })
        else {
            throw .badParameter(name: parameter, detail: "must be an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD; got '\(text)'.")
        }
        let numbers = parts.map { Int($0)! }
        if numbers.count >= 2, !(1...12).contains(numbers[1]) {
            throw .badParameter(name: parameter, detail: "'\(text)' has no month \(numbers[1]).")
        }
        if numbers.count == 3 {
            let year = numbers[0], month = numbers[1], day = numbers[2]
            let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard (1...lengths[month - 1]).contains(day) else {
                throw .badParameter(name: parameter, detail: "'\(text)' is not a day of that month.")
            }
        }
        return text
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
