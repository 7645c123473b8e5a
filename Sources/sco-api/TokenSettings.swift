import FoundationEssentials
import SCOAPI

/// Write tokens from `SCO_API_TOKENS` and a token file (`--tokens-file` or `SCO_API_TOKENS_FILE`).
///
/// Tokens are never taken from a flag: a command line is visible to every user of the machine.
/// A list that cannot be used as it is (a short secret, whitespace in one, a name or secret
/// given twice, a named file that is unreadable or names no token) stops the server before it
/// starts, with a message that never quotes a secret (`sco-api serve` exits 2).
enum TokenSettings {
    /// Why the token configuration was refused.
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    static func load(flagFile: String?, env: EnvironmentResolver) throws(Refusal) -> [APIToken] {
        var tokens: [APIToken] = []
        if let text = env.raw("SCO_API_TOKENS") {
            do {
                tokens += try APIToken.parseList(text)
            } catch {
                throw Refusal(description: "SCO_API_TOKENS: \(error).")
            }
        }
        if let path = flagFile ?? env.raw("SCO_API_TOKENS_FILE") {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Refusal(description: "--tokens-file: cannot read '\(path)'.")
            }
            let fromFile: [APIToken]
            do {
                fromFile = try APIToken.parseList(String(decoding: data, as: UTF8.self))
            } catch {
                throw Refusal(description: "--tokens-file '\(path)': \(error).")
            }
            guard !fromFile.isEmpty else {
                throw Refusal(description: "--tokens-file '\(path)' names no token (expected lines of name:secret).")
            }
            for token in fromFile {
                if tokens.contains(where: { $0.name == token.name }) {
                    throw Refusal(description: "--tokens-file: the token name '\(token.name)' is also in SCO_API_TOKENS.")
                }
                if let other = tokens.first(where: { $0.secret == token.secret }) {
                    throw Refusal(
                        description: "--tokens-file: the token '\(token.name)' has the same secret as '\(other.name)' in SCO_API_TOKENS.")
                }
            }
            tokens += fromFile
        }
        return tokens
    }
}
