import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import Testing
import SuretyTestSupport

@Suite("Negative probes expect refusals")
struct NegativeProbeTests {
    static let tokens = GeneratedBackend.Authentication(permissions: [
        "good": Set(RunnerFixtures.contract.endpoints.flatMap(\.security.qualifiedPermissions)),
        "powerless": [],
    ])

    @Test("a backend that checks tokens passes no-token and no-permission on every endpoint")
    func tokensPass() async {
        let backend = GeneratedBackend(contract: RunnerFixtures.contract, authentication: Self.tokens)
        let report = await RunnerFixtures.run(backend, options: .init(token: "good", tokenWithoutPermission: "powerless"))
        #expect(report.conforms, "\(report.failures.prefix(3))")
        let count = RunnerFixtures.contract.endpoints.count
        #expect(report.results.filter { $0.origin == .negative(.noToken) && $0.status == 401 }.count == count)
        #expect(report.results.filter { $0.origin == .negative(.noPermission) && $0.status == 403 }.count == count)
    }

    @Test("a backend that ignores tokens fails no-token with expectedStatus on every endpoint")
    func ignoredTokenFails() async {
        let report = await RunnerFixtures.run(GeneratedBackend(contract: RunnerFixtures.contract), options: .init(token: "anything"))
        let failures = report.failures
        #expect(failures.count == RunnerFixtures.contract.endpoints.count)
        #expect(failures.allSatisfy { $0.origin == .negative(.noToken) && $0.violations.first(where: \.isError)?.rule == .expectedStatus })
        #expect(failures.first?.violations.first(where: \.isError)?.expected == "401 without an Authorization field")
    }

    @Test("token probes do not run without the tokens they need")
    func tokenProbesNeedTokens() async {
        let report = await RunnerFixtures.run(GeneratedBackend(contract: RunnerFixtures.contract))
        #expect(report.negativeProbes == [.malformedTenant, .malformedLocator, .unknownLocator])
        #expect(!report.results.contains { $0.origin == .negative(.noToken) || $0.origin == .negative(.noPermission) })
    }

    @Test("a backend that answers 200 to a malformed tenant fails malformed-tenant")
    func acceptingMalformedTenantFails() async throws {
        let contract = RunnerFixtures.contract
        let generated = GeneratedBackend(contract: contract)
        let lenient = CallbackResponder { request in
            let fixed = request.target.replacingOccurrences(of: ConformanceRunner.malformedTenant, with: "00000000-0000-4000-8000-000000000000")
            var rewritten = request
            rewritten.target = fixed
            return await generated.respond(to: rewritten)
        }
        let report = await RunnerFixtures.run(lenient, options: .init(negativeProbes: [.malformedTenant]))
        let failures = report.failures
        #expect(failures.count == contract.endpoints.count)
        let errors = failures.first?.violations.filter(\.isError) ?? []
        let violation = try #require(errors.first)
        #expect(violation.rule == .expectedStatus)
        #expect(violation.expected == "a 4xx for a tenantLocator that is not a UUID")
        #expect(violation.actual == "200")
    }

    @Test("an unknown reference must give an empty list where the contract says so, not 404")
    func emptyListEndpoints() async throws {
        let contract = RunnerFixtures.contract
        let backend = TamperingResponder(inner: GeneratedBackend(contract: contract), endpointID: nil) { $0 }
        let notFound = CallbackResponder { request in
            if request.target.contains(ConformanceRunner.unknownLocator) {
                return Problem(status: .notFound, title: "No such locator").response
            }
            return await backend.respond(to: request)
        }
        let report = await RunnerFixtures.run(notFound, options: .init(negativeProbes: [.unknownLocator]))
        let emptyListEndpoints = contract.endpoints.filter { $0.list?.unknownReference == .emptyList }.map(\.id)
        #expect(!emptyListEndpoints.isEmpty)
        #expect(report.failures.compactMap(\.endpointID).sorted() == emptyListEndpoints.sorted())
        #expect(report.failures.first?.violations.first(where: \.isError)?.rule == .expectedStatus)
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
