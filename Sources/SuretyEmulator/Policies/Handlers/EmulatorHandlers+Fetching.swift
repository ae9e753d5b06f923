import SuretyJSON

extension EmulatorHandlers {
    /// Reads of transactions and segments.
    static var fetching: [String: EmulatorHandler] {
        [
            "fetchTransaction": { store, _, call throws(EmulatorError) in
                EmulatorReply(store.render(transaction: try store.transaction(call.path("locator"))))
            },
            "fetchPolicyTransactionWithUpdatedChanges": { store, _, call throws(EmulatorError) in
                EmulatorReply(withInstructions(try store.transaction(call.path("locator")), in: store))
            },
            "fetchTransactionSegment": { store, _, call throws(EmulatorError) in
                let transaction = try store.transaction(call.path("locator"))
                guard let locator = transaction.segmentLocator else { throw .notFound(kind: "segment of transaction", locator: transaction.locator) }
                return EmulatorReply(store.render(segment: try store.segment(locator)))
            },
            "fetchPolicySegment": { store, _, call throws(EmulatorError) in
                EmulatorReply(store.render(segment: try store.segment(call.path("segmentLocator"))))
            },
            "fetchTransactionSegments": { store, _, call throws(EmulatorError) in
                let transaction = try store.transaction(call.path("locator"))
                return EmulatorReply(.array(transaction.segmentLocator.flatMap { store.segments[$0] }.map { [store.render(segment: $0)] } ?? []))
            },
            "fetchPolicySegmentEx": { store, _, call throws(EmulatorError) in
                let transaction = try store.transaction(call.path("locator"))
                let locator = call.path("segmentLocator")
                guard transaction.segmentLocator == locator else { throw .notFound(kind: "segment of transaction \(transaction.locator)", locator: locator) }
                return EmulatorReply(store.render(segment: try store.segment(locator)))
            },
            "fetchIssuedTransactions": { store, context, call throws(EmulatorError) in
                let policy = try store.policy(call.path("locator"))
                let issued = policy.issuedLocators.compactMap { store.transactions[$0] }.filter { $0.state == .issued }
                return EmulatorReply(call.list(issued.map { store.render(transaction: $0) }, options: context.options))
            },
            "fetchTransactionPricing": { store, _, call throws(EmulatorError) in
                EmulatorReply(store.render(price: try store.transaction(call.path("locator"))))
            },
            "fetchPreferencesForATransaction": { store, _, call throws(EmulatorError) in
                let transaction = try store.transaction(call.path("locator"))
                return EmulatorReply(transaction.parameters?.preferences ?? .object([]))
            },
            "fetchAffectedTransactions": { store, _, call throws(EmulatorError) in
                let transaction = try store.transaction(call.path("locator"))
                return EmulatorReply(.array(transaction.affected.map { .object(["locator": .string($0.locator), "action": .string($0.effect.rawValue)]) }))
            },
        ]
    }
}
