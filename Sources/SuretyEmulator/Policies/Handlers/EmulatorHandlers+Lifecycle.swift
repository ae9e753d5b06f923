import SuretyJSON

extension EmulatorHandlers {
    /// The lifecycle operations: initialize, validate, price, underwrite, accept, issue, reset, refuse, discard.
    static var lifecycle: [String: EmulatorHandler] {
        let transaction: @Sendable (TenantStore, PolicyTransaction) -> JSONValue = { store, value in store.render(transaction: value) }
        return [
            "initializeTransaction": operation({ _ in .initialize }, render: transaction),
            "validateTransaction": operation({ _ in .validate }, render: transaction),
            "priceTransaction": operation({ _ in .price }, render: { store, value in store.render(price: value) }),
            "underwriteTransaction": operation({ _ in .underwrite }, render: { store, value in store.render(underwriting: value) }),
            "acceptTransaction": operation({ _ in .accept }, render: transaction),
            "issueTransaction": operation({ _ in .issue }, render: transaction),
            "resetTransaction": operation({ call in call.flag("resetToDraft") ? .resetToDraft : .reset }, render: transaction),
            "refuseTransaction": operation({ _ in .refuse }, render: transaction),
            "discardTransaction": operation({ _ in .discard }, render: transaction),
        ]
    }

    /// A handler that performs the operation `choose` picks on `{locator}` and renders the result; `stateless=true`
    /// computes the same answer and discards every change (`semantics.md` §1.3).
    static func operation(_ choose: @escaping @Sendable (EmulatorCall) -> LifecycleOperation,
                          render: @escaping @Sendable (TenantStore, PolicyTransaction) -> JSONValue) -> EmulatorHandler {
        { store, context, call throws(EmulatorError) in
            let autoRebase = call.query("autoRebase").map { $0 != "false" }
            let reset = ResetOptions(json: call.body)
            let result = try TransactionLifecycle.running(on: &store, &context) { runner throws(EmulatorError) in
                try runner.perform(choose(call), on: call.path("locator"), reset: reset, autoRebase: autoRebase)
            }
            return EmulatorReply(render(store, result), discardChanges: call.flag("stateless"))
        }
    }
}
