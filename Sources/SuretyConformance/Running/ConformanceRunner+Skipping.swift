import SuretyContracts

extension ConformanceRunner {
    /// Runs a scenario, or records why it does not run against this backend.
    func runOrSkip(_ scenario: Scenario, state: inout RunState) async {
        if let reason = skipReason(scenario) {
            skip(scenario, reason, state: &state)
        } else {
            await run(scenario, state: &state)
        }
    }

    /// The most scenario names one note lists.
    static let maxNamesPerNote = 4

    /// One line per reason scenarios were skipped for, naming the first few.
    static func scenarioNotes(_ skipped: [(name: String, reason: String)]) -> [String] {
        var reasons: [String] = []
        var names: [String: [String]] = [:]
        for (name, reason) in skipped {
            if names[reason] == nil { reasons.append(reason) }
            names[reason, default: []].append(name)
        }
        return reasons.map { reason in
            let listed = names[reason]!
            let shown = listed.prefix(maxNamesPerNote).joined(separator: ", ") + (listed.count > maxNamesPerNote ? ", …" : "")
            return listed.count == 1 ? "scenario \(shown) skipped: \(reason)" : "\(listed.count) scenarios skipped (\(shown)): \(reason)"
        }
    }

    /// Records a skipped scenario as one skipped check and, with the others skipped for the same reason, one note.
    func skip(_ scenario: Scenario, _ reason: String, state: inout RunState) {
        state.skippedScenarios.append((scenario.name, reason))
        state.append(CheckResult(origin: .scenario(name: scenario.name, step: 0), name: "scenario \(scenario.name)", endpointID: nil,
                                 method: "", target: scenario.file, status: nil, skipped: reason))
    }

    /// What a scenario needs that the run does not know yet: its run references (``ScenarioLoader/isRunReference(_:)``)
    /// that no step captures, and the kinds of the locator path values its steps leave to the run (`a transaction
    /// locator`).
    func unresolvedRunReferences(_ scenario: Scenario, pool: CapturePool) -> Set<String> {
        let captured = Set(scenario.steps.flatMap { $0.captures.map(\.name) })
        var missing = Set(scenario.references.filter { name in
            ScenarioLoader.isRunReference(name) && name != "tenantLocator" && !captured.contains(name)
                && Self.known(name, pool: pool, kinds: locatorKinds) == nil
        })
        for step in scenario.steps {
            guard let endpoint = resolve(step.target) else { continue }
            let given = Set(step.pathValues.map(\.name))
            for name in endpoint.path.parameterNames where !given.contains(name) {
                guard let kind = locatorKinds.pathKinds[endpoint.id]?[name], locatorKinds.known.contains(kind),
                      pool.value(for: RequestFactory.captureKey(for: name, in: endpoint)) == nil, pool.sightings(of: kind).isEmpty else { continue }
                missing.insert("a \(kind) locator")
            }
        }
        return missing
    }

    /// Why a scenario does not run against this backend, or nil when it does.
    func skipReason(_ scenario: Scenario) -> String? {
        if scenario.requires.contains(.builtInFixtures), !options.runsFixtureScenarios {
            return "written for the emulator's built-in fixtures, and the backend is not a Surety emulator holding them"
        }
        for step in scenario.steps {
            switch step.target {
            case .admin where !options.allowsAdmin:
                return "it uses Surety's admin routes, and the backend is not a Surety server"
            case .admin:
                continue
            default:
                guard let endpoint = resolve(step.target) else { continue }
                if let refusal = options.refusal(method: endpoint.method, endpointID: endpoint.id) {
                    return "step \"\(step.name)\" (\(endpoint.id)) is not sent: \(refusal)"
                }
            }
        }
        return nil
    }
}
