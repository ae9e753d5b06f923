import Foundation
import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// The stateful fake of the API's policy side: a ``Responder`` that remembers tenants, policies, transactions,
/// segments and terms and applies the business rules of `semantics.md`.
///
/// Requests are routed with the contract; paths outside it answer 404/405 in the ``Problem`` shape (wrap the
/// backend in ``ValidatingResponder`` to also refuse requests that break the contract with 400 and to check every
/// response). Then the bearer token is checked (401/403), the tenant's store is looked up, and the endpoint's handler
/// changes it in place; the change is kept only when the handler succeeds and the request is neither a `stateless`
/// preview nor a GET, and is otherwise undone from the store's undo logs (``TenantStore/beginChange()``).
///
/// ```swift
/// let backend = try EmulatedBackend(contract: contract, clock: .manual(Timestamp(rfc3339: "2024-10-01T00:00:00Z")!))
/// let response = await backend.respond(to: request)
/// ```
public final class EmulatedBackend: SynchronousResponder, SynchronousContextResponder, @unchecked Sendable {
    // @unchecked Sendable: `state`, `baseline` and `journal` are only read or written while `lock` is held, and the other
    // stored properties are immutable `Sendable` values.
    /// The contract requests are routed with.
    public let contract: Contract
    /// The switches in force.
    public let options: EmulatorOptions
    /// The bounds in force.
    public let limits: EmulatorLimits
    private let router: Router
    private let handlers: [String: EmulatorHandler]
    let lock = NSLock()
    var state: EmulatorState
    var baseline: EmulatorState
    /// The state journal, once ``restore(from:clock:)`` has attached one; nil keeps the state in memory only.
    var journal: (any EmulatorJournal)?
    /// Counts the requests the backend routed itself, for lack of a stack's context (a stack routes for it).
    package let ownRoutings = RouteObserver()
    /// Whether a journal is attached, so that changes wait on the disk.
    public var isJournaled: Bool { lock.withLock { journal != nil } }

    /// Creates a backend holding `fixtures`; locators come from `seed`, time from `clock`; fixtures that would take a
    /// tenant past `limits` are refused.
    public init(contract: Contract, fixtures: EmulatorFixtures = .builtIn, clock: EmulatorClock = .system, seed: UInt64 = 0x5EED,
                options: EmulatorOptions = EmulatorOptions(), limits: EmulatorLimits = .default) throws(FixtureErrors) {
        self.contract = contract
        self.options = options
        self.limits = limits
        self.router = contract.makeRouter()
        self.handlers = EmulatorHandlers.all
        try JobFixtureCheck(contract: contract).check(fixtures)
        self.state = try EmulatorState(fixtures: fixtures, clock: clock, seed: seed, options: options)
        try Self.checkRoom(in: state, for: fixtures, limits: limits)
        self.baseline = state
    }

    /// The endpoint ids that have a handler.
    public var implementedEndpointIDs: Set<String> { Set(handlers.keys) }

    /// The fixtures' token with this text, or nil (the admin door asks it whether it is ``AccessToken/isAdmin``).
    public func accessToken(_ text: String) -> AccessToken? { lock.withLock { state.tokens[text] } }

    /// A copy of the whole state (tests, snapshots).
    public var snapshot: EmulatorState { lock.withLock { state } }

    /// The emulator's current time.
    public func now() -> Timestamp { lock.withLock { state.clock.now() } }

    /// Sets the emulator's time (`POST /__surety/clock`); journaled first when the state is persisted.
    public func setClock(to instant: Timestamp) throws(JournalError) {
        try changeClock { $0.set(to: instant) }
    }

    /// Moves the emulator's time by a number of seconds (`POST /__surety/clock`); journaled first when persisted.
    public func advanceClock(bySeconds seconds: Int64) throws(JournalError) {
        try changeClock { $0.advance(bySeconds: seconds) }
    }

    private func changeClock(_ change: (inout EmulatorClock) -> Void) throws(JournalError) {
        lock.lock()
        defer { lock.unlock() }
        var clock = state.clock
        change(&clock)
        try journal?.append(.clock(clock.mode))
        state.clock = clock
    }

    /// Restores the fixtures, including those added at run time; the clock keeps its time (`POST /__surety/reset`).
    public func reset() throws(JournalError) {
        lock.lock()
        defer { lock.unlock() }
        try journal?.append(.reset)
        resetLocked()
    }

    func resetLocked() {
        let clock = state.clock
        state = baseline
        state.clock = clock
    }

    /// Adds fixtures at run time; they survive ``reset()``. Nothing is added on error. Fixtures given as values have
    /// no journal entry (the journal records the document), so with a journal attached this is refused with
    /// ``EmulatorAdminError/notSaved(_:)`` of ``JournalError/notJournaled(path:change:instead:)``: a persisted
    /// backend takes run-time fixtures through ``addFixtures(document:file:)``.
    public func addFixtures(_ fixtures: EmulatorFixtures) throws(EmulatorAdminError) {
        lock.lock()
        defer { lock.unlock() }
        if let journal {
            throw .notSaved(.notJournaled(path: journal.path, change: "fixtures given as values",
                                          instead: "send them as a document (POST /__surety/fixtures, addFixtures(document:file:))"))
        }
        do { (state, baseline) = try adding(fixtures, at: state.clock.now()) } catch { throw .fixtures(error) }
    }

    /// Adds the fixtures of a document (`POST /__surety/fixtures`), journaling the document first when persisted.
    public func addFixtures(document bytes: [UInt8], file: String) throws(EmulatorAdminError) {
        let fixtures: EmulatorFixtures
        do { fixtures = try EmulatorFixtures.load(bytes: bytes, file: file) } catch { throw .fixtures(error) }
        // The bytes loaded as fixtures, so they are JSON.
        let document = (try? JSONParser().parse(bytes).value()) ?? .null
        lock.lock()
        defer { lock.unlock() }
        // One reading of a running clock for the whole change: the journal's replay adds the fixtures at this instant.
        let instant = state.clock.now()
        let updated: (EmulatorState, EmulatorState)
        do { updated = try adding(fixtures, at: instant) } catch { throw .fixtures(error) }
        do { try journal?.append(.fixtures(document: document, at: instant)) } catch { throw .notSaved(error) }
        (state, baseline) = updated
    }

    /// The state and baseline with `fixtures` added as if the clock stood at `instant` (their issuance time and
    /// locators), or every clash, or a tenant they name taken past ``limits`` (unless `checkingRoom` is false: a
    /// journal's replay adds what was accepted when it ran); the clocks are left as they were. Under the lock.
    func adding(_ fixtures: EmulatorFixtures, at instant: Timestamp, checkingRoom: Bool = true) throws(FixtureErrors) -> (EmulatorState, EmulatorState) {
        try JobFixtureCheck(contract: contract).check(fixtures)
        var updated = state
        updated.clock = .manual(instant)
        try updated.add(fixtures, options: options)
        updated.clock = state.clock
        var updatedBaseline = baseline
        updatedBaseline.ids = updated.ids
        updatedBaseline.clock = .manual(instant)
        try updatedBaseline.add(fixtures, options: options)
        updatedBaseline.clock = baseline.clock
        if checkingRoom { try Self.checkRoom(in: updated, for: fixtures, limits: limits) }
        return (updated, updatedBaseline)
    }

    /// Refuses fixtures that leave a tenant they name holding more records than `limits` allow (a tenant they do not
    /// name is not theirs to answer for), pointing at the tenant in the fixtures (``FixtureErrors/naming(_:)`` names
    /// their file).
    static func checkRoom(in state: EmulatorState, for fixtures: EmulatorFixtures, limits: EmulatorLimits) throws(FixtureErrors) {
        let issues = fixtures.tenants.enumerated().compactMap { index, named -> FixtureIssue? in
            guard let tenant = state.tenants[named.locator.lowercased()], tenant.recordCount > limits.maxRecordsPerTenant else { return nil }
            return FixtureIssue(file: FixtureErrors.unnamedFile, pointer: JSONPointer(tokens: ["tenants", String(index)]),
                                reason: .overLimit(tenant: tenant.tenantLocator, records: tenant.recordCount, limit: limits.maxRecordsPerTenant))
        }
        guard issues.isEmpty else { throw FixtureErrors(issues: issues) }
    }

    /// Answers one request, routing it first; paths outside the contract answer 404 or 405.
    public func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        ownRoutings.count()
        return respondSynchronously(to: request, context: RequestContext(routing: router.routing(of: request)))
    }

    /// Whether the request is answered inline: a change to a journaled state waits on the disk, so it is not.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool {
        request.method == .get || request.method == .head || !isJournaled
    }

    /// Answers a request a stack over the same contract has routed, with the body it has parsed.
    public func respondSynchronously(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        guard let routed = context.routed else {
            return context.routing.problem(for: request)?.response ?? Problem(status: .notFound, title: "No such route").response
        }
        return answer(request, routed: routed, parsed: context.body)
    }

    /// The same as ``respondSynchronously(to:context:)``; a change to a journaled state is written off the event
    /// loop, on a thread that may wait for the disk.
    public func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        guard !answersSynchronously(request) else { return respondSynchronously(to: request, context: context) }
        return await BlockingWork.run { self.respondSynchronously(to: request, context: context) }
    }

    /// Runs the endpoint's handler on the request's JSON body; every failure becomes its problem response.
    private func answer(_ request: HTTPRequest, routed: RoutedRequest, parsed: JSONDocument?) -> HTTPResponse {
        let endpoint = routed.endpoint
        do throws(EmulatorError) {
            // The validation above parsed the body already, unless the backend answers on its own.
            let body = if let parsed { parsed.value() } else { try Self.jsonBody(of: request) }
            let call = EmulatorCall(endpoint: endpoint, pathParameters: routed.pathParameters, queryItems: routed.queryItems, body: body)
            let reply = try handle(call, authorization: request.headers["Authorization"])
            if endpoint.responseType(status: 200, extended: false) == .empty { return HTTPResponse(status: .ok) }
            return HTTPResponse(status: .ok, contentType: "application/json", body: JSONWriter(style: .compact).bytes(reply))
        } catch {
            return error.problem.response
        }
    }

    /// The 401/403 the emulator's tokens give a request for a routed endpoint, or nil when it may go ahead; for the
    /// endpoints another responder answers (the mock behind `serve --emulate`), so every endpoint honours the fixtures' tokens.
    public func refusal(of request: HTTPRequest, routed: RoutedRequest) -> HTTPResponse? {
        lock.lock()
        defer { lock.unlock() }
        do {
            _ = try authorize(routed.endpoint, tenant: (routed.pathParameters["tenantLocator"] ?? "").lowercased(),
                              authorization: request.headers["Authorization"])
            return nil
        } catch {
            return error.problem.response
        }
    }

    /// Authenticates, authorises and runs the endpoint's handler under the lock, at the emulator's time.
    func handle(_ call: EmulatorCall, authorization: String?) throws(EmulatorError) -> JSONValue {
        lock.lock()
        defer { lock.unlock() }
        let user = try authorize(call.endpoint, tenant: call.path("tenantLocator").lowercased(), authorization: authorization)
        return try apply(call, user: user, at: state.clock.now(), journals: true)
    }

    /// Runs the handler as `user` at `now` on the tenant's store, in place, as a change kept unless the reply
    /// discards it, the request is a GET or the handler fails (then the store's undo logs put back what it wrote);
    /// a kept change is journaled (and synced) first when the state is persisted. A live call (`journals`) that
    /// would take the tenant past ``limits`` is undone and refused with 507; a replayed one was kept when it ran,
    /// so it is kept again. Under the lock.
    func apply(_ call: EmulatorCall, user: String, at now: Timestamp, journals: Bool) throws(EmulatorError) -> JSONValue {
        let tenant = call.path("tenantLocator").lowercased()
        guard let handler = handlers[call.endpoint.id] else {
            throw .unprocessable(reason: "The emulator does not implement \(call.endpoint.id).")
        }
        // Through the dictionary's values by index: the store is changed where it lies, never copied out and back.
        guard let slot = state.tenants.index(forKey: tenant) else { throw .notFound(kind: "tenant", locator: tenant) }
        let recordsBefore = Self.recordCount(of: &state.tenants.values[slot])
        let mark = state.tenants.values[slot].beginChange()
        var kept = false
        defer { state.tenants.values[slot].endChange(mark, keeping: kept) }
        // The jobs move inside the change too: a GET answers them moved without keeping the move, so the state stays
        // what replaying the journal rebuilds (a replayed call settles at its recorded instant, as it did when it ran).
        state.tenants.values[slot].jobs.settle(at: now)
        var context = OperationContext(now: now, user: user, ids: state.ids, options: options)
        let reply = try handler(&state.tenants.values[slot], &context, call)
        if !reply.discardChanges && call.endpoint.method != "GET" {
            let records = Self.recordCount(of: &state.tenants.values[slot])
            if journals, records > limits.maxRecordsPerTenant, records > recordsBefore {
                throw .tenantFull(tenant: tenant, records: records, limit: limits.maxRecordsPerTenant)
            }
            if journals, let journal {
                let entry = JournalEntry.Call(endpointID: call.endpoint.id, at: now, user: user, path: call.pathParameters,
                                              query: call.queryItems, body: call.body)
                do { try journal.append(.call(entry)) } catch { throw .notSaved(reason: error.description) }
            }
            kept = true
            state.ids = context.ids
        }
        return reply.body
    }

    /// The store's record count, read where the store lies (the dictionary's getter would copy the store out).
    private static func recordCount(of store: inout TenantStore) -> Int { store.recordCount }

    /// The acting user, or 401/403 (`semantics.md` §4.5: any one listed permission suffices).
    func authorize(_ endpoint: Endpoint, tenant: String, authorization: String?) throws(EmulatorError) -> String {
        if options.noAuth { return options.anonymousUser }
        guard let header = authorization, header.count > 7, header.prefix(7).lowercased() == "bearer " else { throw .missingToken }
        guard let token = state.tokens[Self.trimmed(header.dropFirst(7))] else { throw .unknownToken }
        guard token.holds(tenant: tenant) else { throw .tenantNotHeld(tenant: tenant) }
        let required = endpoint.security.qualifiedPermissions
        guard token.grantsAny(of: required) else { throw .missingPermission(required: required) }
        return token.userLocator
    }

    /// The token text without surrounding `CharacterSet.whitespaces`, trimmed by Foundation only when it has some.
    static func trimmed(_ text: Substring) -> String {
        let plain: (Unicode.Scalar?) -> Bool = { scalar in scalar.map { $0.isASCII && $0 != " " && $0 != "\t" } ?? true }
        guard plain(text.unicodeScalars.first), plain(text.unicodeScalars.last) else { return String(text).trimmingCharacters(in: .whitespaces) }
        return String(text)
    }

    /// The request body as JSON; nil when empty; 400 with line and column when it is not JSON.
    static func jsonBody(of request: HTTPRequest) throws(EmulatorError) -> JSONValue? {
        guard !request.body.isEmpty else { return nil }
        do {
            return try JSONParser().parse(request.body).value()
        } catch {
            throw .invalidBody(pointer: .root, reason: "not JSON: line \(error.line), column \(error.column): \(error.message)")
        }
    }
}
