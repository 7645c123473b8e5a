import ArgumentParser
import FoundationEssentials
import SCOAPI

/// Write tokens from `SCO_API_TOKENS` and a token file (`--tokens-file` or `SCO_API_TOKENS_FILE`).
///
/// Tokens are never taken from a flag: a command line is visible to every user of the machine.
enum TokenSettings {
    static func load(flagFile: String?, env: EnvironmentResolver) throws -> [APIToken] {
        var tokens: [APIToken] = []
        if let text = env.raw("SCO_API_TOKENS") {
            do {
                tokens += try APIToken.parseList(text)
            } catch {
                throw ValidationError("SCO_API_TOKENS: \(error).")
            }
        }
        if let path = flagFile ?? env.raw("SCO_API_TOKENS_FILE") {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("--tokens-file: cannot read '\(path)'.")
            }
            do {
                let fromFile = try APIToken.parseList(String(decoding: data, as: UTF8.self))
                for token in fromFile where tokens.contains(where: { $0.name == token.name }) {
                    throw ValidationError("--tokens-file: the token name '\(token.name)' is also in SCO_API_TOKENS.")
                }
                tokens += fromFile
            } catch let error as TokenListError {
                throw ValidationError("--tokens-file '\(path)': \(error).")
            }
        }
        return tokens
    }
}
