import SuretyHTTPCore

extension ExchangeChecker {
    /// `inner` behind this checker's contract validation, as one responder that routes each request once: the
    /// smallest stack, for a backend tested in-process (``ValidatingResponder`` under a ``StackEntry``).
    public func validating(_ inner: any Responder, policy: RequestPolicy = .reject, log: ViolationLog = ViolationLog(),
                           verdicts: ResponseVerdictCache = ResponseVerdictCache()) -> any Responder {
        validatingOver(StackMode.contextual(inner), policy: policy, log: log, verdicts: verdicts)
    }

    private func validatingOver(_ mode: some ContextResponder, policy: RequestPolicy, log: ViolationLog,
                                verdicts: ResponseVerdictCache) -> any Responder {
        StackEntry(root: ValidatingResponder(checker: self, inner: mode, policy: policy, log: log, verdicts: verdicts), checker: self)
    }
}
