import Foundation
import Testing

@testable import SCOData

/// The validator answers any bytes with a document or problems; it never traps.
@Suite struct FixtureValidatorFuzzTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func refusesHostileInputs() {
        let inputs: [String] = [
            "", " ", "null", "[]", "{}", "\"text\"", "1e999", "-", "01", "1.", "[1,]", "{\"a\":1,}", "{\"a\" 1}",
            "\u{FEFF}{}", "{\"formatVersion\": 1}", "[\"\\ud800\"]", "[\"\\udc00x\"]", "[\"\\u12G4\"]", "tru", "nul",
            "{\"a\":\"\u{0001}\"}", "{\"formatVersion\": 1e2}", "{\"formatVersion\": 99999999999999999999999}",
            String(repeating: "[", count: 100_000), String(repeating: "{\"a\":", count: 10_000),
        ]
        for input in inputs {
            #expect(FixtureValidator.load(Data(input.utf8)).problems.isEmpty == false, "accepted \(input.prefix(30))")
        }
        let invalidUTF8 = Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D])
        #expect(FixtureValidator.load(invalidUTF8).problems.count == 1)
    }

    @Test func deepNestingIsRefusedNotRecursedInto() {
        let problems = FixtureValidator.load(Data(String(repeating: "[", count: 1_000).utf8)).problems
        guard case .syntax(let message, 1, let column)? = problems.first?.reason else {
            Issue.record("expected a syntax error, got \(problems)")
            return
        }
        #expect(message.contains("nesting"))
        #expect(column == JSONParser.maximumDepth + 1)
    }

    @Test func survivesRandomBytes() {
        var random = SplitMix(state: 2008_08_28)
        for _ in 0..<300 {
            let count = Int.random(in: 0..<512, using: &random)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(!FixtureValidator.load(Data(bytes)).problems.isEmpty)
        }
    }

    @Test func survivesTruncatedAndCorruptedFixtures() {
        var random = SplitMix(state: 7)
        let fixture = [UInt8](BundledFixture.data)
        for _ in 0..<60 {
            let cut = Int.random(in: 0..<fixture.count, using: &random)
            #expect(!FixtureValidator.load(Data(fixture[..<cut])).problems.isEmpty)
        }
        let structural = Array("{}[],:\"0-tn ".utf8)
        for _ in 0..<60 {
            var corrupted = fixture
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0..<corrupted.count, using: &random)
                corrupted[position] = structural.randomElement(using: &random) ?? 0
            }
            // Usually refused; a flip inside a note's text may still be valid. Either way, no trap.
            _ = FixtureValidator.load(Data(corrupted))
        }
    }

    @Test func problemReportsAreBounded() {
        // Thousands of unknown fields in one object: the report stops at the limit and says so.
        let members = (0..<2_000).map { "\"x\($0)\": 1" }.joined(separator: ",")
        let problems = FixtureValidator.load(Data("{\(members)}".utf8)).problems
        #expect(problems.count == FixtureValidator.problemLimit + 1)
        #expect(problems.last?.reason == .tooManyProblems(limit: FixtureValidator.problemLimit))
        let elements = Array(repeating: "1", count: 50_000).joined(separator: ",")
        let wide = FixtureValidator.load(Data("{\"formatVersion\": 1, \"events\": [\(elements)]}".utf8)).problems
        #expect(wide.count == FixtureValidator.problemLimit + 1)
    }
}
