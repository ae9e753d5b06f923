import Testing
import SuretyHTTPCore

@Suite struct HTTPResponseProblemTests {
    @Test func aProblemResponseUsesTheProjectErrorShape() {
        let response = HTTPResponse.problem(status: .badRequest, title: "Malformed request line")
        #expect(response.status == .badRequest)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"title":"Malformed request line","status":400,"violations":[]}"#)
    }

    @Test func theTitleIsEscapedAsAJSONString() {
        let response = HTTPResponse.problem(status: 500, title: "a\"b\\c\nd\u{1}é")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"title":"a\"b\\c\nd\u0001é","status":500,"violations":[]}"#)
    }

    @Test func everyParseErrorMapsToItsStatus() {
        let expected: [(HTTPParseError, Int, Bool)] = [
            (.requestLineTooLong(limit: 1), 414, true), (.headersTooLarge(limit: 1), 431, true),
            (.tooManyHeaders(limit: 1), 431, true), (.bodyTooLarge(limit: 1), 413, true),
            (.unsupportedTransferEncoding, 501, true), (.unsupportedVersion(.init(major: 2, minor: 0)), 505, true),
            (.invalidChunkSize, 400, true), (.missingHost, 400, false), (.invalidTarget, 400, false),
            (.unsupportedExpectation, 417, false),
        ]
        for (error, status, closes) in expected {
            #expect(error.status.code == status, "\(error)")
            #expect(error.closesConnection == closes, "\(error)")
            let response = HTTPResponse(parseError: error)
            #expect(String(decoding: response.body, as: UTF8.self).contains(#""status":\#(status)"#))
        }
    }
}
