import SuretyConformance
import Testing

/// Which `Content-Type` values name JSON: `application/json` or an `application/…+json`, in any letter case, with
/// parameters and blanks around it.
@Suite struct JSONMediaTypeTests {
    @Test("JSON media types are recognised whatever their case, parameters and surrounding blanks", arguments: [
        "application/json", "APPLICATION/JSON", "Application/Json; charset=utf-8", " application/json ", "\tapplication/json\t;q=1",
        "application/problem+json", "application/vnd.api+JSON;x=1", "application/+json",
    ])
    func json(_ value: String) {
        #expect(ExchangeChecker.isJSON(value))
    }

    @Test("everything else is not JSON", arguments: [
        "", ";", "text/json", "application/jsonx", "application/json-patch", "application/ json", "applicationjson",
        "text/plain; application/json", "application/xml+jsonx", "аpplication/json" /* a Cyrillic а */, "application/jſon",
    ])
    func notJSON(_ value: String) {
        #expect(!ExchangeChecker.isJSON(value))
    }
}
