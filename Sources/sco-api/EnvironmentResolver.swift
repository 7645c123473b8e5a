import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Resolves an option as flag, then `SCO_API_*` variable, then built-in default: a flag wins over the variable.
///
/// A variable that does not parse is a usage error naming both the variable and the flag it stands for.
struct EnvironmentResolver {
    var environment: [String: String]

    static let process = EnvironmentResolver(environment: Self.readEnvironment())

    func resolve<Value>(
        _ flag: Value?, variable: String, option: String, default defaultValue: Value,
        parse: (String) -> Value?
    ) throws -> Value {
        if let flag { return flag }
        guard let text = environment[variable], !text.isEmpty else { return defaultValue }
        guard let value = parse(text) else {
            throw ValidationError("\(variable)='\(text)' is not a valid value for \(option).")
        }
        return value
    }

    func resolve(_ flag: String?, variable: String, option: String, default defaultValue: String) -> String {
        if let flag { return flag }
        if let text = environment[variable], !text.isEmpty { return text }
        return defaultValue
    }

    /// The raw text of a variable, or nil when unset or empty.
    func raw(_ variable: String) -> String? {
        guard let text = environment[variable], !text.isEmpty else { return nil }
        return text
    }

    private static func readEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = String(cString: entry)
            if let equals = pair.firstIndex(of: "=") {
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
