@testable import HTTPServer
@testable import SCOAPI

/// libFuzzer target for the query string: `QueryParameters(decoding:)` in HTTPServer, then
/// `ListQueryParser` against every list endpoint's spec in SCOAPI.
///
/// Checks beyond "does not crash": a decoded query encoded again decodes to the same pairs;
/// a query inside a request target decodes as it does alone; whatever a list parser accepts
/// keeps the promises its spec makes (limit within bounds, only known sort keys and fields,
/// filter values non-empty and allowed, real dates), and parsing twice gives the same answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzInput(data, size), as: UTF8.self)
    let decoded: QueryParameters
    do {
        decoded = try QueryParameters(decoding: text)
    } catch {
        fuzzExpect(error.status == .badRequest, "query refused with \(error.status)")
        return 0
    }
    QueryFuzzing.checkRoundTrip(decoded)
    QueryFuzzing.checkInsideTarget(text, decoded: decoded)
    for spec in QueryFuzzing.specs {
        QueryFuzzing.checkListQuery(decoded, spec: spec)
    }
    QueryFuzzing.checkSingleRecordQuery(decoded)
    return 0
}

/// The checks the query target runs.
enum QueryFuzzing {
    /// Every list route's spec, as the resources declare them.
    static let specs: [ListQuerySpec] = Resources.routes.compactMap { route in
        guard case .list(let spec, _) = route.documentation else { return nil }
        return spec
    }

    /// Every single-record route's field names, as the resources declare them.
    static let recordFieldNames: [[String]] = Resources.routes.compactMap { route in
        guard case .record(let schema, _) = route.documentation else { return nil }
        return schema.fieldNames
    }

    /// Bytes that stand for themselves in a query component; everything else is escaped.
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    /// Percent-encodes every byte outside `unreserved` (RFC 3986 §2.1), `+` included.
    static func encode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                output.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }

    /// Encoding each pair again and decoding gives the same pairs, in order.
    static func checkRoundTrip(_ decoded: QueryParameters) {
        // A NUL arrives only raw (never in a target, which holds visible ASCII); `%00` is refused.
        guard !decoded.contains(where: { $0.name.utf8.contains(0) || $0.value.utf8.contains(0) }) else { return }
        let encoded = decoded.map { "\(encode($0.name))=\(encode($0.value))" }.joined(separator: "&")
        do {
            let again = try QueryParameters(decoding: encoded)
            fuzzExpect(again == decoded, "'\(encoded)' decoded to \(again), not \(decoded)")
        } catch {
            fatalError("fuzz invariant broken: re-encoded query '\(encoded)' refused: \(error)")
        }
    }

    /// A query in a request target decodes as it does alone (when the target may hold it).
    static func checkInsideTarget(_ text: String, decoded: QueryParameters) {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "#") }) else { return }
        do {
            let target = try RequestTarget.parse("/v1/timeline?\(text)", method: .get)
            fuzzExpect(target.query == decoded, "in a target the query is \(target.query), alone \(decoded)")
            fuzzExpect(target.segments == ["v1", "timeline"], "the query changed the path: \(target.segments)")
        } catch {
            fatalError("fuzz invariant broken: a target with query '\(text)' refused: \(error)")
        }
    }

    /// What a list parser accepts obeys its spec; what it refuses is a 400 naming a parameter.
    static func checkListQuery(_ query: QueryParameters, spec: ListQuerySpec) {
        let parser = ListQueryParser(spec: spec)
        let list: ListQuery
        do {
            list = try parser.parse(query)
        } catch {
            guard case .badParameter(let name, _) = error else {
                fatalError("fuzz invariant broken: a list query refused with \(error)")
            }
            fuzzExpect(!name.isEmpty || query.contains(""), "a refusal naming no parameter")
            return
        }
        let again = try? parser.parse(query)
        fuzzExpect(again == list, "parsing twice gave \(String(describing: again)) and \(list)")
        let allowed = Set(spec.allParameterNames)
        fuzzExpect(query.names.allSatisfy(allowed.contains), "accepted unknown parameters in \(query.names)")
        fuzzExpect((1...ListQueryParser.maximumLimit).contains(list.limit), "limit \(list.limit)")
        fuzzExpect(list.cursor.map { !$0.isEmpty } ?? true, "an empty cursor was accepted")
        let sortFields = list.sort.map(\.field)
        fuzzExpect(sortFields.allSatisfy(spec.sortFields.contains), "sort by \(sortFields)")
        fuzzExpect(Set(sortFields).count == sortFields.count, "a sort key repeated in \(sortFields)")
        fuzzExpect(spec.sortFields.isEmpty || !sortFields.isEmpty, "no sort for a sortable list")
        if let names = list.fields.names {
            fuzzExpect(names.allSatisfy(spec.fieldNames.contains), "fields \(names)")
        }
        for (name, values) in list.filters {
            guard let filter = spec.filters.first(where: { $0.name == name }) else {
                fatalError("fuzz invariant broken: a filter '\(name)' the spec does not have")
            }
            fuzzExpect(!values.isEmpty && Set(values).count == values.count, "filter \(name) values \(values)")
            for value in values {
                fuzzExpect(!value.isEmpty && String(value.trimmingOWS()) == value, "filter \(name) value '\(value)'")
                if case .oneOf(let allowedValues) = filter.values {
                    fuzzExpect(allowedValues.contains(value), "filter \(name) value '\(value)' not allowed")
                }
            }
        }
        for (name, date) in [("from", list.from), ("to", list.to)] {
            guard let date else { continue }
            fuzzExpect(spec.hasDateRange, "\(name) on a list without dates")
            fuzzExpect((try? ListQueryParser.checkDate(date, parameter: name)) == date, "\(name)='\(date)'")
        }
    }
}

extension QueryFuzzing {
    /// A single record's query (`fields`, `format`) selects only the record's own fields.
    static func checkSingleRecordQuery(_ query: QueryParameters) {
        for fieldNames in recordFieldNames {
            do throws(APIError) {
                let selection = try SingleQuery.parseFields(query, fieldNames: fieldNames)
                fuzzExpect(query.names.allSatisfy { $0 == "fields" || $0 == "format" }, "accepted \(query.names)")
                if let names = selection.names {
                    fuzzExpect(names.allSatisfy(fieldNames.contains), "selected \(names)")
                }
            } catch {
                guard case .badParameter = error else {
                    fatalError("fuzz invariant broken: a record query refused with \(error)")
                }
            }
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
