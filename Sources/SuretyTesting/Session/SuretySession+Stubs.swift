import SuretyServing
extension SuretySession {
    /// Pins a stub in front of the mode, after checking it against the contract.
    ///
    /// - Throws: ``SuretyTestingError/stubRefused(stub:violations:)`` with every violation when the pattern names no
    ///   endpoint or the response is not one the endpoint may answer, unless the stub allows it (`allowInvalid`); an
    ///   allowed broken stub's violations are then reported like any other as it answers.
    public func pin(_ stub: Stub) throws(SuretyTestingError) {
        if !stub.allowInvalid {
            let violations = StubCheck.violations(of: stub, checker: checker)
            guard violations.isEmpty else { throw .stubRefused(stub: stub.description, violations: violations) }
        }
        stubs.pin(stub)
    }
}
