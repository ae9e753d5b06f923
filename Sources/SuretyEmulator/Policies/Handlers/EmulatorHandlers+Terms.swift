import SuretyJSON

extension EmulatorHandlers {
    /// The Policy Terms endpoints.
    static var terms: [String: EmulatorHandler] {
        [
            "fetchTerm": { store, _, call throws(EmulatorError) in
                EmulatorReply(store.render(term: try store.term(call.path("locator"))))
            },
            "fetchTermsForPolicy": { store, context, call throws(EmulatorError) in
                let policy = try store.policy(call.path("locator"))
                return EmulatorReply(call.list(policy.termLocators.compactMap { store.terms[$0] }.map { store.render(term: $0) }, options: context.options))
            },
            "fetchTermPayable": { store, _, call throws(EmulatorError) in
                EmulatorReply(store.render(payableOf: try store.term(call.path("locator"))))
            },
            "fetchTermSummary": { store, _, call throws(EmulatorError) in
                EmulatorReply(try TermSummary(term: try store.term(call.path("locator")), store: store).render(in: store))
            },
            "fetchPolicyTermSummary": { store, context, call throws(EmulatorError) in
                let policy = try store.policy(call.path("locator"))
                let terms = policy.termLocators.compactMap { store.terms[$0] }
                let term: Term?
                if let text = call.query("termNumber") {
                    term = Int(text).flatMap { number in terms.first { $0.number == number } }
                } else {
                    term = store.term(of: policy, at: context.now)
                }
                guard let term else { throw .notFound(kind: "term \(call.query("termNumber") ?? "") of policy", locator: policy.locator) }
                return EmulatorReply(try TermSummary(term: term, store: store).render(in: store))
            },
            "fetchTermsByNumber": { store, _, call throws(EmulatorError) in
                let number = call.path("termNumber")
                let matches = store.terms.values.filter { $0.termNumber == number }.sorted { $0.locator < $1.locator }
                return EmulatorReply(.array(matches.map { store.render(term: $0) }))
            },
        ]
    }
}
