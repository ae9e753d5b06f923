import Foundation
import SuretyEmulator
import SuretyJSON
import SuretyTestSupport
import Testing

/// The admin door over real sockets: every route under `/__surety/` but health needs the admin credential.
@Suite("the admin door of surety serve")
struct AdminDoorProcessTests {
    /// The admin routes that change or reveal state, with a body where one is needed.
    static let emulatorRoutes: [(method: String, path: String, body: String?)] = [
        ("POST", "/__surety/fixtures", #"{"tenants": [], "tokens": [{"token": "mine", "userLocator": "0b7e6f4c-1d2a-4c3b-8e9f-0000000000ff", "tenants": ["*"], "permissions": ["*", "surety.admin"]}]}"#),
        ("POST", "/__surety/reset", nil), ("GET", "/__surety/clock", nil), ("POST", "/__surety/clock", #"{"advanceSeconds": 1}"#),
        ("GET", "/__surety/violations", nil), ("GET", "/__surety/routes", nil),
    ]

    /// Starts `surety serve` and returns it, its base URL and the lines it printed after the address.
    func start(_ arguments: [String], extraLines: Int) async throws -> (RunningProcess, String, [String]) {
        let process = try RunningProcess(arguments: ["serve", "--port", "0", "--quiet", "--contracts", TestRepository.contracts] + arguments)
        let line = try #require(await process.readLine(timeout: 60), "serve printed its address")
        var more: [String] = []
        for _ in 0..<extraLines { more.append(await process.readLine() ?? "") }
        return (process, try #require(line.split(separator: " ").last.map(String.init)), more)
    }

    func send(_ base: String, _ route: (method: String, path: String, body: String?), token: String?) async throws -> Int {
        var headers = ["Content-Type": "application/json"]
        if let token { headers["Authorization"] = "Bearer \(token)" }
        return try await URLSessionClient.send(base + route.path, method: route.method, headers: headers, body: route.body.map { Array($0.utf8) }).status
    }

    @Test("the emulator's admin routes answer 401 without a token, 403 to a tenant's all-permission token, and 200 to surety-admin",
          .timeLimit(.minutes(2)))
    func emulatorDoor() async throws {
        let (process, base, _) = try await start(["--emulate"], extraLines: 1)
        for route in Self.emulatorRoutes {
            #expect(try await send(base, route, token: nil) == 401, "\(route.method) \(route.path)")
            #expect(try await send(base, route, token: "not-a-token") == 401, "\(route.method) \(route.path)")
            #expect(try await send(base, route, token: "surety-token") == 403, "\(route.method) \(route.path)")
            #expect(try await send(base, route, token: "surety-admin") == 200, "\(route.method) \(route.path)")
        }
        #expect(try await send(base, ("POST", "/__surety/reset", nil), token: "mine") == 200, "an added token holding surety.admin opens the door")
        let health = try await URLSessionClient.send(base + "/__surety/health")
        #expect(health.status == 200)
        let credentials = try JSONParser().parse(health.body).value()["builtInFixtures"]
        #expect(credentials?["adminToken"] == "surety-admin")
        #expect(await process.stop().status == 0)
    }

    @Test("an emulator holding its own fixtures names no token on health, and --admin-token opens its door", .timeLimit(.minutes(2)))
    func customFixtures() async throws {
        let directory = try TestRepository.temporaryDirectory("surety-admin-door")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fixtures = directory + "/fixtures.json"
        try Data(BuiltInFixtures.json.replacingOccurrences(of: "surety-", with: "secret-").utf8).write(to: URL(fileURLWithPath: fixtures))
        let (process, base, _) = try await start(["--emulate", "--fixtures", fixtures, "--admin-token", "given-admin"], extraLines: 1)
        let health = try await URLSessionClient.send(base + "/__surety/health")
        #expect(!health.text.contains("secret-") && !health.text.contains("given-admin"), "\(health.text)")
        #expect(try await send(base, ("POST", "/__surety/reset", nil), token: "given-admin") == 200)
        #expect(try await send(base, ("POST", "/__surety/reset", nil), token: "secret-admin") == 200)
        #expect(try await send(base, ("POST", "/__surety/reset", nil), token: "secret-token") == 403)
        #expect(await process.stop().status == 0)
    }

    @Test("the mock prints a generated admin token at start, which alone opens its admin routes", .timeLimit(.minutes(2)))
    func generatedToken() async throws {
        let (process, base, lines) = try await start(["--no-auth"], extraLines: 1)
        let line = try #require(lines.first)
        let token = try #require(line.split(separator: " ").first { $0.hasPrefix("surety-admin-") }.map(String.init), "\(line)")
        #expect(token.count == "surety-admin-".count + 32)
        for route in Self.emulatorRoutes where ["reset", "violations", "routes"].contains(route.path.split(separator: "/").last.map(String.init)) {
            #expect(try await send(base, route, token: nil) == 401, "\(route.path)")
            #expect(try await send(base, route, token: "surety-admin") == 401, "\(route.path)")
            #expect(try await send(base, route, token: token) == 200, "\(route.path)")
        }
        #expect(try await URLSessionClient.send(base + "/__surety/health").status == 200)
        #expect(await process.stop().status == 0)
    }

    @Test("--admin-token chooses the mock's credential, which is not printed", .timeLimit(.minutes(2)))
    func chosenToken() async throws {
        let (process, base, _) = try await start(["--no-auth", "--admin-token", "chosen-admin"], extraLines: 0)
        #expect(try await send(base, ("POST", "/__surety/reset", nil), token: "chosen-admin") == 200)
        #expect(try await send(base, ("POST", "/__surety/reset", nil), token: "chosen-admi") == 401)
        let (_, stderr) = await process.stop()
        #expect(!stderr.contains("chosen-admin"))
    }
}
