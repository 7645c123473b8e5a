import Testing
@testable import SCOAPI

@Suite struct CSVWriterTests {
    @Test func quotesFieldsHoldingCommasQuotesAndLineBreaks() {
        var csv = CSVWriter()
        csv.row(["id", "text"])
        csv.row(["a", "plain"])
        csv.row(["b", "comma, \"quote\"\nnewline"])
        #expect(String(decoding: csv.bytes, as: UTF8.self)
            == "id,text\r\na,plain\r\nb,\"comma, \"\"quote\"\"\nnewline\"\r\n")
    }
}
