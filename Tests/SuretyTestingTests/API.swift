import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SuretyEmulator
import SuretyTesting

/// The requests the tests send through a session's `URLSession`, as a client of the API would.
enum API {
    static let tenant = BuiltInFixtures.tenantA
    static let policy = BuiltInFixtures.policyA1
    static let token = "surety-token"
    static let changeBody = #"[{"action": "params", "effectiveTime": "2024-09-21T00:00:00Z"}, {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "2T1BURHE0JC012345"}}}]"#

    /// Sends `method path` with the built-in token and an optional JSON body; the status and the JSON object answered.
    static func send(_ session: SuretySession, _ method: String, _ path: String, json: String? = nil,
                     token: String = token) async throws -> (status: Int, body: [String: Any]) {
        var request = URLRequest(url: session.baseURL.appendingPathComponent(path))
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await session.urlSession.data(for: request)
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, object)
    }

    /// Creates the change that adds a vehicle to the first built-in policy; its locator.
    static func createChange(_ session: SuretySession) async throws -> (status: Int, locator: String?) {
        let answer = try await send(session, "PATCH", "/policy/\(tenant)/policies/\(policy)/change", json: changeBody)
        return (answer.status, answer.body["locator"] as? String)
    }
}
