import SuretyConformance
import SuretyContracts
import SuretyJSON
import SuretySchemas
import SuretyRecordings

extension CheckCommand {
    /// Where discovery begins: every `--start KIND=LOCATOR` (its kind checked against the contract's), then the
    /// locators of every successful exchange of `--start-from`; `.failure` with the exit code after printing why.
    func startSightings(contract: Contract, console: Console) -> Result<[Sighting], ExitFailure> {
        let kinds = LocatorKinds(contract: contract)
        var sightings: [Sighting] = []
        for start in starts {
            guard kinds.known.contains(start.kind) || kinds.valueParameters.contains(start.kind) else {
                let names = (kinds.known.union(kinds.valueParameters)).sorted()
                let hint = EditDistance.didYouMean(EditDistance.nearest(to: start.kind, among: names, maxDistance: 3).map { [$0] } ?? [])
                console.errorLine("surety check: --start \(start.kind)=…: unknown kind\(hint); kinds: \(names.joined(separator: ", "))")
                return .failure(ExitFailure(code: .usage))
            }
            sightings.append(Sighting(kind: start.kind, value: start.locator, source: "--start \(start.kind)"))
        }
        guard let startFrom else { return .success(sightings) }
        let checker = ExchangeChecker(contract: contract)
        guard let exchanges = RecordingInput.load(startFrom, checker: checker, command: Self.name, console) else {
            return .failure(ExitFailure(code: .failure))
        }
        var harvested = 0
        for stored in exchanges {
            let exchange = stored.exchange
            guard (200...299).contains(exchange.response.status), let id = exchange.endpointID, let endpoint = contract.endpoint(id: id),
                  endpoint.documents(status: exchange.response.status) else { continue }
            let found = kinds.sightings(request: endpoint, path: exchange.pathParameters, responseBody: exchange.response.body.jsonValue,
                                        source: stored.file)
            harvested += found.count
            sightings += found
        }
        if !quiet { console.errorLine("surety check: --start-from \(startFrom): \(harvested) locator(s) from \(exchanges.count) exchange(s)") }
        return .success(sightings)
    }

    /// An exit code carried as an error.
    struct ExitFailure: Error {
        var code: ExitCode
    }
}
