import SuretyHTTPCore
import SuretyServing
import SuretyConformance
import SuretyContracts

/// What a session has to tell its test: the exchanges that broke the contract (from the stack's violation log) and
/// other problems (a replay miss, a recording not written), each reported once.
final class Findings: Sendable {
    private struct State {
        var reportedThrough = 0
        var notes: [String] = []
        var notesReported = 0
    }

    let log: ViolationLog
    let contract: Contract
    private let state = Locked(State())

    init(log: ViolationLog, contract: Contract) {
        self.log = log
        self.contract = contract
    }

    /// Adds a problem that is not a violation.
    func note(_ text: String) {
        state.withLock { $0.notes.append(text) }
    }

    /// Every finding so far, reported or not, oldest first.
    var all: [String] {
        let notes = state.withLock { $0.notes }
        return log.snapshot().entries.compactMap { ViolationReport.text(of: $0, contract: contract) } + notes
    }

    /// The findings not reported yet, now marked reported.
    func takeUnreported() -> [String] {
        let entries = log.snapshot().entries
        return state.withLock { state in
            let fresh = entries.filter { $0.sequence > state.reportedThrough }
            state.reportedThrough = max(state.reportedThrough, entries.last?.sequence ?? 0)
            let notes = state.notes[state.notesReported...]
            state.notesReported = state.notes.count
            return fresh.compactMap { ViolationReport.text(of: $0, contract: contract) } + notes
        }
    }

    /// Forgets the notes and the reporting cursor (the violation log is reset beside it).
    func reset() {
        state.withLock { $0 = State() }
    }
}
