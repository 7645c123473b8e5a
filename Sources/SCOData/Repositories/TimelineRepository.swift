/// Reads the timeline: dated events with their actors and regions.
public protocol TimelineRepository {
    /// The event with this id, or nil.
    func event(id: String) throws -> TimelineEvent?
    /// A page of events matching `query`, in its order.
    func events(_ query: TimelineQuery) throws -> Page<TimelineEvent>
}
