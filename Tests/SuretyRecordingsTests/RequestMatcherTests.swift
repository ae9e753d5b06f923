import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import Testing
@testable import SuretyRecordings

@Suite struct RequestMatcherTests {
    let matcher = RequestMatcher(checker: TestContract.checker)

    /// Whether two requests get the same key.
    func same(_ lhs: HTTPRequest, _ rhs: HTTPRequest, options: RequestMatcher.Options = .init()) -> Bool {
        let matcher = RequestMatcher(checker: TestContract.checker, options: options)
        return matcher.key(for: lhs) == matcher.key(for: rhs)
    }

    @Test("The key names the endpoint and path parameters the router found")
    func routedKey() {
        let key = matcher.key(for: Sample.termsList("count=10&offset=0"))
        #expect(key.route == .endpoint("fetchTermsForPolicy"))
        #expect(key.pathParameters == [.init(name: "locator", value: Sample.policy), .init(name: "tenantLocator", value: Sample.tenant)])
        #expect(key.description == "GET fetchTermsForPolicy {locator=\(Sample.policy), tenantLocator=\(Sample.tenant)} ?count=10&offset=0")
    }

    @Test("Query order does not matter, but repeated values and a missing = do")
    func queryOrder() {
        #expect(same(Sample.termsList("offset=0&count=10"), Sample.termsList("count=10&offset=0")))
        #expect(same(Sample.termsList("a=1&a=2"), Sample.termsList("a=2&a=1")))
        #expect(!same(Sample.termsList("a=1&a=1"), Sample.termsList("a=1")))
        #expect(!same(Sample.termsList("flag"), Sample.termsList("flag=")))
        #expect(same(Sample.termsList("name=a%20b"), Sample.termsList("name=a+b")))
    }

    @Test("JSON bodies match by meaning: key order and number spelling are ignored, array order is not")
    func jsonSemantics() {
        #expect(same(Sample.addElements(#"{"a":1,"b":{"c":true,"d":null}}"#), Sample.addElements(#"{ "b": {"d":null,"c":true}, "a": 1 }"#)))
        #expect(same(Sample.addElements(#"{"amount":1.0,"rate":0.50}"#), Sample.addElements(#"{"amount":1,"rate":0.5}"#)))
        #expect(!same(Sample.addElements("[1,2]"), Sample.addElements("[2,1]")))
        #expect(!same(Sample.addElements(#"{"a":"1"}"#), Sample.addElements(#"{"a":1}"#)))
        #expect(!same(Sample.addElements(#"{"a":1}"#), Sample.addElements(#"{"a":1,"b":null}"#)))
    }

    @Test("Non-JSON bodies match byte for byte, and an empty body differs from any other")
    func otherBodies() {
        var text = Sample.addElements("")
        text.body = Array("plain text".utf8)
        var other = text
        other.body = Array("plain  text".utf8)
        #expect(!same(text, other))
        #expect(same(text, text))
        #expect(!same(Sample.addElements(""), Sample.addElements("{}")))
    }

    @Test("Method, path parameters and endpoint are part of the key")
    func identity() {
        var post = Sample.termsList()
        post.method = .post
        #expect(!same(post, Sample.termsList()))
        #expect(!same(Sample.addElements("{}"), Sample.addElements("{}", transaction: "01HZY3K5Q8M2N4P6R8T0V2X4Z9")))
    }

    @Test("Ignored query parameters and body pointers (with wildcards) leave the key")
    func ignores() {
        let options = RequestMatcher.Options(ignoredQueryParameters: ["requestId"],
                                             ignoredBodyPointers: [PointerPattern(parsing: "/items/*/createdAt")!, PointerPattern(parsing: "/nonce")!])
        #expect(same(Sample.termsList("count=1&requestId=1"), Sample.termsList("requestId=2&count=1"), options: options))
        #expect(!same(Sample.termsList("count=1&requestId=1"), Sample.termsList("count=2&requestId=1"), options: options))
        #expect(same(Sample.addElements(#"{"nonce":1,"items":[{"id":1,"createdAt":"x"},{"id":2,"createdAt":"y"}]}"#),
                     Sample.addElements(#"{"items":[{"id":1,"createdAt":"z"},{"createdAt":"w","id":2}],"nonce":2}"#), options: options))
        #expect(!same(Sample.addElements(#"{"items":[{"id":1}]}"#), Sample.addElements(#"{"items":[{"id":2}]}"#), options: options))
    }

    @Test("Headers take part only when named, and redacted ones never do")
    func headers() {
        let json = Sample.termsList(headers: ["Accept": "application/json", "User-Agent": "a"])
        let xml = Sample.termsList(headers: ["accept": "application/xml", "User-Agent": "b"])
        #expect(same(json, xml))
        #expect(!same(json, xml, options: .init(matchedHeaders: ["Accept"])))
        let options = RequestMatcher.Options(matchedHeaders: ["Accept", "Authorization"]).ignoringRedacted(by: .default)
        #expect(options.matchedHeaders == ["Accept"])
    }

    @Test("Without a route, the key is the method and the path")
    func unrouted() {
        let key = matcher.key(for: HTTPRequest(target: "/no/such/route?b=2&a=1"))
        #expect(key.route == .unrouted(path: "/no/such/route"))
        #expect(key.description == "GET /no/such/route ?a=1&b=2")
        #expect(RequestMatcher(checker: nil).key(for: Sample.termsList()).route == .unrouted(path: Sample.termsList().path))
    }

    @Test("The key's description is stable: the body appears as a fixed FNV-1a hash of its canonical form")
    func stableDescription() {
        let key = matcher.key(for: Sample.addElements(#"{"b":1,"a":2}"#))
        #expect(key.description.hasSuffix(" body:json:" + StableHash(Array(#"{"a":2,"b":1}"#.utf8)).hex()))
        #expect(StableHash(Array("a".utf8)).hex() == "af63dc4c8601ec8c")
    }

    @Test("Differences name each query parameter, path parameter and body pointer that differs")
    func differences() {
        let recorded = matcher.key(for: Sample.addElements(#"{"a":1,"list":[1,2],"gone":true}"#))
        let requested = matcher.key(for: Sample.addElements(#"{"a":2,"list":[1],"new":"x"}"#, transaction: "01HZY3K5Q8M2N4P6R8T0V2X4Z9"))
        #expect(recorded.differences(to: requested).map(\.description) == [
            "path locator: recorded \(Sample.transaction), requested 01HZY3K5Q8M2N4P6R8T0V2X4Z9",
            "body /a: recorded 1, requested 2",
            "body /gone: recorded true, requested absent",
            "body /list/1: recorded 2, requested absent",
            "body /new: recorded absent, requested \"x\"",
        ])
        let query = matcher.key(for: Sample.termsList("count=1&flag")).differences(to: matcher.key(for: Sample.termsList("count=2&extra=x")))
        #expect(query.map(\.description) == ["query count: recorded 1, requested 2", "query extra: recorded absent, requested x",
                                             "query flag: recorded (no value), requested absent"])
        #expect(recorded.differences(to: recorded).isEmpty)
    }
}
