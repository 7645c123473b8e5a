/// Writes RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, a quote, CR or LF.
public struct CSVWriter {
    public private(set) var bytes: [UInt8] = []
    private var isFirstField = true

    public init() {}

    public mutating func field(_ value: String) {
        if !isFirstField { bytes.append(UInt8(ascii: ",")) }
        isFirstField = false
        let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10 }
        guard needsQuotes else {
            bytes.append(contentsOf: value.utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func row(_ values: [String]) {
        for value in values { field(value) }
        endRow()
    }

    public mutating func endRow() {
        bytes.append(13)
        bytes.append(10)
        isFirstField = true
    }
}
