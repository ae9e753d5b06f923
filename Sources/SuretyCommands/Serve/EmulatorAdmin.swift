import SuretyConformance
import SuretyContracts
import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas
import SuretyServing

/// The emulator's admin routes and the in-process backend that `serve --emulate` and `check` share.
enum EmulatorAdmin {
    /// The emulator for the endpoints it implements, the mock for the rest, so every endpoint answers.
    static func backend(_ emulator: EmulatedBackend, checker: ExchangeChecker, mock: MockResponder) -> some SynchronousResponder {
        EndpointSplitResponder(primary: emulator, endpoints: emulator.implementedEndpointIDs, fallback: mock, checker: checker)
    }

    /// `POST /__surety/fixtures` (a fixtures document; all or nothing) and `POST /__surety/clock`
    /// (`{"set": "2026-01-01T00:00:00Z"}` or `{"advanceSeconds": 86400}`; `GET` reads it).
    static func routes(for emulator: EmulatedBackend) -> [String: AdminContext.Handler] {
        [
            "POST /__surety/fixtures": { request in
                do {
                    try emulator.addFixtures(try EmulatorFixtures.load(bytes: request.body, file: "request body"))
                    return HTTPResponse(status: .ok, jsonText: #"{"added":true}"#)
                } catch {
                    return Problem(status: .badRequest, title: "Fixtures not added", detail: String(describing: error)).response
                }
            },
            "GET /__surety/clock": { _ in clock(emulator) },
            "POST /__surety/clock": { request in
                guard let body = try? JSONParser().parse(request.body).value() else {
                    return Problem(status: .badRequest, title: "Expected JSON", detail: #"Send {"set": RFC3339} or {"advanceSeconds": N}."#).response
                }
                if let text = body["set"]?.stringValue {
                    guard let instant = Timestamp(rfc3339: text) else {
                        return Problem(status: .badRequest, title: "Not an RFC 3339 time", detail: text).response
                    }
                    emulator.setClock(to: instant)
                } else if let seconds = body["advanceSeconds"]?.numberValue?.intValue, seconds >= 0 {
                    emulator.advanceClock(bySeconds: Int64(seconds))
                } else {
                    return Problem(status: .badRequest, title: "Expected set or advanceSeconds",
                                   detail: #"Send {"set": RFC3339} or {"advanceSeconds": N} with N ≥ 0 (the clock never goes back by advancing)."#).response
                }
                return clock(emulator)
            },
        ]
    }

    private static func clock(_ emulator: EmulatedBackend) -> HTTPResponse {
        HTTPResponse(status: .ok, contentType: "application/json",
                     body: JSONWriter(style: .compact).bytes(.object(["now": .string(emulator.now().rfc3339(fractional: true))])))
    }
}
