import SuretyEmulator
import Testing

@Suite struct ContractCoverageTests {
    @Test("every endpoint of the Policy Transactions and Policy Terms documents has a handler")
    func everyEndpointImplemented() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let ours = Set(EmulatorTestSupport.contract.endpoints.filter { endpoint in
            ["policy-transactions.json", "policy-terms.json"].contains { endpoint.location?.file.hasSuffix($0) == true }
        }.map(\.id))
        #expect(ours.count == 41)
        #expect(ours.subtracting(backend.implementedEndpointIDs).isEmpty, "\(ours.subtracting(backend.implementedEndpointIDs).sorted())")
    }
}
