import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SuretyTestSupport
import SuretyTesting
import Testing

/// The contract is the test oracle: every request and every answer is checked, and what breaks it fails the test
/// with the endpoint, the pointer, the rule, expected and actual, and the place in the contract.
struct OracleTests {
    @Test(.surety(.emulate))
    func aMalformedLocatorFailsTheTestWithThePointerRuleAndContractLocation() async throws {
        let surety = try #require(SuretySession.current)
        try await withKnownIssue {
            let answer = try await API.send(surety, "GET", "/policy/\(API.tenant)/transactions/not-a-locator")
            #expect(answer.status == 400)
            surety.reportFindings()
        } matching: { issue in
            issue.comments.contains { comment in
                let text = comment.rawValue
                return text.contains("GET /policy/\(API.tenant)/transactions/not-a-locator → 400, endpoint fetchTransaction (")
                    && text.contains("policy-transactions.json:") && text.contains("path /locator: format: expected locator, got \"not-a-locator\"")
            }
        }
    }

    @Test(.surety(.emulate))
    func aViolationMessageShowsNoSecretOfTheRequest() async throws {
        let surety = try #require(SuretySession.current)
        try await withKnownIssue {
            let url = URL(string: surety.baseURL.absoluteString + "/policy/\(API.tenant)/transactions/not-a-locator?access_token=s3cr3t-value")!
            var request = URLRequest(url: url)
            request.setValue("Bearer \(API.token)", forHTTPHeaderField: "Authorization")
            let (_, response) = try await surety.urlSession.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 400)
            surety.reportFindings()
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("access_token=[redacted") && !$0.rawValue.contains("s3cr3t-value") }
        }
    }

    @Test(.surety(.emulate, onViolation: .log))
    func aTestThatAsksOnlyToLogItsViolationsIsNotFailed() async throws {
        let surety = try #require(SuretySession.current)
        let answer = try await API.send(surety, "GET", "/policy/\(API.tenant)/transactions/not-a-locator")
        #expect(answer.status == 400)
        #expect(surety.findings.count == 1)
    }

    @Test(.surety(.mock))
    func aStubWhoseResponseBreaksTheContractIsRefusedWithItsViolations() throws {
        let surety = try #require(SuretySession.current)
        let stub = Stub("GET", "/policy/{tenantLocator}/transactions/{locator}", json: #"{"transactionState": 42}"#)
        #expect {
            try surety.pin(stub)
        } throws: { error in
            guard case .stubRefused(let name, let violations) = error as? SuretyTestingError else { return false }
            return name == "GET /policy/{tenantLocator}/transactions/{locator}"
                && violations.contains { $0.hasPrefix("fetchTransaction: responseBody /transactionState: type: expected") }
        }
        #expect(throws: SuretyTestingError.self) { try surety.pin(Stub("GET", "/nowhere/{x}", json: "{}")) }
    }

    @Test(.surety(.mock))
    func aBrokenStubPinnedWithAllowInvalidHasItsAnswerReported() async throws {
        let surety = try #require(SuretySession.current)
        try surety.pin(Stub("GET", "/policy/{tenantLocator}/transactions/{locator}", json: #"{"transactionState": 42}"#, allowInvalid: true))
        try await withKnownIssue {
            let answer = try await API.send(surety, "GET", "/policy/\(API.tenant)/transactions/\(API.policy)")
            #expect(answer.status == 200)
            surety.reportFindings()
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("responseBody /transactionState: type: expected") }
        }
    }

    @Test(.surety(.replay(TestRepository.root + "/recordings")))
    func aReplayMissReportsTheNearestRecordings() async throws {
        let surety = try #require(SuretySession.current)
        let other = "01J8Z3K6Q4M7N2P5R8T1V4W7XB"
        try await withKnownIssue {
            let answer = try await API.send(surety, "GET", "/policy/\(ModeTests.recordedTenant)/transactions/\(other)")
            #expect(answer.status == 404)
            surety.reportFindings()
        } matching: { issue in
            issue.comments.contains { comment in
                comment.rawValue.hasPrefix("replay miss: GET /policy/\(ModeTests.recordedTenant)/transactions/\(other) matches no recording")
                    && comment.rawValue.contains("1. fetchTransaction/000001-4ffa378d.json: ")
            }
        }
    }
}
