import JSONText

extension JSONWriter {
    /// Writes one member of a log line: `key` escaped, then `value` as the matching JSON type.
    mutating func field(_ key: String, _ value: LogValue) {
        self.key(escaping: key)
        switch value {
        case .string(let string): self.string(string)
        case .int(let int): self.int(int)
        case .double(let double): self.double(double)
        case .bool(let bool): self.bool(bool)
        }
    }
}
