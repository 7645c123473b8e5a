/// What one list endpoint accepts in its query string: its filters, sort keys and fields.
///
/// Parsing against a spec is what turns `?kind=military,diplomatic&sort=-date&limit=20` into a
/// `ListQuery`, and anything the spec does not name into a 400 that names the parameter.
struct ListQuerySpec: Sendable {
    var filters: [ListFilter]
    /// Sortable fields, in the order the documentation lists them.
    var sortFields: [String]
    /// The default order, as `sort=` would spell it (`date,id`).
    var defaultSort: String
    /// The record's top-level JSON keys, for `fields=` (and CSV columns).
    var fieldNames: [String]
    /// Whether `from` and `to` (ISO 8601 dates, cut to year or month as the data is) apply.
    var hasDateRange: Bool = false
    /// Other parameters the endpoint reads itself (`q` for search).
    var extraParameters: [String] = []

    /// Parameters every list takes.
    static let commonParameters = ["limit", "cursor", "sort", "fields", "format"]

    var allParameterNames: [String] {
        Self.commonParameters + filters.map(\.name) + (hasDateRange ? ["from", "to"] : []) + extraParameters
    }

    /// Whether `name` is one of `allParameterNames` (without building the list).
    func takes(_ name: String) -> Bool {
        Self.commonParameters.contains(name) || filters.contains { $0.name == name }
            || (hasDateRange && (name == "from" || name == "to")) || extraParameters.contains(name)
    }
}

/// A parsed sort key: `-date` is `date` descending.
struct SortKey: Equatable, Sendable {
    var field: String
    var isDescending: Bool
}

/// Which top-level keys a representation includes; `nil` names means all of them.
struct FieldSelection: Sendable, Equatable {
    let names: [String]?

    static let all = FieldSelection(names: nil)

    func includes(_ name: String) -> Bool {
        guard let names else { return true }
        return names.contains(name)
    }

    /// The keys to write, in the record's own order.
    func selected(from fieldNames: [String]) -> [String] {
        guard let names else { return fieldNames }
        return fieldNames.filter { names.contains($0) }
    }
}

/// A list request, checked against its spec.
struct ListQuery: Sendable, Equatable {
    /// Filter values by filter name; several values are alternatives (OR), filters combine (AND).
    var filters: [String: [String]] = [:]
    var from: String?
    var to: String?
    var sort: [SortKey] = []
    var fields = FieldSelection.all
    var limit: Int
    var cursor: String?

    func values(_ filter: String) -> [String] { filters[filter] ?? [] }
}
