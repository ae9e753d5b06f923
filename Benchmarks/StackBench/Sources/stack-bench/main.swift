// One request at a time through what `surety serve --mock --quiet` runs on its event loop for each request, with no
// socket: the HTTP parser, the serve stack (admin, validation, mock) and the response serializer.
//
// usage: stack-bench CONTRACTS [REQUESTS [ROUNDS [PATH]]]   prints the best round's nanoseconds per request
import Foundation
import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyServing

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: stack-bench CONTRACTS [REQUESTS [ROUNDS [PATH]]]\n".utf8))
    exit(64)
}
let requests = arguments.count > 2 ? Int(arguments[2]) ?? 200_000 : 200_000
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
let path = arguments.count > 4 ? arguments[4] : "/policy/5f0c4e3a-8b2d-4c1e-9a7f-3d6b2e1c0a94/transactions/01J8Z3K6Q4M7N2P5R8T1V4W7XA"

let contract: Contract
do {
    contract = try ContractLoader().load(directory: arguments[1]).contract
} catch {
    FileHandle.standardError.write(Data("stack-bench: \(error)\n".utf8))
    exit(2)
}
let checker = ExchangeChecker(contract: contract)
var stack = ServeStack(mode: .mock(MockResponder(checker: checker)), checker: checker)
stack.door = .token("stack-bench")
// `surety serve` on loopback answers CORS by default; CORS=0 measures the stack without that layer.
stack.cors = ProcessInfo.processInfo.environment["CORS"] == "0" ? .off : .anyOrigin
guard let responder = stack.assemble() as? any SynchronousResponder else {
    FileHandle.standardError.write(Data("stack-bench: the mock stack lost its synchronous path\n".utf8))
    exit(1)
}
/// One connection's worth of state: the parser, the stack and an output buffer reused for every response.
struct StackRun {
    let responder: any SynchronousResponder
    let wire: [UInt8]
    let serializer = HTTPResponseSerializer()
    var parser = HTTPRequestParser()
    var output: [UInt8] = []

    init(responder: any SynchronousResponder, path: String) {
        self.responder = responder
        wire = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:4010\r\nAccept: application/json\r\n\r\n".utf8)
        output.reserveCapacity(16 * 1024)
    }

    /// Parses the request, answers it and serializes the answer; returns the status code.
    mutating func answerOnce() -> Int {
        parser.append(contentsOf: wire)
        guard case .request(let request)? = parser.next() else { return 0 }
        let response = responder.respondSynchronously(to: request)
        output.removeAll(keepingCapacity: true)
        serializer.write(response, context: .init(requestMethod: request.method, requestVersion: request.version,
                                                  closesConnection: false, date: "Tue, 01 Dec 2026 22:00:00 GMT"), into: &output)
        return response.status.code
    }
}

var run = StackRun(responder: responder, path: path)
let status = run.answerOnce()
guard status == 200 else {
    FileHandle.standardError.write(Data("stack-bench: \(path) answered \(status), not 200\n".utf8))
    exit(1)
}
for _ in 0..<2_000 { _ = run.answerOnce() }  // a fixed warm-up, so two runs differ by their counted requests only
var best = Double.infinity
for _ in 0..<rounds {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<requests { _ = run.answerOnce() }
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(max(requests, 1)))
}
print("BENCH kind=stack path=\(path) requests=\(requests) rounds=\(rounds) ns_per_request=\(Int(best.rounded())) response_bytes=\(run.output.count)")
