import Testing
@testable import HTTPServer

/// Header lists and query parameters: order, repetition, case-insensitivity.
@Suite struct HTTPHeadersTests {
    @Test func looksUpNamesIgnoringCase() {
        let headers: HTTPHeaders = ["Content-Type": "text/plain", "X-A": "1"]
        #expect(headers["content-type"] == "text/plain")
        #expect(headers[.contentType] == "text/plain")
        #expect(headers.contains("x-a"))
        #expect(!headers.contains("x-b"))
    }

    @Test func namesMatchIgnoringTheCaseOfLettersOnly() {
        // Every ASCII byte against itself with bit 0x20 flipped: equal only for letters.
        for byte in UInt8(0x21)...UInt8(0x7E) {
            let flipped = byte ^ 0x20
            guard (0x21...0x7E).contains(flipped) else { continue }
            let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            let a = "X-" + String(UnicodeScalar(byte)) + "-long-enough-to-be-native"
            let b = "x-" + String(UnicodeScalar(flipped)) + "-LONG-ENOUGH-TO-BE-NATIVE"
            #expect(ASCII.equalsIgnoringCase(a, b) == isLetter, "\(a) and \(b)")
            #expect(ASCII.equalsIgnoringCase(a, b) == ASCII.equalsIgnoringCase(a.utf8, b.utf8))
        }
        #expect(ASCII.equalsIgnoringCase("Vary", "vary"))
        #expect(!ASCII.equalsIgnoringCase("Vary", "Varyy"))
        #expect(!ASCII.equalsIgnoringCase("É", "é"), "only ASCII letters fold")
        #expect(ASCII.equalsIgnoringCase("", ""))
    }

    @Test func keepsRepeatedFieldsAndTheirOrder() {
        var headers = HTTPHeaders()
        headers.add("Link", "<a>")
        headers.add("Vary", "Accept")
        headers.add("link", "<b>")
        #expect(headers.values(for: "LINK") == ["<a>", "<b>"])
        #expect(headers.map(\.name) == ["Link", "Vary", "link"])
    }

    @Test func setReplacesEveryValueInPlace() {
        var headers: HTTPHeaders = ["A": "1", "B": "2", "a": "3"]
        headers.set("A", "9")
        #expect(headers.map(\.value) == ["9", "2"])
        headers["B"] = nil
        #expect(headers.count == 1)
        headers[.etag] = "\"v1\""
        #expect(headers["ETag"] == "\"v1\"")
    }

    @Test func removeDeletesEveryValue() {
        var headers: HTTPHeaders = ["A": "1", "a": "2", "B": "3"]
        headers.remove("A")
        #expect(headers.map(\.name) == ["B"])
    }

    @Test func findsTokensInListFields() {
        let headers: HTTPHeaders = ["Connection": "Upgrade ,  Keep-Alive", "connection": "TE"]
        #expect(headers.containsToken("keep-alive", in: .connection))
        #expect(headers.containsToken("te", in: .connection))
        #expect(!headers.containsToken("close", in: .connection))
    }

    @Test func comparesHeaderNamesIgnoringCase() {
        #expect(HTTPHeaderName("content-TYPE") == .contentType)
        #expect(Set([HTTPHeaderName("ETag"), HTTPHeaderName("etag")]).count == 1)
    }

    @Test func decodesQueryParametersKeepingRepeatsAndOrder() throws {
        let query = try QueryParameters(decoding: "b=2&a=1&b=3&empty=&flag&&plus=a+b&enc=%2B%26%3D")
        #expect(query.values(for: "b") == ["2", "3"])
        #expect(query.first("a") == "1")
        #expect(query.first("empty") == "")
        #expect(query.first("flag") == "")
        #expect(query.first("plus") == "a b")
        #expect(query.first("enc") == "+&=")
        #expect(query.names == ["b", "a", "empty", "flag", "plus", "enc"])
        #expect(query.first("missing") == nil)
    }

    @Test func refusesMalformedQueryEscapes() {
        #expect(throws: HTTPParseError.malformedPercentEncoding("100%")) { try QueryParameters(decoding: "x=100%") }
    }

    @Test func buildsRequestsInProcessAsTheServerWould() throws {
        let request = try HTTPRequest(method: .get, target: "/v1/search?q=sco+summit")
        #expect(request.path == "/v1/search")
        #expect(request.query.first("q") == "sco summit")
        #expect(throws: HTTPParseError.self) { try HTTPRequest(target: "/bad%") }
    }
}
