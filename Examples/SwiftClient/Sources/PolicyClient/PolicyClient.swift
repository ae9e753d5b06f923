import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A tiny client of the policy API: fetch a transaction, create a change, price and issue it, read its installments.
public struct PolicyClient: Sendable {
    /// A policy transaction as the client reads it.
    public struct Transaction: Decodable, Sendable {
        /// The transaction's locator.
        public var locator: String
        /// Where it stands: `draft`, `priced`, `issued`…
        public var transactionState: String
    }

    /// One installment of a transaction's billing.
    public struct Installment: Decodable, Sendable {
        /// The installment's locator.
        public var locator: String
        /// When it falls due.
        public var dueTime: String
    }

    /// What the API answered when it was not a success.
    public struct Failure: Error, Sendable {
        /// The status code.
        public var status: Int
    }

    /// The API's base URL.
    public var baseURL: URL
    /// The tenant the client acts for.
    public var tenant: String
    /// The bearer token.
    public var token: String
    /// The session requests go through.
    public var session: URLSession

    /// Creates a client.
    public init(baseURL: URL, tenant: String, token: String, session: URLSession = .shared) {
        self.baseURL = baseURL
        self.tenant = tenant
        self.token = token
        self.session = session
    }

    /// `GET /policy/{tenant}/transactions/{locator}`.
    public func fetchTransaction(_ locator: String) async throws -> Transaction {
        try await send("GET", "/policy/\(tenant)/transactions/\(locator)")
    }

    /// `PATCH /policy/{tenant}/policies/{policy}/change`: a draft change adding a vehicle from `effectiveTime`.
    public func createChange(policy: String, addingVehicle vin: String, effectiveTime: String) async throws -> Transaction {
        let body = #"[{"action": "params", "effectiveTime": "\#(effectiveTime)"}, {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "\#(vin)"}}}]"#
        return try await send("PATCH", "/policy/\(tenant)/policies/\(policy)/change", body: body)
    }

    /// `PATCH /policy/{tenant}/transactions/{locator}/price`.
    public func price(_ locator: String) async throws -> Transaction {
        try await send("PATCH", "/policy/\(tenant)/transactions/\(locator)/price")
    }

    /// `PATCH /policy/{tenant}/transactions/{locator}/issue`.
    public func issue(_ locator: String) async throws -> Transaction {
        try await send("PATCH", "/policy/\(tenant)/transactions/\(locator)/issue")
    }

    /// `GET /billing/{tenant}/installments/transactions/{locator}/list`.
    public func installments(of locator: String) async throws -> [Installment] {
        try await send("GET", "/billing/\(tenant)/installments/transactions/\(locator)/list")
    }

    private func send<Answer: Decodable>(_ method: String, _ path: String, body: String? = nil) async throws -> Answer {
        var request = URLRequest(url: baseURL.appendingPathComponent(path))
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else { throw Failure(status: status) }
        return try JSONDecoder().decode(Answer.self, from: data)
    }
}
