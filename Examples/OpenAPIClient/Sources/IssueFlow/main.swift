import Foundation
import HTTPTypes
import OpenAPIRuntime
import OpenAPIURLSession
import SuretyAPI

// The terms → change → price → issue flow through the generated client, against the base URL given as the only
// argument (`surety serve --emulate`), with the built-in fixtures' tenant and token. Surety writes every date-time with
// microseconds (as the platform does), so the client uses the runtime's standard `.iso8601WithFractionalSeconds`
// transcoder; its default `.iso8601` reads no fraction. Exits 1 unless every call answers its typed success and the
// change ends issued.

/// Adds the bearer token to every request.
struct BearerToken: ClientMiddleware {
    let token: String

    func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                   next: (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.authorization] = "Bearer \(token)"
        return try await next(request, body, baseURL)
    }
}

func fail(_ message: String) -> Never {
    print("swift client: \(message)")
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count == 2, let serverURL = URL(string: arguments[1]) else { fail("usage: IssueFlow BASE_URL") }
let client = Client(serverURL: serverURL, configuration: Configuration(dateTranscoder: .iso8601WithFractionalSeconds),
                    transport: URLSessionTransport(), middlewares: [BearerToken(token: "surety-token")])
let tenant = "5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001"
let policy = "01J6A00000000000000000PA02"

let terms = try await client.fetchTermsForPolicy(path: .init(tenantLocator: tenant, locator: policy), query: .init(extended: true))
guard case .ok(let termsOK) = terms, case .TermListResponse(let page) = try termsOK.body.json, let start = page.items.first?.startTime else {
    fail("fetchTermsForPolicy answered \(terms)")
}
let instruction = Components.Schemas.ParamsChangeInstructionCreateRequest(effectiveTime: start, action: .params)
let change = try await client.changePolicy(path: .init(tenantLocator: tenant, locator: policy),
                                           body: .json([.params(instruction)]))
guard case .ok(let changeOK) = change else { fail("changePolicy answered \(change)") }
let created = try changeOK.body.json
let priced = try await client.priceTransaction(path: .init(tenantLocator: tenant, locator: created.locator))
guard case .ok = priced else { fail("priceTransaction answered \(priced)") }
let issued = try await client.issueTransaction(path: .init(tenantLocator: tenant, locator: created.locator))
guard case .ok(let issuedOK) = issued else { fail("issueTransaction answered \(issued)") }
let transaction = try issuedOK.body.json
guard transaction.transactionState == Components.Schemas.PolicyTransactionResponse.transactionStatePayload.issued else { fail("the change is \(transaction.transactionState), not issued") }
print("swift client: terms -> change \(created.locator) -> priced -> issued (\(transaction.createdAt))")
