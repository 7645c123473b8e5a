import HTTPServer

/// The formats a resource can be sent in: lists offer all four, single records JSON and HTML.
///
/// HTML is for people: a client gets it only when it prefers `text/html` to JSON (a browser's
/// `Accept`) or asks with `?format=html`; `*/*`, no `Accept` and `application/json` get JSON.
public enum Representation: String, Sendable, CaseIterable {
    case json
    case csv
    case ndjson
    /// Last, so that a range that matches it no better than another (`text/*`, `*/*`) leaves
    /// it to the data formats.
    case html

    /// What a single record or document offers.
    static let document: [Representation] = [.json, .html]

    public var mediaType: String {
        switch self {
        case .json: "application/json"
        case .html: "text/html"
        case .csv: "text/csv"
        case .ndjson: "application/x-ndjson"
        }
    }

    /// `Content-Type` as sent: the media type with its charset or header parameter.
    public var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .csv: "text/csv; charset=utf-8; header=present"
        case .ndjson: "application/x-ndjson; charset=utf-8"
        }
    }

    /// Picks the representation: `?format=` wins (browsers cannot set Accept), then `Accept`
    /// by quality value (RFC 9110 §12.5.1), JSON when neither says anything.
    ///
    /// Throws 400 for an unknown `format` and 406 when `Accept` rules out everything offered.
    static func negotiate(request: HTTPRequest, offered: [Representation]) throws(APIError) -> Representation {
        if let format = request.query.first("format") {
            guard let chosen = Representation(rawValue: format.lowercased()) else {
                throw .badParameter(name: "format", detail: "must be one of \(offered.map(\.rawValue).joined(separator: ", ")).")
            }
            guard offered.contains(chosen) else {
                throw .badParameter(name: "format", detail: "this resource is offered as \(offered.map(\.rawValue).joined(separator: ", ")) only.")
            }
            return chosen
        }
        let accept = request.headers.values(for: .accept)
        if accept.isEmpty { return offered[0] }
        let ranges = AcceptRange.parse(accept.joined(separator: ","))
        if ranges.isEmpty { return offered[0] }
        var best: (representation: Representation, quality: Double, specificity: Int)?
        for (order, representation) in offered.enumerated() {
            guard let (quality, specificity) = AcceptRange.quality(of: representation.mediaType, in: ranges),
                  quality > 0
            else { continue }
            // Higher quality wins; on a tie, the more specific range, then our own order (JSON first).
            if let current = best, (current.quality, current.specificity) >= (quality, specificity) { continue }
            _ = order
            best = (representation, quality, specificity)
        }
        guard let best else { throw .notAcceptable(offered: offered.map(\.mediaType)) }
        return best.representation
    }
}

/// One media range of an `Accept` field, with its quality.
struct AcceptRange: Equatable {
    var type: String
    var subtype: String
    var quality: Double

    static func parse(_ field: String) -> [AcceptRange] {
        field.split(separator: ",").compactMap { element in
            let parts = element.split(separator: ";").map { String($0.trimmingOWS()) }
            guard let range = parts.first, !range.isEmpty else { return nil }
            let pieces = range.lowercased().split(separator: "/", maxSplits: 1)
            guard pieces.count == 2 else { return nil }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                if pair.count == 2, String(pair[0].trimmingOWS()).lowercased() == "q" {
                    quality = Double(String(pair[1].trimmingOWS())).map { min(max($0, 0), 1) } ?? 0
                }
            }
            return AcceptRange(type: String(pieces[0]), subtype: String(pieces[1]), quality: quality)
        }
    }

    /// The quality the most specific matching range gives `mediaType`, and how specific it was
    /// (2 exact, 1 `type/*`, 0 `*/*`); nil when no range matches.
    static func quality(of mediaType: String, in ranges: [AcceptRange]) -> (Double, Int)? {
        let pieces = mediaType.split(separator: "/", maxSplits: 1).map(String.init)
        var best: (Double, Int)?
        for range in ranges {
            let specificity: Int
            if range.type == pieces[0], range.subtype == pieces[1] {
                specificity = 2
            } else if range.type == pieces[0], range.subtype == "*" {
                specificity = 1
            } else if range.type == "*", range.subtype == "*" {
                specificity = 0
            } else {
                continue
            }
            if best == nil || specificity > best!.1 { best = (range.quality, specificity) }
        }
        return best
    }
}
