import SCOData

/// The API's cursors: a list position's text in base64url (RFC 4648 §5, no padding), so a
/// cursor is one opaque, URL-safe token that clients pass back and never parse.
enum CursorCodec {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let values: [UInt8: UInt8] = {
        var table: [UInt8: UInt8] = [:]
        for (index, byte) in alphabet.enumerated() { table[byte] = UInt8(index) }
        return table
    }()

    static func encode(_ position: ListPosition) -> String {
        let bytes = Array(position.text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var block: UInt32 = 0
            for (offset, byte) in chunk.enumerated() { block |= UInt32(byte) << (16 - 8 * offset) }
            for offset in 0..<(chunk.count + 1) {
                output.append(alphabet[Int((block >> (18 - 6 * offset)) & 0x3F)])
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The position a cursor stands for; anything else is a 400 naming `cursor`.
    static func decode(_ cursor: String) throws(APIError) -> ListPosition {
        let characters = Array(cursor.utf8)
        guard characters.count <= ListPosition.maximumTextLength * 4 / 3 + 4, characters.count % 4 != 1 else {
            throw .badParameter(name: "cursor", detail: "is not a cursor this API issued.")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count * 3 / 4)
        var block: UInt32 = 0
        var bits = 0
        for character in characters {
            guard let value = values[character] else {
                throw .badParameter(name: "cursor", detail: "is not a cursor this API issued.")
            }
            block = (block << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8((block >> UInt32(bits)) & 0xFF))
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .badParameter(name: "cursor", detail: "is not a cursor this API issued.")
        }
        do {
            return try ListPosition(text: text)
        } catch {
            throw .badParameter(name: "cursor", detail: error.description)
        }
    }
}
