@testable import SCOAPI
@testable import SCOData

/// libFuzzer target for list cursors: `CursorCodec.decode` (the API's `cursor` parameter) and
/// `ListPosition(text:)` (the JSON inside it), and the writers they must agree with.
///
/// Each input is used three ways: as a cursor a client sent, as the text inside a cursor, and
/// as a recipe for a position. Whatever decodes must encode and decode back to itself, a
/// refusal must be a 400 naming `cursor`, and a cursor must be URL-safe.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCursor(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzInput(data, size)
    let text = String(decoding: input, as: UTF8.self)

    do {
        CursorFuzzing.checkRoundTrip(try CursorCodec.decode(text))
    } catch {
        guard case .badParameter(name: "cursor", _) = error else {
            fatalError("fuzz invariant broken: a cursor refused with \(error)")
        }
    }

    do {
        CursorFuzzing.checkRoundTrip(try ListPosition(text: text))
    } catch {
        guard case .malformed = error else {
            fatalError("fuzz invariant broken: a position text refused with \(error)")
        }
    }

    var reader = ByteReader(input)
    CursorFuzzing.checkRoundTrip(CursorFuzzing.makePosition(&reader))
    return 0
}

/// The checks the cursor target runs.
enum CursorFuzzing {
    private static let cursorAlphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// A position read from the input: a fingerprint from 8 bytes, then 1 to 8 values.
    static func makePosition(_ reader: inout ByteReader) -> ListPosition {
        let fingerprintNumber = reader.uint64()
        let hex = String(fingerprintNumber, radix: 16)
        let fingerprint = String(repeating: "0", count: 16 - hex.count) + hex
        var values: [ListPosition.Value] = []
        let count = 1 + Int(reader.byte() % UInt8(ListPosition.maximumValueCount))
        for _ in 0..<count {
            switch reader.byte() % 3 {
            case 0:
                values.append(.text(reader.text(maximum: 200)))
            case 1:
                values.append(.integer(Int64(bitPattern: reader.uint64())))
            default:
                let real = Double(bitPattern: reader.uint64())
                values.append(.real(real.isFinite ? real : 0))
            }
        }
        return ListPosition(fingerprint: fingerprint, values: values)
    }

    /// A position survives its text form and its cursor form unchanged.
    static func checkRoundTrip(_ position: ListPosition) {
        fuzzExpect(ListPosition.isFingerprint(position.fingerprint), "fingerprint '\(position.fingerprint)'")
        let text = position.text
        fuzzExpect(text == position.text, "the text form is not deterministic for \(position)")
        let cursor = CursorCodec.encode(position)
        fuzzExpect(cursor.utf8.allSatisfy(cursorAlphabet.contains), "cursor '\(cursor)' is not URL-safe")
        guard text.utf8.count <= ListPosition.maximumTextLength else {
            fuzzExpect((try? ListPosition(text: text)) == nil, "a position text over the limit was read")
            return
        }
        do {
            let fromText = try ListPosition(text: text)
            fuzzExpect(fromText == position, "\(position) read back from its text as \(fromText)")
            let fromCursor = try CursorCodec.decode(cursor)
            fuzzExpect(fromCursor == position, "\(position) read back from its cursor as \(fromCursor)")
        } catch {
            fatalError("fuzz invariant broken: \(position) written as '\(text)' was refused: \(error)")
        }
    }
}
