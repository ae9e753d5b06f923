import SuretyConformance
import SuretyHTTPCore

/// Each layer of ``ServeStack`` over the one below, held as an existential: passing it in opens it, so the layer is
/// built over the concrete type below and keeps the synchronous path where that type has one.
extension ServeStack {
    static func stubbed(_ inner: some ContextResponder, board: StubBoard) -> any ContextResponder {
        StubResponder(board: board, inner: inner)
    }

    func validated(_ inner: some ContextResponder) -> any ContextResponder {
        ValidatingResponder(checker: checker, inner: inner, policy: policy, log: log, verdicts: verdicts)
    }

    func faulted(_ inner: some ContextResponder) -> any ContextResponder {
        FaultInjector(inner: inner, plan: faults, seed: seed)
    }

    static func administered(_ inner: some ContextResponder, context: AdminContext) -> any ContextResponder {
        AdminResponder(inner: inner, context: context)
    }

    static func forwarded(_ inner: some ContextResponder, to upstream: any Responder) -> any ContextResponder {
        AdminForwarder(inner: inner, upstream: upstream)
    }

    static func journaled(_ inner: some ContextResponder, in journal: Journal) -> any ContextResponder {
        JournalResponder(journal: journal, inner: inner)
    }

    static func crossOrigin(_ inner: some ContextResponder, policy: CORSPolicy) -> any ContextResponder {
        CORSResponder(inner: inner, policy: policy)
    }

    func logged(_ inner: some ContextResponder, _ format: RequestLogFormat, _ write: @escaping @Sendable (String) -> Void) -> any ContextResponder {
        RequestLogger(inner: inner, format: format, secrets: secrets, write: write)
    }

    func topped(_ root: some ContextResponder) -> any Responder {
        StackEntry(root: root, checker: checker, stampsArrival: requestLog != nil)
    }

    /// The admin routes' context: the mode's routes, door, resets and health, then the stubs' and the journal's.
    func adminContext() -> AdminContext {
        var context = AdminContext(mode: mode.name, contract: checker.contract, log: log, door: door ?? .token(AdminDoor.generateToken()),
                                   startedAt: startedAt)
        context.healthDetails = healthDetails
        switch mode {
        case .emulate(let emulator, _, let builtIn):
            context.door = door.map { EmulatorAdmin.door(emulator).or($0) } ?? EmulatorAdmin.door(emulator)
            context.routes.merge(EmulatorAdmin.routes(for: emulator)) { $1 }
            context.resets.append { [warn] in
                do { try emulator.reset() } catch { warn("the reset was not made: \(error)") }
            }
            context.healthDetails += BackendIdentity.healthMembers(builtIn: builtIn ? EmulatorAdmin.builtInCredentials : nil)
            context.routesMayBlock = emulator.isJournaled
        case .replay(_, let rewind):
            context.resets.append(rewind)
        case .mock, .record, .proxy, .custom:
            break
        }
        context.resets.append { [verdicts] in verdicts.reset() }
        if let stubs {
            context.routes.merge(StubRoutes.routes(board: stubs, checker: checker)) { $1 }
            context.resets.append { stubs.removeAll() }
        }
        if let journal {
            context.routes.merge(JournalRoutes.routes(journal: journal)) { $1 }
            context.resets.append { journal.reset() }
        }
        context.resets += resets
        return context
    }
}
