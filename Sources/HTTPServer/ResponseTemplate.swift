/// A response encoded once, with holes where the parts that change between requests go: the
/// `Date` value and the values of fields the handler names (a request id, a quota's state).
///
/// A handler that will send the same response again (the same request against the same data)
/// keeps a template and answers with `write(into:date:fill:)`: a copy of the bytes with the
/// holes filled, instead of building the response, its header list and its encoding anew.
public struct ResponseTemplate: Sendable {
    /// Where a variable value goes: the offset in `bytes`, and which value.
    struct Hole: Sendable {
        /// `field` for the `Date` value.
        static let date = -1
        var offset: Int
        /// The index in the `variableFields` the template was made with, or `Hole.date`.
        var field: Int
    }

    /// The encoded response without the variable values; its end (the body, mostly) is sent
    /// from here, not copied (`ResponseOutput`).
    let bytes: SharedBytes
    let holes: [Hole]

    /// Encodes `response` as the server would answer `requestMethod` in `requestVersion` on a
    /// connection that stays open, leaving holes for `Date` and the fields in `variableFields`.
    public init(_ response: HTTPResponse, requestMethod: HTTPMethod, requestVersion: HTTPVersion, variableFields: [String]) {
        var bytes: [UInt8] = []
        var holes: [Hole] = []
        ResponseEncoder.encode(response, requestMethod: requestMethod, requestVersion: requestVersion, keepAlive: true,
                               date: [], into: &bytes, variableFields: variableFields, holes: &holes)
        self.bytes = SharedBytes(bytes)
        self.holes = holes
    }

    /// The size of the encoded response, holes left out.
    public var count: Int { bytes.count }

    /// Appends the response to `output` with `date` (an HTTP-date) in the `Date` hole; `fill`
    /// appends the value of variable field `index` (of the `variableFields` it was made with).
    /// What follows the last hole (the rest of the head and the body) is shared, not copied,
    /// when it is long.
    public func write(into output: inout ResponseOutput, date: [UInt8], fill: (_ index: Int, _ output: inout [UInt8]) -> Void) {
        var start = 0
        let all = bytes.buffer
        for hole in holes {
            output.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: all[start..<hole.offset]))
            if hole.field == Hole.date {
                output.bytes.append(contentsOf: date)
            } else {
                fill(hole.field, &output.bytes)
            }
            start = hole.offset
        }
        output.append(bytes, start..<all.count)
    }

    /// Appends `value` in decimal: for filling holes without making a String.
    public static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        ResponseEncoder.appendDecimal(value, to: &output)
    }
}
