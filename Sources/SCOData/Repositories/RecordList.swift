/// Reads one kind of record: one by its id, or a page of a list request.
///
/// Every list of the dataset (timeline, statements, states, clauses, people, regions,
/// organizations, sources) is one of these; the engine behind it decides how a request's
/// filters, order and position become a read.
public protocol RecordList<Item, Field> {
    associatedtype Item
    associatedtype Field: ListSortField

    /// The record with this id, or nil. States are found by ISO 3166-1 alpha-2 or alpha-3
    /// code in any ASCII letter case.
    func record(id: String) throws -> Item?

    /// A page of the records matching `request`, in its order.
    func page(_ request: ListRequest<Field>) throws -> Page<Item>
}
