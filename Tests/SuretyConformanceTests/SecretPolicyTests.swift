import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import Testing

/// The one redaction policy: which names are secret, and how values keep their shape.
@Suite("the secret policy")
struct SecretPolicyTests {
    @Test("credential headers and names holding token, secret, key, password or auth are secret, any case; others are not")
    func names() {
        for name in ["Authorization", "proxy-authorization", "Cookie", "Set-Cookie", "X-Api-Key", "X-Auth-Token", "access_token", "apiKey",
                     "password", "clientSecret", "OAuth"] {
            #expect(SecretPolicy.default.isSecret(name), "\(name)")
        }
        for name in ["Accept", "Content-Type", "offset", "locator", "vin"] {
            #expect(!SecretPolicy.default.isSecret(name), "\(name)")
        }
    }

    @Test("--redact adds a name and --keep exempts one, even a built-in; none redacts only what was added")
    func addAndKeep() {
        var policy = SecretPolicy.default
        policy.redact(name: "X-Session")
        policy.keep(name: "apiKey")
        #expect(policy.isSecret("x-session") && !policy.isSecret("APIKEY") && policy.isSecret("Authorization"))
        var none = SecretPolicy.none
        #expect(!none.isSecret("Authorization"))
        none.redact(name: "vin")
        #expect(none.isSecret("vin"))
    }

    @Test("a redacted value keeps a stable fingerprint, so two tokens differ, and redacting twice changes nothing")
    func fingerprints() {
        let one = SecretPolicy.redacted("Bearer a"), two = SecretPolicy.redacted("Bearer b")
        #expect(one.hasPrefix("[redacted:") && one.count == "[redacted:]".count + SecretPolicy.fingerprintDigits)
        #expect(one != two && one == SecretPolicy.redacted("Bearer a") && SecretPolicy.redacted(one) == one)
    }

    @Test("a target's secret query values are redacted and every other byte is kept")
    func target() {
        let redacted = SecretPolicy.default.redact(target: "/a?offset=1&access_token=abc%20d&apiKey=k&flag")
        #expect(redacted == "/a?offset=1&access_token=\(SecretPolicy.redacted("abc d"))&apiKey=\(SecretPolicy.redacted("k"))&flag")
        #expect(SecretPolicy.default.redact(target: "/a?offset=1") == "/a?offset=1")
    }

    @Test("JSON members of secret names are redacted at any depth, whatever their type; a body without one keeps its bytes")
    func json() throws {
        let body = Array(#"{"user": "ann", "password": "p", "deep": [{"token": 42}, {"auth": {"x": 1}}]}"#.utf8)
        let redacted = try JSONParser().parse(SecretPolicy.default.redact(body: body)).value()
        #expect(redacted["user"] == "ann")
        #expect(redacted["password"] == .string(SecretPolicy.redacted("p")))
        #expect(redacted["deep"]?[0]?["token"] == .string(SecretPolicy.redacted("42")))
        #expect(redacted["deep"]?[1]?["auth"] == .string(SecretPolicy.redacted(#"{"x":1}"#)))
        let plain = Array("{ \"user\" : 1 }".utf8)
        #expect(SecretPolicy.default.redact(body: plain) == plain)
    }

    @Test("a violation quoting a secret header, parameter or member shows the marker instead")
    func violations() {
        let violation = Violation(part: .body, pointer: JSONPointer(tokens: ["nested", "password"]), rule: Violation.Rule(rawValue: "type"), expected: "integer", actual: "\"hunter2\"")
        #expect(SecretPolicy.default.redact(violation).actual == SecretPolicy.marker)
        let other = Violation(part: .body, pointer: JSONPointer(tokens: ["count"]), rule: Violation.Rule(rawValue: "type"), expected: "integer", actual: "\"x\"")
        #expect(SecretPolicy.default.redact(other) == other)
    }
}
