// usage: intercept-bench CONTRACTS SERVE-URL REQUESTS ROUNDS
// Times REQUESTS sequential GETs of one transaction, best of ROUNDS, through URLSession both ways: intercepted by a
// SuretyTesting session in `.mock` mode (no socket), and over loopback to `surety serve --mock` at SERVE-URL.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SuretyTesting

let arguments = CommandLine.arguments
guard arguments.count == 5, let serveURL = URL(string: arguments[2]), let requests = Int(arguments[3]), let rounds = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: intercept-bench CONTRACTS SERVE-URL REQUESTS ROUNDS\n".utf8))
    exit(64)
}
let path = "/policy/5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001/transactions/01J6A00000000000000000PA01"

/// The best round's nanoseconds per request of `requests` GETs to `base` through `session`.
func measure(_ session: URLSession, base: URL) async throws -> Double {
    var request = URLRequest(url: base.appendingPathComponent(path))
    request.setValue("Bearer bench", forHTTPHeaderField: "Authorization")
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        for _ in 0..<requests {
            let (_, response) = try await session.data(for: request)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw URLError(.badServerResponse) }
        }
        let elapsed = ContinuousClock.now - start
        best = min(best, Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9)
    }
    return best / Double(requests)
}

let surety = try SuretySession(.mock, contractsDirectory: arguments[1])
let loopback = URLSession(configuration: .ephemeral)
_ = try await measure(surety.urlSession, base: surety.baseURL)  // warm-up: the contract's checker and the mock's cache
let inProcess = try await measure(surety.urlSession, base: surety.baseURL)
let overLoopback = try await measure(loopback, base: serveURL)
print(String(format: "BENCH kind=intercept in_process_us=%.1f loopback_us=%.1f ratio=%.2f requests=%d rounds=%d",
             inProcess / 1000, overLoopback / 1000, overLoopback / inProcess, requests, rounds))
