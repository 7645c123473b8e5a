import FoundationEssentials

extension FixtureDocument {
    /// The encoder for documents and API bodies: pretty, sorted keys, so equal values give equal bytes.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// This document as JSON that `FixtureValidator.load` reads back to an equal value.
    public func jsonData() throws -> Data {
        try Self.makeEncoder().encode(self)
    }
}
