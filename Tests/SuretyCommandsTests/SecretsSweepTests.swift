import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyRecordings
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// One secret of each kind sent through record, proxy, emulate and check; then no file or log the run wrote holds any.
@Suite("the secrets sweep")
struct SecretsSweepTests {
    /// One secret per kind: a bearer token, a cookie, a `*-Auth-Token` header, `X-Api-Key`, two query parameters, and
    /// three JSON members at two depths.
    static let secrets = (1...9).map { "sweep-secret-\($0)-7f3a9c" }
    static let tenant = "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
    static let headers = ["Authorization": "Bearer \(secrets[0])", "Cookie": "sid=\(secrets[1])", "X-Auth-Token": secrets[2],
                          "X-Api-Key": secrets[3], "Content-Type": "application/json"]
    static let query = "?access_token=\(secrets[4])&apiKey=\(secrets[5])&offset=0&count=1"
    static let body = #"{"password": "\#(secrets[6])", "nested": {"secret": "\#(secrets[7])", "items": [{"token": "\#(secrets[8])"}]}}"#
    static let listing = "/policy/\(tenant)/policies/01HZY3K5Q8M2N4P6R8T0V2X4Z6/terms/list"
    static let elements = "/policy/\(tenant)/transactions/01HZY3K5Q8M2N4P6R8T0V2X4Z7/elements"

    /// Sends the two secret-bearing requests to a server.
    func sendSecrets(to base: String) async throws {
        _ = try await URLSessionClient.send(base + Self.listing + Self.query, headers: Self.headers)
        _ = try await URLSessionClient.send(base + Self.elements + Self.query, method: "PUT", headers: Self.headers, body: Array(Self.body.utf8))
    }

    func start(_ arguments: [String]) async throws -> (RunningProcess, String) {
        let process = try RunningProcess(arguments: ["serve", "--port", "0", "--contracts", TestRepository.contracts] + arguments)
        let line = try #require(await process.readLine(timeout: 60), "serve printed its address")
        return (process, try #require(line.split(separator: " ").last.map(String.init)))
    }

    @Test("no secret of the sweep reaches a recording, HAR export, request log, violation list, check or diff report",
          .timeLimit(.minutes(3)))
    func sweep() async throws {
        let directory = try TestRepository.temporaryDirectory("surety-secrets-sweep")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = directory + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var written: [String: String] = [:]

        let (upstream, upstreamURL) = try await start(["--no-auth", "--admin-token", "sweep-admin"])
        let (recorder, recorderURL) = try await start(["--record", out + "/recorded", "--upstream", upstreamURL, "--admin-token", "sweep-admin"])
        let (proxy, proxyURL) = try await start(["--proxy", upstreamURL, "--log-format", "json", "--admin-token", "sweep-admin"])
        let (emulator, emulatorURL) = try await start(["--emulate", "--no-auth"])
        for (name, base, admin) in [("upstream", upstreamURL, "sweep-admin"), ("recorder", recorderURL, "sweep-admin"),
                                    ("proxy", proxyURL, "sweep-admin"), ("emulator", emulatorURL, "surety-admin")] {
            try await sendSecrets(to: base)
            written["\(name) violations"] = try await URLSessionClient.send(base + "/__surety/violations",
                                                                            headers: ["Authorization": "Bearer \(admin)"]).text
        }
        for (name, process) in [("recorder", recorder), ("proxy", proxy), ("emulator", emulator), ("upstream", upstream)] {
            let (status, log) = await process.stop()
            #expect(status == 0)
            written["\(name) log"] = log
        }

        // Recordings that hold the secrets (written without redaction), read by check, diff and har export.
        let raw = try RecordingStore(directory: directory + "/raw", redaction: .none)
        let checker = ExchangeChecker(contract: TestRepository.contract)
        for request in [HTTPRequest(method: .get, target: Self.listing + Self.query, headers: HTTPFields(Self.headers.map { ($0.key, $0.value) })),
                        HTTPRequest(method: .put, target: Self.elements + Self.query, headers: HTTPFields(Self.headers.map { ($0.key, $0.value) }),
                                    body: Array(Self.body.utf8))] {
            let response = HTTPResponse(status: .ok, headers: ["Set-Cookie": "sid=\(Self.secrets[1])"], jsonText: Self.body)
            _ = try raw.write(Exchange(request: request, response: response, checker: checker))
        }
        let contracts = ["--contracts", TestRepository.contracts]
        for arguments in [["check", "--recordings", directory + "/raw", "--report", "json:\(out)/check.json", "--report", "junit:\(out)/check.xml"],
                          ["check", "--recordings", out + "/recorded"],
                          ["diff", directory + "/raw", out + "/recorded"], ["diff", directory + "/raw", out + "/recorded", "--format", "json"],
                          ["har", "export", directory + "/raw", out + "/raw.har"], ["har", "export", out + "/recorded", out + "/recorded.har"],
                          ["har", "import", out + "/raw.har", out + "/imported"]] {
            let result = await surety(arguments + contracts)
            written[arguments.prefix(2).joined(separator: " ") + " output"] = result.out + result.err
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: out).filter { !$0.hasSuffix("/") }
        #expect(files.contains { $0.hasPrefix("recorded/") } && files.contains("raw.har") && files.contains("check.json"))
        for file in files {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: out + "/" + file, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            written[file] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out + "/" + file)), as: UTF8.self)
        }
        #expect(written.count > 15)
        for (name, text) in written.sorted(by: { $0.key < $1.key }) {
            let leaked = Self.secrets.filter { text.contains($0) }
            #expect(leaked.isEmpty, "\(name) holds \(leaked): \(text.prefix(3_000))")
        }
    }
}
