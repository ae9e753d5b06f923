import SuretyConformance
import SuretyContracts
import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// The emulator's admin routes, door and start-up notes, which every stack over the emulator shares (``ServeMode/emulate(_:mock:builtInFixtures:)``).
public enum EmulatorAdmin {
    /// The built-in fixtures' documented tenant and tokens, which the health route names so that `surety check`
    /// needs no option against `surety serve --emulate`.
    public static let builtInCredentials = BackendIdentity.BuiltInFixtures(tenant: BuiltInFixtures.tenantA, token: "surety-token",
                                                                    tokenWithoutPermission: "surety-no-permission",
                                                                    adminToken: "surety-admin")

    /// The start-up line of an emulator holding the built-in fixtures: its tenants and tokens, all documented.
    public static let builtInNote = "built-in fixtures: tenant \(BuiltInFixtures.tenantA) (tokens surety-token, surety-readonly, "
        + "surety-no-permission), tenant \(BuiltInFixtures.tenantB) (surety-token-b); surety-admin holds every tenant and opens the admin routes"

    /// The start-up line of an emulator holding a user's fixtures: its tenants, and how many tokens (never their values).
    public static func customNote(_ emulator: EmulatedBackend) -> String {
        let state = emulator.snapshot
        return "fixtures with tenant(s) \(state.tenants.keys.sorted().joined(separator: ", ")) and \(state.tokens.count) token(s) (their values are not printed)"
    }

    /// The door of the emulator's admin routes: a fixtures token holding `surety.admin`, or `extra` when given
    /// (`--admin-token`).
    public static func door(_ emulator: EmulatedBackend, extra: String? = nil) -> AdminDoor {
        let fixtures = AdminDoor { presented in
            guard let token = emulator.accessToken(presented) else { return .unknown }
            return token.isAdmin ? .admitted : .notAdmin
        }
        return extra.map { fixtures.or(.token($0)) } ?? fixtures
    }

    /// `POST /__surety/fixtures` (a fixtures document; all or nothing) and `POST /__surety/clock`
    /// (`{"set": "2026-01-01T00:00:00Z"}` or `{"advanceSeconds": 86400}`; `GET` reads it).
    public static func routes(for emulator: EmulatedBackend) -> [String: AdminContext.Handler] {
        [
            "POST /__surety/fixtures": { request in
                do throws(EmulatorAdminError) {
                    try emulator.addFixtures(document: request.body, file: "request body")
                    return HTTPResponse(status: .ok, jsonText: #"{"added":true}"#)
                } catch {
                    switch error {
                    case .fixtures(let errors):
                        return Problem(status: .badRequest, title: "Fixtures not added", detail: String(describing: errors)).response
                    case .notSaved(let error):
                        return notSaved(error)
                    }
                }
            },
            "GET /__surety/clock": { _ in clock(emulator) },
            "POST /__surety/clock": { request in
                guard let body = try? JSONParser().parse(request.body).value() else {
                    return Problem(status: .badRequest, title: "Expected JSON", detail: #"Send {"set": RFC3339} or {"advanceSeconds": N}."#).response
                }
                do throws(JournalError) {
                    if let text = body["set"]?.stringValue {
                        guard let instant = Timestamp(rfc3339: text) else {
                            return Problem(status: .badRequest, title: "Not an RFC 3339 time", detail: String(text.prefix(80))).response
                        }
                        guard instant <= latestInstant else {
                            return Problem(status: .badRequest, title: "Clock too late",
                                           detail: "The clock can be set at most to \(latestInstant.rfc3339()).").response
                        }
                        try emulator.setClock(to: instant)
                    } else if let seconds = body["advanceSeconds"]?.numberValue?.intValue, seconds >= 0 {
                        // Bounded by latestInstant, so the clock's arithmetic cannot overflow either.
                        let secondsLeft = (latestInstant.microseconds - emulator.now().microseconds) / 1_000_000
                        guard Int64(seconds) <= secondsLeft else {
                            return Problem(status: .badRequest, title: "advanceSeconds too large",
                                           detail: "The clock can move at most \(max(0, secondsLeft)) seconds, to \(latestInstant.rfc3339()).").response
                        }
                        try emulator.advanceClock(bySeconds: Int64(seconds))
                    } else {
                        return Problem(status: .badRequest, title: "Expected set or advanceSeconds",
                                       detail: #"Send {"set": RFC3339} or {"advanceSeconds": N} with N ≥ 0 (the clock never goes back by advancing)."#).response
                    }
                } catch {
                    return notSaved(error)
                }
                return clock(emulator)
            },
        ]
    }

    /// The latest time `POST /__surety/clock` sets or moves the clock to: 9899-12-31T23:59:59Z, a century before the
    /// last instant RFC 3339 can write, so the terms, renewals and installments the emulator dates from the clock
    /// (installment settings reach `InstallmentSettings.maxDays`, about ten years, ahead) stay datetimes its own
    /// checker accepts.
    public static let latestInstant = Timestamp(seconds: 250_246_627_199)

    /// 500: a persisted emulator could not journal the change, so it did not make it.
    public static func notSaved(_ error: JournalError) -> HTTPResponse {
        Problem(status: .internalServerError, title: "State not saved", detail: "The change was not made: \(error.description)").response
    }

    private static func clock(_ emulator: EmulatedBackend) -> HTTPResponse {
        HTTPResponse(status: .ok, contentType: "application/json",
                     body: JSONWriter(style: .compact).bytes(.object(["now": .string(emulator.now().rfc3339(fractional: true))])))
    }
}
