/// One page of a list: its items, how many match in all, and where the next page starts.
public struct Page<Item> {
    /// The items, at most the limit asked for, in the list's order.
    public var items: [Item]
    /// How many items match the filters, across all pages (the position does not count).
    public var total: Int
    /// The position after the last item, or nil when this is the last page.
    public var next: ListPosition?

    public init(items: [Item], total: Int, next: ListPosition?) {
        self.items = items
        self.total = total
        self.next = next
    }

    /// The same page with each item transformed.
    public func map<Other>(_ transform: (Item) throws -> Other) rethrows -> Page<Other> {
        Page<Other>(items: try items.map(transform), total: total, next: next)
    }
}

extension Page: Sendable where Item: Sendable {}
extension Page: Equatable where Item: Equatable {}
