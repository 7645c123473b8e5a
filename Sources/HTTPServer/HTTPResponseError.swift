/// An error that knows the response it should become.
///
/// Handlers throw; the router turns an `HTTPResponseError` into its response and anything else
/// into a 500 problem whose detail says nothing of the error (compare Hummingbird's protocol of
/// the same name).
public protocol HTTPResponseError: Error {
    func makeResponse() -> HTTPResponse
}
