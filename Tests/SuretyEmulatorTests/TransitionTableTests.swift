import SuretyEmulator
import SuretyJSON
import SuretySchemas
import Testing

@Suite struct TransitionTableTests {
    /// The expected outcome of every operation from every state, written out independently of ``TransitionTable``:
    /// a missing state means the operation is refused with 409. Advancing operations run the skipped steps on a
    /// valid change with no flags, so they reach their target.
    static let expected: [LifecycleOperation: [TransactionState: TransactionState]] = {
        let open: [TransactionState] = [.draft, .initialized, .validated, .earlyUnderwritten, .priced, .underwritten, .underwrittenBlocked, .declined]
        func all(_ states: [TransactionState], _ to: TransactionState) -> [TransactionState: TransactionState] {
            Dictionary(uniqueKeysWithValues: states.map { ($0, to) })
        }
        return [
            .initialize: all([.draft, .initialized], .initialized),
            .validate: all([.draft, .initialized, .validated], .validated),
            .price: all([.draft, .initialized, .validated, .earlyUnderwritten, .priced], .priced),
            .underwrite: all(open, .underwritten),
            .accept: all(open, .accepted),
            .issue: all(open + [.accepted], .issued),
            .reset: all(open.filter { $0 != .draft }, .initialized),
            .resetToDraft: all(open.filter { $0 != .draft }, .draft),
            .refuse: all(open + [.accepted], .refused),
            .discard: all(open + [.rejected, .refused], .discarded),
        ]
    }()

    @Test("every operation from every state reaches the expected state or is refused with 409", arguments: LifecycleOperation.allCases)
    func everyTransition(operation: LifecycleOperation) throws {
        for state in TransactionState.allCases {
            var runner = try LifecycleFixture.runner()
            let locator = try LifecycleFixture.change(in: &runner, forcedInto: state)
            if let outcome = Self.expected[operation]?[state] {
                let result = try runner.perform(operation, on: locator)
                #expect(result.state == outcome, "\(operation) from \(state)")
            } else {
                #expect(throws: EmulatorError.notAllowed(operation: operation.rawValue, state: state, locator: locator), "\(operation) from \(state)") {
                    try runner.perform(operation, on: locator)
                }
                #expect(runner.store.transactions[locator]?.state == state)
            }
            #expect(TransitionTable.allows(operation, from: state) == (Self.expected[operation]?[state] != nil))
        }
    }

    @Test("a refused transition is answered 409 in the problem shape")
    func refusedIs409() {
        let error = EmulatorError.notAllowed(operation: "accept", state: .accepted, locator: "X")
        #expect(error.status.code == 409)
        #expect(error.problem.detail == "Cannot accept transaction X in state accepted.")
    }

    @Test("an advancing operation runs the skipped steps in order")
    func skippedSteps() {
        #expect(TransitionTable.steps(for: .issue, from: .draft) == [.initialized, .validated, .priced, .underwritten, .accepted, .issued])
        #expect(TransitionTable.steps(for: .accept, from: .declined) == [.underwritten, .accepted])
        #expect(TransitionTable.steps(for: .price, from: .priced) == [.priced])
    }
}

/// Builds a tenant store from the built-in fixtures with a change transaction on policy A1.
enum LifecycleFixture {
    static func runner() throws -> TransactionLifecycle {
        let options = EmulatorOptions()
        let state = try EmulatorState(fixtures: .builtIn, clock: .manual(EmulatorTestSupport.start), seed: 7, options: options)
        let context = OperationContext(now: EmulatorTestSupport.start, user: options.anonymousUser, ids: state.ids, options: options)
        return TransactionLifecycle(store: state.tenants[BuiltInFixtures.tenantA]!, context: context)
    }

    /// A change effective 2024-11-21 adding a vehicle with a VIN, initialized when past draft, then forced into `state`.
    static func change(in runner: inout TransactionLifecycle, forcedInto state: TransactionState,
                       vin: String? = "WVWZZZ1JZXW000001") throws -> String {
        let params = ChangeInstruction(locator: "01J6A000000000000000000P01", action: .params(.init(
            effectiveTime: Timestamp(rfc3339: "2024-11-21T00:00:00Z")!, newPolicyEndTime: nil, preferences: nil, triggerBillingChange: nil)))
        let data: JSONValue = vin.map { .object(["vin": .string($0)]) } ?? .object([])
        let add = ChangeInstruction(locator: "01J6A000000000000000000A01", action: .add([.init(
            type: "Vehicle", data: data, coverageTerms: [:], children: [], parentStaticLocator: nil)]))
        let transaction = try runner.create(.change(transactionType: "change", instructions: [params, add]), on: BuiltInFixtures.policyA1)
        if state != .draft { try runner.perform(.initialize, on: transaction.locator) }
        runner.store.transactions[transaction.locator]?.state = state
        return transaction.locator
    }
}
