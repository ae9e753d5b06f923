import Foundation
import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas
import SuretyServing
import SuretyTestSupport
import Testing
@testable import SuretyCommands

@Suite("The emulator's admin routes refuse bad input with 400")
struct EmulatorAdminTests {
    func clockRoute(_ emulator: EmulatedBackend) throws -> @Sendable (HTTPRequest) -> HTTPResponse {
        try #require(EmulatorAdmin.routes(for: emulator)["POST /__surety/clock"])
    }

    func post(_ body: String) -> HTTPRequest {
        HTTPRequest(method: .post, target: "/__surety/clock", headers: ["Content-Type": "application/json"], body: Array(body.utf8))
    }

    @Test("advanceSeconds past 9899-12-31T23:59:59Z is a 400 that leaves the clock alone, instead of overflowing it")
    func advanceBounded() throws {
        let start = try #require(Timestamp(rfc3339: "2024-10-01T00:00:00Z"))
        let emulator = try EmulatedBackend(contract: TestRepository.contract, clock: .manual(start))
        let route = try clockRoute(emulator)
        for huge in ["100000000000000", "9223372036854775807", "1e30"] {
            let refused = route(post(#"{"advanceSeconds": \#(huge)}"#))
            #expect(refused.status.code == 400, "advanceSeconds \(huge)")
            #expect(emulator.now() == start)
        }
        let last = EmulatorAdmin.latestInstant.seconds - start.seconds
        #expect(route(post(#"{"advanceSeconds": \#(last + 1)}"#)).status.code == 400)
        let moved = route(post(#"{"advanceSeconds": \#(last)}"#))
        #expect(moved.status.code == 200)
        #expect(try JSONParser().parse(moved.body).value()["now"]?.stringValue == "9899-12-31T23:59:59.000000Z")
        #expect(route(post(#"{"advanceSeconds": 1}"#)).status.code == 400, "no second is left")
        #expect(route(post(#"{"advanceSeconds": 0}"#)).status.code == 200)
    }

    @Test("set to latestInstant is taken; one second later, or near year 10000, is a 400 that leaves the clock alone")
    func setBounded() throws {
        let start = try #require(Timestamp(rfc3339: "2024-10-01T00:00:00Z"))
        let emulator = try EmulatedBackend(contract: TestRepository.contract, clock: .manual(start))
        let route = try clockRoute(emulator)
        for late in ["9899-12-31T23:59:59.000001Z", "9900-01-01T00:00:00Z", "9999-12-31T23:00:00Z"] {
            #expect(route(post(#"{"set": "\#(late)"}"#)).status.code == 400, "\(late)")
            #expect(emulator.now() == start)
        }
        #expect(route(post(#"{"set": "9899-12-31T23:59:59Z"}"#)).status.code == 200)
        #expect(emulator.now() == EmulatorAdmin.latestInstant)
    }
}
