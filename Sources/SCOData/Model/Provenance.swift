/// A record that says where it comes from: the quotes of its sources, and an editor's note
/// where the quotes need one.
public protocol Quoted: Sendable {
    var note: String? { get }
    var sources: [SourceQuote] { get }
}

/// A quoted record that also carries the report's own side remarks about it (`notes`).
public protocol Annotated: Quoted {
    var notes: [Note] { get }
}

/// A record told also as timeline events (`TimelineEvent.sameAs` names it): the summit and the
/// declaration.
public protocol ToldAsEvents: Sendable {
    var events: [String] { get }
}

extension Summit: ToldAsEvents {}
extension Declaration: ToldAsEvents {}

extension Clause: Quoted {}
extension Quantity: Quoted {}
extension Statement: Quoted {}
extension TimelineEvent: Quoted {}
extension Declaration: Annotated {}
extension Organization: Annotated {}
extension Person: Annotated {}
extension Region: Annotated {}
extension State: Annotated {}
extension Summit: Annotated {}

// Every record the API serves by id is `Identifiable` by its string id, so a field table can
// declare its `id` key once (`Field.id`).
extension Clause: Identifiable {}
extension Declaration: Identifiable {}
extension Organization: Identifiable {}
extension Person: Identifiable {}
extension Region: Identifiable {}
extension Source: Identifiable {}
extension Statement: Identifiable {}
extension Summit: Identifiable {}
extension TimelineEvent: Identifiable {}
extension SearchHit: Identifiable {}
extension Quantity: Identifiable {}
